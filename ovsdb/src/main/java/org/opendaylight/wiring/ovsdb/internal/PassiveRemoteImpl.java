/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.opendaylight.wiring.ovsdb.ConnectionMode;
import org.opendaylight.wiring.ovsdb.OvsdbConfig;
import org.opendaylight.wiring.ovsdb.OvsdbConnection;
import org.opendaylight.wiring.ovsdb.OvsdbException;
import org.opendaylight.wiring.ovsdb.OvsdbTarget;
import org.opendaylight.wiring.ovsdb.PassiveRemote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listening remote: accepts connections from switches.
 */
public final class PassiveRemoteImpl implements PassiveRemote, ConnectionObserver {
    private static final Logger LOG = LoggerFactory.getLogger(PassiveRemoteImpl.class);
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final Set<OvsdbConnectionImpl> connections = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<InetSocketAddress> localAddress = new CompletableFuture<>();
    private final OvsdbTarget target;
    private final ConnectionObserver parent;
    private final ServerBootstrap bootstrap;
    private volatile Channel serverChannel;
    private volatile boolean closed;

    /**
     * Creates a listener; call {@link #start()} to bind.
     *
     * @param target the ptcp/pssl target
     * @param group the event loop group
     * @param sslContext the TLS context for pssl, else null
     * @param config settings
     * @param dispatcher listener events
     * @param parent the manager's hooks
     */
    public PassiveRemoteImpl(final OvsdbTarget target, final EventLoopGroup group, final SslContext sslContext,
            final OvsdbConfig config, final ListenerDispatcher dispatcher, final ConnectionObserver parent) {
        this.target = target;
        this.parent = parent;
        this.bootstrap = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 128).option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true).childOption(ChannelOption.SO_KEEPALIVE, true)
            .childHandler(new OvsdbChannelInitializer(ConnectionMode.PASSIVE, target, sslContext, config,
                dispatcher, this));
    }

    /**
     * Binds the listening socket.
     */
    public void start() {
        bootstrap.bind(target.host(), target.port()).addListener((ChannelFuture future) -> {
            if (future.isSuccess()) {
                serverChannel = future.channel();
                final InetSocketAddress bound = (InetSocketAddress) future.channel().localAddress();
                LOG.info("OVSDB {}: listening on {}:{}", target, bound.getHostString(), bound.getPort());
                if (closed) {
                    future.channel().close();
                }
                localAddress.complete(bound);
            } else {
                LOG.error("OVSDB {}: cannot listen: {}", target, String.valueOf(future.cause()));
                localAddress.completeExceptionally(new OvsdbException("cannot listen on " + target + ": "
                    + future.cause().getMessage(), future.cause()));
            }
        });
    }

    @Override
    public OvsdbTarget target() {
        return target;
    }

    @Override
    public CompletableFuture<InetSocketAddress> localAddress() {
        return localAddress;
    }

    @Override
    public Collection<OvsdbConnection> connections() {
        return List.copyOf(connections);
    }

    @Override
    public void connectionUp(final OvsdbConnectionImpl connection) {
        connections.add(connection);
        parent.connectionUp(connection);
        if (closed) {
            connection.close();
        }
    }

    @Override
    public void replicaReady(final OvsdbConnectionImpl connection) {
        parent.replicaReady(connection);
    }

    @Override
    public void connectionDown(final OvsdbConnectionImpl connection) {
        connections.remove(connection);
        parent.connectionDown(connection);
    }

    @Override
    public void close() {
        closed = true;
        final Channel local = serverChannel;
        connections.forEach(OvsdbConnectionImpl::close);
        if (local != null) {
            final ChannelFuture closing = local.close();
            if (!local.eventLoop().inEventLoop()) {
                closing.awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            }
            LOG.info("OVSDB {}: stopped listening", target);
        }
    }

    @Override
    public String toString() {
        return "PassiveRemote{" + target + "}";
    }
}
