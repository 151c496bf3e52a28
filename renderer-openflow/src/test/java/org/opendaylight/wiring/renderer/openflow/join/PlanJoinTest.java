/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendaylight.wiring.renderer.openflow.pipeline.LabScenario;
import org.opendaylight.wiring.renderer.openflow.pipeline.compile.CompilerConfig;
import org.opendaylight.wiring.renderer.openflow.pipeline.compile.PipelineCompiler;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.CompiledPipeline;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.AddressPair;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.HostPipeline;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.LocalPort;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.RemotePort;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.TunnelPort;
import org.opendaylight.wiring.renderer.openflow.pipeline.ofctl.OfctlRenderer;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.MacAddress;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.HostBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.NetworkBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.LogicalPort;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.LogicalPortBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.NetworkKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.PortKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.network.PortBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.HostId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.Name;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.TunnelType;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;

/**
 * The join of plan and switch state: the seed scenarios give exactly the golden pipelines, and what is missing on
 * the switch or inconsistent in the plan is left out and reported per intent, never refused by the compiler.
 */
class PlanJoinTest {
    private static final PipelineCompiler COMPILER = new PipelineCompiler(CompilerConfig.DEFAULT);
    private static final String PRIVATE = PlanFixture.ref("private");
    private static final String ADMIN = PlanFixture.ref("admin-private");

    private static JoinResult join(final PlanFixture fixture, final String host) {
        return PlanJoin.join(fixture.host(host), fixture.networks(), fixture.state(host));
    }

    private static String rendered(final CompiledPipeline pipeline) {
        return "# groups\n" + OfctlRenderer.groups(pipeline) + "# flows\n" + OfctlRenderer.flows(pipeline);
    }

    private static String golden(final String name) throws IOException {
        try (InputStream in = PlanJoinTest.class.getResourceAsStream("/golden/" + name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The plan and switch state of the seed scenarios, joined and compiled, give the golden files of the compiler's
     * own tests: the join supplies exactly what LabScenario hands the compiler directly.
     */
    @ParameterizedTest
    @CsvSource({"seed004, h1", "seed004, h2", "seed002, h1", "seed002, h2"})
    void seedScenariosCompileToTheGoldenFiles(final String scenario, final String host) throws IOException {
        final LabScenario lab = "seed004".equals(scenario) ? LabScenario.seed004() : LabScenario.seed002();
        final JoinResult result = join(new PlanFixture(lab), host);
        assertEquals(List.of(), result.problems());
        assertEquals(golden(scenario + "-" + host + ".txt"), rendered(COMPILER.compile(result.pipeline())));
    }

    @ParameterizedTest
    @CsvSource({"h1", "h2", "h3"})
    void labJoinCompilesLikeTheScenarioInput(final String host) {
        final LabScenario lab = LabScenario.lab();
        final JoinResult result = join(new PlanFixture(lab), host);
        assertEquals(List.of(), result.problems());
        assertEquals(rendered(COMPILER.compile(lab.pipeline(host))), rendered(COMPILER.compile(result.pipeline())));
        // the compiler's network names are the plan's intent references
        assertEquals(lab.networksOn(host).stream().map(PlanFixture::ref).sorted().toList(),
            result.pipeline().networks().stream().map(net -> net.name()).toList());
    }

    @Test
    void pipelineCarriesPortsTunnelsAndBridgeIdentity() {
        final JoinResult result = join(new PlanFixture(LabScenario.lab()), "h1");
        final HostPipeline pipeline = result.pipeline();
        assertEquals(List.of(new TunnelPort("h2", 22), new TunnelPort("h3", 23)), pipeline.tunnelPorts());
        assertTrue(pipeline.remotePorts().contains(new RemotePort("fa:16:3e:4d:a9:28", "h3", ADMIN)),
            "a port on h3 is reached through the tunnel whose remote-host is h3");
        assertTrue(pipeline.remotePorts().contains(new RemotePort("fa:16:3e:00:64:02", "h2",
            PlanFixture.ref("ext-vlan100"))), "provider networks have remote ports too (through the patch port)");
        assertEquals(List.of("vm-admin1", "vm-priv1", "vm-priv2", "vm-pub1", "vm-vlan1", "vm-vlan3"),
            pipeline.localPorts().stream().map(LocalPort::ifaceId).toList(), "sorted by iface-id");
        assertEquals("0000000000000001", result.datapathId());
        assertEquals("02:00:00:00:00:01", result.bridgeMac());
    }

    @Test
    void equalInputsInAnyOrderGiveEqualResults() {
        final PlanFixture fixture = new PlanFixture(LabScenario.lab());
        final JoinResult expected = join(fixture, "h1");
        final Random random = new Random(7);
        for (int round = 0; round < 5; round++) {
            final Host host = fixture.host("h1");
            final List<LogicalPort> logical = new ArrayList<>(host.nonnullLogicalPort().values());
            Collections.shuffle(logical, random);
            final var networks = new ArrayList<>(fixture.networks());
            Collections.shuffle(networks, random);
            final Host shuffled = new HostBuilder(host).setLogicalPort(BindingMap.ordered(logical)).build();
            assertEquals(expected, PlanJoin.join(shuffled, networks, fixture.state("h1")));
        }
    }

    @Test
    void aFloodGroupCarriesWhatFitsInOneOpenflowMessageAndTheLastPluggedPortsAreLeftOut() {
        final PlanFixture fixture = new PlanFixture(LabScenario.seed004());
        final Host planned = fixture.host("h1");
        final var state = fixture.state("h1");
        final List<LogicalPort> logical = new ArrayList<>(planned.nonnullLogicalPort().values());
        final List<org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.host.Port>
            switchPorts = new ArrayList<>(state.nonnullPort().values());
        final int bulk = 2100;
        for (int i = 0; i < bulk; i++) {
            final String id = String.format("bulk-%04d", i);
            logical.add(new LogicalPortBuilder().setIfaceId(id).setId(new Name(id)).setNetwork(new IntentRef(PRIVATE))
                .setMacAddress(new MacAddress(String.format("fa:16:3e:aa:%02x:%02x", i >> 8, i & 0xff)))
                .setPortSecurity(false).setIntent(PlanFixture.intents("logical-port/" + id)).build());
            // plugged in reverse order: the highest ofport is the last plugged
            switchPorts.add(new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.host
                .PortBuilder().setName("tap-" + id).setBridge(PlanFixture.BR_INT).setOfport(1000L + bulk - i)
                .setIfaceId(id).build());
        }
        final JoinResult result = PlanJoin.join(new HostBuilder(planned).setLogicalPort(BindingMap.ordered(logical))
            .build(), fixture.networks(), new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121
                .ovsdb.state.HostBuilder(state).setPort(BindingMap.ordered(switchPorts)).build());

        final CompiledPipeline compiled = COMPILER.compile(result.pipeline());
        final var fromLocal = compiled.groups().stream().filter(group -> group.groupId()
            == COMPILER.groupId(PipelineCompiler.GROUP_FROM_LOCAL, 1)).findFirst().orElseThrow();
        // every group goes in one message, and the fullest one has no room for one more local port
        compiled.groups().forEach(group -> assertTrue(group.messageBytes() <= 0xffff, () -> group.groupId() + ": "
            + group.messageBytes() + " bytes"));
        assertTrue(fromLocal.messageBytes() + 32 > 0xffff, () -> fromLocal.messageBytes() + " bytes");
        final var left = result.problems().stream().filter(JoinProblem.FloodGroupFull.class::isInstance)
            .map(JoinProblem.FloodGroupFull.class::cast).toList();
        final long kept = result.pipeline().localPorts().stream()
            .filter(port -> port.network().equals(PRIVATE)).count();
        assertEquals(2 + bulk, kept + left.size(), "every private port of h1 is either kept or reported");
        assertTrue(left.size() > 50, () -> left.size() + " left out");
        // the left-out ones are the last plugged (the lowest bulk numbers carry the highest ofports), named in status
        assertEquals(IntStream.range(0, left.size()).mapToObj(i -> String.format("bulk-%04d", i)).sorted().toList(),
            left.stream().map(JoinProblem.FloodGroupFull::port).sorted().toList());
        assertEquals(List.of("logical-port/bulk-0000"), left.stream().filter(problem -> problem.port()
            .equals("bulk-0000")).findFirst().orElseThrow().intents());
        assertTrue(left.get(0).reason().contains("flood group of network " + PRIVATE + " on this host is full with "
            + kept + " local ports"), left.get(0).reason());
        // the other network is untouched
        assertTrue(result.pipeline().localPorts().stream().anyMatch(port -> port.network().equals(ADMIN)));
    }

    @Test
    void portWithoutOfportIsLeftOutAndWaiting() {
        final PlanFixture fixture = new PlanFixture(LabScenario.seed004());
        fixture.ofports.get("h1").remove(PlanFixture.tap("vm-priv1"));
        fixture.ofports.get("h1").put(PlanFixture.tap("vm-priv2"), null);
        final JoinResult result = join(fixture, "h1");
        assertEquals(List.of("vm-admin1"), result.pipeline().localPorts().stream().map(LocalPort::ifaceId).toList());
        assertEquals(List.of(
            new JoinProblem.LocalPortWithoutOfport("vm-priv1", null, List.of("logical-port/vm-priv1")),
            new JoinProblem.LocalPortWithoutOfport("vm-priv2", null, List.of("logical-port/vm-priv2"))),
            result.problems());
        assertTrue(result.problems().stream().allMatch(JoinProblem::waiting));
        assertEquals(List.of(), result.failures(), "waiting for the switch is no failure");
        COMPILER.compile(result.pipeline());
    }

    @Test
    void failedInterfaceIsAFailure() {
        final PlanFixture fixture = new PlanFixture(LabScenario.seed004());
        fixture.ofports.get("h1").put(PlanFixture.tap("vm-priv1"), -1L);
        final JoinResult result = join(fixture, "h1");
        final var problem = new JoinProblem.LocalPortWithoutOfport("vm-priv1",
            "could not open network device tap-vm-priv1", List.of("logical-port/vm-priv1"));
        assertEquals(List.of(problem), result.failures());
        assertFalse(problem.waiting());
    }

    @Test
    void remoteHostWithoutTunnelPortIsReportedAndItsPortsSkipped() {
        final PlanFixture fixture = new PlanFixture(LabScenario.seed004());
        final Host planned = fixture.host("h1");
        final var ports = new java.util.LinkedHashMap<>(planned.nonnullPort());
        ports.remove(new PortKey(PlanFixture.tunnel("h3")));
        final Host host = new HostBuilder(planned).setPort(ports).build();
        final JoinResult result = PlanJoin.join(host, fixture.networks(), fixture.state("h1"));

        assertEquals(List.of(new TunnelPort("h2", 22)), result.pipeline().tunnelPorts());
        assertTrue(result.pipeline().remotePorts().stream().noneMatch(port -> port.remoteHost().equals("h3")));
        assertEquals(List.of(
            new JoinProblem.NoTunnelToHost(ADMIN, "h3", "vxlan", List.of(ADMIN, "logical-port/vm-admin3")),
            new JoinProblem.NoTunnelToHost(PRIVATE, "h3", "vxlan", List.of(PRIVATE, "logical-port/vm-priv4"))),
            result.problems());
        final String flows = OfctlRenderer.flows(COMPILER.compile(result.pipeline()));
        assertFalse(flows.contains("fa:16:3e:4d:a9:28"), "no L2 entry for a port behind no tunnel");
        assertTrue(flows.contains("fa:16:3e:4d:a9:27"), "h2's ports stay");
    }

    @Test
    void networkOfAnotherTunnelTypeNeedsItsOwnTunnelPorts() {
        final PlanFixture fixture = new PlanFixture(LabScenario.seed004());
        final Host planned = fixture.host("h1");
        final var networks = new java.util.LinkedHashMap<>(planned.nonnullNetwork());
        networks.computeIfPresent(new NetworkKey(new IntentRef(ADMIN)), (key, net) ->
            new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.NetworkBuilder(net)
                .setTunnelType(TunnelType.Geneve).build());
        final JoinResult result = PlanJoin.join(new HostBuilder(planned).setNetwork(networks).build(),
            fixture.networks(), fixture.state("h1"));
        assertEquals(List.of(
            new JoinProblem.NoTunnelToHost(ADMIN, "h2", "geneve", List.of(ADMIN, "logical-port/vm-admin2")),
            new JoinProblem.NoTunnelToHost(ADMIN, "h3", "geneve", List.of(ADMIN, "logical-port/vm-admin3"))),
            result.problems(), "the plan has VXLAN tunnel ports only");
        assertEquals(List.of(PRIVATE), result.pipeline().remotePorts().stream().map(RemotePort::network).distinct()
            .toList(), "the VXLAN network still reaches both hosts");
        assertEquals(List.of(new TunnelPort("h2", 22), new TunnelPort("h3", 23)), result.pipeline().tunnelPorts());
    }

    @Test
    void tunnelPortWithoutOfportIsWaitingAndItsPortsSkipped() {
        final PlanFixture fixture = new PlanFixture(LabScenario.seed004());
        fixture.ofports.get("h1").remove(PlanFixture.tunnel("h2"));
        final JoinResult result = join(fixture, "h1");
        assertEquals(List.of(new TunnelPort("h3", 23)), result.pipeline().tunnelPorts());
        assertTrue(result.pipeline().remotePorts().stream().noneMatch(port -> port.remoteHost().equals("h2")));
        assertEquals(List.of(new JoinProblem.TunnelPortWithoutOfport("vxlan-h2", "h2", null, List.of(ADMIN, PRIVATE,
            "logical-port/vm-admin2", "logical-port/vm-priv3", "tunnel-endpoint/h1", "tunnel-endpoint/h2"))),
            result.problems());
        assertTrue(result.problems().get(0).waiting());
    }

    @Test
    void providerPatchWithoutOfportKeepsLocalSwitching() {
        final PlanFixture fixture = new PlanFixture(LabScenario.seed002());
        fixture.ofports.get("h1").remove(PlanFixture.patch("physnet1"));
        final JoinResult result = join(fixture, "h1");
        final String vlan = PlanFixture.ref("ext-vlan100");
        assertEquals(List.of(new JoinProblem.ProviderPortWithoutOfport("int-br-physnet1", "physnet1", null,
            List.of(vlan, "provider-host/h1"))), result.problems());
        assertEquals(List.of("public"), result.pipeline().providerPorts().stream().map(p -> p.physicalNetwork())
            .toList());
        assertTrue(result.pipeline().remotePorts().stream().noneMatch(port -> port.network().equals(vlan)));
        assertTrue(result.pipeline().localPorts().stream().anyMatch(port -> port.ifaceId().equals("vm-vlan1")),
            "local ports of the network still switch locally");
        COMPILER.compile(result.pipeline());
    }

    @Test
    void allowedAddressPairsKeyedByAddressAndMacSurvive() {
        final PlanFixture fixture = new PlanFixture(LabScenario.seed004());
        final Host planned = fixture.host("h1");
        final var ports = new java.util.LinkedHashMap<>(planned.nonnullLogicalPort());
        final LogicalPort priv2 = ports.values().stream().filter(port -> port.getIfaceId().equals("vm-priv2"))
            .findFirst().orElseThrow();
        ports.put(priv2.key(), new LogicalPortBuilder(priv2).setAllowedAddressPair(BindingMap.ordered(
            PlanFixture.pair(new AddressPair("10.0.0.100", "fa:16:3e:00:00:bb")),
            PlanFixture.pair(new AddressPair("10.0.0.100", "fa:16:3e:00:00:aa")),
            PlanFixture.pair(new AddressPair("2001:db8:49::/64", "fa:16:3e:bc:5b:08")))).build());
        final JoinResult result = PlanJoin.join(new HostBuilder(planned).setLogicalPort(ports).build(),
            fixture.networks(), fixture.state("h1"));
        assertEquals(List.of(), result.problems());
        final LocalPort port = result.pipeline().localPorts().stream().filter(p -> p.ifaceId().equals("vm-priv2"))
            .findFirst().orElseThrow();
        assertEquals(List.of(new AddressPair("10.0.0.100", "fa:16:3e:00:00:aa"),
            new AddressPair("10.0.0.100", "fa:16:3e:00:00:bb"),
            new AddressPair("2001:db8:49::/64", "fa:16:3e:bc:5b:08")), port.allowedAddressPairs(),
            "one address with two MACs is two pairs");
        final String flows = OfctlRenderer.flows(COMPILER.compile(result.pipeline()));
        assertTrue(flows.contains("dl_src=fa:16:3e:00:00:aa") && flows.contains("dl_src=fa:16:3e:00:00:bb"));
    }

    @Test
    void duplicateOrMissingLocalIdsLeaveTheNetworksOut() {
        final PlanFixture fixture = new PlanFixture(LabScenario.seed004());
        final Host planned = fixture.host("h1");
        final var networks = new java.util.LinkedHashMap<>(planned.nonnullNetwork());
        networks.computeIfPresent(new NetworkKey(new IntentRef(ADMIN)), (key, net) ->
            new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.NetworkBuilder(net)
                .setLocalId(Uint16.valueOf(LabScenario.PRIVATE.localId())).build());
        JoinResult result = PlanJoin.join(new HostBuilder(planned).setNetwork(networks).build(), fixture.networks(),
            fixture.state("h1"));
        assertEquals(List.of(), result.pipeline().networks());
        assertEquals(List.of(), result.pipeline().localPorts());
        assertEquals(List.of(), result.pipeline().remotePorts());
        assertEquals(List.of(
            new JoinProblem.LocalIdInvalid(ADMIN, 1, List.of(ADMIN, "logical-port/vm-admin1")),
            new JoinProblem.LocalIdInvalid(PRIVATE, 1, List.of(PRIVATE, "logical-port/vm-priv1",
                "logical-port/vm-priv2"))), result.problems());
        COMPILER.compile(result.pipeline());

        networks.computeIfPresent(new NetworkKey(new IntentRef(ADMIN)), (key, net) ->
            new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.NetworkBuilder(net)
                .setLocalId(null).build());
        result = PlanJoin.join(new HostBuilder(planned).setNetwork(networks).build(), fixture.networks(),
            fixture.state("h1"));
        assertEquals(List.of(new JoinProblem.LocalIdInvalid(ADMIN, null, List.of(ADMIN, "logical-port/vm-admin1"))),
            result.problems());
        assertEquals(List.of(PRIVATE), result.pipeline().networks().stream().map(net -> net.name()).toList());
    }

    @Test
    void sharedOfportLeavesBothPortsOut() {
        final PlanFixture fixture = new PlanFixture(LabScenario.seed004());
        fixture.ofports.get("h1").put(PlanFixture.tap("vm-priv2"), 8L);
        final JoinResult result = join(fixture, "h1");
        assertEquals(List.of(new JoinProblem.OfportConflict(8, List.of("vm-priv1", "vm-priv2"),
            List.of("logical-port/vm-priv1", "logical-port/vm-priv2"))), result.problems());
        assertEquals(List.of("vm-admin1"), result.pipeline().localPorts().stream().map(LocalPort::ifaceId).toList());
        COMPILER.compile(result.pipeline());
    }

    @Test
    void macOnTwoHostsIsReportedAndLeftOut() {
        final PlanFixture fixture = new PlanFixture(LabScenario.seed004());
        final var networks = fixture.networks().stream().map(net -> {
            if (!net.getNetwork().getValue().equals(PRIVATE)) {
                return net;
            }
            final var ports = new java.util.LinkedHashMap<>(net.nonnullPort());
            // vm-priv4 on h3 claims vm-priv3's MAC (h2)
            ports.values().removeIf(port -> port.getId().getValue().equals("vm-priv4"));
            final var clash = new PortBuilder().setId(new Name("vm-priv4"))
                .setMacAddress(new MacAddress("fa:16:3e:2d:cc:cd")).setHost(new HostId("h3"))
                .setIntent(PlanFixture.intents("logical-port/vm-priv4")).build();
            ports.put(clash.key(), clash);
            return new NetworkBuilder(net).setPort(ports).build();
        }).toList();
        final JoinResult result = PlanJoin.join(fixture.host("h1"), networks, fixture.state("h1"));
        assertEquals(List.of(new JoinProblem.MacConflict(PRIVATE, "fa:16:3e:2d:cc:cd",
            List.of("logical-port/vm-priv3", "logical-port/vm-priv4"))), result.problems());
        assertTrue(result.pipeline().remotePorts().stream().noneMatch(port -> port.network().equals(PRIVATE)));
        COMPILER.compile(result.pipeline());
    }

    @Test
    void missingNetworkPlacementAndUnknownNetworkAreReported() {
        final PlanFixture fixture = new PlanFixture(LabScenario.seed004());
        final Host planned = fixture.host("h1");
        final var ports = new java.util.LinkedHashMap<>(planned.nonnullLogicalPort());
        final LogicalPort stray = new LogicalPortBuilder().setIfaceId("stray").setId(new Name("stray"))
            .setMacAddress(new MacAddress("fa:16:3e:00:00:99"))
            .setNetwork(new IntentRef("overlay-network/nowhere")).setIntent(PlanFixture.intents("logical-port/stray"))
            .build();
        ports.put(stray.key(), stray);
        final var networks = fixture.networks().stream()
            .filter(net -> !net.getNetwork().getValue().equals(ADMIN)).toList();
        final JoinResult result = PlanJoin.join(new HostBuilder(planned).setLogicalPort(ports).build(), networks,
            fixture.state("h1"));
        assertEquals(List.of(
            new JoinProblem.InvalidPort("stray", "unknown network overlay-network/nowhere",
                List.of("logical-port/stray")),
            new JoinProblem.NetworkNotPlanned(ADMIN, List.of(ADMIN))), result.problems());
        assertTrue(result.pipeline().localPorts().stream().anyMatch(port -> port.ifaceId().equals("vm-admin1")),
            "a network without placement still switches its local ports");
        assertTrue(result.pipeline().remotePorts().stream().noneMatch(port -> port.network().equals(ADMIN)));
    }

    @Test
    void noSwitchStateMeansEveryPortIsWaiting() {
        final PlanFixture fixture = new PlanFixture(LabScenario.seed004());
        final JoinResult result = PlanJoin.join(fixture.host("h2"), fixture.networks(), null);
        assertEquals(List.of(), result.pipeline().localPorts());
        assertEquals(List.of(), result.pipeline().tunnelPorts());
        assertEquals(List.of(), result.pipeline().remotePorts());
        assertEquals(4, result.problems().size());
        assertTrue(result.problems().stream().allMatch(JoinProblem::waiting));
        assertNull(result.datapathId());
        assertEquals(Set.of(JoinProblem.LocalPortWithoutOfport.class, JoinProblem.TunnelPortWithoutOfport.class),
            Set.copyOf(result.problems().stream().map(Object::getClass).toList()));
    }
}
