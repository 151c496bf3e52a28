/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendaylight.wiring.impl.TestIntents;
import org.opendaylight.wiring.impl.intent.IntentKind;
import org.opendaylight.wiring.impl.intent.IntentRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.host.list.HostBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.host.list.host.BridgeMappingBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.DeviceName;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.HostId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.PhysicalNetwork;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.TunnelType;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;

class ValidatorTest {
    private static IntentRef net(final String name) {
        return IntentRef.of(IntentKind.PROVIDER_NETWORK, name);
    }

    private static Map<IntentRef, String> validate(final TestIntents intents) {
        return Validator.validate(intents.build());
    }

    @Test
    void seedScenarioIsValid() {
        assertEquals(Map.of(), validate(TestIntents.seed001()));
    }

    @Test
    void vlanIdRequiredForVlanAndForbiddenForFlat() {
        final var intents = new TestIntents().vlan("v", "physnet1", null);
        intents.networks.add(new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.provider
            .network.list.ProviderNetworkBuilder(new TestIntents().vlan("f", "physnet1", 7).networks.get(0))
            .setType(org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.provider.network.list
                .ProviderNetwork.Type.Flat).build());
        final var rejected = validate(intents);
        assertEquals("vlan-id: mandatory when type is vlan", rejected.get(net("v")));
        assertEquals("vlan-id: not allowed when type is flat", rejected.get(net("f")));
    }

    @Test
    void duplicateVlanOnSamePhysnetRejectsTheSecond() {
        final var rejected = validate(new TestIntents().vlan("net-a", "physnet1", 100).vlan("net-b", "physnet1", 100)
            .vlan("net-c", "physnet2", 100));
        assertEquals(Map.of(net("net-b"),
            "vlan-id: 100 on physical network physnet1 is already used by provider network net-a"), rejected);
    }

    @Test
    void previouslyAcceptedIntentKeepsItsVlan() {
        final var intents = new TestIntents().vlan("net-a", "physnet1", 100).vlan("net-b", "physnet1", 100).build();
        final var rejected = Validator.validate(intents, Map.of(net("net-b"), 0));
        assertEquals(Set.of(net("net-a")), rejected.keySet());
    }

    @Test
    void twoFlatNetworksOnOnePhysnet() {
        final var rejected = validate(new TestIntents().flat("a", "physnet1").flat("b", "physnet1"));
        assertEquals("physical-network: physnet1 already carries flat provider network a", rejected.get(net("b")));
    }

    @Test
    void bridgeMappingConflicts() {
        final var rejected = validate(new TestIntents()
            .host("h1", "p1", "br-int")
            .host("h2", "p1", "br-ex", "p2", "br-ex"));
        assertEquals("bridge-mapping[p1]/bridge: br-int is the integration bridge",
            rejected.get(IntentRef.of(IntentKind.PROVIDER_HOST, "h1")));
        assertEquals("bridge-mapping[p2]/bridge: br-ex already carries physical network p1",
            rejected.get(IntentRef.of(IntentKind.PROVIDER_HOST, "h2")));
    }

    @Test
    void pinnedRoutingTableMustNotBeVrfTable() {
        final var host = new HostBuilder().setHostId(new HostId("h1")).setBridgeMapping(BindingMap.of(
            new BridgeMappingBuilder().setPhysicalNetwork(new PhysicalNetwork("p1")).setBridge(new DeviceName("br-ex"))
                .setRoutingTable(org.opendaylight.yangtools.yang.common.Uint32.TEN).build())).build();
        final var rejected = validate(new TestIntents().hostWith(host).bgp(false));
        assertEquals("bridge-mapping[p1]/routing-table: 10 is the BGP VRF table",
            rejected.get(IntentRef.of(IntentKind.PROVIDER_HOST, "h1")));
    }

    @Test
    void duplicateVniAndEndpointConflicts() {
        final var rejected = validate(new TestIntents()
            .overlay("a", 73).overlay("b", 73)
            .endpoint("h1", TunnelType.Vxlan, "192.0.2.1")
            .endpoint("h2", TunnelType.Vxlan, "192.0.2.1")
            .endpoint("h3", TunnelType.Vxlan, "2001:db8::3"));
        assertEquals("segmentation-id: 73 is already used by overlay network a (vxlan)",
            rejected.get(IntentRef.of(IntentKind.OVERLAY_NETWORK, "b")));
        assertEquals("local-ip: 192.0.2.1 is already the vxlan endpoint of host h1",
            rejected.get(IntentRef.of(IntentKind.TUNNEL_ENDPOINT, "h2,vxlan")));
        assertEquals("local-ip: 2001:db8::3 is IPv6 but the other vxlan endpoints are IPv4",
            rejected.get(IntentRef.of(IntentKind.TUNNEL_ENDPOINT, "h3,vxlan")));
    }

    @Test
    void portReferencesAndDuplicates() {
        final var rejected = validate(new TestIntents()
            .overlay("net", 5).vlan("bad", "physnet1", null)
            .overlayPort("p1", "net", "h1", "fa:16:3e:00:00:01", "10.0.0.5")
            .overlayPort("p2", "net", "h1", "fa:16:3e:00:00:01", "10.0.0.6")
            .overlayPort("p3", "net", "h1", "fa:16:3e:00:00:03", "10.0.0.5")
            .overlayPort("p4", "nowhere", "h1", "fa:16:3e:00:00:04")
            .providerPort("p5", "bad", "h1", "fa:16:3e:00:00:05")
            .overlayPort("p6", "net", "h1", "01:00:5e:00:00:01"));
        final var port = (java.util.function.Function<String, String>) id ->
            rejected.get(IntentRef.of(IntentKind.LOGICAL_PORT, id));
        assertEquals("mac-address: fa:16:3e:00:00:01 is already used on network net by port p1", port.apply("p2"));
        assertEquals("fixed-ip: 10.0.0.5 is already used on network net by port p1", port.apply("p3"));
        assertEquals("overlay-network: unknown overlay network nowhere", port.apply("p4"));
        assertEquals("provider-network: provider network bad is rejected", port.apply("p5"));
        assertEquals("mac-address: 01:00:5e:00:00:01 is a multicast address", port.apply("p6"));
        assertEquals(null, port.apply("p1"));
    }

    @Test
    void routerSubnetRules() {
        final var rejected = validate(new TestIntents().flat("public", "public")
            .router("overlap", "public", "h1", "fa:16:3e:00:00:01", List.of("172.24.4.10"),
                "10.0.0.0/24", null, "10.0.0.64/26", null)
            .router("hostbits", "public", "h1", "fa:16:3e:00:00:02", List.of("172.24.4.11"), "10.0.0.65/26", null)
            .router("family", "public", "h1", "fa:16:3e:00:00:03", List.of("172.24.4.12"),
                "10.1.0.0/24", "2001:db8::1")
            .router("outside", "public", "h1", "fa:16:3e:00:00:04", List.of("172.24.4.13"),
                "10.2.0.0/24", "10.3.0.1")
            .router("unknown", "nowhere", "h1", "fa:16:3e:00:00:05", List.of("172.24.4.14"))
            .router("two-v4", "public", "h1", "fa:16:3e:00:00:06", List.of("172.24.4.15", "172.24.4.16"))
            .router("valid", "public", "h1", "fa:16:3e:00:00:07", List.of("172.24.4.20"))
            .router("zz-dup-gw", "public", "h1", "fa:16:3e:00:00:08", List.of("172.24.4.20"))
            .bgp(true));
        final var router = (java.util.function.Function<String, String>) id ->
            rejected.get(IntentRef.of(IntentKind.ROUTER, id));
        assertEquals("subnet[10.0.0.64/26]/cidr: overlaps subnet 10.0.0.0/24 of the same router",
            router.apply("overlap"));
        assertEquals("subnet[10.0.0.65/26]/cidr: host bits are set; use 10.0.0.64/26", router.apply("hostbits"));
        assertEquals("subnet[10.1.0.0/24]/gateway-ip: 2001:db8::1 is IPv6 but the cidr is IPv4",
            router.apply("family"));
        assertEquals("subnet[10.2.0.0/24]/gateway-ip: 10.3.0.1 is not in 10.2.0.0/24", router.apply("outside"));
        assertEquals("gateway-port/provider-network: unknown provider network nowhere", router.apply("unknown"));
        assertEquals("gateway-port/ip-address: at most one IPv4 and one IPv6 address", router.apply("two-v4"));
        assertEquals("gateway-port/ip-address: 172.24.4.20 is already the gateway address of router valid",
            router.apply("zz-dup-gw"));
        assertEquals(null, router.apply("valid"));
    }

    @Test
    void floatingIpRules() {
        final var rejected = validate(new TestIntents().flat("public", "public").overlay("net", 5)
            .overlayPort("vm", "net", "h1", "fa:16:3e:00:00:01", "10.0.0.5")
            .fip("172.24.4.1", "public", "vm", "10.0.0.6")
            .fip("172.24.4.2", "public", "ghost", null)
            .fip("172.24.4.3", "public", "vm", "2001:db8::5")
            .fip("10.0.0.5", "public", null, null)
            .fip("172.24.4.4", "public", "vm", "10.0.0.5")
            .bgp(false));
        final var fip = (java.util.function.Function<String, String>) id ->
            rejected.get(IntentRef.of(IntentKind.FLOATING_IP, id));
        assertEquals("fixed-ip: 10.0.0.6 is not a fixed IP of port vm", fip.apply("172.24.4.1"));
        assertEquals("port: unknown logical port ghost", fip.apply("172.24.4.2"));
        assertEquals("fixed-ip: 2001:db8::5 is IPv6 but the floating address is IPv4", fip.apply("172.24.4.3"));
        assertEquals("address: 10.0.0.5 is already a fixed IP of logical port vm", fip.apply("10.0.0.5"));
        assertEquals(null, fip.apply("172.24.4.4"));
    }
}
