/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.service;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
import org.opendaylight.wiring.renderer.openflow.inventory.WantedInventory;
import org.opendaylight.wiring.renderer.openflow.join.JoinResult;
import org.opendaylight.wiring.renderer.openflow.join.PlanJoin;
import org.opendaylight.wiring.renderer.openflow.pipeline.compile.PipelineCompiler;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Metadata;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNode;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.statistics.rev130819.FlowStatisticsData;
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
 * openflowplugin's statistics of a switch with tens of thousands of flows lag by minutes; when the switch lacks only
 * a few flows by them, those are read from the switch directly ({@link SwitchCommands#readFlows}) and what it
 * answers stands in for the statistics of those flows, until our next config write. When the statistics stop
 * refreshing altogether (openflowplugin's device transaction chain failing), all lacking flows are read that way and
 * the lacking groups are confirmed by writing them ({@link SwitchCommands#writeGroup}).
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
     * @param missingFlowNanos how long the switch may lack wanted flows after they were written (plus
     *     {@link SwitchWorker#PER_CHANGE_NANOS} per change of the write), without its statistics gaining any of them
     *     over at least two fresh statistics snapshots, before the intents concerned are reported failed
     * @param resendNanos how long to wait before a strict delete of a stale flow is sent again, and before flows the
     *     switch still lacks after they were written are pushed directly (and again)
     * @param datastoreTimeoutMillis timeout of one datastore read or commit
     * @param repushBatch most flows and groups pushed directly in one round
     * @param directReadMaxFlows most lacking flows read directly while the statistics still refresh: a larger write
     *     waits for the statistics rather than adding reads of tens of thousands of flows beside the
     *     forwarding-rules manager's pushes
     */
    record Timing(long missingFlowNanos, long resendNanos, long datastoreTimeoutMillis, int repushBatch,
            int directReadMaxFlows) {
        /** Well inside openflowplugin's per-switch request quota (20000). */
        static final int REPUSH_BATCH = 2000;
        /** Lacking flows beyond which a write waits for the statistics (unless they are stuck). */
        static final int DIRECT_READ_MAX_FLOWS = 5000;
        static final Timing DEFAULT = new Timing(TimeUnit.SECONDS.toNanos(60), TimeUnit.SECONDS.toNanos(15), 30_000,
            REPUSH_BATCH, DIRECT_READ_MAX_FLOWS);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SwitchWorker.class);
    /**
     * Extra time a write gets per changed flow or group before what the switch lacks of it is a failure: 200 changes
     * per second, below the slowest pace measured through the forwarding-rules manager and the statistics
     * (docs/benchmarks.md).
     */
    static final long PER_CHANGE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long SLOW_STEP_NANOS = TimeUnit.SECONDS.toNanos(1);
    /**
     * Most requests in one round of direct reads: a small change (a port, an address) is read flow by flow, a larger
     * one by (table, cookie).
     */
    static final int DIRECT_READ_LIMIT = 64;
    /**
     * How many times its own cost apart comparisons with the statistics are, while the switch is not yet programmed
     * (what it lacks should be confirmed soon) and once it is (a comparison only looks for drift: at 50000 flows it
     * costs seconds, on every statistics poll of every switch).
     */
    static final int SETTLING_COMPARISON_FACTOR = 2;
    static final int SETTLED_COMPARISON_FACTOR = 10;
    /** Least time between two rounds of direct reads. */
    private static final long DIRECT_READ_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(2);

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
    private int lastMissing = -1;
    private long lastProgress = -1;
    private long lastCheckEnd = -1;
    private long lastCheckNanos;
    /** When a statistics snapshot of the switch last turned out fresh (or the switch was first compared). */
    private long lastFreshNanos = -1;
    /**
     * Groups of ours the switch accepted from us (a barrier-confirmed group-mod) while its statistics were stuck, by
     * id: they stand in for the group statistics until those refresh, our next config write, or a disconnect.
     */
    private final Map<Long, Group> confirmedGroups = new HashMap<>();
    private boolean confirmingGroups;
    private long lastGroupConfirmation = -1;
    /** Whether the last comparison found the switch programmed with nothing standing in. */
    private boolean settled;
    /** The wanted set last written to the config inventory (or found there), while that config is current. */
    private @Nullable WantedInventory written;
    private long lastConfigWrite = -1;
    private @Nullable Long lastSnapshot;
    private @Nullable FlowCapableNode markedNode;
    private int freshSinceProgress;
    private int lastWriteSize;
    private int lastStale;
    private long lastStaleProgress = -1;
    private @Nullable Wanted lastWanted;
    private final Map<String, Long> removesSent = new HashMap<>();
    /** Flows read directly from the switch since our last config write, by identity; confined to the executor. */
    private final Map<String, DirectRead> directReads = new HashMap<>();
    private boolean directReading;
    private @Nullable FlowSetDiff lastStatisticsDiff;
    private long lastDiffNanos;
    private @Nullable FlowCapableNode diffedNode;
    private @Nullable WantedInventory diffedWanted;
    private long lastDirectRead = -1;
    private int configVersion;
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
                forgetDirectReads();
            }
            schedule();
        });
    }

    /**
     * Look again: a periodic resync (time alone can make missing flows a failure), or a report write that failed. A
     * resync, like a statistics update, waits until the last comparison is a multiple of its cost ago
     * ({@link #SETTLING_COMPARISON_FACTOR}, {@link #SETTLED_COMPARISON_FACTOR}).
     */
    void kick() {
        executor.execute(() -> {
            if (!reportKnown || comparisonDue()) {
                schedule();
            }
        });
    }

    /**
     * The switch's statistics changed. Comparing them with a large wanted set costs seconds and they change on every
     * poll, so a comparison follows only once the last one is a multiple of its cost ago; a change skipped here is
     * seen by the next statistics update or the periodic resync.
     */
    void statisticsChanged() {
        executor.execute(() -> {
            if (comparisonDue()) {
                schedule();
            }
        });
    }

    private boolean comparisonDue() {
        // the cost of the last full comparison: one with a cached diff says nothing about the next one
        return lastCheckEnd < 0 || nanoClock.getAsLong() - lastCheckEnd
            >= (settled ? SETTLED_COMPARISON_FACTOR : SETTLING_COMPARISON_FACTOR) * Math.max(lastCheckNanos,
                lastDiffNanos);
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

    /** A flow as the switch answered a direct read, and when the read was sent. */
    private record DirectRead(Flow flow, long sentNanos) {
    }

    /**
     * The wanted set of one version of the inputs: compiled once, reused while only the switch reports.
     *
     * @param inventory the compiled set in openflowplugin's terms, null while the switch's datapath id is unknown
     */
    private record Wanted(Inputs inputs, JoinResult join, @Nullable WantedInventory inventory) {
    }

    private void render(final Inputs in) {
        final long begin = nanoClock.getAsLong();
        var wanted = lastWanted;
        if (wanted == null || wanted.inputs() != in) {
            wanted = wanted(in, wanted);
            lastWanted = wanted;
        }
        final long compiled = nanoClock.getAsLong();
        final var inventory = wanted.inventory();
        if (inventory == null) {
            // the switch was never seen (or has no integration bridge yet): unknown, so no report; the intents wait
            nodeId = null;
            report(null);
            return;
        }
        final var converter = inventory.converter();
        nodeId = InventoryConverter.nodeId(converter.dpid());
        // the config inventory already holds this very set: nothing to compare it with
        final String configProblem = inventory == written && configDpid != null && configDpid == converter.dpid()
            ? null : syncConfig(converter, inventory.flows(), inventory.groups());
        if (configProblem == null) {
            written = inventory;
        }
        final long start = nanoClock.getAsLong();
        checkSwitch(in, wanted, inventory, configProblem);
        lastCheckEnd = nanoClock.getAsLong();
        lastCheckNanos = lastCheckEnd - start;
        if (lastCheckEnd - begin > SLOW_STEP_NANOS) {
            // where a large host's time goes (compile, config write, comparison with the statistics)
            LOG.info("Host {}: step took {} ms (compile {} ms, config {} ms, check {} ms; {} flows)", hostId,
                TimeUnit.NANOSECONDS.toMillis(lastCheckEnd - begin), TimeUnit.NANOSECONDS.toMillis(compiled - begin),
                TimeUnit.NANOSECONDS.toMillis(start - compiled), TimeUnit.NANOSECONDS.toMillis(lastCheckNanos),
                inventory.flows().size());
        }
    }

    private Wanted wanted(final Inputs in, final @Nullable Wanted last) {
        final JoinResult join = PlanJoin.join(in.plan(), in.networks(), in.switchState());
        if (last != null && join.equals(last.join())) {
            // a change that does not concern the pipeline (another bridge's port, a report, the plan's generation):
            // the same wanted set, so the config stays as written and the last comparison stands
            return new Wanted(in, join, last.inventory());
        }
        if (join.datapathId() == null) {
            return new Wanted(in, join, null);
        }
        final WantedInventory previous = last == null ? null : last.inventory();
        final var converter = new InventoryConverter(Long.parseUnsignedLong(join.datapathId(), 16));
        final var inventory = WantedInventory.of(converter, ownership, compiler.compile(join.pipeline()), previous);
        LOG.debug("Host {}: compiled {} flows and {} groups, {} of them new", hostId, inventory.flows().size(),
            inventory.groups().size(), inventory.converted());
        return new Wanted(in, join, inventory);
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
        forgetDirectReads();
        missingSince = -1;
        lastMissing = -1;
        lastConfigWrite = nanoClock.getAsLong();
        lastWriteSize = writes;
        freshSinceProgress = 0;
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

    private void checkSwitch(final Inputs in, final Wanted wanted, final WantedInventory inventory,
            final @Nullable String configProblem) {
        final var converter = inventory.converter();
        settled = false;
        final var plan = in.plan();
        final var join = wanted.join();
        final Map<String, String> failed = new TreeMap<>();
        final Map<String, String> pending = new TreeMap<>();
        for (var problem : join.problems()) {
            for (var intent : problem.intents()) {
                (problem.waiting() ? pending : failed).putIfAbsent(intent, problem.reason());
            }
        }
        final var node = nodes.get(node(converter));
        if (node == null) {
            // what a switch said before it went away says nothing about it when it is back (it may have restarted)
            forgetDirectReads();
            report(build(false, null, IntentState.Failed, "switch " + node(converter) + " (bridge "
                + plan.getIntegrationBridge() + ") is not connected to the OpenFlow controller", failed, pending));
            return;
        }
        final List<Flow> actualFlows = new ArrayList<>();
        node.nonnullTable().values().forEach(table -> actualFlows.addAll(table.nonnullFlow().values()));
        // only on a node openflowplugin wrote since the last mark: the same node carries the same mark
        boolean fresh = false;
        if (node != markedNode) {
            markedNode = node;
            final var snapshot = snapshotMark(actualFlows);
            fresh = snapshot != null && !snapshot.equals(lastSnapshot);
            lastSnapshot = snapshot;
        }
        final long now = nanoClock.getAsLong();
        if (fresh || lastFreshNanos < 0) {
            lastFreshNanos = now;
        }
        final boolean stuck = statisticsStuck(now);
        // reading tens of thousands of flows beside the forwarding-rules manager's pushes of a fresh write only adds
        // to its load: all lacking flows are read once the write is as old as the statistics may lag
        final boolean readAll = stuck && (lastConfigWrite < 0 || now - lastConfigWrite > timing.missingFlowNanos());
        if (!stuck && !confirmedGroups.isEmpty()) {
            // the statistics are the truth again
            confirmedGroups.clear();
            configVersion++;
        }
        final var diff = withDirectReads(inventory, node, actualFlows);
        removeStale(converter, diff);

        final var intentsByNetwork = intentsByNetwork(plan);
        for (var conflict : diff.flowConflicts()) {
            final var reason = "a foreign flow holds the match of ours: " + InventoryText.flow(conflict.foreign());
            intentsOf(conflict.wanted(), intentsByNetwork).forEach(intent -> failed.putIfAbsent(intent, reason));
        }
        final List<Flow> missing = new ArrayList<>(diff.flowAdds());
        diff.flowUpdates().forEach(update -> missing.add(update.updated()));
        final int missingGroups = diff.groupAdds().size() + diff.groupUpdates().size();
        final int missingNow = missing.size() + missingGroups;
        if (!missing.isEmpty() || !directReads.isEmpty()) {
            readDirectly(converter, inventory.prepared().flows(), missing, now, readAll);
        }
        if (missingGroups > 0 && stuck) {
            confirmGroups(converter, diff, now);
        }
        if (missingNow == 0) {
            missingSince = -1;
            lastRepush = -1;
            lastMissing = -1;
        } else {
            if (missingSince < 0) {
                missingSince = now;
            }
            if (lastMissing < 0 || missingNow < lastMissing) {
                lastProgress = now;
                freshSinceProgress = 0;
            } else if (fresh) {
                freshSinceProgress++;
            }
            lastMissing = missingNow;
            repush(converter, diff, now);
            // a large write takes the forwarding-rules manager and the statistics a while: the allowance grows with
            // its size, and a switch whose statistics still gain what is missing is not failed
            final long allowed = timing.missingFlowNanos() + lastWriteSize * PER_CHANGE_NANOS;
            // and only on statistics taken since: at 50000 flows a switch, openflowplugin's polls time out and its
            // statistics can stay unchanged for minutes, which says nothing about the switch
            if (now - missingSince > allowed && now - lastProgress > timing.missingFlowNanos()
                    && freshSinceProgress >= 2) {
                final var reason = "the switch still lacks " + missing.size() + " flow(s) and " + missingGroups
                    + " group(s) of ours " + TimeUnit.NANOSECONDS.toSeconds(now - missingSince) + " s after they were"
                    + " written (" + lastWriteSize + " changes; allowed " + TimeUnit.NANOSECONDS.toSeconds(allowed)
                    + " s)" + (missing.isEmpty() ? "" : ", e.g. " + InventoryText.flow(missing.get(0)));
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
            settled = directReads.isEmpty() && confirmedGroups.isEmpty();
            reason = inventory.flows().size() + " flows and " + inventory.groups().size() + " groups on "
                + node(converter);
        }
        report(build(true, complete ? plan.getDigest() : null, state, reason, failed, pending));
    }

    /**
     * Push again what the switch still lacks a while after it was written: the forwarding-rules manager drops a change
     * that arrives while it reconciles a (re)connecting switch, and only logs a failed push. Not while the switch
     * still gains what is missing (the forwarding-rules manager is working through a large change: pushing the same
     * flows beside it would only double the load and eat into openflowplugin's per-switch request quota), not on
     * statistics that have not been refreshed twice since the last progress (at 50000 flows a switch openflowplugin's
     * polls time out, and stale statistics lack what the switch already has: pushing it again loads the very
     * controller that is too slow to report it), and at most {@link Timing#repushBatch()} at a time.
     */
    private void repush(final InventoryConverter converter, final FlowSetDiff diff, final long now) {
        final long resend = timing.resendNanos();
        if (freshSinceProgress < 2 || now - lastProgress < resend || lastRepush >= 0 && now - lastRepush < resend) {
            return;
        }
        lastRepush = now;
        final int lacking = diff.flowAdds().size() + diff.flowUpdates().size() + diff.groupAdds().size()
            + diff.groupUpdates().size();
        LOG.info("Host {}: {} lacks {} flow(s) and group(s) of ours {} s after they were written, {} s without "
            + "progress; pushing {} of them", hostId, node(converter), lacking,
            TimeUnit.NANOSECONDS.toSeconds(now - missingSince), TimeUnit.NANOSECONDS.toSeconds(now - lastProgress),
            Math.min(lacking, timing.repushBatch()));
        final List<Runnable> pushes = new ArrayList<>();
        // groups first: a flow must not reference a group the switch lacks
        diff.groupAdds().forEach(group -> pushes.add(() -> commands.putGroup(converter.nodePath(), null, group)));
        diff.groupUpdates().forEach(update -> pushes.add(() -> commands.putGroup(converter.nodePath(),
            update.original(), update.updated())));
        diff.flowAdds().forEach(flow -> pushes.add(() -> commands.addFlow(converter.nodePath(), flow)));
        diff.flowUpdates().forEach(update -> pushes.add(() -> commands.addFlow(converter.nodePath(),
            update.updated())));
        pushes.stream().limit(timing.repushBatch()).forEach(Runnable::run);
    }

    /**
     * The difference between the wanted set and the switch: the statistics, where direct reads stand in for the flows
     * they still lack. A direct read stops standing in once the statistics show the flow as wanted, and after twice
     * the resend time without a new answer.
     */
    private FlowSetDiff withDirectReads(final WantedInventory wanted, final FlowCapableNode node,
            final List<Flow> actualFlows) {
        final Collection<Group> actualGroups = node.nonnullGroup().values();
        // openflowplugin writes a new node on every statistics poll: the same node and wanted set give the same diff,
        // and at 50000 flows computing it costs seconds
        var byStatistics = lastStatisticsDiff;
        if (byStatistics == null || diffedNode != node || diffedWanted != wanted) {
            final long start = nanoClock.getAsLong();
            byStatistics = FlowSetDiff.compute(ownership, wanted.prepared(), actualFlows, actualGroups);
            lastDiffNanos = nanoClock.getAsLong() - start;
            lastStatisticsDiff = byStatistics;
            diffedNode = node;
            diffedWanted = wanted;
        }
        final FlowSetDiff withGroups = confirmedGroups.isEmpty() ? byStatistics : byStatistics.withGroupsHeld(
            group -> confirmedGroups.get(group.getGroupId().getValue().longValue()) == group);
        if (directReads.isEmpty()) {
            return withGroups;
        }
        final Set<String> lacking = byStatistics.lackingKeys(wanted.prepared());
        final long now = nanoClock.getAsLong();
        directReads.entrySet().removeIf(entry -> !lacking.contains(entry.getKey())
            || now - entry.getValue().sentNanos() > 2 * timing.resendNanos());
        if (directReads.isEmpty()) {
            return withGroups;
        }
        // a direct read is newer than the statistics; only the identities they lack are looked at again
        final Map<String, Flow> read = new HashMap<>();
        directReads.forEach((key, answer) -> read.put(key, answer.flow()));
        return FlowSetDiff.overlay(ownership, wanted.prepared(), withGroups, read);
    }

    /**
     * Read from the switch the flows the statistics lack, one round at a time, rounds at least
     * {@link #DIRECT_READ_INTERVAL_NANOS} apart, and read again, before the resend time has passed, the flows a
     * direct read stands in for (a flow the switch no longer answers with stops standing in). At most
     * {@link #DIRECT_READ_LIMIT} requests a round: one per flow (its table, cookie and match) when that many cover
     * them, else one per (table, cookie) (every flow of that purpose and network in the table); beyond
     * {@link Timing#directReadMaxFlows()} lacking flows (a large write) the statistics alone tell, unless they are
     * stuck.
     */
    @SuppressWarnings("checkstyle:IllegalCatch")
    private void readDirectly(final InventoryConverter converter, final Map<String, Flow> wantedFlows,
            final List<Flow> missing, final long now, final boolean readAll) {
        if (directReading || lastDirectRead >= 0 && now - lastDirectRead < DIRECT_READ_INTERVAL_NANOS) {
            return;
        }
        final Map<String, Flow> toRead = new LinkedHashMap<>();
        directReads.forEach((key, read) -> {
            if (now - read.sentNanos() >= timing.resendNanos() / 2) {
                // the wanted flow, as we wrote it, where there is one
                toRead.put(key, wantedFlows.getOrDefault(key, read.flow()));
            }
        });
        if (missing.size() <= timing.directReadMaxFlows() || readAll) {
            missing.forEach(flow -> toRead.putIfAbsent(InventoryText.key(flow), flow));
        }
        if (toRead.isEmpty()) {
            return;
        }
        final List<DirectRequest> round = new ArrayList<>();
        if (toRead.size() <= DIRECT_READ_LIMIT) {
            toRead.forEach((key, flow) -> round.add(new DirectRequest(flow, Set.of(key))));
        } else {
            final Map<String, Set<String>> byTableAndCookie = new LinkedHashMap<>();
            final Map<String, Flow> samples = new HashMap<>();
            toRead.forEach((key, flow) -> {
                final String group = flow.getTableId() + "/" + Long.toHexString(InventoryText.cookieValue(flow));
                byTableAndCookie.computeIfAbsent(group, g -> new HashSet<>()).add(key);
                samples.putIfAbsent(group, flow);
            });
            // the first ones this round, the others in the next rounds
            byTableAndCookie.entrySet().stream().limit(DIRECT_READ_LIMIT).forEach(entry -> {
                final String group = entry.getKey();
                final Set<String> keys = entry.getValue();
                final Flow sample = samples.get(group);
                // no match: every flow of ours with this cookie in the table
                round.add(new DirectRequest(new FlowBuilder().setId(sample.getId()).setTableId(sample.getTableId())
                    .setCookie(sample.getCookie()).build(), keys));
            });
        }
        final List<ListenableFuture<List<Flow>>> reads = new ArrayList<>(round.size());
        try {
            round.forEach(request -> reads.add(commands.readFlows(converter.nodePath(), request.like())));
        } catch (RuntimeException e) {
            // no direct statistics service (yet): the periodic statistics still tell
            LOG.debug("Host {}: reading flows from {} failed", hostId, node(converter), e);
            reads.forEach(read -> read.cancel(false));
            lastDirectRead = now;
            return;
        }
        directReading = true;
        lastDirectRead = now;
        final int version = configVersion;
        Futures.addCallback(Futures.successfulAsList(reads), new FutureCallback<>() {
            @Override
            public void onSuccess(final List<List<Flow>> answers) {
                executor.execute(() -> directReadsDone(version, now, round, answers));
            }

            @Override
            public void onFailure(final Throwable cause) {
                executor.execute(() -> directReading = false);
            }
        }, MoreExecutors.directExecutor());
    }

    /**
     * One direct read: the flow it asks like, and the identities whose standing in its answer replaces.
     */
    private record DirectRequest(Flow like, Set<String> covers) {
    }

    private void directReadsDone(final int version, final long sent, final List<DirectRequest> round,
            final List<List<Flow>> answers) {
        directReading = false;
        if (version != configVersion) {
            // our config changed since: the answers may predate what the forwarding-rules manager now pushes
            return;
        }
        int found = 0;
        final var before = Map.copyOf(directReads);
        for (int i = 0; i < round.size(); i++) {
            final var answer = answers.get(i);
            if (answer == null) {
                // this read failed: what stood in for its flows stays until their next read
                continue;
            }
            directReads.keySet().removeAll(round.get(i).covers());
            for (var flow : answer) {
                if (flow.getCookie() != null && ownership.ownsCookie(InventoryText.cookieValue(flow))) {
                    directReads.put(InventoryText.key(flow), new DirectRead(flow, sent));
                    found++;
                }
            }
        }
        LOG.debug("Host {}: {} direct read(s), {} flow(s) found, {} standing in", hostId, round.size(), found,
            directReads.size());
        if (!directReads.equals(before)) {
            // a flow found, or one the switch no longer has: the status may change
            schedule();
        }
    }

    private void forgetDirectReads() {
        directReads.clear();
        confirmedGroups.clear();
        configVersion++;
    }

    /**
     * Whether openflowplugin's statistics of the switch stopped refreshing: no fresh snapshot for longer than the
     * missing-flow time. Its device transaction chain can fail under load (datastore commits timing out), and then
     * nothing of that switch is written again until it reconnects, while the switch itself is fine.
     */
    private boolean statisticsStuck(final long now) {
        return lastFreshNanos >= 0 && now - lastFreshNanos > timing.missingFlowNanos();
    }

    /**
     * While the statistics are stuck, ask the switch itself about the groups they lack: write each one (a
     * barrier-confirmed group-mod of exactly the wanted buckets, harmless when the switch already has them) and let
     * the ones it accepts stand in. At most {@link #DIRECT_READ_LIMIT} a round, rounds the resend time apart (a group
     * the switch refuses is not written again and again).
     */
    @SuppressWarnings("checkstyle:IllegalCatch")
    private void confirmGroups(final InventoryConverter converter, final FlowSetDiff diff, final long now) {
        if (confirmingGroups
                || lastGroupConfirmation >= 0 && now - lastGroupConfirmation < timing.resendNanos()) {
            return;
        }
        final List<Group> lacking = new ArrayList<>(diff.groupAdds());
        diff.groupUpdates().forEach(update -> lacking.add(update.updated()));
        final List<Group> round = lacking.stream().limit(DIRECT_READ_LIMIT).toList();
        final List<ListenableFuture<Boolean>> writes = new ArrayList<>(round.size());
        try {
            round.forEach(group -> writes.add(commands.writeGroup(converter.nodePath(), group)));
        } catch (RuntimeException e) {
            LOG.debug("Host {}: writing groups to {} failed", hostId, node(converter), e);
            writes.forEach(write -> write.cancel(false));
            lastGroupConfirmation = now;
            return;
        }
        LOG.info("Host {}: the statistics of {} are stuck; confirming {} group(s) with the switch itself", hostId,
            node(converter), round.size());
        confirmingGroups = true;
        lastGroupConfirmation = now;
        final int version = configVersion;
        Futures.addCallback(Futures.successfulAsList(writes), new FutureCallback<>() {
            @Override
            public void onSuccess(final List<Boolean> accepted) {
                executor.execute(() -> {
                    confirmingGroups = false;
                    if (version != configVersion) {
                        return;
                    }
                    for (int i = 0; i < round.size(); i++) {
                        if (Boolean.TRUE.equals(accepted.get(i))) {
                            confirmedGroups.put(round.get(i).getGroupId().getValue().longValue(), round.get(i));
                        }
                    }
                    schedule();
                });
            }

            @Override
            public void onFailure(final Throwable cause) {
                executor.execute(() -> confirmingGroups = false);
            }
        }, MoreExecutors.directExecutor());
    }

    /**
     * Strictly delete flows and groups of ours the switch holds and nobody wants: not within the resend time after our
     * last config write, nor while the switch still loses stale ones (the forwarding-rules manager is removing what it
     * deleted, 50000 flows take it minutes: sending the same deletes beside it only doubled the load and ran into
     * openflowplugin's request quota), each at most once per resend time, and at most a batch per round.
     */
    private void removeStale(final InventoryConverter converter, final FlowSetDiff diff) {
        final long now = nanoClock.getAsLong();
        final int stale = diff.flowRemoves().size() + diff.groupRemoves().size();
        if (stale < lastStale) {
            lastStaleProgress = now;
        }
        lastStale = stale;
        if (lastConfigWrite >= 0 && now - lastConfigWrite < timing.resendNanos()
                || lastStaleProgress >= 0 && now - lastStaleProgress < timing.resendNanos()) {
            return;
        }
        final Set<String> current = new HashSet<>();
        int sent = 0;
        for (var flow : diff.flowRemoves()) {
            if (due("flow " + InventoryText.key(flow), now, current, sent < timing.repushBatch())) {
                LOG.debug("Host {}: removing stale flow of ours from {}: {}", hostId, node(converter),
                    InventoryText.flow(flow));
                commands.removeFlow(converter.nodePath(), flow);
                sent++;
            }
        }
        for (var group : diff.groupRemoves()) {
            if (due("group " + group.getGroupId().getValue(), now, current, sent < timing.repushBatch())) {
                LOG.debug("Host {}: removing stale group of ours from {}: {}", hostId, node(converter),
                    InventoryText.group(group));
                commands.removeGroup(converter.nodePath(), group);
                sent++;
            }
        }
        if (sent > 0) {
            LOG.info("Host {}: removing {} of {} stale flow(s) and group(s) of ours from {}", hostId, sent,
                current.size(), node(converter));
        }
        removesSent.keySet().retainAll(current);
    }

    /** Whether a removal is to be sent now: allowed, and not sent less than the resend time ago. */
    private boolean due(final String key, final long now, final Set<String> current, final boolean allowed) {
        current.add(key);
        final var sent = removesSent.get(key);
        if (allowed && (sent == null || now - sent > timing.resendNanos())) {
            removesSent.put(key, now);
            return true;
        }
        return false;
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

    /**
     * A mark of one statistics snapshot: the longest duration among our flows. Every poll reports new durations, so
     * the mark changes with each fresh snapshot and stays while openflowplugin has not written a new one.
     */
    private @Nullable Long snapshotMark(final List<Flow> flows) {
        Long mark = null;
        for (var flow : flows) {
            final var data = flow.augmentation(FlowStatisticsData.class);
            final var stats = data == null ? null : data.getFlowStatistics();
            final var duration = stats == null ? null : stats.getDuration();
            if (duration != null && duration.getSecond() != null && flow.getCookie() != null
                    && ownership.ownsCookie(InventoryText.cookieValue(flow))) {
                final long nanos = duration.getSecond().getValue().longValue() * 1_000_000_000L
                    + (duration.getNanosecond() == null ? 0 : duration.getNanosecond().getValue().longValue());
                if (mark == null || nanos > mark) {
                    mark = nanos;
                }
            }
        }
        return mark;
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
