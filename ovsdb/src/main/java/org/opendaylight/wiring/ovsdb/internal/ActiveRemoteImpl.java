/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.opendaylight.wiring.ovsdb.ActiveRemote;
import org.opendaylight.wiring.ovsdb.ConnectionMode;
import org.opendaylight.wiring.ovsdb.OvsdbConfig;
import org.opendaylight.wiring.ovsdb.OvsdbConnection;
import org.opendaylight.wiring.ovsdb.OvsdbTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connecting remote: keeps one connection to a switch, reconnecting with capped exponential backoff.
 */
public final class ActiveRemoteImpl implements ActiveRemote, ConnectionObserver {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveRemoteImpl.class);
    private static final int MAX_SHIFT = 20;
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final OvsdbTarget target;
    private final EventLoopGroup group;
    private final OvsdbConfig config;
    private final ConnectionObserver parent;
    private final Bootstrap bootstrap;
    private volatile OvsdbConnectionImpl current;
    private volatile boolean closed;
    // guarded by this
    private int failures;
    private Channel channel;

    /**
     * Creates a connecting remote; call {@link #start()} to connect.
     *
     * @param target the tcp/ssl target
     * @param group the event loop group
     * @param sslContext the TLS context for ssl, else null
     * @param config settings
     * @param dispatcher listener events
     * @param parent the manager's hooks
     */
    public ActiveRemoteImpl(final OvsdbTarget target, final EventLoopGroup group, final SslContext sslContext,
            final OvsdbConfig config, final ListenerDispatcher dispatcher, final ConnectionObserver parent) {
        this.target = target;
        this.group = group;
        this.config = config;
        this.parent = parent;
        this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                config.getConnectTimeoutMillis()))
            .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.SO_KEEPALIVE, true)
            .handler(new OvsdbChannelInitializer(ConnectionMode.ACTIVE, target, sslContext, config, dispatcher,
                this));
    }

    /**
     * Makes the first connection attempt.
     */
    public void start() {
        attempt();
    }

    private void attempt() {
        if (closed) {
            return;
        }
        LOG.debug("OVSDB {}: connecting", target);
        bootstrap.connect(target.host(), target.port()).addListener((ChannelFuture future) -> {
            if (!future.isSuccess()) {
                scheduleReconnect("cannot connect: " + future.cause().getMessage());
                return;
            }
            synchronized (this) {
                channel = future.channel();
            }
            if (closed) {
                future.channel().close();
                return;
            }
            future.channel().closeFuture().addListener(closeFuture -> scheduleReconnect("connection closed"));
        });
    }

    private synchronized void scheduleReconnect(final String why) {
        channel = null;
        if (closed) {
            return;
        }
        final long delay = Math.min(config.getReconnectInitialDelayMillis() << Math.min(failures, MAX_SHIFT),
            config.getReconnectMaxDelayMillis());
        if (failures == 0) {
            LOG.warn("OVSDB {}: {}; reconnecting in {} ms", target, why, delay);
        } else {
            LOG.info("OVSDB {}: {}; reconnecting in {} ms (attempt {})", target, why, delay, failures + 1);
        }
        failures++;
        try {
            group.schedule(this::attempt, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("OVSDB {}: event loop shut down, not reconnecting", target, e);
        }
    }

    @Override
    public OvsdbTarget target() {
        return target;
    }

    @Override
    public Optional<OvsdbConnection> connection() {
        return Optional.ofNullable(current);
    }

    @Override
    public Collection<OvsdbConnection> connections() {
        final OvsdbConnectionImpl local = current;
        return local == null ? List.of() : List.of(local);
    }

    @Override
    public void connectionUp(final OvsdbConnectionImpl connection) {
        current = connection;
        parent.connectionUp(connection);
    }

    @Override
    public void replicaReady(final OvsdbConnectionImpl connection) {
        synchronized (this) {
            failures = 0;
        }
        parent.replicaReady(connection);
    }

    @Override
    public void connectionDown(final OvsdbConnectionImpl connection) {
        if (current == connection) {
            current = null;
        }
        parent.connectionDown(connection);
    }

    @Override
    public void close() {
        final Channel local;
        synchronized (this) {
            closed = true;
            local = channel;
        }
        final OvsdbConnectionImpl connection = current;
        if (connection != null) {
            connection.close();
        }
        if (local != null) {
            final ChannelFuture closing = local.close();
            if (!local.eventLoop().inEventLoop()) {
                closing.awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        }
        LOG.info("OVSDB {}: stopped", target);
    }

    @Override
    public String toString() {
        return "ActiveRemote{" + target + "}";
    }
}
