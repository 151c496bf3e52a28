/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendaylight.wiring.impl.TestIntents;
import org.opendaylight.wiring.impl.intent.IntentKind;
import org.opendaylight.wiring.impl.intent.IntentRef;
import org.opendaylight.wiring.impl.validation.Validator;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.TunnelType;

/**
 * What the plan gives a flow renderer: per host the networks present with sticky local ids, the bound logical ports
 * and the provider patch ports; per network where its ports are, once.
 */
class FlowPlanTest {
    private static final String BLUE = "overlay-network/blue";

    private static PlanResult plan(final TestIntents intents, final PlanResult previous) {
        final var snapshot = intents.build();
        final var rejected = Validator.validate(snapshot);
        assertEquals(Map.of(), rejected, "the scenario must be valid");
        final Map<String, Map<String, Integer>> ids = new HashMap<>();
        if (previous != null) {
            previous.networkIds().forEach((host, nets) -> ids.put(host, Map.copyOf(nets)));
        }
        return Planner.plan(snapshot, rejected, Map.of(), ids);
    }

    private static Map<String, Integer> localIds(final HostPlan host) {
        final Map<String, Integer> ids = new HashMap<>();
        host.networks().forEach(n -> ids.put(n.value().identity().name(), n.value().localId()));
        return ids;
    }

    private static TestIntents threeNetworks() {
        return new TestIntents()
            .overlay("blue", 0x13).overlay("green", 0x49)
            .vlan("ext100", "physnet1", 100)
            .host("h1", "physnet1", "br-ex")
            .overlayPort("b1", "blue", "h1", "FA:16:3E:00:00:01", "10.0.0.5", "2001:db8::5")
            .overlayPort("g1", "green", "h1", "fa:16:3e:00:00:02", "10.1.0.5")
            .providerPort("e1", "ext100", "h1", "fa:16:3e:00:00:03", "203.0.113.10");
    }

    @Test
    void hostPlanCarriesNetworksPortsAndProviderPatch() {
        final var host = plan(threeNetworks().interfaceId("b1", "tap-b1"), null).hosts().get("h1");
        final var networks = host.networks().stream().map(n -> n.value().identity()).toList();
        assertEquals(List.of(
            NetworkIdentity.overlay(IntentRef.of(IntentKind.OVERLAY_NETWORK, "blue"), "blue", 0x13, "vxlan"),
            NetworkIdentity.overlay(IntentRef.of(IntentKind.OVERLAY_NETWORK, "green"), "green", 0x49, "vxlan"),
            NetworkIdentity.provider(IntentRef.of(IntentKind.PROVIDER_NETWORK, "ext100"), "ext100", "physnet1", 100))
            .stream().sorted((a, b) -> a.ref().compareTo(b.ref())).toList(),
            networks.stream().sorted((a, b) -> a.ref().compareTo(b.ref())).toList());
        assertEquals(Map.of("ext100", 1, "blue", 2, "green", 3), localIds(host),
            "first allocation: smallest free id in network reference order (provider networks first)");

        final var blue = host.logicalPorts().stream().filter(p -> p.value().id().equals("b1")).findFirst()
            .orElseThrow();
        assertEquals(new HostPlan.LogicalPort("tap-b1", "b1", BLUE, "fa:16:3e:00:00:01",
            List.of("10.0.0.5", "2001:db8::5"), true, List.of()), blue.value());
        assertTrue(blue.origins().contains(IntentRef.of(IntentKind.LOGICAL_PORT, "b1")));
        assertEquals("g1", host.logicalPorts().stream().filter(p -> p.value().id().equals("g1")).findFirst()
            .orElseThrow().value().ifaceId(), "iface-id defaults to the port id");

        assertEquals(List.of(new HostPlan.ProviderPort("physnet1", "int-br-ex", "br-ex")),
            host.providerPorts().stream().map(HostPlan.Planned::value).toList());
        assertTrue(host.ports().stream().anyMatch(p -> p.value().name().equals("int-br-ex")),
            "the provider port names a planned patch port of the integration bridge");
    }

    @Test
    void localIdsStayWhenAnUnrelatedNetworkComesAndGoes() {
        final var first = plan(threeNetworks(), null);
        assertEquals(Map.of("ext100", 1, "blue", 2, "green", 3), localIds(first.hosts().get("h1")));

        // a network sorting before all others arrives: it takes a free id, nobody is renumbered
        final var added = plan(threeNetworks().overlay("aaa", 7)
            .overlayPort("a1", "aaa", "h1", "fa:16:3e:00:00:04"), first);
        assertEquals(Map.of("aaa", 4, "ext100", 1, "blue", 2, "green", 3), localIds(added.hosts().get("h1")));

        // blue leaves the host: the others keep theirs
        final var withoutBlue = threeNetworks().overlay("aaa", 7)
            .overlayPort("a1", "aaa", "h1", "fa:16:3e:00:00:04");
        withoutBlue.ports.removeIf(p -> p.getId().getValue().equals("b1"));
        final var gone = plan(withoutBlue, added);
        assertEquals(Map.of("aaa", 4, "ext100", 1, "green", 3), localIds(gone.hosts().get("h1")));
        assertFalse(gone.networkIds().get("h1").containsKey(BLUE), "a network that left is not kept");

        // a fresh plan from scratch with the same allocation is the same plan
        assertEquals(gone.hosts().get("h1").digest(), plan(withoutBlue, gone).hosts().get("h1").digest());
    }

    @Test
    void allowedAddressPairsAreKeyedByAddressAndMac() {
        final var intents = new TestIntents().overlay("blue", 0x13)
            .overlayPort("b1", "blue", "h1", "fa:16:3e:00:00:01", "10.0.0.5")
            .pairs(true, "10.0.0.100/32", "fa:16:3e:00:00:aa", "10.0.0.100/32", "FA:16:3E:00:00:BB",
                "10.0.0.0/24", "fa:16:3e:00:00:01")
            .overlayPort("b2", "blue", "h1", "fa:16:3e:00:00:02")
            .pairs(false);
        final var host = plan(intents, null).hosts().get("h1");
        final var b1 = host.logicalPorts().stream().filter(p -> p.value().id().equals("b1")).findFirst()
            .orElseThrow().value();
        assertEquals(List.of(
            new HostPlan.AddressPair("10.0.0.0/24", "fa:16:3e:00:00:01"),
            new HostPlan.AddressPair("10.0.0.100/32", "fa:16:3e:00:00:aa"),
            new HostPlan.AddressPair("10.0.0.100/32", "fa:16:3e:00:00:bb")), b1.addressPairs());
        assertTrue(b1.portSecurity());
        assertFalse(host.logicalPorts().stream().filter(p -> p.value().id().equals("b2")).findFirst()
            .orElseThrow().value().portSecurity());
    }

    @Test
    void portMovingHostMovesInTheNetworkPlacement() {
        final var before = plan(new TestIntents().overlay("blue", 0x13)
            .overlayPort("b1", "blue", "h1", "fa:16:3e:00:00:01")
            .overlayPort("b2", "blue", "h3", "fa:16:3e:00:00:02"), null);
        final var after = plan(new TestIntents().overlay("blue", 0x13)
            .overlayPort("b1", "blue", "h2", "fa:16:3e:00:00:01")
            .overlayPort("b2", "blue", "h3", "fa:16:3e:00:00:02"), before);
        assertEquals(List.of(new NetworkPlan.Port("b1", "fa:16:3e:00:00:01", "h1"),
            new NetworkPlan.Port("b2", "fa:16:3e:00:00:02", "h3")),
            before.networks().get(BLUE).ports().stream().map(HostPlan.Planned::value).toList());
        assertEquals(List.of(new NetworkPlan.Port("b1", "fa:16:3e:00:00:01", "h2"),
            new NetworkPlan.Port("b2", "fa:16:3e:00:00:02", "h3")),
            after.networks().get(BLUE).ports().stream().map(HostPlan.Planned::value).toList());
        assertEquals(List.of("h2", "h3"), List.copyOf(after.networks().get(BLUE).hosts()),
            "the flood targets follow the port");
        assertNull(after.hosts().get("h1"), "nothing is left on the old host");
        assertEquals(List.of("b1"), after.hosts().get("h2").logicalPorts().stream().map(p -> p.value().id())
            .toList());
        assertNotEquals(before.networks().get(BLUE).digest(), after.networks().get(BLUE).digest());
    }

    @Test
    void noHostCarriesOtherHostsPorts() {
        final int count = 20;
        final var intents = new TestIntents().overlay("blue", 0x13);
        for (int i = 1; i <= count; i++) {
            intents.endpoint("h" + i, TunnelType.Vxlan, "192.0.2." + i)
                .overlayPort("p" + i, "blue", "h" + i, String.format("fa:16:3e:00:00:%02x", i));
        }
        final var result = plan(intents, null);
        for (int i = 1; i <= count; i++) {
            final var host = result.hosts().get("h" + i);
            assertEquals(List.of("p" + i), host.logicalPorts().stream().map(p -> p.value().id()).toList(),
                "a host lists only its own ports");
            assertEquals(1, host.networks().size());
        }
        final var blue = result.networks().get(BLUE);
        assertEquals(count, blue.ports().size(), "every port is placed once, in its network");
        assertEquals(count, blue.hosts().size());

        // one more port on h1: only h1 and the network change, no other host's plan does
        final var more = plan(intents.overlayPort("q1", "blue", "h1", "fa:16:3e:00:01:01"), result);
        for (int i = 2; i <= count; i++) {
            assertEquals(result.hosts().get("h" + i).digest(), more.hosts().get("h" + i).digest(), "h" + i);
        }
        assertNotEquals(result.hosts().get("h1").digest(), more.hosts().get("h1").digest());
        assertEquals(count + 1, more.networks().get(BLUE).ports().size());
    }

    @Test
    void overlayAndProviderNetworksWithOneNameStayApart() {
        final var intents = new TestIntents().overlay("net", 0x13).flat("net", "physnet1")
            .host("h1", "physnet1", "br-ex")
            .overlayPort("o1", "net", "h1", "fa:16:3e:00:00:01")
            .providerPort("f1", "net", "h1", "fa:16:3e:00:00:02");
        final var result = plan(intents, null);
        assertEquals(List.of("overlay-network/net", "provider-network/net"), List.copyOf(result.networks().keySet()));
        assertEquals(2, result.hosts().get("h1").networks().size());
    }
}
