/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.ovsdb.service;

import com.google.common.collect.Iterables;
import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.binding.api.ClusteredDataTreeChangeListener;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.DataTreeIdentifier;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.eos.binding.api.Entity;
import org.opendaylight.mdsal.eos.binding.api.EntityOwnershipCandidateRegistration;
import org.opendaylight.mdsal.eos.binding.api.EntityOwnershipChange;
import org.opendaylight.mdsal.eos.binding.api.EntityOwnershipListener;
import org.opendaylight.mdsal.eos.binding.api.EntityOwnershipService;
import org.opendaylight.mdsal.eos.common.api.CandidateAlreadyRegisteredException;
import org.opendaylight.mdsal.eos.common.api.EntityOwnershipState;
import org.opendaylight.wiring.ovsdb.ConnectionMode;
import org.opendaylight.wiring.ovsdb.OvsdbConfig;
import org.opendaylight.wiring.ovsdb.OvsdbConnection;
import org.opendaylight.wiring.ovsdb.OvsdbConnectionListener;
import org.opendaylight.wiring.ovsdb.OvsdbManager;
import org.opendaylight.wiring.ovsdb.OvsdbRemote;
import org.opendaylight.wiring.ovsdb.OvsdbTarget;
import org.opendaylight.wiring.ovsdb.OvsdbTlsConfig;
import org.opendaylight.wiring.ovsdb.replica.OvsdbReplica;
import org.opendaylight.wiring.ovsdb.replica.ReplicaChange;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.OvsdbState;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.Plan;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.Realization;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.HostKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.Renderer;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.RendererBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.RendererKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.renderer.FailedIntent;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.renderer.FailedIntentBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.ProviderNetworks;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.HostId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentState;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.binding.DataObject;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OVSDB renderer: accepts OVSDB sessions (passive, and active to the hosts whose provider-host intent names an
 * ovsdb-remote), mirrors each host's switch into {@code wiring-ovsdb:ovsdb-state}, and keeps it equal to the host's
 * plan, reporting into {@code wiring-plan:realization}. With OVS connected to every cluster member, exactly one
 * member writes to a host: the owner of the host's entity in the entity ownership service.
 *
 * <p>Threading: the service's own bookkeeping (sessions, plan, ownership) runs on one sequential executor; every host
 * has its own serialised worker ({@link HostRenderer}) on a shared pool, with asynchronous OVSDB transactions, so a
 * frozen switch stalls nobody. Nothing here blocks on a switch.
 *
 * <p>Start-up: the renderer listens to the whole {@code plan} container and acts only once it carries an epoch
 * (the planner writes epoch, generation and all hosts in one transaction). Before that no switch is changed, even if
 * it connects first: "no plan yet" is unknown, never empty.
 */
@Component(service = { }, configurationPid = "org.opendaylight.wiring.ovsdb")
@Designate(ocd = OvsdbRendererService.Configuration.class)
public final class OvsdbRendererService implements OvsdbConnectionListener, EntityOwnershipListener,
        HostRenderer.Sink, AutoCloseable {
    /** Karaf configuration (etc/org.opendaylight.wiring.ovsdb.cfg). */
    @ObjectClassDefinition(name = "ODL Wiring OVSDB")
    public @interface Configuration {
        @AttributeDefinition(description = "Passive listener (ptcp:PORT[:IP] or pssl:PORT[:IP]); empty disables")
        String listen() default "ptcp:6640";

        @AttributeDefinition(description = "OpenFlow controller targets set on the integration bridge (a host's own "
            + "Open_vSwitch external_ids:odl-wiring-controller replaces them for that host)")
        String[] controllers() default { "tcp:127.0.0.1:6653" };

        @AttributeDefinition(description = "Key store (PKCS12 or JKS) for ssl:/pssl:")
        String keystore() default "";

        @AttributeDefinition(description = "Key store password")
        String keystorePassword() default "";

        @AttributeDefinition(description = "Trust store (PKCS12 or JKS) for ssl:/pssl:")
        String truststore() default "";

        @AttributeDefinition(description = "Trust store password")
        String truststorePassword() default "";

        @AttributeDefinition(description = "Timeout of an OVSDB request in milliseconds")
        long requestTimeoutMillis() default 30000;

        @AttributeDefinition(description = "Seconds between two full resyncs of every owned host (drift repair)")
        long resyncSeconds() default 60;

        @AttributeDefinition(description = "Milliseconds between OVSDB echo probes; a frozen switch (TCP open, no "
            + "answers) is declared lost after maxMissedEchoes of them")
        long echoIntervalMillis() default 2000;

        @AttributeDefinition(description = "Echo probes a switch may leave unanswered before its session is lost")
        int maxMissedEchoes() default 3;
    }

    /**
     * The settings, as plain values (tests build them directly).
     *
     * @param listen passive listener target, empty for none
     * @param controllers OpenFlow controller targets of the integration bridge
     * @param ovsdb OVSDB library settings
     * @param resyncMillis period of the full resync
     * @param timing retry timing of the host workers
     */
    record Settings(String listen, List<String> controllers, OvsdbConfig ovsdb, long resyncMillis,
            HostRenderer.Timing timing) {
        static Settings of(final Configuration configuration) {
            // a frozen switch shows as lost after echo interval x missed echoes (6 s by default), not only on close
            final var config = new OvsdbConfig().setRequestTimeoutMillis(configuration.requestTimeoutMillis())
                .setEchoIntervalMillis(configuration.echoIntervalMillis())
                .setMaxMissedEchoes(configuration.maxMissedEchoes());
            if (!configuration.keystore().isEmpty() || !configuration.truststore().isEmpty()) {
                config.setTls(new OvsdbTlsConfig().setKeyStorePath(configuration.keystore())
                    .setKeyStorePassword(configuration.keystorePassword())
                    .setTrustStorePath(configuration.truststore())
                    .setTrustStorePassword(configuration.truststorePassword()));
            }
            return new Settings(configuration.listen(), List.of(configuration.controllers()), config,
                TimeUnit.SECONDS.toMillis(Math.max(1, configuration.resyncSeconds())), HostRenderer.Timing.DEFAULT);
        }
    }

    static final String ENTITY_TYPE = "odl-wiring-ovsdb-host";
    private static final Logger LOG = LoggerFactory.getLogger(OvsdbRendererService.class);
    private static final InstanceIdentifier<Plan> PLAN = InstanceIdentifier.create(Plan.class);
    private static final InstanceIdentifier<Realization> REALIZATION = InstanceIdentifier.create(Realization.class);
    private static final InstanceIdentifier<OvsdbState> OVSDB_STATE = InstanceIdentifier.create(OvsdbState.class);
    private static final long PROBE_MILLIS = 3_000;
    private static final int MAX_WRITE_ATTEMPTS = 5;

    private final DataBroker broker;
    private final EntityOwnershipService eos;
    private final OvsdbManager manager;
    private final Settings settings;
    private final ExecutorService pool;
    private final ScheduledExecutorService scheduler;
    private final Executor control;
    private final Map<String, AtomicLong> transactions = new ConcurrentHashMap<>();
    private final Map<InstanceIdentifier<?>, DataObject> latestWrites = new ConcurrentHashMap<>();
    private final List<AutoCloseable> registrations = new ArrayList<>();

    // confined to the control executor
    private final Map<String, HostRenderer> hosts = new HashMap<>();
    private final Map<String, OvsdbConnection> sessions = new HashMap<>();
    private final Map<OvsdbConnection, String> refused = new HashMap<>();
    private final Map<String, Boolean> owners = new HashMap<>();
    private final Map<String, EntityOwnershipCandidateRegistration> candidates = new HashMap<>();
    private final Map<String, org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.Host>
        mirrored = new HashMap<>();
    private final Map<String, OvsdbRemote> activeRemotes = new HashMap<>();
    private final Map<String, String> activeHosts = new HashMap<>();
    private Map<String, Host> plans = Map.of();
    private @Nullable String epoch;

    @Activate
    public OvsdbRendererService(@Reference final DataBroker broker, @Reference final EntityOwnershipService eos,
            final Configuration configuration) {
        this(broker, eos, Settings.of(configuration));
    }

    OvsdbRendererService(final DataBroker broker, final EntityOwnershipService eos, final Settings settings) {
        this.broker = broker;
        this.eos = eos;
        this.settings = settings;
        pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
            new ThreadFactoryBuilder().setNameFormat("wiring-ovsdb-renderer-%d").setDaemon(true).build());
        scheduler = Executors.newSingleThreadScheduledExecutor(new ThreadFactoryBuilder()
            .setNameFormat("wiring-ovsdb-timer").setDaemon(true).build());
        control = MoreExecutors.newSequentialExecutor(pool);
        manager = new OvsdbManager(settings.ovsdb());
        registrations.add(manager.addListener(this));
        manager.start();
        if (!settings.listen().isEmpty()) {
            manager.open(settings.listen());
            LOG.info("ODL Wiring OVSDB listening on {}", settings.listen());
        }
        registrations.add(eos.registerListener(ENTITY_TYPE, this));
        final ClusteredDataTreeChangeListener<Plan> planListener = changes -> {
            if (!changes.isEmpty()) {
                final var after = Iterables.getLast(changes).getRootNode().getDataAfter();
                control.execute(() -> onPlan(after));
            }
        };
        registrations.add(broker.registerDataTreeChangeListener(
            DataTreeIdentifier.create(LogicalDatastoreType.OPERATIONAL, PLAN), planListener));
        final ClusteredDataTreeChangeListener<ProviderNetworks> remotesListener = changes -> {
            final var after = changes.isEmpty() ? null : Iterables.getLast(changes).getRootNode().getDataAfter();
            control.execute(() -> updateActiveRemotes(after));
        };
        registrations.add(broker.registerDataTreeChangeListener(DataTreeIdentifier.create(
            LogicalDatastoreType.CONFIGURATION, InstanceIdentifier.create(ProviderNetworks.class)), remotesListener));
        scheduler.scheduleAtFixedRate(() -> control.execute(this::resync), settings.resyncMillis(),
            settings.resyncMillis(), TimeUnit.MILLISECONDS);
        LOG.info("ODL Wiring OVSDB renderer started, controllers {}, resync every {} ms", settings.controllers(),
            settings.resyncMillis());
    }

    /** The plan container changed: only a plan with an epoch is a plan. */
    private void onPlan(final @Nullable Plan plan) {
        final var newEpoch = plan == null ? null : plan.getEpoch();
        if (newEpoch == null) {
            if (epoch != null) {
                LOG.warn("The plan lost its epoch (planner restarting?): switches are left as they are");
            }
            epoch = null;
            plans = Map.of();
            hosts.values().forEach(renderer -> renderer.setPlan(false, null));
            return;
        }
        if (!newEpoch.equals(epoch)) {
            LOG.info("Plan epoch {} generation {}: rendering", newEpoch, plan.getGeneration());
        }
        final boolean newEpochSeen = !newEpoch.equals(epoch);
        epoch = newEpoch;
        final Map<String, Host> byHost = new HashMap<>();
        plan.nonnullHost().values().forEach(host -> byHost.put(host.getHostId().getValue(), host));
        final boolean hostLeft = !byHost.keySet().containsAll(plans.keySet());
        plans = byHost;
        hosts.forEach((id, renderer) -> renderer.setPlan(true, byHost.get(id)));
        if (newEpochSeen || hostLeft) {
            cleanUpGoneHosts();
        }
    }

    /** Active mode: connect to every host whose provider-host intent has an ovsdb-remote. */
    private void updateActiveRemotes(final @Nullable ProviderNetworks provider) {
        final Map<String, String> wanted = new HashMap<>();
        if (provider != null) {
            provider.nonnullHost().values().forEach(host -> {
                if (host.getOvsdbRemote() != null) {
                    wanted.put(host.getOvsdbRemote(), host.getHostId().getValue());
                }
            });
        }
        for (var it = activeRemotes.entrySet().iterator(); it.hasNext(); ) {
            final var entry = it.next();
            if (!wanted.containsKey(entry.getKey())) {
                manager.closeRemote(entry.getValue());
                it.remove();
            }
        }
        activeHosts.clear();
        activeHosts.putAll(wanted);
        wanted.keySet().forEach(target -> activeRemotes.computeIfAbsent(target, manager::open));
    }

    /** The provider-host whose ovsdb-remote this active session was opened for, if any. */
    private @Nullable String expectedHost(final OvsdbConnection connection) {
        if (connection.mode() != ConnectionMode.ACTIVE) {
            return null;
        }
        for (var entry : activeHosts.entrySet()) {
            final var remote = activeRemotes.get(entry.getKey());
            if (remote != null && remote.connections().contains(connection)) {
                return entry.getValue();
            }
            final var target = OvsdbTarget.parse(entry.getKey());
            final var address = connection.remoteAddress();
            if (address != null && address.getPort() == target.port()
                    && (target.host().equals(address.getHostString()) || address.getAddress() != null
                        && target.host().equals(address.getAddress().getHostAddress()))) {
                return entry.getValue();
            }
        }
        return null;
    }

    private HostRenderer renderer(final String hostId) {
        return hosts.computeIfAbsent(hostId, id -> {
            final var renderer = new HostRenderer(id, this, settings.controllers(), pool, scheduler,
                settings.timing());
            renderer.setPlan(epoch != null, plans.get(id));
            return renderer;
        });
    }

    @Override
    public void onReplicaReady(final OvsdbConnection connection, final OvsdbReplica replica) {
        control.execute(() -> session(connection));
    }

    /** A session whose replica is loaded: use it, or refuse it with a reason. */
    private void session(final OvsdbConnection connection) {
        if (!connection.isConnected()) {
            return;
        }
        final var systemId = connection.systemId().orElse(null);
        if (systemId == null) {
            LOG.warn("OVSDB peer {} has no external_ids:system-id; it is ignored until it sets one",
                connection.remoteAddress());
            return;
        }
        final var expected = expectedHost(connection);
        if (expected != null && !expected.equals(systemId)) {
            final var reason = "OVSDB remote " + connection.remoteAddress() + " of provider-host " + expected
                + " reports system-id '" + systemId + "'; session refused (set external_ids:system-id=" + expected
                + " on that switch, or fix the ovsdb-remote)";
            LOG.warn("Refused: {}", reason);
            refused.put(connection, reason);
            writeRefusal(expected, reason);
            return;
        }
        final var previous = sessions.get(systemId);
        if (previous == connection) {
            return;
        }
        if (previous != null && previous.isConnected()) {
            // a second session claims the host: the normal passive reconnect (the old session is dead but its
            // probe has not fired yet) or a second switch with the same system-id. Ask the old one.
            previous.echo().orTimeout(PROBE_MILLIS, TimeUnit.MILLISECONDS).whenCompleteAsync((ok, failure) -> {
                if (sessions.get(systemId) != previous || !connection.isConnected()) {
                    return;
                }
                if (failure != null) {
                    LOG.info("Host {}: session {} does not answer ({}); session {} takes over", systemId,
                        previous.remoteAddress(), failure.getMessage(), connection.remoteAddress());
                    previous.close();
                    adopt(systemId, connection);
                } else {
                    final var reason = "a second OVSDB session with system-id " + systemId + " from "
                        + connection.remoteAddress() + " was refused: the host is connected from "
                        + previous.remoteAddress() + " (two switches with one system-id?)";
                    LOG.warn("Refused: {}", reason);
                    refused.put(connection, reason);
                    renderer(systemId).setSessionProblem(reason);
                }
            }, control);
            return;
        }
        adopt(systemId, connection);
    }

    private void adopt(final String systemId, final OvsdbConnection connection) {
        LOG.info("Host {} connected from {} ({})", systemId, connection.remoteAddress(), connection.mode());
        sessions.put(systemId, connection);
        transactions.put(systemId, new AtomicLong());
        final var renderer = renderer(systemId);
        renderer.setConnection(connection);
        renderer.setSessionProblem(refusedDuplicateOf(systemId));
        final var entity = new Entity(ENTITY_TYPE, systemId);
        if (!candidates.containsKey(systemId)) {
            try {
                candidates.put(systemId, eos.registerCandidate(entity));
            } catch (CandidateAlreadyRegisteredException e) {
                LOG.debug("Already a candidate for {}", systemId, e);
            }
        }
        eos.getOwnershipState(entity).ifPresent(state -> setOwner(systemId, state == EntityOwnershipState.IS_OWNER));
        mirror(systemId, connection, true);
    }

    private @Nullable String refusedDuplicateOf(final String systemId) {
        for (var entry : refused.entrySet()) {
            if (entry.getKey().isConnected() && entry.getKey().systemId().filter(systemId::equals).isPresent()
                    && sessions.get(systemId) != entry.getKey()) {
                return entry.getValue();
            }
        }
        return null;
    }

    private void setOwner(final String hostId, final boolean owner) {
        final var previous = owners.put(hostId, owner);
        final var renderer = hosts.get(hostId);
        if (renderer != null) {
            renderer.setOwner(owner);
        }
        if (owner && !Boolean.TRUE.equals(previous)) {
            mirrored.remove(hostId);
            mirror(hostId, sessions.get(hostId), true);
        }
    }

    @Override
    public void onReplicaChanged(final OvsdbConnection connection, final ReplicaChange change) {
        control.execute(() -> {
            final var systemId = connection.systemId().orElse(null);
            if (systemId != null && sessions.get(systemId) == connection) {
                // something changed under us (a user, a restart of ovs-vswitchd, our own transaction): look again
                hosts.get(systemId).reconcile();
                mirror(systemId, connection, true);
            } else if (refused.containsKey(connection)) {
                // a refused active session whose switch now reports the right system-id is accepted
                final var expected = expectedHost(connection);
                if (expected != null && expected.equals(systemId)) {
                    refused.remove(connection);
                    session(connection);
                }
            } else if (systemId != null && connection.isConnected() && !sessions.containsValue(connection)) {
                // the switch set its system-id only now
                session(connection);
            }
        });
    }

    @Override
    public void onDisconnected(final OvsdbConnection connection, final String reason) {
        final var when = Instant.now();
        control.execute(() -> {
            if (refused.remove(connection) != null) {
                connection.systemId().ifPresent(id -> {
                    final var renderer = hosts.get(id);
                    if (renderer != null && sessions.get(id) != connection) {
                        renderer.setSessionProblem(refusedDuplicateOf(id));
                    }
                });
                return;
            }
            for (var entry : List.copyOf(sessions.entrySet())) {
                if (entry.getValue() != connection) {
                    continue;
                }
                final var hostId = entry.getKey();
                LOG.info("Host {} disconnected: {}", hostId, reason);
                sessions.remove(hostId);
                hosts.get(hostId).disconnected(connection, "OVSDB session to " + hostId + " lost at " + when
                    + " (" + reason + ")");
                mirror(hostId, connection, false);
                final var candidate = candidates.remove(hostId);
                if (candidate != null) {
                    candidate.close();
                }
                owners.remove(hostId);
                hosts.get(hostId).setOwner(false);
                if (epoch != null && !plans.containsKey(hostId)) {
                    cleanUpGoneHosts();
                }
                // a session refused as a duplicate (the passive reconnect) takes over now
                manager.connections().stream().filter(other -> other != connection && other.isConnected()
                    && other.systemId().filter(hostId::equals).isPresent()).findFirst().ifPresent(other -> {
                        refused.remove(other);
                        session(other);
                    });
            }
        });
    }

    @Override
    public void ownershipChanged(final EntityOwnershipChange change) {
        final var hostId = entityName(change);
        final boolean owner = change.getState().isOwner();
        control.execute(() -> {
            if (!sessions.containsKey(hostId)) {
                return;
            }
            LOG.info("Host {}: this member is {} its owner", hostId, owner ? "now" : "no longer");
            setOwner(hostId, owner);
        });
    }

    private static String entityName(final EntityOwnershipChange change) {
        return change.getEntity().getIdentifier().firstKeyOf(
            org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.mdsal.core.general.entity.rev150930
                .Entity.class).getName();
    }

    /** Periodic: every host looks again (drift repair, retry of rejected objects); gone hosts are cleaned up. */
    private void resync() {
        sessions.keySet().forEach(id -> hosts.get(id).resync());
        cleanUpGoneHosts();
    }

    /**
     * Removes the realization (renderer ovsdb) and ovsdb-state entries of hosts that are gone: no plan entry (once
     * the plan has an epoch), no session here, and no other member owning them.
     */
    private void cleanUpGoneHosts() {
        if (epoch == null) {
            return;
        }
        final var tx = broker.newReadOnlyTransaction();
        final var realization = tx.read(LogicalDatastoreType.OPERATIONAL, REALIZATION);
        final var state = tx.read(LogicalDatastoreType.OPERATIONAL, OVSDB_STATE);
        tx.close();
        Futures.whenAllComplete(realization, state).run(() -> control.execute(() -> {
            try {
                removeGone(realization.get().orElse(null), state.get().orElse(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                LOG.warn("Reading realization and ovsdb-state failed", e);
            }
        }), MoreExecutors.directExecutor());
    }

    private boolean gone(final String hostId) {
        if (epoch == null || plans.containsKey(hostId) || sessions.containsKey(hostId)) {
            return false;
        }
        return eos.getOwnershipState(new Entity(ENTITY_TYPE, hostId))
            .map(owned -> owned == EntityOwnershipState.NO_OWNER).orElse(true);
    }

    private void removeGone(final @Nullable Realization realization, final @Nullable OvsdbState state) {
        final var tx = broker.newWriteOnlyTransaction();
        final List<String> removed = new ArrayList<>();
        if (realization != null) {
            for (var host : realization.nonnullHost().values()) {
                final var id = host.getHostId().getValue();
                if (host.nonnullRenderer().containsKey(new RendererKey(Renderer.Name.Ovsdb)) && gone(id)) {
                    final var path = REALIZATION.child(
                        org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.Host.class,
                        host.key());
                    if (host.nonnullRenderer().size() == 1) {
                        tx.delete(LogicalDatastoreType.OPERATIONAL, path);
                    } else {
                        tx.delete(LogicalDatastoreType.OPERATIONAL, path.child(Renderer.class,
                            new RendererKey(Renderer.Name.Ovsdb)));
                    }
                    removed.add(id);
                }
            }
        }
        if (state != null) {
            for (var host : state.nonnullHost().values()) {
                final var id = host.getHostId().getValue();
                if (gone(id)) {
                    tx.delete(LogicalDatastoreType.OPERATIONAL, OVSDB_STATE.child(
                        org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.Host.class,
                        host.key()));
                    removed.add(id);
                }
            }
        }
        if (removed.isEmpty()) {
            tx.cancel();
            return;
        }
        for (var id : removed) {
            mirrored.remove(id);
            final var renderer = hosts.get(id);
            if (renderer != null && !sessions.containsKey(id)) {
                hosts.remove(id);
            }
        }
        LOG.info("Hosts gone (no plan, no session): {}; their realization and ovsdb-state entries are removed",
            new TreeSet<>(removed));
        commit(tx, "removal of gone hosts " + removed, () -> { });
    }

    private void mirror(final String hostId, final @Nullable OvsdbConnection source, final boolean connected) {
        if (!Boolean.TRUE.equals(owners.get(hostId)) || source == null) {
            return;
        }
        final var state = StateMirror.of(hostId, source, connected,
            transactions.getOrDefault(hostId, new AtomicLong()).get());
        if (state.equals(mirrored.get(hostId))) {
            return;
        }
        mirrored.put(hostId, state);
        write(OVSDB_STATE.child(
            org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.Host.class,
            state.key()), state, "mirror of " + hostId, 0, () -> mirrored.remove(hostId));
    }

    /**
     * Writes one operational entry. Writes of one entry can overlap (each is a whole replacement); when one fails
     * on the optimistic lock and is still the latest for its path it is written again, else the newer one stands.
     */
    private <T extends DataObject> void write(final InstanceIdentifier<T> path, final T data, final String what,
            final int attempt, final Runnable onFailure) {
        latestWrites.put(path, data);
        final var tx = broker.newWriteOnlyTransaction();
        tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL, path, data);
        tx.commit().addCallback(new FutureCallback<Object>() {
            @Override
            public void onSuccess(final Object result) {
                latestWrites.remove(path, data);
            }

            @Override
            public void onFailure(final Throwable cause) {
                if (latestWrites.get(path) != data) {
                    LOG.debug("Writing the {} failed, a newer write follows", what, cause);
                } else if (attempt < MAX_WRITE_ATTEMPTS) {
                    LOG.debug("Writing the {} failed, writing it again", what, cause);
                    control.execute(() -> {
                        if (latestWrites.get(path) == data) {
                            write(path, data, what, attempt + 1, onFailure);
                        }
                    });
                } else {
                    LOG.warn("Writing the {} failed", what, cause);
                    latestWrites.remove(path, data);
                    control.execute(onFailure);
                }
            }
        }, MoreExecutors.directExecutor());
    }

    /** Commit; on failure log and run the compensation on the control executor. */
    private void commit(final WriteTransaction tx, final String what, final Runnable onFailure) {
        tx.commit().addCallback(new FutureCallback<Object>() {
            @Override
            public void onSuccess(final Object result) {
                // nothing to do
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("Writing the {} failed", what, cause);
                control.execute(onFailure);
            }
        }, MoreExecutors.directExecutor());
    }

    @Override
    public void transactionSent(final String hostId) {
        transactions.computeIfAbsent(hostId, id -> new AtomicLong()).incrementAndGet();
    }

    /** An active session refused for its system-id: say so on the host it was opened for. */
    private void writeRefusal(final String hostId, final String reason) {
        writeRealization(hostId, new RendererBuilder().setName(Renderer.Name.Ovsdb).setConnected(false)
            .setState(IntentState.Failed).setReason(reason).build(), () -> { });
    }

    @Override
    public void report(final String hostId, final HostRenderer.Report report) {
        final List<FailedIntent> failed = new ArrayList<>();
        report.failedIntents().forEach((intent, reason) -> failed.add(new FailedIntentBuilder()
            .setIntent(new IntentRef(intent)).setReason(reason).build()));
        final var renderer = new RendererBuilder().setName(Renderer.Name.Ovsdb).setAppliedDigest(report.digest())
            .setConnected(report.connected()).setState(report.state()).setReason(report.reason())
            .setFailedIntent(failed.isEmpty() ? null : BindingMap.ordered(failed))
            .build();
        writeRealization(hostId, renderer, () -> {
            final var host = hosts.get(hostId);
            if (host != null) {
                host.forgetReport();
            }
        });
    }

    private void writeRealization(final String hostId, final Renderer renderer, final Runnable onFailure) {
        write(REALIZATION.child(org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization
            .Host.class, new HostKey(new HostId(hostId))).child(Renderer.class,
                new RendererKey(Renderer.Name.Ovsdb)), renderer, "realization of " + hostId, 0, onFailure);
    }

    @Deactivate
    @Override
    @SuppressWarnings("checkstyle:IllegalCatch")
    public void close() {
        for (var registration : registrations) {
            try {
                registration.close();
            } catch (Exception e) {
                LOG.debug("Close failed", e);
            }
        }
        final var closed = new CountDownLatch(1);
        control.execute(() -> {
            candidates.values().forEach(Registration::close);
            candidates.clear();
            closed.countDown();
        });
        try {
            if (!closed.await(5, TimeUnit.SECONDS)) {
                LOG.warn("Renderer bookkeeping did not quiesce within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler.shutdownNow();
        manager.close();
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
