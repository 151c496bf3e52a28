/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendaylight.wiring.renderer.openflow.pipeline.LabScenario;
import org.opendaylight.wiring.renderer.openflow.pipeline.compile.CompilerConfig;
import org.opendaylight.wiring.renderer.openflow.pipeline.compile.PipelineCompiler;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.CompiledPipeline;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv6Prefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Uri;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.OutputActionCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.OutputActionCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.output.action._case.OutputActionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.list.Action;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.list.ActionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.list.ActionKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowCookie;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.InstructionsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.ApplyActionsCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.ApplyActionsCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.apply.actions._case.ApplyActionsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.list.Instruction;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.list.InstructionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.GroupId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.group.BucketsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.group.buckets.Bucket;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.group.buckets.BucketBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.GroupBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.GroupKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._3.match.Ipv6Match;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._3.match.Ipv6MatchBuilder;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * Exact-set convergence of one switch on our cookies and group ids, table-driven over what the switch reports.
 */
class FlowSetDiffTest {
    private static final long DPID = 1;
    private static final InventoryConverter CONVERTER = new InventoryConverter(DPID);
    private static final Ownership OURS = Ownership.of(CompilerConfig.DEFAULT);
    private static final CompiledPipeline PIPELINE =
        new PipelineCompiler(CompilerConfig.DEFAULT).compile(LabScenario.seed004().pipeline("h1"));
    private static final List<Flow> WANTED = CONVERTER.flows(PIPELINE);
    private static final List<Group> WANTED_GROUPS = CONVERTER.groups(PIPELINE);

    /** Table 17's flow for a local port, the one the mutations below pick on. */
    private static final Flow L2 = WANTED.stream().filter(f -> InventoryText.flow(f).startsWith("table=17,")
        && InventoryText.flow(f).contains("dl_dst=fa:16:3e:bc:5b:08")).findFirst().orElseThrow();
    /** An egress flow with an output action. */
    private static final Flow TUNNEL_EGRESS = WANTED.stream().filter(f -> InventoryText.flow(f).startsWith(
        "table=64,") && InventoryText.flow(f).contains("output:22")).findFirst().orElseThrow();
    /** A stale flow of ours: an L2 entry of a VM that is gone. */
    private static final Flow STALE = flow("wof-17-100-stale", 17, 100, 0x0d1c000006000001L,
        new MatchBuilder(L2.getMatch()).setEthernetMatch(new org.opendaylight.yang.gen.v1.urn.opendaylight.model
            .match.types.rev131026.match.EthernetMatchBuilder().setEthernetDestination(new org.opendaylight.yang.gen
                .v1.urn.opendaylight.model.match.types.rev131026.ethernet.match.fields.EthernetDestinationBuilder()
                .setAddress(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715
                    .MacAddress("fa:16:3e:99:99:99")).build()).build()).build());
    /** A foreign application's flow in table 0. */
    private static final Flow FOREIGN = flow("their-flow", 0, 500, 0x1234L,
        new MatchBuilder().setInPort(new org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819
            .NodeConnectorId("openflow:1:99")).build());
    /** A flow without any cookie (e.g. added with ovs-ofctl by an operator). */
    private static final Flow NO_COOKIE = new FlowBuilder(FOREIGN).setId(new FlowId("#UF$TABLE*0-1"))
        .withKey(new FlowKey(new FlowId("#UF$TABLE*0-1"))).setCookie(null).setPriority(
            org.opendaylight.yangtools.yang.common.Uint16.valueOf(7)).build();
    /** A foreign group. */
    private static final Group FOREIGN_GROUP = new GroupBuilder(WANTED_GROUPS.get(0))
        .setGroupId(new GroupId(Uint32.valueOf(7))).withKey(new GroupKey(new GroupId(Uint32.valueOf(7)))).build();
    /** A stale group of ours (a network that is gone). */
    private static final Group STALE_GROUP = new GroupBuilder(WANTED_GROUPS.get(0))
        .setGroupId(new GroupId(Uint32.valueOf(0x0d1c0000L | 1 << 16 | 42)))
        .withKey(new GroupKey(new GroupId(Uint32.valueOf(0x0d1c0000L | 1 << 16 | 42)))).build();

    private static Flow flow(final String id, final int table, final int priority, final long cookie,
            final org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.Match match) {
        return new FlowBuilder().setId(new FlowId(id)).withKey(new FlowKey(new FlowId(id)))
            .setTableId(org.opendaylight.yangtools.yang.common.Uint8.valueOf(table))
            .setPriority(org.opendaylight.yangtools.yang.common.Uint16.valueOf(priority))
            .setCookie(new FlowCookie(Uint64.fromLongBits(cookie))).setMatch(match).build();
    }

    /**
     * A flow the way openflowplugin's statistics report it: an alien id, no cookie mask or name, output ports as
     * bare numbers, IPv6 addresses uncompressed, other order keys.
     */
    static Flow operational(final Flow flow, final int index) {
        final FlowBuilder builder = new FlowBuilder(flow).setId(new FlowId("#UF$TABLE*" + flow.getTableId() + "-"
            + index)).withKey(new FlowKey(new FlowId("#UF$TABLE*" + flow.getTableId() + "-" + index)))
            .setCookieMask(null).setFlowName(null);
        if (flow.getMatch().getLayer3Match() instanceof Ipv6Match v6 && v6.getIpv6Source() != null) {
            builder.setMatch(new MatchBuilder(flow.getMatch()).setLayer3Match(new Ipv6MatchBuilder(v6)
                .setIpv6Source(new Ipv6Prefix(expand(v6.getIpv6Source().getValue()))).build()).build());
        }
        if (flow.getInstructions() != null) {
            final List<Instruction> list = new ArrayList<>();
            for (Instruction inst : flow.getInstructions().nonnullInstruction().values()) {
                var body = inst.getInstruction();
                if (body instanceof ApplyActionsCase apply) {
                    body = new ApplyActionsCaseBuilder().setApplyActions(new ApplyActionsBuilder()
                        .setAction(bareOutputs(apply.getApplyActions().nonnullAction())).build()).build();
                }
                list.add(new InstructionBuilder().setOrder(inst.getOrder() + 10).setInstruction(body).build());
            }
            builder.setInstructions(new InstructionsBuilder().setInstruction(BindingMap.ordered(list)).build());
        }
        return builder.build();
    }

    static Group operational(final Group group) {
        final List<Bucket> buckets = new ArrayList<>();
        for (Bucket bucket : group.getBuckets().nonnullBucket().values()) {
            buckets.add(new BucketBuilder(bucket).setAction(bareOutputs(bucket.nonnullAction())).build());
        }
        return new GroupBuilder(group).setGroupName(null)
            .setBuckets(new BucketsBuilder().setBucket(BindingMap.ordered(buckets)).build()).build();
    }

    private static Map<ActionKey, Action> bareOutputs(final Map<ActionKey, Action> actions) {
        final List<Action> out = new ArrayList<>();
        for (Action action : actions.values()) {
            var body = action.getAction();
            if (body instanceof OutputActionCase output) {
                body = new OutputActionCaseBuilder().setOutputAction(new OutputActionBuilder(output.getOutputAction())
                    .setOutputNodeConnector(new Uri(InventoryText.port(output.getOutputAction()
                        .getOutputNodeConnector().getValue()))).build()).build();
            }
            out.add(new ActionBuilder().setOrder(action.getOrder() + 3).setAction(body).build());
        }
        return BindingMap.ordered(out);
    }

    private static String expand(final String prefix) {
        final int slash = prefix.indexOf('/');
        try {
            return InetAddress.getByName(prefix.substring(0, slash)).getHostAddress() + prefix.substring(slash);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Flow> replace(final Flow old, final Flow replacement) {
        return WANTED.stream().map(f -> f == old ? replacement : f).toList();
    }

    private static Flow withOutput(final Flow flow, final String port) {
        final Instruction inst = flow.getInstructions().nonnullInstruction().values().iterator().next();
        final ApplyActionsCase apply = (ApplyActionsCase) inst.getInstruction();
        final List<Action> actions = new ArrayList<>();
        for (Action action : apply.getApplyActions().nonnullAction().values()) {
            actions.add(action.getAction() instanceof OutputActionCase
                ? new ActionBuilder(action).setAction(new OutputActionCaseBuilder().setOutputAction(
                    new OutputActionBuilder().setOutputNodeConnector(new Uri(port)).build()).build()).build()
                : action);
        }
        return new FlowBuilder(flow).setInstructions(new InstructionsBuilder().setInstruction(BindingMap.of(
            new InstructionBuilder(inst).setInstruction(new ApplyActionsCaseBuilder().setApplyActions(
                new ApplyActionsBuilder().setAction(BindingMap.ordered(actions)).build()).build()).build())).build())
            .build();
    }

    private static Group withoutLastBucket(final Group group) {
        final List<Bucket> buckets = new ArrayList<>(group.getBuckets().nonnullBucket().values());
        buckets.remove(buckets.size() - 1);
        return new GroupBuilder(group).setBuckets(new BucketsBuilder().setBucket(BindingMap.ordered(buckets))
            .build()).build();
    }

    private static List<Flow> plus(final List<Flow> flows, final Flow... more) {
        return Stream.concat(flows.stream(), Stream.of(more)).toList();
    }

    private static List<Group> plusGroups(final List<Group> groups, final Group... more) {
        return Stream.concat(groups.stream(), Stream.of(more)).toList();
    }

    private static Set<String> keys(final List<Flow> flows) {
        return flows.stream().map(InventoryText::key).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Long> ids(final List<Group> groups) {
        return groups.stream().map(g -> g.getGroupId().getValue().longValue())
            .collect(Collectors.toCollection(TreeSet::new));
    }

    private static long groupId(final Group group) {
        return group.getGroupId().getValue().longValue();
    }

    /**
     * One row: what the switch reports, and the expected writes as flow identities and group ids.
     */
    record Case(String name, List<Flow> switchFlows, List<Group> switchGroups, List<Flow> adds, List<Flow> updates,
            List<Flow> removes, List<Flow> conflicts, List<Group> groupAdds, List<Group> groupUpdates,
            List<Group> groupRemoves) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        final List<Flow> operational = new ArrayList<>();
        for (int i = 0; i < WANTED.size(); i++) {
            operational.add(operational(WANTED.get(i), i));
        }
        final List<Group> operationalGroups = WANTED_GROUPS.stream().map(FlowSetDiffTest::operational).toList();
        final Flow moved = withOutput(TUNNEL_EGRESS, "openflow:1:23");
        final Flow otherCookie = new FlowBuilder(L2).setCookie(new FlowCookie(Uint64.fromLongBits(
            0x0d1c000007000001L))).build();
        final Flow foreignInOurPlace = new FlowBuilder(L2).setId(new FlowId("theirs")).withKey(new FlowKey(
            new FlowId("theirs"))).setCookie(new FlowCookie(Uint64.fromLongBits(0xbeefL))).build();
        final Group shrunk = withoutLastBucket(WANTED_GROUPS.get(1));
        final List<Flow> none = List.of();
        final List<Group> noGroups = List.of();
        return Stream.of(
            new Case("empty switch: everything added", none, noGroups, WANTED, none, none, none, WANTED_GROUPS,
                noGroups, noGroups),
            new Case("in sync as written: no write", WANTED, WANTED_GROUPS, none, none, none, none, noGroups,
                noGroups, noGroups),
            new Case("in sync as the operational inventory reports it: no write", operational, operationalGroups,
                none, none, none, none, noGroups, noGroups, noGroups),
            new Case("stale flow of ours: removed", plus(WANTED, STALE), WANTED_GROUPS, none, none, List.of(STALE),
                none, noGroups, noGroups, noGroups),
            new Case("foreign flow: untouched", plus(operational, FOREIGN), WANTED_GROUPS, none, none, none, none,
                noGroups, noGroups, noGroups),
            new Case("flow without a cookie: untouched", plus(WANTED, NO_COOKIE), WANTED_GROUPS, none, none, none,
                none, noGroups, noGroups, noGroups),
            new Case("missing flow: added", WANTED.stream().filter(f -> f != L2).toList(), WANTED_GROUPS,
                List.of(L2), none, none, none, noGroups, noGroups, noGroups),
            new Case("other output: updated in place", replace(TUNNEL_EGRESS, moved), WANTED_GROUPS, none,
                List.of(TUNNEL_EGRESS), none, none, noGroups, noGroups, noGroups),
            new Case("other cookie of ours: updated in place", replace(L2, otherCookie), WANTED_GROUPS, none,
                List.of(L2), none, none, noGroups, noGroups, noGroups),
            new Case("foreign flow holds our identity: conflict, not written", replace(L2, foreignInOurPlace),
                WANTED_GROUPS, none, none, none, List.of(L2), noGroups, noGroups, noGroups),
            new Case("stale group of ours removed, foreign group untouched", WANTED,
                plusGroups(WANTED_GROUPS, STALE_GROUP, FOREIGN_GROUP), none, none, none, none, noGroups, noGroups,
                List.of(STALE_GROUP)),
            new Case("group with other buckets: updated, missing group: added", WANTED,
                List.of(shrunk, WANTED_GROUPS.get(2), WANTED_GROUPS.get(3)), none, none, none, none,
                List.of(WANTED_GROUPS.get(0)), List.of(WANTED_GROUPS.get(1)), noGroups),
            new Case("everything at once", plus(replace(TUNNEL_EGRESS, moved).stream().filter(f -> f != L2)
                .toList(), STALE, FOREIGN, NO_COOKIE), plusGroups(List.of(shrunk, WANTED_GROUPS.get(2),
                    WANTED_GROUPS.get(3)), STALE_GROUP, FOREIGN_GROUP), List.of(L2), List.of(TUNNEL_EGRESS),
                List.of(STALE), none, List.of(WANTED_GROUPS.get(0)), List.of(WANTED_GROUPS.get(1)),
                List.of(STALE_GROUP)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void diff(final Case row) {
        final FlowSetDiff diff = FlowSetDiff.compute(OURS, WANTED, WANTED_GROUPS, row.switchFlows(),
            row.switchGroups());
        assertEquals(keys(row.adds()), keys(diff.flowAdds()), "adds");
        assertEquals(keys(row.updates()), keys(diff.flowUpdates().stream().map(FlowSetDiff.FlowUpdate::updated)
            .toList()), "updates");
        assertEquals(keys(row.removes()), keys(diff.flowRemoves()), "removes");
        assertEquals(keys(row.conflicts()), keys(diff.flowConflicts().stream().map(FlowSetDiff.FlowConflict::wanted)
            .toList()), "conflicts");
        assertEquals(ids(row.groupAdds()), ids(diff.groupAdds()), "group adds");
        assertEquals(ids(row.groupUpdates()), ids(diff.groupUpdates().stream().map(FlowSetDiff.GroupUpdate::updated)
            .toList()), "group updates");
        assertEquals(ids(row.groupRemoves()), ids(diff.groupRemoves()), "group removes");
        assertEquals(row.adds().size() + row.updates().size() + row.removes().size() + row.groupAdds().size()
            + row.groupUpdates().size() + row.groupRemoves().size(), diff.writes());
        assertEquals(diff.writes() == 0, diff.isEmpty());

        // what is written is the wanted flow itself (its config id), what is removed is the switch's own flow
        final Map<String, Flow> wantedByKey = WANTED.stream().collect(Collectors.toMap(InventoryText::key,
            Function.identity()));
        final Map<String, Flow> switchByKey = row.switchFlows().stream().collect(Collectors.toMap(InventoryText::key,
            Function.identity(), (a, b) -> a, LinkedHashMap::new));
        diff.flowAdds().forEach(f -> assertSame(wantedByKey.get(InventoryText.key(f)), f));
        diff.flowUpdates().forEach(u -> {
            assertSame(wantedByKey.get(InventoryText.key(u.updated())), u.updated());
            assertSame(switchByKey.get(InventoryText.key(u.updated())), u.original());
        });
        diff.flowRemoves().forEach(f -> assertSame(switchByKey.get(InventoryText.key(f)), f));
        diff.flowConflicts().forEach(c -> assertNotEquals(InventoryText.cookie(c.wanted()),
            InventoryText.cookie(c.foreign())));
        diff.flowRemoves().forEach(f -> assertTrue(OURS.ownsCookie(InventoryText.cookieValue(f))));
        diff.groupRemoves().forEach(g -> assertTrue(OURS.ownsGroup(groupId(g))));
    }

    /**
     * Flows read from the switch directly stand in for statistics that lack them: overlaying the reads on the
     * statistics diff gives exactly the diff of the switch's real flows, whatever those are (in sync, other
     * instructions, another cookie of ours, a foreign flow in our place, missing).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void directReadsOverlaidOnLaggingStatisticsGiveTheSwitchsDiff(final Case row) {
        final Set<String> wantedKeys = keys(WANTED);
        // statistics that show none of the wanted identities yet (stale and foreign flows only)
        final List<Flow> statistics = row.switchFlows().stream()
            .filter(flow -> !wantedKeys.contains(InventoryText.key(flow))).toList();
        final FlowSetDiff.Wanted wanted = FlowSetDiff.Wanted.of(OURS, WANTED, WANTED_GROUPS);
        final FlowSetDiff byStatistics = FlowSetDiff.compute(OURS, wanted, statistics, row.switchGroups());
        assertEquals(WANTED.size(), byStatistics.flowAdds().size());
        // what the switch answers for those identities
        final Map<String, Flow> read = new LinkedHashMap<>();
        row.switchFlows().stream().filter(flow -> wantedKeys.contains(InventoryText.key(flow)))
            .forEach(flow -> read.putIfAbsent(InventoryText.key(flow), flow));

        assertEquals(FlowSetDiff.compute(OURS, wanted, row.switchFlows(), row.switchGroups()),
            FlowSetDiff.overlay(OURS, wanted, byStatistics, read));
        // and half the reads: the unread half stays lacking
        final Map<String, Flow> half = new LinkedHashMap<>();
        read.entrySet().stream().limit(read.size() / 2).forEach(entry -> half.put(entry.getKey(), entry.getValue()));
        final List<Flow> halfSeen = Stream.concat(half.values().stream(), statistics.stream()).toList();
        assertEquals(FlowSetDiff.compute(OURS, wanted, halfSeen, row.switchGroups()),
            FlowSetDiff.overlay(OURS, wanted, byStatistics, half));
    }

    /**
     * Applying the diff to what the switch holds gives exactly the wanted flows of ours plus the foreign flows, for
     * changes between real compiled pipelines (a host's whole pipeline replaced by another's).
     */
    @ParameterizedTest
    @CsvSource({"lab, h1, seed004, h1", "seed004, h1, lab, h1", "seed002, h1, seed002, h2", "lab, h2, lab, h3"})
    void applyingTheDiffConverges(final String fromScenario, final String fromHost, final String toScenario,
            final String toHost) {
        final List<Flow> before = plus(CONVERTER.flows(compile(fromScenario, fromHost)), FOREIGN, NO_COOKIE);
        final List<Group> beforeGroups = plusGroups(CONVERTER.groups(compile(fromScenario, fromHost)),
            FOREIGN_GROUP);
        final CompiledPipeline target = compile(toScenario, toHost);
        final List<Flow> wanted = CONVERTER.flows(target);
        final List<Group> wantedGroups = CONVERTER.groups(target);
        final FlowSetDiff diff = FlowSetDiff.compute(OURS, wanted, wantedGroups, before, beforeGroups);
        assertFalse(diff.isEmpty());

        final Map<String, Flow> sw = new LinkedHashMap<>();
        before.forEach(f -> sw.put(InventoryText.key(f), f));
        diff.flowRemoves().forEach(f -> assertTrue(sw.remove(InventoryText.key(f)) != null));
        diff.flowUpdates().forEach(u -> sw.put(InventoryText.key(u.updated()), u.updated()));
        diff.flowAdds().forEach(f -> assertTrue(sw.put(InventoryText.key(f), f) == null));
        final Map<Long, Group> groups = new LinkedHashMap<>();
        beforeGroups.forEach(g -> groups.put(groupId(g), g));
        diff.groupRemoves().forEach(g -> groups.remove(groupId(g)));
        diff.groupUpdates().forEach(u -> groups.put(groupId(u.updated()), u.updated()));
        diff.groupAdds().forEach(g -> groups.put(groupId(g), g));

        final Set<String> expected = wanted.stream().map(InventoryText::flow).collect(Collectors.toSet());
        expected.add(InventoryText.flow(FOREIGN));
        expected.add(InventoryText.flow(NO_COOKIE));
        assertEquals(expected, sw.values().stream().map(InventoryText::flow).collect(Collectors.toSet()));
        final Set<String> expectedGroups = wantedGroups.stream().map(InventoryText::group)
            .collect(Collectors.toSet());
        expectedGroups.add(InventoryText.group(FOREIGN_GROUP));
        assertEquals(expectedGroups, groups.values().stream().map(InventoryText::group).collect(Collectors.toSet()));
        // and a second round finds nothing to do
        assertTrue(FlowSetDiff.compute(OURS, wanted, wantedGroups, List.copyOf(sw.values()),
            List.copyOf(groups.values())).isEmpty());
    }

    private static CompiledPipeline compile(final String scenario, final String host) {
        final LabScenario lab = switch (scenario) {
            case "seed004" -> LabScenario.seed004();
            case "seed002" -> LabScenario.seed002();
            default -> LabScenario.lab();
        };
        return new PipelineCompiler(CompilerConfig.DEFAULT).compile(lab.pipeline(host));
    }

    @Test
    void wantedFlowsAndGroupsMustBeOurs() {
        assertThrows(IllegalArgumentException.class, () -> FlowSetDiff.compute(OURS, List.of(FOREIGN), List.of(),
            List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> FlowSetDiff.compute(OURS, List.of(L2, new FlowBuilder(L2)
            .setId(new FlowId("dup")).withKey(new FlowKey(new FlowId("dup"))).build()), List.of(), List.of(),
            List.of()));
        assertThrows(IllegalArgumentException.class, () -> FlowSetDiff.compute(OURS, List.of(), List.of(
            FOREIGN_GROUP), List.of(), List.of()));
    }

    @Test
    void ownership() {
        assertTrue(OURS.ownsCookie(0x0d1c0000_0a000003L));
        assertFalse(OURS.ownsCookie(0x0d1c0001_0a000003L));
        assertFalse(OURS.ownsCookie(0));
        assertTrue(OURS.ownsGroup(0x0d1c0000L | 2 << 16 | 0xffff));
        assertFalse(OURS.ownsGroup(0x0d1c0000L + 0x40000));
        assertFalse(OURS.ownsGroup(7));
        final Ownership other = new Ownership(0x0abcL << 32, 0x100000L);
        assertTrue(other.ownsCookie(0x0000_0abc_0100_0000L));
        assertFalse(other.ownsCookie(0x0d1c000001000000L));
        assertThrows(IllegalArgumentException.class, () -> new Ownership(0x0abcL, 0x100000L));
    }
}
