/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendaylight.wiring.impl.TestIntents;
import org.opendaylight.wiring.impl.intent.IntentKind;
import org.opendaylight.wiring.impl.intent.IntentRef;
import org.opendaylight.wiring.impl.intent.Intents;
import org.opendaylight.wiring.impl.validation.Validator;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.TunnelType;

class PlannerTest {

    private static PlanResult plan(final Intents intents) {
        final var rejected = Validator.validate(intents);
        assertEquals(Map.of(), rejected, "the scenario must be valid");
        return Planner.plan(intents, rejected);
    }

    /** The host's kernel state written the way iproute2 shows it, sorted. */
    static List<String> kernel(final HostPlan plan) {
        final List<String> lines = new ArrayList<>();
        plan.tables().forEach(t -> lines.add("table " + t.value().id() + " " + t.value().name()));
        plan.rules().forEach(r -> lines.add("rule " + r.value().priority() + ": from all to " + r.value().destination()
            + " lookup " + r.value().table()));
        plan.routes().forEach(r -> lines.add("route table " + r.value().table() + " " + r.value().destination()
            + (r.value().gateway() == null ? "" : " via " + r.value().gateway()) + " dev " + r.value().device()));
        plan.neighbours().forEach(n -> lines.add("neigh " + n.value().address() + " dev " + n.value().device()
            + " lladdr " + n.value().mac() + " PERMANENT"));
        plan.proxyNdps().forEach(n -> lines.add("neigh proxy " + n.value().address() + " dev " + n.value().device()));
        plan.exposed().forEach(e -> lines.add("expose " + e.value()));
        plan.addresses().forEach(a -> lines.add("addr " + a.value().prefix() + " dev " + a.value().device()));
        plan.sysctls().forEach(s -> lines.add("sysctl " + s.value().name() + "=" + s.value().value()));
        plan.providerFlows().forEach(f -> lines.add("flows " + f.value().bridge() + " in_port=" + f.value().patchPort()
            + " cookie=0x" + Long.toHexString(f.value().cookie())));
        return lines.stream().sorted().toList();
    }

    private static final List<String> BRIDGE_BASICS = List.of(
        "addr 169.254.1.0/32 dev br-ex",
        "addr fd53:d91e:400:7f17::1:0/128 dev br-ex",
        "flows br-ex in_port=phy-br-ex cookie=0x3e7",
        "route table 200 0.0.0.0/0 dev br-ex",
        "route table 200 ::/0 dev br-ex",
        "sysctl net.ipv4.conf.br-ex.proxy_arp=1",
        "sysctl net.ipv4.ip_forward=1",
        "sysctl net.ipv6.conf.all.forwarding=1",
        "sysctl net.ipv6.conf.br-ex.proxy_ndp=1",
        "table 200 br-ex");

    private static List<String> withBasics(final String... lines) {
        final List<String> all = new ArrayList<>(BRIDGE_BASICS);
        all.addAll(List.of(lines));
        return all.stream().sorted().toList();
    }

    @Test
    void seed001ProviderVmIsExposedOnItsHost() {
        final var result = plan(TestIntents.seed001().build());
        assertEquals(withBasics(
            "expose 172.24.4.92/32",
            "expose 2001:db8::21c/128",
            "rule 32000: from all to 172.24.4.92/32 lookup 200",
            "rule 32000: from all to 2001:db8::21c/128 lookup 200",
            "route table 200 172.24.4.92/32 dev br-ex",
            "route table 200 2001:db8::21c/128 dev br-ex"), kernel(result.hosts().get("rack-1-host-2")));
    }

    @Test
    void seed001GatewayHostExposesCrLrpSubnetAndTenantVm() {
        final var result = plan(TestIntents.seed001().build());
        assertEquals(withBasics(
            "expose 10.0.0.95/32",
            "expose 172.24.4.163/32",
            "expose 2001:db8::20/128",
            "neigh 172.24.4.163 dev br-ex lladdr fa:16:3e:bf:93:93 PERMANENT",
            "neigh proxy 2001:db8::20 dev br-ex",
            "rule 32000: from all to 10.0.0.64/26 lookup 200",
            "rule 32000: from all to 172.24.4.163/32 lookup 200",
            "rule 32000: from all to 2001:db8::20/128 lookup 200",
            "route table 200 10.0.0.64/26 via 172.24.4.163 dev br-ex",
            "route table 200 172.24.4.163/32 dev br-ex",
            "route table 200 2001:db8::20/128 dev br-ex"), kernel(result.hosts().get("rack-1-host-1")));
    }

    @Test
    void seed001FloatingIpIsExposedOnTheVmHost() {
        final var result = plan(TestIntents.seed001().build());
        assertEquals(withBasics(
            "expose 172.24.4.79/32",
            "rule 32000: from all to 172.24.4.79/32 lookup 200",
            "route table 200 172.24.4.79/32 dev br-ex"), kernel(result.hosts().get("rack-2-host-1")));
    }

    @Test
    void providerFlowsCarryTheConfiguredCookie() {
        final var intents = TestIntents.seed001();
        intents.flowCookie = 0xabcL;
        final var flows = plan(intents.build()).hosts().get("rack-1-host-2").providerFlows().stream()
            .map(HostPlan.Planned::value).toList();
        assertEquals(List.of(new HostPlan.ProviderFlow("br-ex", "phy-br-ex", 0xabcL)), flows);
    }

    @Test
    void anExcludedPhysicalNetworkKeepsPlainSwitchingAndItsPortsAreNotExposed() {
        final var intents = new TestIntents().flat("public", "public").vlan("ext-vlan100", "physnet1", 100)
            .host("rack-1-host-1", "public", "br-ex", "physnet1", "br-vlan")
            .providerPort("vlan-vm", "ext-vlan100", "rack-1-host-1", "fa:16:3e:00:00:64", "10.100.0.5").bgp(false);
        final var before = plan(intents.build()).hosts().get("rack-1-host-1");
        assertTrue(kernel(before).stream().anyMatch(line -> line.contains("br-vlan")), kernel(before).toString());
        assertTrue(kernel(before).stream().anyMatch(line -> line.contains("10.100.0.5")), kernel(before).toString());

        intents.excludedPhysicalNetworks.add("physnet1");
        final var host = plan(intents.build()).hosts().get("rack-1-host-1");
        assertTrue(kernel(host).stream().noneMatch(line -> line.contains("br-vlan") || line.contains("10.100.0.5")),
            kernel(host).toString());
        assertEquals(List.of(new HostPlan.ProviderFlow("br-ex", "phy-br-ex", 999L)), host.providerFlows().stream()
            .map(HostPlan.Planned::value).toList());
        assertTrue(host.bridges().stream().anyMatch(bridge -> bridge.value().name().equals("br-vlan")),
            "the provider bridge stays");
    }

    @Test
    void tenantNetworksAreNotExposedByDefault() {
        final var intents = TestIntents.seed001().bgp(false).build();
        final var host = plan(intents).hosts().get("rack-1-host-1");
        assertTrue(kernel(host).stream().noneMatch(line -> line.contains("10.0.0.")), kernel(host).toString());
    }

    @Test
    void switchObjectsForSeedScenario() {
        final var host = plan(TestIntents.seed001().build()).hosts().get("rack-1-host-1");
        final var bridges = host.bridges().stream().map(b -> b.value().name() + (b.value().integration()
            ? " integration" : " provider " + b.value().physicalNetwork())).toList();
        assertEquals(List.of("br-ex provider public", "br-int integration"), bridges);
        final var ports = host.ports().stream().map(p -> p.value().bridge() + ":" + p.value().name() + " "
            + p.value().type() + (p.value().peer() != null ? " peer=" + p.value().peer() : "")
            + (p.value().remoteIp() != null ? " " + p.value().localIp() + "->" + p.value().remoteIp() : ""))
            .sorted().toList();
        assertEquals(List.of(
            "br-ex:phy-br-ex patch peer=int-br-ex",
            "br-int:" + Names.tunnelPort("geneve", "rack-1-host-2") + " geneve 192.168.121.78->192.168.121.79",
            "br-int:" + Names.tunnelPort("geneve", "rack-2-host-1") + " geneve 192.168.121.78->192.168.121.135",
            "br-int:int-br-ex patch peer=phy-br-ex").stream().sorted().toList(), ports);
    }

    @Test
    void vlanNetworkGetsInternalPortWithAddressAndRoutesThroughIt() {
        final var intents = new TestIntents()
            .vlan("ext100", "physnet1", 100)
            .host("c1", "physnet1", "br-provider1")
            .providerPort("p1", "ext100", "c1", "fa:16:3e:00:00:01", "203.0.113.10")
            .bgp(false).build();
        final var host = plan(intents).hosts().get("c1");
        final var vlanPort = host.ports().stream().filter(p -> p.value().type().equals("internal")).findFirst()
            .orElseThrow().value();
        assertEquals("br-provide.100", vlanPort.name());
        assertEquals("br-provider1", vlanPort.bridge());
        assertEquals(100, vlanPort.vlanTag());
        final var kernel = kernel(host);
        assertTrue(kernel.contains("route table 200 203.0.113.10/32 dev br-provide.100"), kernel.toString());
        assertTrue(kernel.contains("addr 169.254.1.100/32 dev br-provide.100"), kernel.toString());
        assertTrue(kernel.contains("sysctl net.ipv4.conf.br-provide/100.proxy_arp=1"), kernel.toString());
        assertTrue(kernel.contains("rule 32000: from all to 203.0.113.10/32 lookup 200"), kernel.toString());
    }

    @Test
    void routingTablesSkipPinnedVrfAndReservedIds() {
        final var intents = new TestIntents()
            .flat("a", "pa").flat("b", "pb").flat("c", "pc")
            .host("h", "pa", "br-a", "pb", "br-b", "pc", "br-c")
            .bgp(false).build();
        final var tables = plan(intents).hosts().get("h").tables().stream()
            .map(t -> t.value().name() + "=" + t.value().id()).toList();
        assertEquals(List.of("br-a=200", "br-b=201", "br-c=202"), tables);
    }

    @Test
    void tunnelMeshIsSymmetricAndFollowsEndpoints() {
        final var intents = new TestIntents()
            .endpoint("h1", TunnelType.Vxlan, "192.0.2.1")
            .endpoint("h2", TunnelType.Vxlan, "192.0.2.2")
            .endpoint("h3", TunnelType.Gre, "192.0.2.3")
            .build();
        final var result = plan(intents);
        final var h1 = result.hosts().get("h1").ports().stream().map(p -> p.value().name()).toList();
        final var h2 = result.hosts().get("h2").ports().stream().map(p -> p.value().name()).toList();
        assertEquals(List.of(Names.tunnelPort("vxlan", "h2")), h1);
        assertEquals(List.of(Names.tunnelPort("vxlan", "h1")), h2);
        assertTrue(result.hosts().get("h3").ports().isEmpty(), "no other GRE endpoint");
    }

    @Test
    void withoutBgpNoKernelState() {
        final var intents = TestIntents.seed001();
        intents.bgp = false;
        final var result = plan(intents.build());
        result.hosts().values().forEach(host -> {
            assertNull(host.expose());
            assertTrue(kernel(host).isEmpty());
        });
    }

    @Test
    void providerPortOnHostWithoutMappingIsRejectedOnThatHostOnly() {
        final var intents = new TestIntents()
            .flat("public", "public")
            .host("c1", "public", "br-ex")
            .providerPort("p1", "public", "c2", "fa:16:3e:00:00:01", "203.0.113.10")
            .providerPort("p2", "public", "c1", "fa:16:3e:00:00:02", "203.0.113.11")
            .bgp(false).build();
        final var result = plan(intents);
        assertEquals(Map.of("c2", "host: c2 has no bridge-mapping for physical network public"),
            result.hostRejections().get(IntentRef.of(IntentKind.LOGICAL_PORT, "p1")));
        assertTrue(kernel(result.hosts().get("c1")).contains("expose 203.0.113.11/32"));
    }

    @Test
    void planIsDeterministicAndDigestStable() {
        final var first = plan(TestIntents.seed001().build());
        final var second = plan(TestIntents.seed001().build());
        for (var host : first.hosts().keySet()) {
            assertEquals(first.hosts().get(host).digest(), second.hosts().get(host).digest());
            assertEquals(PlanBinding.toBinding(first.hosts().get(host)),
                PlanBinding.toBinding(second.hosts().get(host)));
        }
    }

    @Test
    void namesFitLinuxLimits() {
        assertEquals("br-provide.4094", Names.vlanDevice("br-provider-long", 4094));
        assertTrue(Names.vlanDevice("br-provider-long", 4094).length() <= Names.MAX_DEVICE_NAME);
        assertEquals(13, Names.tunnelPort("vxlan", "some-very-long-host-name.example.org").length());
    }
}
