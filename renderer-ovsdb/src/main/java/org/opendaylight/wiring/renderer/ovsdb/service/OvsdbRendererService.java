/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.ovsdb.service;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.binding.api.ClusteredDataTreeChangeListener;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.DataTreeIdentifier;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.eos.binding.api.Entity;
import org.opendaylight.mdsal.eos.binding.api.EntityOwnershipCandidateRegistration;
import org.opendaylight.mdsal.eos.binding.api.EntityOwnershipChange;
import org.opendaylight.mdsal.eos.binding.api.EntityOwnershipListener;
import org.opendaylight.mdsal.eos.binding.api.EntityOwnershipService;
import org.opendaylight.mdsal.eos.common.api.CandidateAlreadyRegisteredException;
import org.opendaylight.mdsal.eos.common.api.EntityOwnershipState;
import org.opendaylight.wiring.ovsdb.OvsdbConfig;
import org.opendaylight.wiring.ovsdb.OvsdbConnection;
import org.opendaylight.wiring.ovsdb.OvsdbConnectionListener;
import org.opendaylight.wiring.ovsdb.OvsdbManager;
import org.opendaylight.wiring.ovsdb.OvsdbRemote;
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

        @AttributeDefinition(description = "OpenFlow controller targets set on every bridge")
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
    }

    static final String ENTITY_TYPE = "odl-wiring-ovsdb-host";
    private static final Logger LOG = LoggerFactory.getLogger(OvsdbRendererService.class);
    private static final InstanceIdentifier<Host> PLAN_HOSTS = InstanceIdentifier.create(Plan.class).child(Host.class);

    private final DataBroker broker;
    private final EntityOwnershipService eos;
    private final OvsdbManager manager;
    private final List<String> controllers;
    private final long timeoutMillis;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(new ThreadFactoryBuilder()
        .setNameFormat("wiring-ovsdb-renderer").setDaemon(true).build());
    private final Map<String, HostRenderer> hosts = new HashMap<>();
    private final Map<String, Host> plans = new HashMap<>();
    private final Map<String, EntityOwnershipCandidateRegistration> candidates = new HashMap<>();
    private final Map<String, org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.Host>
        mirrored = new HashMap<>();
    private final Map<String, AtomicLong> transactions = new ConcurrentHashMap<>();
    private final Map<String, OvsdbRemote> activeRemotes = new HashMap<>();
    private final List<AutoCloseable> registrations = new ArrayList<>();

    @Activate
    public OvsdbRendererService(@Reference final DataBroker broker, @Reference final EntityOwnershipService eos,
            final Configuration configuration) {
        this.broker = broker;
        this.eos = eos;
        controllers = List.of(configuration.controllers());
        timeoutMillis = configuration.requestTimeoutMillis();
        final var config = new OvsdbConfig().setRequestTimeoutMillis(timeoutMillis);
        if (!configuration.keystore().isEmpty() || !configuration.truststore().isEmpty()) {
            config.setTls(new OvsdbTlsConfig().setKeyStorePath(configuration.keystore())
                .setKeyStorePassword(configuration.keystorePassword())
                .setTrustStorePath(configuration.truststore())
                .setTrustStorePassword(configuration.truststorePassword()));
        }
        manager = new OvsdbManager(config);
        registrations.add(manager.addListener(this));
        manager.start();
        if (!configuration.listen().isEmpty()) {
            manager.open(configuration.listen());
            LOG.info("ODL Wiring OVSDB listening on {}", configuration.listen());
        }
        registrations.add(eos.registerListener(ENTITY_TYPE, this));
        final ClusteredDataTreeChangeListener<Host> planListener = changes -> executor.execute(() -> {
            for (var change : changes) {
                final var node = change.getRootNode();
                final var hostId = change.getRootPath().getRootIdentifier().firstKeyOf(Host.class).getHostId()
                    .getValue();
                final var after = node.getDataAfter();
                if (after == null) {
                    plans.remove(hostId);
                } else {
                    plans.put(hostId, after);
                }
                final var renderer = hosts.get(hostId);
                if (renderer != null) {
                    renderer.setPlan(after);
                    renderer.reconcile();
                }
            }
        });
        registrations.add(broker.registerDataTreeChangeListener(
            DataTreeIdentifier.create(LogicalDatastoreType.OPERATIONAL, PLAN_HOSTS), planListener));
        final ClusteredDataTreeChangeListener<ProviderNetworks> remotesListener = changes -> {
            final var after = changes.isEmpty() ? null : changes.iterator().next().getRootNode().getDataAfter();
            executor.execute(() -> updateActiveRemotes(after));
        };
        registrations.add(broker.registerDataTreeChangeListener(DataTreeIdentifier.create(
            LogicalDatastoreType.CONFIGURATION, InstanceIdentifier.create(ProviderNetworks.class)), remotesListener));
        LOG.info("ODL Wiring OVSDB renderer started, controllers {}", controllers);
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
        wanted.keySet().forEach(target -> activeRemotes.computeIfAbsent(target, manager::open));
    }

    private HostRenderer renderer(final String hostId) {
        return hosts.computeIfAbsent(hostId, id -> {
            final var renderer = new HostRenderer(id, this, controllers, timeoutMillis);
            renderer.setPlan(plans.get(id));
            return renderer;
        });
    }

    @Override
    public void onReplicaReady(final OvsdbConnection connection, final OvsdbReplica replica) {
        final var systemId = replica.systemId().orElse(null);
        if (systemId == null) {
            LOG.warn("OVSDB peer {} has no external_ids:system-id; it is ignored until it sets one",
                connection.remoteAddress());
            return;
        }
        executor.execute(() -> {
            final var renderer = renderer(systemId);
            final var previous = renderer.connection();
            if (previous != null && previous != connection && previous.isConnected()) {
                LOG.warn("Host {} connected twice ({} and {}); using the first", systemId,
                    previous.remoteAddress(), connection.remoteAddress());
                return;
            }
            renderer.setConnection(connection);
            transactions.put(systemId, new AtomicLong());
            if (!candidates.containsKey(systemId)) {
                try {
                    candidates.put(systemId, eos.registerCandidate(new Entity(ENTITY_TYPE, systemId)));
                } catch (CandidateAlreadyRegisteredException e) {
                    LOG.debug("Already a candidate for {}", systemId, e);
                }
            }
            eos.getOwnershipState(new Entity(ENTITY_TYPE, systemId))
                .ifPresent(state -> renderer.setOwner(state == EntityOwnershipState.IS_OWNER));
            renderer.reconcile();
            mirror(renderer);
        });
    }

    @Override
    public void onReplicaChanged(final OvsdbConnection connection, final ReplicaChange change) {
        connection.systemId().ifPresent(systemId -> executor.execute(() -> {
            final var renderer = hosts.get(systemId);
            if (renderer != null && renderer.connection() == connection) {
                // something changed under us (a user, a restart of ovs-vswitchd): converge again
                renderer.reconcile();
                mirror(renderer);
            }
        }));
    }

    @Override
    public void onDisconnected(final OvsdbConnection connection, final String reason) {
        executor.execute(() -> {
            for (var renderer : hosts.values()) {
                if (renderer.connection() == connection) {
                    LOG.info("Host {} disconnected: {}", renderer.hostId(), reason);
                    mirror(renderer, false);
                    renderer.setConnection(null);
                    final var candidate = candidates.remove(renderer.hostId());
                    if (candidate != null) {
                        candidate.close();
                    }
                }
            }
        });
    }

    @Override
    public void ownershipChanged(final EntityOwnershipChange change) {
        final var hostId = entityName(change);
        final boolean owner = change.getState().isOwner();
        executor.execute(() -> {
            final var renderer = hosts.get(hostId);
            if (renderer != null) {
                LOG.info("Host {}: this member is {} its owner", hostId, owner ? "now" : "no longer");
                renderer.setOwner(owner);
                renderer.reconcile();
                mirror(renderer);
            }
        });
    }

    private static String entityName(final EntityOwnershipChange change) {
        return change.getEntity().getIdentifier().firstKeyOf(
            org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.mdsal.core.general.entity.rev150930
                .Entity.class).getName();
    }

    private void mirror(final HostRenderer renderer) {
        mirror(renderer, true);
    }

    private void mirror(final HostRenderer renderer, final boolean connected) {
        final var connection = renderer.connection();
        if (!renderer.isOwner() || connection == null) {
            return;
        }
        final var state = StateMirror.of(renderer.hostId(), connection, connected,
            transactions.getOrDefault(renderer.hostId(), new AtomicLong()).get());
        if (state.equals(mirrored.get(renderer.hostId()))) {
            return;
        }
        mirrored.put(renderer.hostId(), state);
        final var tx = broker.newWriteOnlyTransaction();
        tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL, InstanceIdentifier.create(OvsdbState.class)
            .child(org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.Host.class,
                state.key()), state);
        commit(tx, "mirror of " + renderer.hostId(), () -> mirrored.remove(renderer.hostId()));
    }

    /** Commit; on failure log and run the compensation on the renderer thread. */
    private void commit(final org.opendaylight.mdsal.binding.api.WriteTransaction tx, final String what,
            final Runnable onFailure) {
        tx.commit().addCallback(new com.google.common.util.concurrent.FutureCallback<Object>() {
            @Override
            public void onSuccess(final Object result) {
                // nothing to do
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("Writing the {} failed", what, cause);
                executor.execute(onFailure);
            }
        }, com.google.common.util.concurrent.MoreExecutors.directExecutor());
    }

    @Override
    public void transactionSent(final String hostId) {
        transactions.computeIfAbsent(hostId, id -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void report(final String hostId, final HostRenderer.Report report) {
        final List<FailedIntent> failed = new ArrayList<>();
        report.failedIntents().forEach((intent, reason) -> failed.add(new FailedIntentBuilder()
            .setIntent(new IntentRef(intent)).setReason(reason).build()));
        final var renderer = new RendererBuilder().setName(Renderer.Name.Ovsdb).setAppliedDigest(report.digest())
            .setState(failed.isEmpty() ? IntentState.Programmed : IntentState.Failed)
            .setReason(failed.isEmpty() ? "switch matches the plan" : failed.size() + " intent(s) failed")
            .setFailedIntent(failed.isEmpty() ? null : BindingMap.ordered(failed))
            .build();
        final var tx = broker.newWriteOnlyTransaction();
        tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL, InstanceIdentifier.create(Realization.class)
            .child(org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.Host.class,
                new HostKey(new HostId(hostId)))
            .child(Renderer.class, new RendererKey(Renderer.Name.Ovsdb)), renderer);
        commit(tx, "realization of " + hostId, () -> {
            final var host = hosts.get(hostId);
            if (host != null) {
                host.forgetReport();
                host.reconcile();
            }
        });
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
        candidates.values().forEach(Registration::close);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        manager.close();
    }
}
