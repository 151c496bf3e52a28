/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendaylight.wiring.renderer.openflow.pipeline.compile.CompilerConfig;
import org.opendaylight.wiring.renderer.openflow.pipeline.compile.PipelineCompiler;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Action;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.CompiledPipeline;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Cookies;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Flow;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Group;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Metadata;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Purpose;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Table;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.AddressPair;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.HostPipeline;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.LocalPort;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.Network;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.RemotePort;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.TunnelPort;
import org.opendaylight.wiring.renderer.openflow.pipeline.ofctl.OfctlRenderer;

/**
 * The pipeline compiler: golden files for the seed scenarios, and the properties the pipeline relies on.
 */
class PipelineCompilerTest {
    private static final PipelineCompiler COMPILER = new PipelineCompiler(CompilerConfig.DEFAULT);

    private static CompiledPipeline compile(final HostPipeline host) {
        return COMPILER.compile(host);
    }

    private static String rendered(final CompiledPipeline pipeline) {
        return "# groups\n" + OfctlRenderer.groups(pipeline) + "# flows\n" + OfctlRenderer.flows(pipeline);
    }

    /**
     * The rendered pipelines of the seed scenarios, line for line. On a difference the actual text is written to
     * target/golden-actual/ for review; a reviewed change is copied over src/test/resources/golden/.
     */
    @ParameterizedTest
    @CsvSource({"seed004, h1", "seed004, h2", "seed002, h1", "seed002, h2"})
    void goldenFiles(final String scenario, final String host) throws IOException {
        final LabScenario lab = "seed004".equals(scenario) ? LabScenario.seed004() : LabScenario.seed002();
        final String actual = rendered(compile(lab.pipeline(host)));
        final String name = scenario + "-" + host + ".txt";
        final String expected;
        try (InputStream in = getClass().getResourceAsStream("/golden/" + name)) {
            expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!expected.equals(actual)) {
            final Path out = Path.of("target", "golden-actual", name);
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual);
        }
        assertEquals(expected, actual, "golden file " + name + " (actual written to target/golden-actual/)");
    }

    @Test
    void seed004ClassifiesBothVnisLikeDragonflow() {
        final List<Flow> flows = compile(LabScenario.seed004().pipeline("h1")).flows();
        // Dragonflow: tun_id=0x13 -> metadata 0x3, tun_id=0x49 -> metadata 0x1
        for (long[] vniAndId : new long[][] {{0x13, 3}, {0x49, 1}}) {
            final Flow flow = only(flows, f -> f.table() == Table.CLASSIFICATION && f.match().tunnelId() != null
                && f.match().tunnelId() == vniAndId[0]);
            assertEquals(vniAndId[1] | Metadata.UPLINK_BIT, flow.instructions().writeMetadata().value());
            assertEquals(Table.L2_LOOKUP, flow.instructions().gotoTable());
        }
    }

    @Test
    void sameInputInAnyOrderGivesTheSameFlowsAndIds() {
        final HostPipeline host = LabScenario.lab().pipeline("h1");
        final CompiledPipeline first = compile(host);
        final Random random = new Random(7);
        for (int i = 0; i < 5; i++) {
            final HostPipeline shuffled = new HostPipeline(host.hostId(), shuffle(host.networks(), random),
                shuffle(host.localPorts(), random), shuffle(host.remotePorts(), random),
                shuffle(host.tunnelPorts(), random), shuffle(host.providerPorts(), random));
            final CompiledPipeline again = compile(shuffled);
            assertEquals(first, again);
            assertEquals(first.flows().stream().map(Flow::id).toList(), again.flows().stream().map(Flow::id).toList());
        }
        // ids are unique, as (table, priority, match) are
        assertEquals(first.flows().size(), first.flows().stream().map(Flow::id).distinct().count());
        assertEquals(first.flows().size(), first.flows().stream().map(Flow::key).distinct().count());
    }

    private static <T> List<T> shuffle(final List<T> list, final Random random) {
        final List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }

    @Test
    void flowIdsDependOnTablePriorityAndMatchOnly() {
        final LabScenario lab = LabScenario.seed004();
        final HostPipeline host = lab.pipeline("h1");
        // vm-priv3 moves from h2 to h3: its L2 flow keeps its id, only the destination (instructions) changes
        final List<RemotePort> moved = host.remotePorts().stream()
            .map(port -> port.mac().equals("fa:16:3e:2d:cc:cd") ? new RemotePort(port.mac(), "h3", port.network())
                : port)
            .toList();
        final CompiledPipeline before = compile(host);
        final CompiledPipeline after = compile(new HostPipeline("h1", host.networks(), host.localPorts(), moved,
            host.tunnelPorts(), host.providerPorts()));
        final Map<String, Flow> beforeById = byId(before);
        final Map<String, Flow> afterById = byId(after);
        final Set<String> changed = new HashSet<>();
        for (Map.Entry<String, Flow> entry : afterById.entrySet()) {
            if (!entry.getValue().equals(beforeById.get(entry.getKey()))) {
                changed.add(entry.getKey());
            }
        }
        final Set<String> removed = new HashSet<>(beforeById.keySet());
        removed.removeAll(afterById.keySet());
        // h2 has no port of private left: its egress flow goes; the L2 flow is rewritten in place
        assertEquals(1, changed.size(), "changed: " + changed);
        final Flow l2 = afterById.get(changed.iterator().next());
        assertEquals(Table.L2_LOOKUP, l2.table());
        assertEquals(Metadata.dstPort(LabScenario.tunnelOfport("h3")), l2.instructions().writeMetadata());
        assertEquals(1, removed.size(), "removed: " + removed);
        assertEquals(Table.EGRESS, beforeById.get(removed.iterator().next()).table());
    }

    private static Map<String, Flow> byId(final CompiledPipeline pipeline) {
        return pipeline.flows().stream().collect(Collectors.toMap(Flow::id, Function.identity()));
    }

    @Test
    void floodGroupsKeepSplitHorizon() {
        final CompiledPipeline h1 = compile(LabScenario.lab().pipeline("h1"));
        final int priv = LabScenario.PRIVATE.localId();
        final Group fromLocal = group(h1, COMPILER.groupId(PipelineCompiler.GROUP_FROM_LOCAL, priv));
        final Group fromUplink = group(h1, COMPILER.groupId(PipelineCompiler.GROUP_FROM_UPLINK, priv));
        // from a VM: both local ports, one bucket per remote host with ports in the network (h2, h3)
        assertEquals(List.of(List.of(new Action.Output(7)), List.of(new Action.Output(8)),
            List.of(new Action.SetTunnelId(0x49), new Action.Output(22)),
            List.of(new Action.SetTunnelId(0x49), new Action.Output(23))), fromLocal.buckets());
        // from a tunnel: local ports only
        assertEquals(List.of(List.of(new Action.Output(7)), List.of(new Action.Output(8))), fromUplink.buckets());

        final int vlan = LabScenario.EXT_VLAN100.localId();
        assertEquals(List.of(List.of(new Action.Output(10)), List.of(new Action.Output(12)),
            List.of(new Action.PushVlan(), new Action.SetVlanVid(100), new Action.Output(2))),
            group(h1, COMPILER.groupId(PipelineCompiler.GROUP_FROM_LOCAL, vlan)).buckets());
        // from the provider network: never back out, never into tunnels
        assertEquals(List.of(List.of(new Action.Output(10)), List.of(new Action.Output(12))),
            group(h1, COMPILER.groupId(PipelineCompiler.GROUP_FROM_UPLINK, vlan)).buckets());

        // the flood table picks the group by the split-horizon bit
        final Flow local = only(h1.flows(), f -> f.table() == Table.FLOOD && f.match().metadata() != null
            && f.match().metadata().equals(Metadata.network(priv).and(Metadata.uplink(false))));
        assertEquals(List.of(new Action.ToGroup(fromLocal.groupId())), local.instructions().applyActions());
        final Flow uplink = only(h1.flows(), f -> f.table() == Table.FLOOD && f.match().metadata() != null
            && f.match().metadata().equals(Metadata.network(priv).and(Metadata.uplink(true))));
        assertEquals(List.of(new Action.ToGroup(fromUplink.groupId())), uplink.instructions().applyActions());
    }

    @Test
    void noTunnelBucketForAHostWithoutPortsInTheNetwork() {
        // h2 has no port of admin-private's sibling network "private" once vm-priv3 is gone
        final LabScenario lab = LabScenario.seed004();
        final HostPipeline host = lab.pipeline("h1");
        final List<RemotePort> remotes = host.remotePorts().stream()
            .filter(port -> !port.mac().equals("fa:16:3e:2d:cc:cd")).toList();
        final CompiledPipeline pipeline = compile(new HostPipeline("h1", host.networks(), host.localPorts(), remotes,
            host.tunnelPorts(), host.providerPorts()));
        final Group group = group(pipeline, COMPILER.groupId(PipelineCompiler.GROUP_FROM_LOCAL,
            LabScenario.PRIVATE.localId()));
        assertFalse(group.buckets().contains(List.of(new Action.SetTunnelId(0x49), new Action.Output(22))));
        assertTrue(group.buckets().contains(List.of(new Action.SetTunnelId(0x49), new Action.Output(23))));
    }

    @Test
    void portSecurityOffSkipsTheAntiSpoofingTable() {
        final CompiledPipeline h1 = compile(LabScenario.lab().pipeline("h1"));
        // vm-admin1 (ofport 9) has port security off
        final Flow classify = only(h1.flows(), f -> f.table() == Table.CLASSIFICATION && Long.valueOf(9)
            .equals(f.match().inPort()));
        assertEquals(Table.EGRESS_CONNTRACK, classify.instructions().gotoTable());
        assertTrue(h1.flows().stream().noneMatch(f -> f.table() == Table.PORT_SECURITY
            && Long.valueOf(9).equals(f.match().inPort())));
        // vm-priv1 (ofport 8) has it on
        final Flow secured = only(h1.flows(), f -> f.table() == Table.CLASSIFICATION && Long.valueOf(8)
            .equals(f.match().inPort()));
        assertEquals(Table.PORT_SECURITY, secured.instructions().gotoTable());
    }

    @Test
    void portSecurityAllowsExactlyOwnAddressesAndPairs() {
        final Network net = Network.overlay("n", 1, 100);
        final LocalPort port = new LocalPort("p", "n", 5, "FA:16:3E:00:00:01", List.of("10.0.0.1", "2001:db8::1"),
            true, List.of(new AddressPair("10.0.0.100", "fa:16:3e:00:00:01"),
                new AddressPair("10.0.1.0/24", "fa:16:3e:00:00:99")));
        final CompiledPipeline pipeline = compile(new HostPipeline("h", List.of(net), List.of(port), List.of(),
            List.of(), List.of()));
        final Set<String> allowed = pipeline.flows().stream()
            .filter(f -> f.table() == Table.PORT_SECURITY && f.instructions().gotoTable() == Table.EGRESS_CONNTRACK)
            .map(f -> f.match().toString()).collect(Collectors.toSet());
        final String own = "in_port=5,dl_src=fa:16:3e:00:00:01,";
        final String pair = "in_port=5,dl_src=fa:16:3e:00:00:99,";
        assertTrue(allowed.contains(own + "dl_type=0x0800,nw_src=10.0.0.1"), allowed::toString);
        assertTrue(allowed.contains(own + "dl_type=0x0800,nw_src=10.0.0.100"), allowed::toString);
        assertTrue(allowed.contains(own + "dl_type=0x0806,arp_spa=10.0.0.1,arp_sha=fa:16:3e:00:00:01"));
        assertTrue(allowed.contains(pair + "dl_type=0x0800,nw_src=10.0.1.0/24"), allowed::toString);
        assertTrue(allowed.contains(pair + "dl_type=0x0806,arp_spa=10.0.1.0/24,arp_sha=fa:16:3e:00:00:99"));
        assertTrue(allowed.contains(own + "dl_type=0x86dd,ipv6_src=2001:db8::1"), allowed::toString);
        assertTrue(allowed.contains(own + "dl_type=0x86dd,ipv6_src=fe80::f816:3eff:fe00:1"), allowed::toString);
        assertTrue(allowed.contains(own + "dl_type=0x86dd,nw_proto=58,icmpv6_type=136,icmpv6_code=0,"
            + "nd_target=2001:db8::1"), allowed::toString);
        // the pair's address is not allowed with the port's own MAC, nor the port's with the pair's MAC
        assertFalse(allowed.contains(own + "dl_type=0x0800,nw_src=10.0.1.0/24"));
        assertFalse(allowed.contains(pair + "dl_type=0x0800,nw_src=10.0.0.1"));
        // every allow flow checks both the port and a MAC of its own
        assertTrue(allowed.stream().allMatch(m -> m.startsWith(own) || m.startsWith(pair)), allowed::toString);
        // ND messages outside the allow flows are dropped above the generic IPv6 allow flow
        final Set<Integer> guarded = pipeline.flows().stream()
            .filter(f -> f.table() == Table.PORT_SECURITY && f.instructions().isDrop() && f.priority() > 200)
            .map(f -> f.match().icmpv6Type()).collect(Collectors.toSet());
        assertEquals(Set.of(134, 135, 136, 137), guarded);
        // the pair's MAC is reachable too
        assertTrue(pipeline.flows().stream().anyMatch(f -> f.table() == Table.L2_LOOKUP
            && "fa:16:3e:00:00:99".equals(f.match().ethDst())
            && f.instructions().writeMetadata().equals(Metadata.dstPort(5))));
    }

    @Test
    void onlyStandardOpenFlow13() {
        final CompiledPipeline h1 = compile(LabScenario.lab().pipeline("h1"));
        final String text = OfctlRenderer.flows(h1) + OfctlRenderer.groups(h1);
        for (String nicira : List.of("resubmit", "load:", "reg", "move:", "ct(", "learn(", "tun_dst", "tun_src",
                "set_tunnel", "note:")) {
            assertFalse(text.contains(nicira), nicira);
        }
    }

    @Test
    void cookiesCarryBasePurposeAndNetwork() {
        final CompilerConfig config = new CompilerConfig(0x12345678L << 32, 0x00a40000L);
        final CompiledPipeline h1 = new PipelineCompiler(config).compile(LabScenario.lab().pipeline("h1"));
        for (Flow flow : h1.flows()) {
            assertEquals(0x12345678L << 32, flow.cookie() & Cookies.OWNER_MASK);
        }
        final Flow tunnel = only(h1.flows(), f -> f.table() == Table.CLASSIFICATION && f.match().tunnelId() != null
            && f.match().tunnelId() == 0x13);
        assertEquals(0x12345678_03000003L, tunnel.cookie());
        assertEquals(Cookies.cookie(0x12345678L << 32, Purpose.PIPELINE, 0), only(h1.flows(),
            f -> f.table() == Table.CLASSIFICATION && f.priority() == 0).cookie());
        assertTrue(h1.groups().stream().allMatch(g -> (g.groupId() & ~0x3ffffL) == 0x00a40000L));
        assertThrows(IllegalArgumentException.class, () -> new CompilerConfig(0x1234, 0));
        assertThrows(IllegalArgumentException.class, () -> new CompilerConfig(Cookies.DEFAULT_BASE, 0x12345));
    }

    @Test
    void metadataLayout() {
        assertEquals(0x0003_0000_0001_0005L, Metadata.srcPort(3).and(Metadata.uplink(true))
            .and(Metadata.network(5)).value());
        assertEquals(0x0000_0016_0000_0000L, Metadata.dstPort(0x16).value());
        assertEquals(0xffff_0000_0001_ffffL, Metadata.srcPort(1).and(Metadata.uplink(false))
            .and(Metadata.network(1)).mask());
        assertThrows(IllegalArgumentException.class, () -> Metadata.network(1).and(Metadata.network(2)));
    }

    @Test
    void inconsistentInputIsRefused() {
        final Network net = Network.overlay("n", 1, 100);
        final LocalPort a = new LocalPort("a", "n", 5, "fa:16:3e:00:00:01", List.of("10.0.0.1"), true, List.of());
        final LocalPort sameOfport = new LocalPort("b", "n", 5, "fa:16:3e:00:00:02", List.of(), true, List.of());
        final LocalPort sameMac = new LocalPort("c", "n", 6, "fa:16:3e:00:00:01", List.of(), true, List.of());
        final LocalPort unknownNet = new LocalPort("d", "x", 7, "fa:16:3e:00:00:03", List.of(), true, List.of());
        assertThrows(IllegalArgumentException.class, () -> compile(host(List.of(net), List.of(a, sameOfport))));
        assertThrows(IllegalArgumentException.class, () -> compile(host(List.of(net), List.of(a, sameMac))));
        assertThrows(IllegalArgumentException.class, () -> compile(host(List.of(net), List.of(a, unknownNet))));
        assertThrows(IllegalArgumentException.class, () -> compile(host(List.of(net, Network.overlay("m", 1, 7)),
            List.of(a))));
        assertThrows(IllegalArgumentException.class, () -> compile(new HostPipeline("h", List.of(net), List.of(a),
            List.of(new RemotePort("fa:16:3e:00:00:01", "h2", "n")), List.of(new TunnelPort("h2", 20)),
            List.of())));
        assertThrows(IllegalArgumentException.class, () -> new LocalPort("e", "n", 0xff00, "fa:16:3e:00:00:04",
            List.of(), true, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new LocalPort("e", "n", 4, "01:16:3e:00:00:04",
            List.of(), true, List.of()));
        assertThrows(IllegalArgumentException.class, () -> Network.vlan("v", 2, "physnet1", 4095));
        assertThrows(IllegalArgumentException.class, () -> Network.overlay("o", 2, 0));
        // a compilable host still compiles
        assertNotEquals(0, compile(host(List.of(net), List.of(a))).flows().size());
    }

    @Test
    void aLargeHostCompilesToTheExpectedFlowCounts() {
        // 500 overlay networks, 4 local ports each (port security off), 6 remote ports each on 3 of 10 hosts
        final List<Network> networks = new ArrayList<>();
        final List<LocalPort> locals = new ArrayList<>();
        final List<RemotePort> remotes = new ArrayList<>();
        final List<TunnelPort> tunnels = new ArrayList<>();
        for (int host = 1; host <= 10; host++) {
            tunnels.add(new TunnelPort("r" + host, 60000 + host));
        }
        long ofport = 1;
        for (int n = 1; n <= 500; n++) {
            networks.add(Network.overlay("net" + n, n, 1000 + n));
            for (int p = 0; p < 4; p++) {
                locals.add(new LocalPort("p" + ofport, "net" + n, ofport, mac(0x10, n, p), List.of(), false,
                    List.of()));
                ofport++;
            }
            for (int p = 0; p < 6; p++) {
                remotes.add(new RemotePort(mac(0x20, n, p), "r" + (1 + (n + p % 3) % 10), "net" + n));
            }
        }
        final CompiledPipeline pipeline = compile(new HostPipeline("h", networks, locals, remotes, tunnels,
            List.of()));
        final Map<Table, Long> perTable = pipeline.flows().stream()
            .collect(Collectors.groupingBy(Flow::table, Collectors.counting()));
        // table-miss flows: one per table
        assertEquals(9, pipeline.flows().stream().filter(f -> f.priority() == 0).count());
        assertEquals(1 + 2000 + 500, perTable.get(Table.CLASSIFICATION));
        assertEquals(1, perTable.get(Table.PORT_SECURITY));
        assertEquals(1 + 2000 + 3000, perTable.get(Table.L2_LOOKUP));
        assertEquals(1 + 1000, perTable.get(Table.FLOOD));
        assertEquals(1 + 2000 + 1500, perTable.get(Table.EGRESS));
        assertEquals(1 + 2000, perTable.get(Table.INGRESS_DISPATCH));
        assertEquals(1000, pipeline.groups().size());
        // every from-local group: 4 local buckets + 3 remote hosts
        assertTrue(pipeline.groups().stream().filter(g -> (g.groupId() >> 16 & 3) == 1)
            .allMatch(g -> g.buckets().size() == 7));
    }

    private static String mac(final int kind, final int network, final int port) {
        return String.format("fa:16:%02x:%02x:%02x:%02x", kind, network >> 8, network & 0xff, port);
    }

    private static HostPipeline host(final List<Network> networks, final List<LocalPort> ports) {
        return new HostPipeline("h", networks, ports, List.of(), List.of(), List.of());
    }

    private static Group group(final CompiledPipeline pipeline, final long id) {
        return pipeline.groups().stream().filter(g -> g.groupId() == id).findFirst()
            .orElseThrow(() -> new AssertionError("no group " + id));
    }

    private static Flow only(final List<Flow> flows, final java.util.function.Predicate<Flow> filter) {
        final List<Flow> found = flows.stream().filter(filter).toList();
        assertEquals(1, found.size(), () -> "expected one flow, got " + found);
        return found.get(0);
    }
}
