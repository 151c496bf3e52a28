/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb;

import static java.util.Objects.requireNonNull;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.opendaylight.wiring.ovsdb.internal.ActiveRemoteImpl;
import org.opendaylight.wiring.ovsdb.internal.ConnectionRegistry;
import org.opendaylight.wiring.ovsdb.internal.ListenerDispatcher;
import org.opendaylight.wiring.ovsdb.internal.PassiveRemoteImpl;
import org.opendaylight.wiring.ovsdb.internal.TlsContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the library: opens OVSDB remotes and tracks their connections.
 *
 * <p>Typical use by a renderer:
 * <pre>{@code
 * OvsdbManager manager = new OvsdbManager(new OvsdbConfig().addRemote("ptcp:6640"));
 * manager.addListener(new OvsdbConnectionListener() {
 *     public void onReplicaReady(OvsdbConnection conn, OvsdbReplica replica) {
 *         String host = replica.systemId().orElseThrow();
 *         Transaction tx = Transaction.create();
 *         ... build operations ...
 *         conn.transactChecked(tx).whenComplete(...);
 *     }
 *     public void onReplicaChanged(OvsdbConnection conn, ReplicaChange change) { ... }
 * });
 * manager.start();
 * }</pre>
 */
public final class OvsdbManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OvsdbManager.class);

    private final List<OvsdbRemote> remotes = new CopyOnWriteArrayList<>();
    private final ConnectionRegistry registry = new ConnectionRegistry();
    private final ListenerDispatcher dispatcher = new ListenerDispatcher();
    private final OvsdbConfig config;
    private final EventLoopGroup group;
    private final boolean ownGroup;
    private SslContext serverTls;
    private SslContext clientTls;
    private volatile boolean closed;

    /**
     * Creates a manager with its own Netty event loop group.
     *
     * @param config the settings (copied)
     * @throws IllegalArgumentException if the settings are invalid
     */
    public OvsdbManager(final OvsdbConfig config) {
        this(config, null);
    }

    /**
     * Creates a manager using a shared Netty event loop group, which it does not shut down.
     *
     * @param config the settings (copied)
     * @param group the event loop group, or null to create one
     * @throws IllegalArgumentException if the settings are invalid
     */
    public OvsdbManager(final OvsdbConfig config, final EventLoopGroup group) {
        this.config = requireNonNull(config, "config").copy();
        this.config.validate();
        this.ownGroup = group == null;
        this.group = group != null ? group
            : new NioEventLoopGroup(this.config.getIoThreads(), new DefaultThreadFactory("ovsdb-io", true));
    }

    /**
     * Registers a listener. It first receives {@code onConnected} (and {@code onReplicaReady}, if loaded) for the
     * connections that are already open, then every later event.
     *
     * @param listener the listener
     * @return a registration; closing it removes the listener
     */
    public AutoCloseable addListener(final OvsdbConnectionListener listener) {
        requireNonNull(listener, "listener");
        dispatcher.add(listener, added -> {
            for (OvsdbConnection connection : registry.connections()) {
                added.onConnected(connection);
                final CompletableFuture<?> ready = connection.replicaReady();
                if (ready.isDone() && !ready.isCompletedExceptionally()) {
                    added.onReplicaReady(connection, connection.replica());
                }
            }
        });
        return () -> dispatcher.remove(listener);
    }

    /**
     * Opens the remotes of the configuration.
     *
     * @return a future completed when every listener is bound, failed if one cannot bind
     */
    public synchronized CompletableFuture<Void> start() {
        final List<CompletableFuture<?>> bound = new ArrayList<>();
        for (String remote : config.getRemotes()) {
            final OvsdbRemote opened = open(remote);
            if (opened instanceof PassiveRemote passive) {
                bound.add(passive.localAddress());
            }
        }
        return CompletableFuture.allOf(bound.toArray(new CompletableFuture<?>[0]));
    }

    /**
     * Opens a remote given in Open vSwitch syntax.
     *
     * @param target {@code ptcp:...}, {@code pssl:...}, {@code tcp:...} or {@code ssl:...}
     * @return the remote
     * @throws IllegalArgumentException for an invalid target or TLS settings
     */
    public OvsdbRemote open(final String target) {
        final OvsdbTarget parsed = OvsdbTarget.parse(target);
        return parsed.isPassive() ? listen(parsed) : connect(parsed);
    }

    /**
     * Listens for switches ({@code ptcp:PORT[:IP]} or {@code pssl:PORT[:IP]}; port 0 picks a free port).
     *
     * @param target the target
     * @return the remote; see {@link PassiveRemote#localAddress()}
     * @throws IllegalArgumentException for an invalid target or TLS settings
     */
    public PassiveRemote listen(final OvsdbTarget target) {
        if (!target.isPassive()) {
            throw new IllegalArgumentException(target + " is not a listening target (ptcp: or pssl:)");
        }
        final PassiveRemoteImpl remote = new PassiveRemoteImpl(target, group,
            target.kind().isTls() ? serverTls() : null, config, dispatcher, registry);
        register(remote);
        remote.start();
        return remote;
    }

    /**
     * Connects to a switch ({@code tcp:HOST:PORT} or {@code ssl:HOST:PORT}) and keeps reconnecting.
     *
     * @param target the target
     * @return the remote
     * @throws IllegalArgumentException for an invalid target or TLS settings
     */
    public ActiveRemote connect(final OvsdbTarget target) {
        if (target.isPassive()) {
            throw new IllegalArgumentException(target + " is not a connecting target (tcp: or ssl:)");
        }
        final ActiveRemoteImpl remote = new ActiveRemoteImpl(target, group,
            target.kind().isTls() ? clientTls() : null, config, dispatcher, registry);
        register(remote);
        remote.start();
        return remote;
    }

    private void register(final OvsdbRemote remote) {
        if (closed) {
            throw new IllegalStateException("OVSDB manager is closed");
        }
        remotes.add(remote);
    }

    /**
     * Closes a remote and forgets it.
     *
     * @param remote the remote
     */
    public void closeRemote(final OvsdbRemote remote) {
        remotes.remove(remote);
        remote.close();
    }

    private synchronized SslContext serverTls() {
        if (serverTls == null) {
            serverTls = TlsContexts.server(requireTls());
        }
        return serverTls;
    }

    private synchronized SslContext clientTls() {
        if (clientTls == null) {
            clientTls = TlsContexts.client(requireTls());
        }
        return clientTls;
    }

    private OvsdbTlsConfig requireTls() {
        final OvsdbTlsConfig tls = config.getTls();
        if (tls == null) {
            throw new IllegalArgumentException("ssl:/pssl: remotes need TLS settings in OvsdbConfig");
        }
        return tls;
    }

    /**
     * Returns the open remotes.
     *
     * @return a snapshot
     */
    public List<OvsdbRemote> remotes() {
        return List.copyOf(remotes);
    }

    /**
     * Returns the open connections of all remotes.
     *
     * @return a snapshot
     */
    public Collection<OvsdbConnection> connections() {
        return List.copyOf(registry.connections());
    }

    /**
     * Finds the open connection of a switch by its system id (once its replica is loaded).
     *
     * @param systemId the {@code external_ids:system-id} of the switch
     * @return the connection, if any
     */
    public Optional<OvsdbConnection> connectionBySystemId(final String systemId) {
        return registry.connections().stream().filter(OvsdbConnection::isConnected)
            .filter(connection -> connection.systemId().filter(systemId::equals).isPresent()).findFirst();
    }

    /**
     * Returns a copy of the settings.
     *
     * @return the settings
     */
    public OvsdbConfig config() {
        return config.copy();
    }

    /**
     * Closes every remote and connection, stops the notification thread and, if owned, the event loops.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        remotes.forEach(OvsdbRemote::close);
        remotes.clear();
        if (ownGroup) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
        dispatcher.close();
        LOG.debug("OVSDB manager closed");
    }
}
