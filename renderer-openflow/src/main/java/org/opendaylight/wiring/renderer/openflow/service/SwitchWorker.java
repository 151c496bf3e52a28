/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.wiring.renderer.openflow.inventory.FlowSetDiff;
import org.opendaylight.wiring.renderer.openflow.inventory.InventoryConverter;
import org.opendaylight.wiring.renderer.openflow.inventory.InventoryText;
import org.opendaylight.wiring.renderer.openflow.inventory.Ownership;
import org.opendaylight.wiring.renderer.openflow.join.JoinResult;
import org.opendaylight.wiring.renderer.openflow.join.PlanJoin;
import org.opendaylight.wiring.renderer.openflow.pipeline.compile.PipelineCompiler;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Metadata;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNode;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Network;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.Renderer;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.RendererBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.renderer.FailedIntent;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.renderer.FailedIntentBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.renderer.PendingIntent;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.renderer.PendingIntentBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentState;
import org.opendaylight.yangtools.yang.binding.DataObject;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one host's integration bridge holding exactly the flows and groups of ours its plan asks for. Runs on its own
 * sequential executor, so one host's slow datastore or switch never delays another.
 *
 * <p>Each step: join the host's plan with its switch state and compile it (the wanted set); bring openflowplugin's
 * config inventory for the switch to exactly the wanted set of ours in one transaction (the forwarding-rules manager
 * pushes it, and replays it on every reconnect); compare the switch's own flows (operational inventory) with the
 * wanted set and remove, by strict delete, stale flows of ours the config inventory no longer knows; report.
 * Nothing happens before the plan carries an epoch, nor on a member that does not own the host.
 */
final class SwitchWorker {
    /** Where the worker's realization report goes. */
    interface ReportSink {
        /**
         * The report of a host changed.
         *
         * @param hostId the host
         * @param report the new report, null to remove the host's report
         */
        void report(String hostId, @Nullable Renderer report);
    }

    /**
     * Everything a step reads besides the switch itself.
     *
     * @param planKnown whether the plan carries an epoch (otherwise nothing is known and nothing is changed)
     * @param plan the host's plan entry, null when the plan does not have the host
     * @param networks the plan's entries of the host's networks
     * @param switchState the host's ovsdb-state entry, null when never seen
     * @param owner whether this member writes for the host
     */
    record Inputs(boolean planKnown,
            org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.@Nullable Host plan,
            List<Network> networks, @Nullable Host switchState, boolean owner) {
        static final Inputs UNKNOWN = new Inputs(false, null, List.of(), null, false);
    }

    /**
     * Timing of a worker.
     *
     * @param missingFlowNanos how long the switch may lack wanted flows after they were written before the intents
     *     concerned are reported failed
     * @param resendNanos how long to wait before a strict delete of a stale flow is sent again, and before flows the
     *     switch still lacks after they were written are pushed directly (and again)
     * @param datastoreTimeoutMillis timeout of one datastore read or commit
     */
    record Timing(long missingFlowNanos, long resendNanos, long datastoreTimeoutMillis) {
        static final Timing DEFAULT = new Timing(TimeUnit.SECONDS.toNanos(60), TimeUnit.SECONDS.toNanos(15), 30_000);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SwitchWorker.class);

    private final String hostId;
    private final DataBroker broker;
    private final SwitchCommands commands;
    private final OperationalNodes nodes;
    private final ReportSink sink;
    private final PipelineCompiler compiler;
    private final Ownership ownership;
    private final Timing timing;
    private final Executor executor;
    private final LongSupplier nanoClock;

    // confined to the executor
    private Inputs inputs = Inputs.UNKNOWN;
    private boolean scheduled;
    private @Nullable Long configDpid;
    private Map<InstanceIdentifier<Flow>, Flow> configFlows = Map.of();
    private Map<InstanceIdentifier<Group>, Group> configGroups = Map.of();
    private long missingSince = -1;
    private long lastRepush = -1;
    private @Nullable Wanted lastWanted;
    private final Map<String, Long> removesSent = new HashMap<>();
    private @Nullable Renderer lastReport;
    private boolean reportKnown;
    private volatile @Nullable String nodeId;

    SwitchWorker(final String hostId, final DataBroker broker, final SwitchCommands commands,
            final OperationalNodes nodes, final ReportSink sink, final PipelineCompiler compiler,
            final Ownership ownership, final Timing timing, final Executor executor, final LongSupplier nanoClock) {
        this.hostId = hostId;
        this.broker = broker;
        this.commands = commands;
        this.nodes = nodes;
        this.sink = sink;
        this.compiler = compiler;
        this.ownership = ownership;
        this.timing = timing;
        this.executor = executor;
        this.nanoClock = nanoClock;
    }

    /**
     * The openflowplugin node this host's integration bridge is, as far as known.
     *
     * @return {@code openflow:<dpid>} or null
     */
    @Nullable String nodeId() {
        return nodeId;
    }

    /**
     * New inputs; a step follows.
     *
     * @param next the inputs
     */
    void update(final Inputs next) {
        executor.execute(() -> {
            final boolean ownerGained = next.owner() && !inputs.owner();
            inputs = next;
            if (ownerGained) {
                // a new owner knows nothing of what the previous one wrote or reported
                configDpid = null;
                reportKnown = false;
            }
            schedule();
        });
    }

    /** Look again (the switch reported, or a periodic resync). */
    void kick() {
        executor.execute(this::schedule);
    }

    private void schedule() {
        if (!scheduled) {
            scheduled = true;
            executor.execute(this::step);
        }
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private void step() {
        scheduled = false;
        final var in = inputs;
        if (!in.owner() || !in.planKnown()) {
            return;
        }
        try {
            if (in.plan() == null) {
                removeEverything();
            } else {
                render(in);
            }
        } catch (RuntimeException e) {
            // one host's bad data or bug must not stop the others: report it and try again on the next event
            LOG.warn("Host {}: OpenFlow rendering failed", hostId, e);
            report(new RendererBuilder().setName(Renderer.Name.Openflow).setConnected(nodeId != null
                && nodes.get(nodeId) != null).setState(IntentState.Failed)
                .setReason("OpenFlow renderer error: " + e).build());
        }
    }

    /** The wanted set of one version of the inputs: compiled once, reused while only the switch reports. */
    private record Wanted(Inputs inputs, JoinResult join, @Nullable InventoryConverter converter,
            Map<InstanceIdentifier<Flow>, Flow> flows, Map<InstanceIdentifier<Group>, Group> groups) {
    }

    private void render(final Inputs in) {
        var wanted = lastWanted;
        if (wanted == null || wanted.inputs() != in) {
            wanted = wanted(in);
            lastWanted = wanted;
        }
        final var converter = wanted.converter();
        if (converter == null) {
            // the switch was never seen (or has no integration bridge yet): unknown, so no report; the intents wait
            nodeId = null;
            report(null);
            return;
        }
        nodeId = InventoryConverter.nodeId(converter.dpid());
        final String configProblem = syncConfig(converter, wanted.flows(), wanted.groups());
        checkSwitch(in, wanted.join(), converter, wanted.flows(), wanted.groups(), configProblem);
    }

    private Wanted wanted(final Inputs in) {
        final JoinResult join = PlanJoin.join(in.plan(), in.networks(), in.switchState());
        if (join.datapathId() == null) {
            return new Wanted(in, join, null, Map.of(), Map.of());
        }
        final var converter = new InventoryConverter(Long.parseUnsignedLong(join.datapathId(), 16));
        final var compiled = compiler.compile(join.pipeline());
        final Map<InstanceIdentifier<Flow>, Flow> flows = new LinkedHashMap<>();
        converter.flows(compiled).forEach(flow -> flows.put(
            converter.flowPath(flow.getTableId().toJava(), flow.getId().getValue()), flow));
        final Map<InstanceIdentifier<Group>, Group> groups = new LinkedHashMap<>();
        converter.groups(compiled).forEach(group -> groups.put(
            converter.groupPath(group.getGroupId().getValue().longValue()), group));
        return new Wanted(in, join, converter, flows, groups);
    }

    /**
     * Bring the config inventory to the wanted set of ours, in one transaction.
     *
     * @return null, or why the config inventory could not be written
     */
    private @Nullable String syncConfig(final InventoryConverter converter,
            final Map<InstanceIdentifier<Flow>, Flow> wantedFlows,
            final Map<InstanceIdentifier<Group>, Group> wantedGroups) {
        final var tx = broker.newWriteOnlyTransaction();
        int writes = 0;
        if (configDpid == null || configDpid != converter.dpid()) {
            if (configDpid != null) {
                // the bridge was recreated with another datapath id: what we wrote for the old node goes
                LOG.info("Host {}: datapath id changed; removing our config flows of openflow:{}", hostId,
                    Long.toUnsignedString(configDpid));
                for (var path : configFlows.keySet()) {
                    tx.delete(LogicalDatastoreType.CONFIGURATION, path);
                    writes++;
                }
                for (var path : configGroups.keySet()) {
                    tx.delete(LogicalDatastoreType.CONFIGURATION, path);
                    writes++;
                }
            }
            final var read = readOurConfig(converter);
            if (read == null) {
                tx.cancel();
                return "reading the config inventory of " + converter.nodePath() + " failed";
            }
            configFlows = read.flows;
            configGroups = read.groups;
            configDpid = converter.dpid();
        }
        writes += writeDifference(tx, wantedFlows, configFlows);
        writes += writeDifference(tx, wantedGroups, configGroups);
        if (writes == 0) {
            tx.cancel();
            return null;
        }
        try {
            tx.commit().get(timing.datastoreTimeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            configDpid = null;
            return "interrupted";
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Host {}: writing {} flow/group changes to the config inventory failed", hostId, writes, e);
            configDpid = null;
            return "writing the config inventory failed: " + e.getMessage();
        }
        LOG.debug("Host {}: {} flow/group changes written to the config inventory", hostId, writes);
        configFlows = Map.copyOf(wantedFlows);
        configGroups = Map.copyOf(wantedGroups);
        missingSince = -1;
        return null;
    }

    /** Puts the wanted entries that differ from the current ones, deletes the current ones not wanted. */
    private static <T extends DataObject> int writeDifference(final WriteTransaction tx,
            final Map<InstanceIdentifier<T>, T> wanted, final Map<InstanceIdentifier<T>, T> current) {
        int writes = 0;
        for (var entry : wanted.entrySet()) {
            if (!entry.getValue().equals(current.get(entry.getKey()))) {
                tx.mergeParentStructurePut(LogicalDatastoreType.CONFIGURATION, entry.getKey(), entry.getValue());
                writes++;
            }
        }
        for (var path : current.keySet()) {
            if (!wanted.containsKey(path)) {
                tx.delete(LogicalDatastoreType.CONFIGURATION, path);
                writes++;
            }
        }
        return writes;
    }

    private record OurConfig(Map<InstanceIdentifier<Flow>, Flow> flows, Map<InstanceIdentifier<Group>, Group> groups) {
    }

    private @Nullable OurConfig readOurConfig(final InventoryConverter converter) {
        final FlowCapableNode node;
        try (var tx = broker.newReadOnlyTransaction()) {
            node = tx.read(LogicalDatastoreType.CONFIGURATION, converter.nodePath())
                .get(timing.datastoreTimeoutMillis(), TimeUnit.MILLISECONDS).orElse(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Host {}: reading the config inventory failed", hostId, e);
            return null;
        }
        final Map<InstanceIdentifier<Flow>, Flow> flows = new HashMap<>();
        final Map<InstanceIdentifier<Group>, Group> groups = new HashMap<>();
        if (node != null) {
            for (var table : node.nonnullTable().values()) {
                for (var flow : table.nonnullFlow().values()) {
                    // another application's config flows on this node are not ours to touch
                    if (flow.getCookie() != null && ownership.ownsCookie(InventoryText.cookieValue(flow))) {
                        flows.put(converter.flowPath(table.getId().toJava(), flow.getId().getValue()), flow);
                    }
                }
            }
            for (var group : node.nonnullGroup().values()) {
                if (ownership.ownsGroup(group.getGroupId().getValue().longValue())) {
                    groups.put(converter.groupPath(group.getGroupId().getValue().longValue()), group);
                }
            }
        }
        return new OurConfig(flows, groups);
    }

    private void checkSwitch(final Inputs in, final JoinResult join, final InventoryConverter converter,
            final Map<InstanceIdentifier<Flow>, Flow> wantedFlows,
            final Map<InstanceIdentifier<Group>, Group> wantedGroups, final @Nullable String configProblem) {
        final var plan = in.plan();
        final Map<String, String> failed = new TreeMap<>();
        final Map<String, String> pending = new TreeMap<>();
        for (var problem : join.problems()) {
            for (var intent : problem.intents()) {
                (problem.waiting() ? pending : failed).putIfAbsent(intent, problem.reason());
            }
        }
        final var node = nodes.get(node(converter));
        if (node == null) {
            report(build(false, null, IntentState.Failed, "switch " + node(converter) + " (bridge "
                + plan.getIntegrationBridge() + ") is not connected to the OpenFlow controller", failed, pending));
            return;
        }
        final List<Flow> actualFlows = new ArrayList<>();
        node.nonnullTable().values().forEach(table -> actualFlows.addAll(table.nonnullFlow().values()));
        final var diff = FlowSetDiff.compute(ownership, wantedFlows.values(), wantedGroups.values(), actualFlows,
            node.nonnullGroup().values());
        removeStale(converter, diff);

        final var intentsByNetwork = intentsByNetwork(plan);
        for (var conflict : diff.flowConflicts()) {
            final var reason = "a foreign flow holds the match of ours: " + InventoryText.flow(conflict.foreign());
            intentsOf(conflict.wanted(), intentsByNetwork).forEach(intent -> failed.putIfAbsent(intent, reason));
        }
        final List<Flow> missing = new ArrayList<>(diff.flowAdds());
        diff.flowUpdates().forEach(update -> missing.add(update.updated()));
        final int missingGroups = diff.groupAdds().size() + diff.groupUpdates().size();
        final long now = nanoClock.getAsLong();
        if (missing.isEmpty() && missingGroups == 0) {
            missingSince = -1;
            lastRepush = -1;
        } else {
            if (missingSince < 0) {
                missingSince = now;
            }
            repush(converter, diff, now);
            if (now - missingSince > timing.missingFlowNanos()) {
                final var reason = "the switch still lacks " + missing.size() + " flow(s) and " + missingGroups
                    + " group(s) of ours " + TimeUnit.NANOSECONDS.toSeconds(now - missingSince) + " s after they were"
                    + " written" + (missing.isEmpty() ? "" : ", e.g. " + InventoryText.flow(missing.get(0)));
                final Set<String> concerned = new TreeSet<>();
                missing.forEach(flow -> concerned.addAll(intentsOf(flow, intentsByNetwork)));
                if (concerned.isEmpty()) {
                    concerned.addAll(allIntents(intentsByNetwork));
                }
                concerned.forEach(intent -> failed.putIfAbsent(intent, reason));
            }
        }
        final boolean complete = diff.isEmpty() && diff.flowConflicts().isEmpty() && configProblem == null;
        final String reason;
        final IntentState state;
        if (configProblem != null) {
            state = IntentState.Failed;
            reason = configProblem;
        } else if (!failed.isEmpty()) {
            state = IntentState.Failed;
            reason = failed.size() + " intent(s) failed on " + node(converter);
        } else if (!complete || !pending.isEmpty()) {
            state = IntentState.Pending;
            reason = complete ? pending.size() + " intent(s) wait for the switch"
                : "the switch lacks " + missing.size() + " flow(s) and " + missingGroups + " group(s) and holds "
                    + diff.flowRemoves().size() + " stale flow(s) and " + diff.groupRemoves().size()
                    + " stale group(s) of ours";
        } else {
            state = IntentState.Programmed;
            reason = wantedFlows.size() + " flows and " + wantedGroups.size() + " groups on "
                + node(converter);
        }
        report(build(true, complete ? plan.getDigest() : null, state, reason, failed, pending));
    }

    /**
     * Push again what the switch still lacks a while after it was written: the forwarding-rules manager drops a change
     * that arrives while it reconciles a (re)connecting switch, and only logs a failed push.
     */
    private void repush(final InventoryConverter converter, final FlowSetDiff diff, final long now) {
        if (now - missingSince < timing.resendNanos() || lastRepush >= 0 && now - lastRepush < timing.resendNanos()) {
            return;
        }
        lastRepush = now;
        LOG.info("Host {}: {} lacks {} flow(s) and {} group(s) of ours {} s after they were written; pushing them",
            hostId, node(converter), diff.flowAdds().size() + diff.flowUpdates().size(),
            diff.groupAdds().size() + diff.groupUpdates().size(), TimeUnit.NANOSECONDS.toSeconds(now - missingSince));
        diff.groupAdds().forEach(group -> commands.putGroup(converter.nodePath(), null, group));
        diff.groupUpdates().forEach(update -> commands.putGroup(converter.nodePath(), update.original(),
            update.updated()));
        diff.flowAdds().forEach(flow -> commands.addFlow(converter.nodePath(), flow));
        diff.flowUpdates().forEach(update -> commands.addFlow(converter.nodePath(), update.updated()));
    }

    private void removeStale(final InventoryConverter converter, final FlowSetDiff diff) {
        final long now = nanoClock.getAsLong();
        final Set<String> current = new TreeSet<>();
        for (var flow : diff.flowRemoves()) {
            sendOnce("flow " + InventoryText.key(flow), now, current, () -> {
                LOG.info("Host {}: removing stale flow of ours from {}: {}", hostId, node(converter),
                    InventoryText.flow(flow));
                commands.removeFlow(converter.nodePath(), flow);
            });
        }
        for (var group : diff.groupRemoves()) {
            sendOnce("group " + group.getGroupId().getValue(), now, current, () -> {
                LOG.info("Host {}: removing stale group of ours from {}: {}", hostId, node(converter),
                    InventoryText.group(group));
                commands.removeGroup(converter.nodePath(), group);
            });
        }
        removesSent.keySet().retainAll(current);
    }

    /** Runs a removal unless the same one was sent less than the resend time ago. */
    private void sendOnce(final String key, final long now, final Set<String> current, final Runnable removal) {
        current.add(key);
        final var sent = removesSent.get(key);
        if (sent == null || now - sent > timing.resendNanos()) {
            removesSent.put(key, now);
            removal.run();
        }
    }

    /** With the plan gone from this host: our config entries go, then stale flows on the switch, then the report. */
    private void removeEverything() {
        final var node = nodeId;
        if (configDpid != null && (!configFlows.isEmpty() || !configGroups.isEmpty())) {
            final var converter = new InventoryConverter(configDpid);
            final String problem = syncConfig(converter, Map.of(), Map.of());
            if (problem != null) {
                LOG.warn("Host {} left the plan; removing its flows failed: {}", hostId, problem);
                return;
            }
            LOG.info("Host {} left the plan; our flows of {} are removed", hostId, node(converter));
        }
        if (node != null && configDpid != null) {
            final var converter = new InventoryConverter(configDpid);
            final var operational = nodes.get(node);
            if (operational != null) {
                final List<Flow> actualFlows = new ArrayList<>();
                operational.nonnullTable().values().forEach(table -> actualFlows.addAll(table.nonnullFlow().values()));
                removeStale(converter, FlowSetDiff.compute(ownership, List.of(), List.of(), actualFlows,
                    operational.nonnullGroup().values()));
            }
        }
        report(null);
    }

    private static Map<Integer, Set<String>> intentsByNetwork(
            final org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Host plan) {
        final Map<String, Integer> localIds = new HashMap<>();
        final Map<Integer, Set<String>> result = new TreeMap<>();
        for (var network : plan.nonnullNetwork().values()) {
            if (network.getLocalId() != null && network.getNetwork() != null) {
                final int id = network.getLocalId().intValue();
                localIds.put(network.getNetwork().getValue(), id);
                result.computeIfAbsent(id, k -> new TreeSet<>()).addAll(refs(network.getIntent()));
            }
        }
        for (var port : plan.nonnullLogicalPort().values()) {
            final var id = port.getNetwork() == null ? null : localIds.get(port.getNetwork().getValue());
            if (id != null) {
                result.computeIfAbsent(id, k -> new TreeSet<>()).addAll(refs(port.getIntent()));
            }
        }
        final Set<String> providerIntents = new TreeSet<>();
        plan.nonnullProviderPort().values().forEach(port -> providerIntents.addAll(refs(port.getIntent())));
        // flows of no network (table-miss, provider classification) concern every flow intent of the host
        result.computeIfAbsent(0, k -> new TreeSet<>()).addAll(providerIntents);
        return result;
    }

    private static Set<String> refs(final @Nullable Set<IntentRef> intents) {
        final Set<String> result = new TreeSet<>();
        if (intents != null) {
            intents.forEach(ref -> result.add(ref.getValue()));
        }
        return result;
    }

    private static Set<String> intentsOf(final Flow flow, final Map<Integer, Set<String>> byNetwork) {
        final int network = (int) (InventoryText.cookieValue(flow) & Metadata.NETWORK_MASK);
        final var intents = byNetwork.get(network);
        return network == 0 || intents == null ? allIntents(byNetwork) : intents;
    }

    private static Set<String> allIntents(final Map<Integer, Set<String>> byNetwork) {
        final Set<String> all = new TreeSet<>();
        byNetwork.values().forEach(all::addAll);
        return all;
    }

    private static Renderer build(final boolean connected, final @Nullable String digest, final IntentState state,
            final String reason, final Map<String, String> failed, final Map<String, String> pending) {
        final List<FailedIntent> failures = new ArrayList<>();
        failed.forEach((intent, why) -> failures.add(new FailedIntentBuilder().setIntent(new IntentRef(intent))
            .setReason(why).build()));
        final List<PendingIntent> waits = new ArrayList<>();
        pending.forEach((intent, why) -> waits.add(new PendingIntentBuilder().setIntent(new IntentRef(intent))
            .setReason(why).build()));
        return new RendererBuilder().setName(Renderer.Name.Openflow).setConnected(connected).setAppliedDigest(digest)
            .setState(state).setReason(reason).setFailedIntent(failures.isEmpty() ? null : BindingMap.ordered(failures))
            .setPendingIntent(waits.isEmpty() ? null : BindingMap.ordered(waits)).build();
    }

    private void report(final @Nullable Renderer report) {
        if (reportKnown && Objects.equals(report, lastReport)) {
            return;
        }
        reportKnown = true;
        lastReport = report;
        sink.report(hostId, report);
    }

    private static String node(final InventoryConverter converter) {
        return InventoryConverter.nodeId(converter.dpid());
    }

    /** Forget the last report (its write failed), so the next step writes it again. */
    void forgetReport() {
        executor.execute(() -> reportKnown = false);
    }
}
