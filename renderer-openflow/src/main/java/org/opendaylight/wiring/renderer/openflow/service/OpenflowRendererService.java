/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.service;

import com.google.common.collect.Iterables;
import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.binding.api.ClusteredDataTreeChangeListener;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.DataTreeIdentifier;
import org.opendaylight.mdsal.binding.api.DataTreeModification;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.eos.binding.api.Entity;
import org.opendaylight.mdsal.eos.binding.api.EntityOwnershipCandidateRegistration;
import org.opendaylight.mdsal.eos.binding.api.EntityOwnershipChange;
import org.opendaylight.mdsal.eos.binding.api.EntityOwnershipListener;
import org.opendaylight.mdsal.eos.binding.api.EntityOwnershipService;
import org.opendaylight.mdsal.eos.common.api.CandidateAlreadyRegisteredException;
import org.opendaylight.mdsal.eos.common.api.EntityOwnershipState;
import org.opendaylight.wiring.renderer.openflow.inventory.Ownership;
import org.opendaylight.wiring.renderer.openflow.pipeline.compile.CompilerConfig;
import org.opendaylight.wiring.renderer.openflow.pipeline.compile.PipelineCompiler;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNode;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.Nodes;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.OvsdbState;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.Plan;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.Realization;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Network;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.NetworkKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.HostKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.Renderer;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.RendererKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.HostId;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
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
 * The OpenFlow renderer: keeps every planned host's integration bridge holding exactly the pipeline its plan asks for,
 * through openflowplugin's config inventory, and reports {@code realization/host/renderer=openflow}.
 *
 * <p>Reads the {@code plan} (acting only once it carries an epoch: "no plan yet" is unknown, never empty), the
 * {@code ovsdb-state} (ofports, datapath id, bridge MAC) and openflowplugin's operational inventory (connected
 * switches and the flows their statistics show). Exactly one cluster member writes for a host: the owner of the host's
 * entity in the entity ownership service. Each host has its own {@link SwitchWorker}.
 */
@Component(service = { }, configurationPid = "org.opendaylight.wiring.openflow")
@Designate(ocd = OpenflowRendererService.Configuration.class)
public final class OpenflowRendererService implements EntityOwnershipListener, OperationalNodes,
        SwitchWorker.ReportSink, AutoCloseable {
    /** Karaf configuration (etc/org.opendaylight.wiring.openflow.cfg). */
    @ObjectClassDefinition(name = "ODL Wiring OpenFlow")
    public @interface Configuration {
        @AttributeDefinition(description = "Upper 32 bits of every cookie of ours (hex); flows with another cookie "
            + "are never touched")
        String cookieBase() default "0x0d1c0000";

        @AttributeDefinition(description = "Base of our group ids (hex); the low 18 bits are kind and network")
        String groupBase() default "0x0d1c0000";

        @AttributeDefinition(description = "Seconds a switch may lack written flows before the intents concerned "
            + "are reported failed")
        long missingFlowSeconds() default 60;

        @AttributeDefinition(description = "Seconds between two checks of every owned switch (drift repair)")
        long resyncSeconds() default 10;
    }

    static final String ENTITY_TYPE = "odl-wiring-openflow-host";
    private static final Logger LOG = LoggerFactory.getLogger(OpenflowRendererService.class);
    private static final InstanceIdentifier<Plan> PLAN = InstanceIdentifier.create(Plan.class);
    private static final InstanceIdentifier<
        org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.Host> SWITCH_STATE =
            InstanceIdentifier.create(OvsdbState.class)
                .child(org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.Host.class);
    private static final InstanceIdentifier<Node> NODES = InstanceIdentifier.create(Nodes.class).child(Node.class);

    private final DataBroker broker;
    private final EntityOwnershipService eos;
    private final SwitchCommands commands;
    private final PipelineCompiler compiler;
    private final Ownership ownership;
    private final SwitchWorker.Timing timing;
    private final ExecutorService pool;
    private final ScheduledExecutorService scheduler;
    private final Executor control;
    private final Map<String, FlowCapableNode> operational = new ConcurrentHashMap<>();
    private final Map<String, SwitchWorker> workers = new ConcurrentHashMap<>();
    private final List<Registration> registrations = new ArrayList<>();

    // confined to the control executor
    private @Nullable Plan plan;
    private final Map<String,
        org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.Host> switchStates =
            new HashMap<>();
    private final Map<String, Boolean> owners = new HashMap<>();
    private final Map<String, EntityOwnershipCandidateRegistration> candidates = new HashMap<>();

    @Activate
    public OpenflowRendererService(@Reference final DataBroker broker, @Reference final EntityOwnershipService eos,
            @Reference final RpcConsumerRegistry rpcs, final Configuration configuration) {
        this(broker, eos, new RpcSwitchCommands(rpcs), new CompilerConfig(Long.decode(configuration.cookieBase()) << 32,
            Long.decode(configuration.groupBase())), new SwitchWorker.Timing(
                TimeUnit.SECONDS.toNanos(configuration.missingFlowSeconds()), TimeUnit.SECONDS.toNanos(15), 30_000,
                SwitchWorker.Timing.REPUSH_BATCH, SwitchWorker.Timing.DIRECT_READ_MAX_FLOWS),
            TimeUnit.SECONDS.toMillis(Math.max(1, configuration.resyncSeconds())));
    }

    OpenflowRendererService(final DataBroker broker, final EntityOwnershipService eos, final SwitchCommands commands,
            final CompilerConfig compilerConfig, final SwitchWorker.Timing timing, final long resyncMillis) {
        this.broker = broker;
        this.eos = eos;
        this.commands = commands;
        this.compiler = new PipelineCompiler(compilerConfig);
        this.ownership = Ownership.of(compilerConfig);
        this.timing = timing;
        pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
            new ThreadFactoryBuilder().setNameFormat("wiring-openflow-renderer-%d").setDaemon(true).build());
        scheduler = Executors.newSingleThreadScheduledExecutor(new ThreadFactoryBuilder()
            .setNameFormat("wiring-openflow-timer").setDaemon(true).build());
        control = MoreExecutors.newSequentialExecutor(pool);
        registrations.add(eos.registerListener(ENTITY_TYPE, this));
        registrations.add(broker.registerDataTreeChangeListener(
            DataTreeIdentifier.create(LogicalDatastoreType.OPERATIONAL, PLAN),
            (ClusteredDataTreeChangeListener<Plan>) changes -> {
                final var after = changes.isEmpty() ? null
                    : Iterables.getLast(changes).getRootNode().getDataAfter();
                control.execute(() -> onPlan(after));
            }));
        registrations.add(broker.registerDataTreeChangeListener(
            DataTreeIdentifier.create(LogicalDatastoreType.OPERATIONAL, SWITCH_STATE),
            (ClusteredDataTreeChangeListener<
                org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.Host>)
                this::onSwitchStates));
        registrations.add(broker.registerDataTreeChangeListener(
            DataTreeIdentifier.create(LogicalDatastoreType.OPERATIONAL, NODES),
            (ClusteredDataTreeChangeListener<Node>) this::onNodes));
        scheduler.scheduleAtFixedRate(() -> workers.values().forEach(SwitchWorker::kick), resyncMillis,
            resyncMillis, TimeUnit.MILLISECONDS);
        LOG.info("ODL Wiring OpenFlow renderer started, cookie base {}, group base {}",
            Long.toHexString(compilerConfig.cookieBase()), Long.toHexString(compilerConfig.groupBase()));
    }

    private void onPlan(final @Nullable Plan after) {
        final boolean hadEpoch = plan != null && plan.getEpoch() != null;
        plan = after;
        if (after == null || after.getEpoch() == null) {
            if (hadEpoch) {
                LOG.warn("The plan lost its epoch (planner restarting?): switches are left as they are");
            }
            workers.values().forEach(worker -> worker.update(SwitchWorker.Inputs.UNKNOWN));
            return;
        }
        for (var host : after.nonnullHost().values()) {
            final var id = host.getHostId().getValue();
            if (!candidates.containsKey(id)) {
                try {
                    candidates.put(id, eos.registerCandidate(new Entity(ENTITY_TYPE, id)));
                } catch (CandidateAlreadyRegisteredException e) {
                    LOG.debug("Already a candidate for {}", id, e);
                }
                eos.getOwnershipState(new Entity(ENTITY_TYPE, id))
                    .ifPresent(state -> owners.put(id, state == EntityOwnershipState.IS_OWNER));
            }
            workers.computeIfAbsent(id, this::newWorker);
        }
        workers.keySet().forEach(this::updateWorker);
    }

    private SwitchWorker newWorker(final String hostId) {
        return new SwitchWorker(hostId, broker, commands, this, this, compiler, ownership, timing,
            MoreExecutors.newSequentialExecutor(pool), System::nanoTime);
    }

    private void updateWorker(final String hostId) {
        final var worker = workers.get(hostId);
        final var current = plan;
        if (worker == null || current == null || current.getEpoch() == null) {
            return;
        }
        final Host host = current.nonnullHost().get(
            new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.HostKey(new HostId(hostId)));
        final List<Network> networks = new ArrayList<>();
        if (host != null) {
            for (var network : host.nonnullNetwork().values()) {
                if (network.getNetwork() != null) {
                    final var entry = current.nonnullNetwork().get(new NetworkKey(network.getNetwork()));
                    if (entry != null) {
                        networks.add(entry);
                    }
                }
            }
        }
        worker.update(new SwitchWorker.Inputs(true, host, networks, switchStates.get(hostId),
            Boolean.TRUE.equals(owners.get(hostId))));
    }

    private void onSwitchStates(final Collection<DataTreeModification<
            org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.Host>> changes) {
        for (var change : changes) {
            final var key = change.getRootPath().getRootIdentifier().firstKeyOf(
                org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.Host.class);
            final var after = change.getRootNode().getDataAfter();
            control.execute(() -> {
                final var id = key.getHostId().getValue();
                if (after == null) {
                    switchStates.remove(id);
                } else {
                    switchStates.put(id, after);
                }
                updateWorker(id);
            });
        }
    }

    private void onNodes(final Collection<DataTreeModification<Node>> changes) {
        for (var change : changes) {
            final var id = change.getRootPath().getRootIdentifier().firstKeyOf(Node.class).getId().getValue();
            final var after = change.getRootNode().getDataAfter();
            final var flowCapable = after == null ? null : after.augmentation(FlowCapableNode.class);
            if (flowCapable == null) {
                operational.remove(id);
            } else {
                operational.put(id, flowCapable);
            }
            workers.values().stream().filter(worker -> id.equals(worker.nodeId()))
                .forEach(SwitchWorker::statisticsChanged);
        }
    }

    @Override
    public @Nullable FlowCapableNode get(final String nodeId) {
        return operational.get(nodeId);
    }

    @Override
    public void ownershipChanged(final EntityOwnershipChange change) {
        final var hostId = change.getEntity().getIdentifier().firstKeyOf(
            org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.mdsal.core.general.entity.rev150930
                .Entity.class).getName();
        final boolean owner = change.getState().isOwner();
        control.execute(() -> {
            if (!Boolean.valueOf(owner).equals(owners.put(hostId, owner))) {
                LOG.info("Host {}: this member is {} the writer of its OpenFlow pipeline", hostId,
                    owner ? "now" : "no longer");
            }
            updateWorker(hostId);
        });
    }

    @Override
    public void report(final String hostId, final @Nullable Renderer report) {
        final var path = InstanceIdentifier.create(Realization.class).child(
            org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.Host.class,
            new HostKey(new HostId(hostId)));
        final var tx = broker.newReadWriteTransaction();
        if (report != null) {
            tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL,
                path.child(Renderer.class, new RendererKey(Renderer.Name.Openflow)), report);
        } else {
            // deleting below a list entry that does not exist would fail the whole transaction: look first
            final boolean exists;
            try {
                exists = tx.exists(LogicalDatastoreType.OPERATIONAL,
                    path.child(Renderer.class, new RendererKey(Renderer.Name.Openflow))).get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tx.cancel();
                return;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.warn("Reading the OpenFlow report of {} failed", hostId, e);
                tx.cancel();
                return;
            }
            if (!exists) {
                tx.cancel();
                return;
            }
            tx.delete(LogicalDatastoreType.OPERATIONAL,
                path.child(Renderer.class, new RendererKey(Renderer.Name.Openflow)));
        }
        tx.commit().addCallback(new FutureCallback<Object>() {
            @Override
            public void onSuccess(final Object result) {
                // written
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("Writing the OpenFlow report of {} failed; it is written again", hostId, cause);
                final var worker = workers.get(hostId);
                if (worker != null) {
                    worker.forgetReport();
                    worker.kick();
                }
            }
        }, MoreExecutors.directExecutor());
    }

    @Deactivate
    @Override
    @SuppressWarnings("checkstyle:IllegalCatch")
    public void close() {
        registrations.forEach(registration -> {
            try {
                registration.close();
            } catch (RuntimeException e) {
                LOG.debug("Close failed", e);
            }
        });
        control.execute(() -> {
            candidates.values().forEach(Registration::close);
            candidates.clear();
        });
        scheduler.shutdownNow();
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
