/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendaylight.wiring.impl.TestIntents;
import org.opendaylight.wiring.impl.plan.PlanBinding;
import org.opendaylight.wiring.impl.plan.PlanResult;
import org.opendaylight.wiring.impl.plan.Planner;
import org.opendaylight.wiring.impl.validation.Validator;
import org.opendaylight.wiring.renderer.openflow.pipeline.LabScenario;
import org.opendaylight.wiring.renderer.openflow.pipeline.compile.CompilerConfig;
import org.opendaylight.wiring.renderer.openflow.pipeline.compile.PipelineCompiler;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.CompiledPipeline;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.HostPipeline;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.LocalPort;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.Network;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.RemotePort;
import org.opendaylight.wiring.renderer.openflow.pipeline.ofctl.OfctlRenderer;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.host.BridgeBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.host.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.host.PortBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.PortType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.HostId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.TunnelType;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;

/**
 * End to end without a datastore: the lab's intents go through the real planner and {@code PlanBinding}, the plan's
 * binding objects are joined with a switch state that gives the lab's ofports, and the compiled pipeline equals the
 * one the compiler makes from {@link LabScenario}'s direct input (with the planner's local ids and network
 * references, which are the plan's to choose).
 */
class PlannerJoinTest {
    private static final PipelineCompiler COMPILER = new PipelineCompiler(CompilerConfig.DEFAULT);

    private static PlanResult plan(final LabScenario lab) {
        final var intents = new TestIntents()
            .overlay("private", LabScenario.PRIVATE.vni()).overlay("admin-private", LabScenario.ADMIN_PRIVATE.vni())
            .flat("public", "public").vlan("ext-vlan100", "physnet1", 100)
            .host("h1", "public", "br-ex", "physnet1", "br-vlan")
            .host("h2", "public", "br-ex", "physnet1", "br-vlan");
        for (String host : LabScenario.HOSTS) {
            intents.endpoint(host, TunnelType.Vxlan, "192.0.2." + host.substring(1));
        }
        for (LabScenario.Port port : lab.ports()) {
            final String[] ips = port.ips().toArray(new String[0]);
            final Network net = LabScenario.lab().networksOn(port.host()).stream()
                .filter(n -> n.name().equals(port.network())).findFirst().orElseThrow();
            if (net.isProvider()) {
                intents.providerPort(port.id(), port.network(), port.host(), port.mac(), ips);
            } else {
                intents.overlayPort(port.id(), port.network(), port.host(), port.mac(), ips);
            }
            final List<String> pairs = new ArrayList<>();
            port.pairs().forEach(pair -> {
                pairs.add(pair.ipPrefix().indexOf('/') >= 0 ? pair.ipPrefix()
                    : pair.ipPrefix() + (pair.ipPrefix().indexOf(':') >= 0 ? "/128" : "/32"));
                pairs.add(pair.mac());
            });
            intents.pairs(port.portSecurity(), pairs.toArray(new String[0]));
        }
        final var snapshot = intents.build();
        final var rejected = Validator.validate(snapshot);
        assertEquals(Map.of(), rejected, "the lab's intents are valid");
        return Planner.plan(snapshot, rejected);
    }

    /**
     * The switch as OVS would report it for a planned host: VM interfaces with their iface-id and the lab's ofports,
     * the planned tunnel ports (ofport 20 + remote host number) and patch ports (the lab's patch ofports).
     */
    private static org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.Host state(
            final LabScenario lab, final Host plan) {
        final String bridge = plan.requireIntegrationBridge().getValue();
        final List<Port> ports = new ArrayList<>();
        plan.nonnullLogicalPort().values().forEach(port -> ports.add(new PortBuilder().setName("tap" + ports.size())
            .setBridge(bridge).setIfaceId(port.getIfaceId()).setOfport(lab.port(port.requireId().getValue()).ofport())
            .build()));
        plan.nonnullPort().values().stream()
            .filter(port -> port.getRemoteHost() != null && port.getType() != PortType.Patch)
            .forEach(port -> ports.add(new PortBuilder().setName(port.getName()).setBridge(bridge)
                .setOfport(LabScenario.tunnelOfport(port.getRemoteHost().getValue())).build()));
        plan.nonnullProviderPort().values().forEach(port -> ports.add(new PortBuilder().setName(port.getPort())
            .setBridge(bridge).setOfport(LabScenario.PATCH_OFPORTS.get(port.requirePhysicalNetwork().getValue()))
            .build()));
        return new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.HostBuilder()
            .setHostId(plan.getHostId())
            .setBridge(BindingMap.of(new BridgeBuilder().setName(bridge).setDatapathId("00000000000000aa").build()))
            .setPort(BindingMap.ordered(ports))
            .build();
    }

    /**
     * LabScenario's input for a host, with the plan's network references and local ids.
     */
    private static HostPipeline expected(final LabScenario lab, final String host, final Host plan) {
        final Map<String, Integer> ids = new TreeMap<>();
        plan.nonnullNetwork().values().forEach(net -> ids.put(net.requireNetwork().getValue(),
            net.requireLocalId().intValue()));
        final HostPipeline direct = lab.pipeline(host);
        final List<Network> networks = direct.networks().stream().map(net -> new Network(PlanFixture.ref(net),
            ids.get(PlanFixture.ref(net)), net.kind(), net.vni(), net.physicalNetwork(), net.vlanId())).toList();
        final List<LocalPort> locals = direct.localPorts().stream().map(port -> new LocalPort(port.ifaceId(),
            PlanFixture.ref(port.network()), port.ofport(), port.mac(), port.fixedIps(), port.portSecurity(),
            port.allowedAddressPairs())).toList();
        final List<RemotePort> remotes = direct.remotePorts().stream().map(port -> new RemotePort(port.mac(),
            port.remoteHost(), PlanFixture.ref(port.network()))).toList();
        return new HostPipeline(host, networks, locals, remotes, direct.tunnelPorts(), direct.providerPorts());
    }

    private static String rendered(final CompiledPipeline pipeline) {
        return "# groups\n" + OfctlRenderer.groups(pipeline) + "# flows\n" + OfctlRenderer.flows(pipeline);
    }

    @ParameterizedTest
    @CsvSource({"seed004, h1", "seed004, h2", "seed004, h3", "lab, h1", "lab, h2", "lab, h3"})
    void plannersPlanJoinsIntoTheScenarioPipeline(final String scenario, final String host) {
        final LabScenario lab = "seed004".equals(scenario) ? LabScenario.seed004() : LabScenario.lab();
        final PlanResult result = plan(lab);
        final Host planHost = PlanBinding.toBinding(result.hosts().get(host));
        final var networks = result.networks().values().stream().map(PlanBinding::toBinding).toList();
        final JoinResult joined = PlanJoin.join(planHost, networks, state(lab, planHost));
        assertEquals(List.of(), joined.problems());
        assertEquals(rendered(COMPILER.compile(expected(lab, host, planHost))),
            rendered(COMPILER.compile(joined.pipeline())));
        assertTrue(joined.pipeline().localPorts().size() > 0);
        assertEquals(new HostId(host), planHost.getHostId());
    }
}
