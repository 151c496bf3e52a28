/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.service;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.eos.binding.api.Entity;
import org.opendaylight.mdsal.eos.binding.api.EntityOwnershipCandidateRegistration;
import org.opendaylight.mdsal.eos.binding.api.EntityOwnershipChange;
import org.opendaylight.mdsal.eos.binding.api.EntityOwnershipListener;
import org.opendaylight.mdsal.eos.binding.api.EntityOwnershipListenerRegistration;
import org.opendaylight.mdsal.eos.binding.api.EntityOwnershipService;
import org.opendaylight.mdsal.eos.common.api.EntityOwnershipChangeState;
import org.opendaylight.mdsal.eos.common.api.EntityOwnershipState;
import org.opendaylight.wiring.renderer.openflow.inventory.InventoryConverter;
import org.opendaylight.wiring.renderer.openflow.inventory.InventoryText;
import org.opendaylight.wiring.renderer.openflow.join.PlanFixture;
import org.opendaylight.wiring.renderer.openflow.join.PlanJoin;
import org.opendaylight.wiring.renderer.openflow.pipeline.LabScenario;
import org.opendaylight.wiring.renderer.openflow.pipeline.compile.CompilerConfig;
import org.opendaylight.wiring.renderer.openflow.pipeline.compile.PipelineCompiler;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Counter32;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNode;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNodeBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.Table;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.TableBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.statistics.rev130819.FlowStatisticsDataBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.statistics.rev130819.flow.statistics.FlowStatisticsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowCookie;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.Nodes;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.NodeBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.NodeKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.l2.types.rev130827.EtherType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.ethernet.match.fields.EthernetTypeBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.EthernetMatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.statistics.types.rev130925.duration.DurationBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.OvsdbState;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.Plan;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.PlanBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.Realization;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.HostBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.HostKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.Renderer;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.RendererKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.HostId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentState;
import org.opendaylight.yangtools.yang.binding.DataObject;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * The renderer service on MD-SAL's test data broker: a plan, a switch state and an operational inventory go in; the
 * config inventory, strict removes and the realization report come out.
 */
public class OpenflowRendererServiceTest extends AbstractConcurrentDataBrokerTest {
    private static final String HOST = "h1";
    private static final long DPID = 1;
    private static final InventoryConverter CONVERTER = new InventoryConverter(DPID);
    private static final long FOREIGN_COOKIE = 0x2;

    private final PlanFixture fixture = new PlanFixture(LabScenario.lab());
    private final List<String> removed = new CopyOnWriteArrayList<>();
    private final List<String> pushed = new CopyOnWriteArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();
    /** What the switch answers a direct read from (by default what its last statistics showed). */
    private volatile List<Flow> switchHolds = List.of();
    private final List<String> directReads = new CopyOnWriteArrayList<>();
    /** Groups written with a barrier-confirmed group-mod, and whether the switch accepts them. */
    private final List<Long> groupWrites = new CopyOnWriteArrayList<>();
    private volatile boolean switchAcceptsGroups = true;
    private final OwnerEos eos = new OwnerEos();
    private OpenflowRendererService service;

    @Before
    public void start() {
        service = service(TimeUnit.SECONDS.toNanos(60), SwitchWorker.Timing.REPUSH_BATCH);
    }

    private OpenflowRendererService service(final long missingFlowNanos, final int repushBatch) {
        return service(missingFlowNanos, repushBatch, SwitchWorker.Timing.DIRECT_READ_MAX_FLOWS);
    }

    private OpenflowRendererService service(final long missingFlowNanos, final int repushBatch,
            final int directReadMaxFlows) {
        return new OpenflowRendererService(getDataBroker(), eos, new SwitchCommands() {
            @Override
            public void removeFlow(final InstanceIdentifier<FlowCapableNode> node, final Flow flow) {
                removed.add("flow " + InventoryText.flow(flow));
            }

            @Override
            public void removeGroup(final InstanceIdentifier<FlowCapableNode> node, final Group group) {
                removed.add("group " + group.getGroupId().getValue());
            }

            @Override
            public void addFlow(final InstanceIdentifier<FlowCapableNode> node, final Flow flow) {
                pushed.add("flow " + InventoryText.flow(flow));
            }

            @Override
            public void putGroup(final InstanceIdentifier<FlowCapableNode> node, final Group original,
                    final Group group) {
                pushed.add("group " + group.getGroupId().getValue());
            }

            @Override
            public ListenableFuture<Boolean> writeGroup(final InstanceIdentifier<FlowCapableNode> node,
                    final Group group) {
                groupWrites.add(group.getGroupId().getValue().longValue());
                return Futures.immediateFuture(switchAcceptsGroups);
            }

            @Override
            public ListenableFuture<List<Flow>> readFlows(final InstanceIdentifier<FlowCapableNode> node,
                    final Flow like) {
                directReads.add(like.getMatch() == null ? "table=" + like.getTableId() + ",cookie="
                    + Long.toHexString(InventoryText.cookieValue(like)) : InventoryText.flow(like));
                // the switch's answer: its flows of that table and exact cookie, of that identity if a match is given
                return Futures.immediateFuture(switchHolds.stream()
                    .filter(flow -> flow.getTableId().equals(like.getTableId())
                        && InventoryText.cookieValue(flow) == InventoryText.cookieValue(like)
                        && (like.getMatch() == null || InventoryText.key(flow).equals(InventoryText.key(like))))
                    .toList());
            }
        }, CompilerConfig.DEFAULT, new SwitchWorker.Timing(missingFlowNanos, TimeUnit.SECONDS.toNanos(3), 10_000,
            repushBatch, directReadMaxFlows), 200);
    }

    @After
    public void stop() {
        service.close();
    }

    private Plan plan(final boolean withHost, final String epoch) {
        return new PlanBuilder().setEpoch(epoch).setGeneration(Uint64.ONE)
            .setHost(withHost ? BindingMap.of(new HostBuilder(fixture.host(HOST)).setDigest("digest-h1").build())
                : null)
            .setNetwork(BindingMap.ordered(fixture.networks())).build();
    }

    private <T extends DataObject> void put(final LogicalDatastoreType store, final InstanceIdentifier<T> path,
            final T data) throws Exception {
        final var tx = getDataBroker().newWriteOnlyTransaction();
        tx.mergeParentStructurePut(store, path, data);
        tx.commit().get(10, TimeUnit.SECONDS);
    }

    private <T extends DataObject> Optional<T> read(final LogicalDatastoreType store,
            final InstanceIdentifier<T> path) throws Exception {
        try (var tx = getDataBroker().newReadOnlyTransaction()) {
            return tx.read(store, path).get(10, TimeUnit.SECONDS);
        }
    }

    private Map<String, Flow> configFlows() throws Exception {
        final Map<String, Flow> result = new TreeMap<>();
        read(LogicalDatastoreType.CONFIGURATION, CONVERTER.nodePath()).ifPresent(node -> node.nonnullTable().values()
            .forEach(table -> table.nonnullFlow().values().forEach(flow -> result.put(flow.getId().getValue(),
                flow))));
        return result;
    }

    /** Our flows (ids {@code wof-...}) and groups in the config inventory of the switch. */
    private record OurConfig(List<Flow> flows, List<Group> groups) {
    }

    private OurConfig ourConfig() throws Exception {
        final var config = read(LogicalDatastoreType.CONFIGURATION, CONVERTER.nodePath()).orElseThrow();
        final List<Flow> flows = new ArrayList<>();
        config.nonnullTable().values().forEach(table -> table.nonnullFlow().values().stream()
            .filter(flow -> flow.getId().getValue().startsWith("wof-")).forEach(flows::add));
        return new OurConfig(flows, new ArrayList<>(config.nonnullGroup().values()));
    }

    /** The switch state and the plan written; waits for the pipeline in the config inventory and returns it. */
    private OurConfig programmed() throws Exception {
        writeSwitchState();
        put(LogicalDatastoreType.OPERATIONAL, InstanceIdentifier.create(Plan.class), plan(true, "e1"));
        await("the pipeline in the config inventory", check(() -> configFlows().size() == wantedFlowIds().size()));
        return ourConfig();
    }

    private Optional<Renderer> report() throws Exception {
        return read(LogicalDatastoreType.OPERATIONAL, InstanceIdentifier.create(Realization.class).child(
            org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.Host.class,
            new HostKey(new HostId(HOST))).child(Renderer.class, new RendererKey(Renderer.Name.Openflow)));
    }

    private static void await(final String what, final BooleanSupplier condition) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private interface Check {
        boolean test() throws Exception;
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private static BooleanSupplier check(final Check check) {
        return () -> {
            try {
                return check.test();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private Set<String> wantedFlowIds() {
        final var join = PlanJoin.join(fixture.host(HOST), fixture.networks(), fixture.state(HOST));
        return CONVERTER.flows(new PipelineCompiler(CompilerConfig.DEFAULT).compile(join.pipeline())).stream()
            .map(flow -> flow.getId().getValue()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Flow foreign(final short table, final int priority, final String id) {
        return new FlowBuilder().setId(new FlowId(id)).setTableId(Uint8.valueOf(table))
            .setPriority(Uint16.valueOf(priority)).setCookie(new FlowCookie(Uint64.valueOf(FOREIGN_COOKIE)))
            .setMatch(new MatchBuilder().setEthernetMatch(new EthernetMatchBuilder().setEthernetType(
                new EthernetTypeBuilder().setType(new EtherType(Uint32.valueOf(0x88cc))).build()).build()).build())
            .build();
    }

    private void writeSwitchState() throws Exception {
        put(LogicalDatastoreType.OPERATIONAL, InstanceIdentifier.create(OvsdbState.class).child(
            org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.Host.class,
            new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.HostKey(
                new HostId(HOST))), fixture.state(HOST));
    }

    /**
     * The switch as a new poll of openflowplugin's statistics would show it: the given flows, under the switch's own
     * ids, each with a duration that grows from poll to poll.
     */
    private void switchReports(final List<Flow> flows, final List<Group> groups) throws Exception {
        final Map<Uint8, List<Flow>> byTable = new TreeMap<>();
        int alien = 0;
        final var duration = new DurationBuilder().setSecond(new Counter32(Uint32.valueOf(polls.incrementAndGet())))
            .setNanosecond(new Counter32(Uint32.ZERO)).build();
        for (var flow : flows) {
            byTable.computeIfAbsent(flow.getTableId(), t -> new ArrayList<>()).add(new FlowBuilder(flow)
                .setId(new FlowId("#UF$TABLE*" + flow.getTableId() + "-" + alien++))
                .addAugmentation(new FlowStatisticsDataBuilder().setFlowStatistics(new FlowStatisticsBuilder()
                    .setDuration(duration).build()).build())
                .build());
        }
        switchHolds = List.copyOf(flows);
        final List<Table> tables = new ArrayList<>();
        byTable.forEach((id, list) -> tables.add(new TableBuilder().setId(id).setFlow(BindingMap.ordered(list))
            .build()));
        put(LogicalDatastoreType.OPERATIONAL, InstanceIdentifier.create(Nodes.class).child(Node.class,
            new NodeKey(new NodeId(InventoryConverter.nodeId(DPID)))), new NodeBuilder()
                .setId(new NodeId(InventoryConverter.nodeId(DPID)))
                .addAugmentation(new FlowCapableNodeBuilder().setTable(tables.isEmpty() ? null
                    : BindingMap.ordered(tables)).setGroup(groups.isEmpty() ? null : BindingMap.ordered(groups))
                    .build())
                .build());
    }

    /** Fresh statistics showing the same flows, every 250 ms, until the condition holds (at most 15 s). */
    private void reportUntil(final List<Flow> flows, final List<Group> groups, final String what,
            final BooleanSupplier condition) throws Exception {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            switchReports(flows, groups);
            Thread.sleep(250);
        }
    }

    @Test
    public void nothingIsWrittenBeforeThePlanHasAnEpoch() throws Exception {
        final var foreign = foreign((short) 0, 5, "other-app-flow");
        put(LogicalDatastoreType.CONFIGURATION, CONVERTER.flowPath((short) 0, "other-app-flow"), foreign);
        writeSwitchState();
        put(LogicalDatastoreType.OPERATIONAL, InstanceIdentifier.create(Plan.class),
            new PlanBuilder(plan(true, "e1")).setEpoch(null).build());
        Thread.sleep(1_000);
        assertEquals("only the other application's flow", Set.of("other-app-flow"), configFlows().keySet());
        assertTrue("no report without a plan", report().isEmpty());
    }

    @Test
    public void theConfigInventoryGetsExactlyThePipelineAndProgrammedNeedsTheSwitchToHoldIt() throws Exception {
        final var foreignConfig = foreign((short) 0, 5, "other-app-flow");
        put(LogicalDatastoreType.CONFIGURATION, CONVERTER.flowPath((short) 0, "other-app-flow"), foreignConfig);
        // a config flow of ours from an earlier run that the plan no longer wants
        final var staleConfig = new FlowBuilder(foreign((short) 0, 6, "wof-0-6-stale"))
            .setCookie(new FlowCookie(Uint64.fromLongBits(CompilerConfig.DEFAULT.cookieBase() | 0x01000000L))).build();
        put(LogicalDatastoreType.CONFIGURATION, CONVERTER.flowPath((short) 0, "wof-0-6-stale"), staleConfig);
        writeSwitchState();
        put(LogicalDatastoreType.OPERATIONAL, InstanceIdentifier.create(Plan.class), plan(true, "e1"));

        final var wanted = wantedFlowIds();
        final Set<String> expected = new TreeSet<>(wanted);
        expected.add("other-app-flow");
        await("the pipeline in the config inventory", check(() -> configFlows().keySet().equals(expected)));
        await("a report", check(() -> report().isPresent()));
        final var notConnected = report().orElseThrow();
        assertFalse("no switch in the operational inventory: not connected", notConnected.getConnected());
        assertNull(notConnected.getAppliedDigest());

        // the switch shows only half of our flows: pending, not programmed
        final var config = ourConfig();
        final List<Flow> ours = config.flows();
        final List<Group> groups = config.groups();
        switchReports(ours.subList(0, ours.size() / 2), groups);
        await("a pending report", check(() -> report().orElseThrow().getState() == IntentState.Pending));
        assertTrue(report().orElseThrow().getConnected());
        assertNull(report().orElseThrow().getAppliedDigest());
        // what the forwarding-rules manager did not push is pushed directly, a while after it was written, once
        // fresh statistics still lack it
        reportUntil(ours.subList(0, ours.size() / 2), groups, "the missing half pushed", () -> !pushed.isEmpty());
        assertEquals(ours.subList(ours.size() / 2, ours.size()).stream().map(flow -> "flow " + InventoryText.flow(flow))
            .collect(Collectors.toCollection(TreeSet::new)), new TreeSet<>(pushed));

        // all of ours, a foreign flow and a stale flow of ours that config does not know (an earlier run's)
        final List<Flow> onSwitch = new ArrayList<>(ours);
        onSwitch.add(foreign((short) 0, 5, "x"));
        final var stale = new FlowBuilder(foreign((short) 17, 3, "y"))
            .setCookie(new FlowCookie(Uint64.fromLongBits(CompilerConfig.DEFAULT.cookieBase() | 0x05000001L))).build();
        onSwitch.add(stale);
        switchReports(onSwitch, groups);
        await("the stale flow removed", () -> !removed.isEmpty());
        assertEquals("only our stale flow is deleted on the switch, never the foreign one",
            List.of("flow " + InventoryText.flow(stale)), List.copyOf(removed));
        Thread.sleep(500);
        assertEquals("not programmed while the switch still holds a stale flow of ours", IntentState.Pending,
            report().orElseThrow().getState());

        // the next statistics no longer show it
        onSwitch.remove(stale);
        switchReports(onSwitch, groups);
        await("programmed", check(() -> report().orElseThrow().getState() == IntentState.Programmed));
        final var programmed = report().orElseThrow();
        assertEquals("digest-h1", programmed.getAppliedDigest());
        assertTrue(programmed.getConnected());
        assertEquals("one strict delete, not repeated", 1, removed.size());
    }

    @Test
    public void whatTheSwitchLacksIsPushedOnlyOnceItStopsGainingFlowsAndInBatches() throws Exception {
        service.close();
        service = service(TimeUnit.SECONDS.toNanos(60), 5);
        final var config = programmed();
        final List<Flow> ours = config.flows();
        final List<Group> groups = config.groups();

        // the forwarding-rules manager works through the change: every report shows more of it (resend time 3 s)
        final int quarter = ours.size() / 4;
        for (int i = 1; i <= 3; i++) {
            switchReports(ours.subList(0, i * quarter), groups);
            Thread.sleep(1_500);
        }
        assertEquals("nothing pushed beside a switch that still gains flows", List.of(), pushed);

        // the statistics stop changing (openflowplugin's polls time out at 50000 flows): they say nothing, and
        // nothing is pushed on them however long it lasts
        Thread.sleep(4_500);
        assertEquals("nothing pushed on stale statistics", List.of(), pushed);

        // fresh statistics that still lack the same flows: what is missing is pushed directly, a batch at a time
        reportUntil(ours.subList(0, 3 * quarter), groups, "a direct push", () -> !pushed.isEmpty());
        Thread.sleep(300);
        assertEquals("one batch", 5, pushed.size());
        final Set<String> missing = ours.subList(3 * quarter, ours.size()).stream()
            .map(flow -> "flow " + InventoryText.flow(flow)).collect(Collectors.toSet());
        assertTrue("only what the switch lacks: " + pushed, missing.containsAll(pushed));
    }

    @Test
    public void flowsTheSwitchStillLacksFailTheirIntentsOnlyOnceItStopsGainingThem() throws Exception {
        service.close();
        // 2 s without progress; the write's allowance adds 5 ms per written flow or group
        service = service(TimeUnit.SECONDS.toNanos(2), 0);
        final var config = programmed();
        final List<Flow> ours = config.flows();
        final List<Group> groups = config.groups();
        final long allowanceMillis = 2_000 + 5 * (ours.size() + groups.size());

        // a switch that gains flows at every report stays pending well beyond the allowance
        final int steps = 6;
        final long deadline = System.currentTimeMillis() + allowanceMillis + 3_000;
        int reported = 0;
        for (int i = 1; System.currentTimeMillis() < deadline; i++) {
            reported = Math.min(ours.size() - 2, i * ours.size() / (2 * steps));
            switchReports(ours.subList(0, reported), groups);
            Thread.sleep(1_000);
            assertEquals("pending while the switch gains flows", IntentState.Pending,
                report().orElseThrow().getState());
        }
        // no new statistics (openflowplugin's polls time out at 50000 flows): unknown, still pending
        Thread.sleep(3_000);
        assertEquals("pending while the statistics do not change", IntentState.Pending,
            report().orElseThrow().getState());

        // one more flow (progress), then new statistics that still lack the same flows: failed, naming what is
        // missing, but not before 2 s without progress however many fresh snapshots come
        final var stuck = ours.subList(0, reported + 1);
        final long gained = System.currentTimeMillis();
        switchReports(stuck, groups);
        while (report().orElseThrow().getState() != IntentState.Failed) {
            assertTrue("failed within 15 s of fresh statistics", System.currentTimeMillis() < gained + 15_000);
            Thread.sleep(250);
            switchReports(stuck, groups);
        }
        assertTrue("not failed before 2 s without progress", System.currentTimeMillis() - gained >= 2_000);
        final var failed = report().orElseThrow();
        assertTrue(failed.getReason(), failed.getReason().contains("intent(s) failed"));
        assertTrue("every failed intent says what the switch lacks", failed.nonnullFailedIntent().values().stream()
            .allMatch(intent -> intent.getReason().startsWith("the switch still lacks ")));
        assertFalse(failed.nonnullFailedIntent().isEmpty());
    }

    @Test
    public void aFewFlowsTheStatisticsLackAreReadFromTheSwitchDirectly() throws Exception {
        final var config = programmed();
        final List<Flow> ours = config.flows();
        final List<Group> groups = config.groups();
        final int few = SwitchWorker.DIRECT_READ_LIMIT / 2;
        assertTrue("the fixture has more flows than a direct read covers", ours.size() > few);

        // the statistics lag (openflowplugin's polls at 50000 flows a switch): they lack a few flows the switch has
        switchReports(ours.subList(few, ours.size()), groups);
        switchHolds = List.copyOf(ours);
        await("programmed on what the switch answered", check(() -> report().orElseThrow().getState()
            == IntentState.Programmed));
        final Set<String> read = new TreeSet<>(directReads);
        assertEquals("exactly the flows the statistics lack were read", ours.subList(0, few).stream()
            .map(InventoryText::flow).collect(Collectors.toCollection(TreeSet::new)), read);
        assertEquals("nothing pushed: the switch had it", List.of(), pushed);

        // the switch loses one of them: the next read says so, whatever the statistics (unchanged) showed
        final var lost = ours.get(0);
        switchHolds = ours.subList(1, ours.size());
        await("pending once a read no longer finds the flow", check(() -> report().orElseThrow().getState()
            == IntentState.Pending));
        assertTrue(report().orElseThrow().getReason(), report().orElseThrow().getReason()
            .startsWith("the switch lacks 1 flow(s)"));
        assertTrue(directReads.stream().filter(InventoryText.flow(lost)::equals).count() >= 2);

        // more flows lacking than a round reads one by one: read by (table, cookie), fewer requests than flows
        directReads.clear();
        switchReports(List.of(), groups);
        switchHolds = List.copyOf(ours);
        await("programmed on reads by table and cookie", check(() -> report().orElseThrow().getState()
            == IntentState.Programmed));
        final Set<String> tablesAndCookies = ours.stream().map(flow -> "table=" + flow.getTableId() + ",cookie="
            + Long.toHexString(InventoryText.cookieValue(flow))).collect(Collectors.toSet());
        final Set<String> requests = new TreeSet<>(directReads);
        requests.removeAll(read);
        assertEquals("one request per table and cookie (besides the flows standing in read again)",
            new TreeSet<>(tablesAndCookies), requests);
        assertTrue(tablesAndCookies.size() <= SwitchWorker.DIRECT_READ_LIMIT
            && SwitchWorker.DIRECT_READ_LIMIT < ours.size());
    }

    /**
     * openflowplugin's device transaction chain fails under load and the switch's statistics stop refreshing for
     * good (until it reconnects), while the switch holds everything: once they have been stuck for the missing-flow
     * time, every flow they lack is read from the switch, by (table, cookie), and every group they lack is written
     * with a barrier-confirmed group-mod; the host becomes programmed. A group the switch refuses keeps it pending,
     * and fresh statistics are the truth again.
     */
    @Test
    public void whenTheStatisticsAreStuckTheSwitchItselfConfirmsFlowsAndGroups() throws Exception {
        service.close();
        // stuck after 2 s; fewer lacking flows than the fixture has are read while the statistics refresh
        service = service(TimeUnit.SECONDS.toNanos(2), SwitchWorker.Timing.REPUSH_BATCH, 10);
        final var config = programmed();
        final List<Flow> ours = config.flows();
        final List<Group> groups = config.groups();
        // the only statistics ever written: the switch before our flows and groups arrived (another app's flow)
        switchAcceptsGroups = false;
        switchReports(List.of(foreign((short) 0, 5, "their-flow")), List.of());
        switchHolds = List.copyOf(ours);
        Thread.sleep(1_000);
        assertEquals("nothing read while the statistics may still refresh", List.of(), directReads);
        assertEquals(List.of(), groupWrites);
        try {
            await("the flows read once the statistics are stuck, the refused groups lacking", check(() -> report()
                .orElseThrow().getReason().startsWith("the switch lacks 0 flow(s) and " + groups.size()
                    + " group(s)")));
        } catch (AssertionError e) {
            throw new AssertionError(report() + " reads " + directReads + " writes " + groupWrites, e);
        }
        assertEquals(IntentState.Pending, report().orElseThrow().getState());
        assertEquals("every lacking group written", groups.stream().map(group -> group.getGroupId().getValue()
            .longValue()).collect(Collectors.toCollection(TreeSet::new)), new TreeSet<>(groupWrites));
        final Set<String> tablesAndCookies = ours.stream().map(flow -> "table=" + flow.getTableId() + ",cookie="
            + Long.toHexString(InventoryText.cookieValue(flow))).collect(Collectors.toCollection(TreeSet::new));
        assertEquals("every lacking flow read, by table and cookie", tablesAndCookies, new TreeSet<>(directReads));

        switchAcceptsGroups = true;
        await("programmed once the switch takes the groups", check(() -> report().orElseThrow().getState()
            == IntentState.Programmed));
        assertEquals("nothing pushed the flow way", List.of(), pushed);

        // fresh statistics that lack a group: pending again, whatever the switch accepted before
        reportUntil(ours, groups.subList(1, groups.size()), "pending on fresh statistics", check(() -> report()
            .orElseThrow().getState() == IntentState.Pending));
        assertTrue(report().orElseThrow().getReason(), report().orElseThrow().getReason()
            .startsWith("the switch lacks 0 flow(s) and 1 group(s)"));
    }

    @Test
    public void staleFlowsAreDeletedOnlyOnceTheSwitchStopsLosingThem() throws Exception {
        final var config = programmed();
        final List<Flow> ours = config.flows();
        final List<Group> groups = config.groups();
        final List<Flow> stale = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            stale.add(new FlowBuilder(foreign((short) 17, 3 + i, "stale-" + i)).setCookie(new FlowCookie(
                Uint64.fromLongBits(CompilerConfig.DEFAULT.cookieBase() | 0x05000001L))).build());
        }
        // the forwarding-rules manager works through a large delete: every report shows fewer stale flows of ours,
        // for longer than the resend time (3 s)
        for (int left = stale.size(); left > 2; left--) {
            final List<Flow> onSwitch = new ArrayList<>(ours);
            onSwitch.addAll(stale.subList(0, left));
            switchReports(onSwitch, groups);
            Thread.sleep(1_000);
        }
        assertEquals("no delete beside a switch that still loses stale flows", List.of(), removed);

        // it stops losing them: the two left are deleted
        final List<Flow> onSwitch = new ArrayList<>(ours);
        onSwitch.addAll(stale.subList(0, 2));
        reportUntil(onSwitch, groups, "the stale flows deleted", () -> removed.size() == 2);
        assertEquals(stale.subList(0, 2).stream().map(flow -> "flow " + InventoryText.flow(flow))
            .collect(Collectors.toCollection(TreeSet::new)), new TreeSet<>(removed));
    }

    @Test
    public void aHostLeavingThePlanLosesOurFlowsButNotAnotherApplicationsOnes() throws Exception {
        put(LogicalDatastoreType.CONFIGURATION, CONVERTER.flowPath((short) 0, "other-app-flow"),
            foreign((short) 0, 5, "other-app-flow"));
        writeSwitchState();
        put(LogicalDatastoreType.OPERATIONAL, InstanceIdentifier.create(Plan.class), plan(true, "e1"));
        await("the pipeline", check(() -> configFlows().size() == wantedFlowIds().size() + 1));
        await("a report", check(() -> report().isPresent()));

        put(LogicalDatastoreType.OPERATIONAL, InstanceIdentifier.create(Plan.class), plan(false, "e1"));
        await("our flows gone", check(() -> configFlows().keySet().equals(Set.of("other-app-flow"))));
        await("the report gone", check(() -> report().isEmpty()));
        assertNotNull(read(LogicalDatastoreType.CONFIGURATION, CONVERTER.nodePath()).orElse(null));
    }

    @Test
    public void aMemberThatDoesNotOwnTheHostWritesNothing() throws Exception {
        eos.others.add(HOST);
        writeSwitchState();
        put(LogicalDatastoreType.OPERATIONAL, InstanceIdentifier.create(Plan.class), plan(true, "e1"));
        Thread.sleep(1_000);
        assertTrue(configFlows().isEmpty());
        assertTrue(report().isEmpty());

        eos.grant(HOST);
        await("the owner writes", check(() -> configFlows().keySet().equals(wantedFlowIds())));
    }

    /** Every candidate is owned here, except the hosts in {@link #others} until {@link #grant} is called. */
    private static final class OwnerEos implements EntityOwnershipService {
        final Set<String> others = new java.util.concurrent.ConcurrentSkipListSet<>();
        private final List<EntityOwnershipListener> listeners = new CopyOnWriteArrayList<>();
        private final Map<String, Entity> entities = new java.util.concurrent.ConcurrentHashMap<>();

        private static String name(final Entity entity) {
            return entity.getIdentifier().firstKeyOf(org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang
                .mdsal.core.general.entity.rev150930.Entity.class).getName();
        }

        void grant(final String name) {
            others.remove(name);
            final var entity = entities.get(name);
            listeners.forEach(listener -> listener.ownershipChanged(new EntityOwnershipChange(entity,
                EntityOwnershipChangeState.LOCAL_OWNERSHIP_GRANTED)));
        }

        @Override
        public EntityOwnershipCandidateRegistration registerCandidate(final Entity entity) {
            entities.put(name(entity), entity);
            if (!others.contains(name(entity))) {
                listeners.forEach(listener -> listener.ownershipChanged(new EntityOwnershipChange(entity,
                    EntityOwnershipChangeState.LOCAL_OWNERSHIP_GRANTED)));
            }
            return new EntityOwnershipCandidateRegistration() {
                @Override
                public Entity getInstance() {
                    return entity;
                }

                @Override
                public void close() {
                    entities.remove(name(entity));
                }
            };
        }

        @Override
        public EntityOwnershipListenerRegistration registerListener(final String entityType,
                final EntityOwnershipListener listener) {
            listeners.add(listener);
            return new EntityOwnershipListenerRegistration() {
                @Override
                public EntityOwnershipListener getInstance() {
                    return listener;
                }

                @Override
                public String getEntityType() {
                    return entityType;
                }

                @Override
                public void close() {
                    listeners.remove(listener);
                }
            };
        }

        @Override
        public Optional<EntityOwnershipState> getOwnershipState(final Entity entity) {
            return Optional.of(others.contains(name(entity)) ? EntityOwnershipState.OWNED_BY_OTHER
                : EntityOwnershipState.IS_OWNER);
        }

        @Override
        public boolean isCandidateRegistered(final Entity entity) {
            return entities.containsKey(name(entity));
        }
    }
}
