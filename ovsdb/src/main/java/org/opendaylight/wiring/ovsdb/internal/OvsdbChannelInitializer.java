/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.internal;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import org.opendaylight.wiring.ovsdb.ConnectionMode;
import org.opendaylight.wiring.ovsdb.OvsdbConfig;
import org.opendaylight.wiring.ovsdb.OvsdbTarget;

/**
 * Sets up the pipeline of an OVSDB channel: [TLS] - JSON framing - JSON-RPC endpoint of a new connection.
 */
final class OvsdbChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final ConnectionMode mode;
    private final OvsdbTarget target;
    private final SslContext sslContext;
    private final OvsdbConfig config;
    private final ListenerDispatcher dispatcher;
    private final ConnectionObserver observer;

    OvsdbChannelInitializer(final ConnectionMode mode, final OvsdbTarget target, final SslContext sslContext,
            final OvsdbConfig config, final ListenerDispatcher dispatcher, final ConnectionObserver observer) {
        this.mode = mode;
        this.target = target;
        this.sslContext = sslContext;
        this.config = config;
        this.dispatcher = dispatcher;
        this.observer = observer;
    }

    @Override
    protected void initChannel(final SocketChannel ch) {
        final InetSocketAddress peer = mode == ConnectionMode.PASSIVE && ch.remoteAddress() != null
            ? ch.remoteAddress() : InetSocketAddress.createUnresolved(target.host(), target.port());
        if (sslContext != null) {
            ch.pipeline().addLast("tls", mode == ConnectionMode.ACTIVE
                ? sslContext.newHandler(ch.alloc(), target.host(), target.port()) : sslContext.newHandler(ch.alloc()));
        }
        final OvsdbConnectionImpl connection = new OvsdbConnectionImpl(ch, mode, sslContext != null, peer, config,
            dispatcher, observer);
        ch.pipeline().addLast("json-framing", new OvsdbFrameDecoder(config.getMaxMessageBytes()));
        ch.pipeline().addLast("json-rpc", connection.endpoint());
    }
}
