/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.opendaylight.wiring.impl.TestIntents;
import org.opendaylight.wiring.impl.intent.IntentKind;
import org.opendaylight.wiring.impl.intent.IntentRef;
import org.opendaylight.wiring.impl.plan.Allocation;
import org.opendaylight.wiring.impl.plan.PlanResult;
import org.opendaylight.wiring.impl.plan.Planner;

/**
 * The planner and validator cases of the hardening issue: each one failed before its fix.
 */
class HardeningTest {
    private static IntentRef router(final String name) {
        return IntentRef.of(IntentKind.ROUTER, name);
    }

    private static IntentRef fip(final String address) {
        return IntentRef.of(IntentKind.FLOATING_IP, address);
    }

    private static IntentRef port(final String id) {
        return IntentRef.of(IntentKind.LOGICAL_PORT, id);
    }

    private static PlanResult plan(final TestIntents intents) {
        final var built = intents.build();
        return Planner.plan(built, Validator.validate(built));
    }

    private static List<String> exposed(final PlanResult plan, final String host) {
        return plan.hosts().get(host).exposed().stream().map(e -> e.value()).sorted().toList();
    }

    /** Seed 001 with one bad router or FIP added; everything else must still be accepted. */
    private static void assertOnlyRejected(final TestIntents intents, final IntentRef bad, final String reason) {
        final var rejected = Validator.validate(intents.build());
        assertEquals(Map.of(bad, reason), rejected);
        // and the planner runs over the rest without failing
        Planner.plan(intents.build(), rejected);
    }

    @Test
    void ipv4MappedSubnetRejectsOnlyItsRouter() {
        assertOnlyRejected(TestIntents.seed001().router("bad", "public", null, "fa:16:3e:00:00:09",
                List.of("172.24.4.9"), "::ffff:10.9.0.0/104", null), router("bad"),
            "subnet[::ffff:10.9.0.0/104]/cidr: ::ffff:10.9.0.0 is an IPv4-mapped IPv6 address; give the IPv4 "
                + "address");
    }

    @Test
    void unusableAddressesAreRejected() {
        for (var bad : List.of("224.0.0.5", "0.0.0.0", "127.0.0.1", "::1", "::", "ff02::1")) {
            final var intents = TestIntents.seed001().fip(bad, "public", null, null);
            final var reason = Validator.validate(intents.build()).get(fip(bad));
            assertTrue(reason != null && reason.startsWith("address: " + bad + " is "), bad + ": " + reason);
        }
        final var intents = TestIntents.seed001().router("lo", "public", "rack-1-host-1", "fa:16:3e:00:00:09",
            List.of("127.0.0.1"));
        assertEquals("gateway-port/ip-address: 127.0.0.1 is a loopback address",
            Validator.validate(intents.build()).get(router("lo")));
    }

    @Test
    void crLrpAddressOfAProviderVmIsRejectedAndTheVmKeepsItsNeighbour() {
        final var intents = TestIntents.seed001().router("thief", "public", "rack-1-host-2", "fa:16:3e:00:00:09",
            List.of("172.24.4.92"));
        assertOnlyRejected(intents, router("thief"),
            "gateway-port/ip-address: 172.24.4.92 is already a fixed IP of logical port vm1-port");
        final var plan = plan(intents);
        assertTrue(plan.hosts().get("rack-1-host-2").neighbours().isEmpty(), "no neighbour entry for the VM's IP");
    }

    @Test
    void floatingIpOnAProviderNetworkPortIsRejected() {
        assertOnlyRejected(TestIntents.seed001().fip("172.24.4.200", "public", "vm1-port", null),
            fip("172.24.4.200"), "port: vm1-port is on provider network public; a floating IP is associated to a "
                + "port on an overlay network");
    }

    @Test
    void ipv6FloatingIpsAreComparedByAddress() {
        final var intents = TestIntents.seed001().fip("2001:db8::99", "public", null, null)
            .fip("2001:DB8:0::99", "public", null, null);
        final var rejected = Validator.validate(intents.build());
        assertEquals(1, rejected.size(), rejected.toString());
        // key order: the upper-case spelling comes first and wins
        assertEquals("address: 2001:db8::99 is already floating IP 2001:DB8:0::99", rejected.get(fip("2001:db8::99")));
    }

    @Test
    void aPortRejectedForItsAddressDoesNotHoldItsMac() {
        final var intents = new TestIntents().overlay("net", 5)
            .overlayPort("a", "net", null, "fa:16:3e:00:00:01", "10.0.0.1")
            .overlayPort("b", "net", null, "fa:16:3e:00:00:02", "10.0.0.1")
            .overlayPort("c", "net", null, "fa:16:3e:00:00:02", "10.0.0.3");
        assertEquals(Map.of(port("b"), "fixed-ip: 10.0.0.1 is already used on network net by port a"),
            Validator.validate(intents.build()));
    }

    @Test
    void twoRoutersExposingTheSameTenantCidrConflict() {
        final var intents = TestIntents.seed001().router("router-z", "public", "rack-1-host-1",
            "fa:16:3e:00:00:09", List.of("172.24.4.170"), "10.0.0.64/26@private-test", "10.0.0.66");
        final var rejected = Validator.validate(intents.build());
        assertEquals(Map.of(router("router-z"), "subnet[10.0.0.64/26]/cidr: overlaps subnet 10.0.0.64/26 of router "
            + "router-test; both would be exposed (expose-tenant-networks)"), rejected);
    }

    @Test
    void aSubnetWithoutItsNetworkExposesNoPortsAndUnboundPortsAreNotExposed() {
        final var intents = TestIntents.seed001();
        intents.routers.clear();
        intents.router("router-test", "public", "rack-1-host-1", "fa:16:3e:bf:93:93",
            List.of("172.24.4.163", "2001:db8::20"), "10.0.0.64/26", "10.0.0.65");
        assertFalse(exposed(plan(intents), "rack-1-host-1").contains("10.0.0.95/32"));

        final var unbound = TestIntents.seed001().overlayPort("no-vm", "private-test", null, "fa:16:3e:00:00:77",
            "10.0.0.96");
        final var exposedOnGateway = exposed(plan(unbound), "rack-1-host-1");
        assertTrue(exposedOnGateway.contains("10.0.0.95/32"), exposedOnGateway.toString());
        assertFalse(exposedOnGateway.contains("10.0.0.96/32"), "no VM exists for an unbound port");
    }

    @Test
    void aHostWhereNothingCanBePlacedGetsNoIntegrationBridge() {
        final var intents = new TestIntents().flat("public", "public")
            .providerPort("vm", "public", "lonely", "fa:16:3e:00:00:01", "172.24.4.5");
        final var plan = plan(intents);
        assertNull(plan.hosts().get("lonely"), "no br-int for a host whose only intent is rejected there");
        assertEquals("host: lonely has no bridge-mapping for physical network public",
            plan.hostRejections().get(port("vm")).get("lonely"));
    }

    @Test
    void linkLocalAddressesAreUniquePerBridgeAndVlan() {
        final var intents = new TestIntents().vlan("v1", "p1", 1).vlan("v257", "p1", 257).flat("f2", "p2")
            .host("h", "p1", "br-a", "p2", "br-b")
            .providerPort("a", "v1", "h", "fa:16:3e:00:00:01", "192.0.2.1")
            .providerPort("b", "v257", "h", "fa:16:3e:00:00:02", "192.0.2.2")
            .providerPort("c", "f2", "h", "fa:16:3e:00:00:03", "192.0.2.3").bgp(false);
        final var addresses = plan(intents).hosts().get("h").addresses().stream()
            .map(a -> a.value().prefix()).toList();
        assertEquals(addresses.size(), addresses.stream().distinct().count(), addresses.toString());
        assertEquals(8, addresses.size(), addresses.toString());
        assertNotEquals(addresses.indexOf("169.254.1.1/32"), addresses.indexOf("169.254.2.1/32"));
        assertTrue(addresses.contains("169.254.1.1/32") && addresses.contains("169.254.2.1/32"),
            "VLAN 1 and 257 of bridge 1 differ: " + addresses);
        assertTrue(addresses.contains("169.254.1.0/32") && addresses.contains("169.254.17.0/32"), addresses.toString());
    }

    @Test
    void routingTablesAndDeviceIndexesStayWithTheirBridge() {
        final var first = new TestIntents().flat("p", "p").host("h", "p", "br-p").bgp(false);
        final var allocations = plan(first).allocations();
        assertEquals(new Allocation(200, 1), allocations.get("h").get("br-p"));
        // a new bridge that sorts first must not take br-p's table or index
        final var second = new TestIntents().flat("p", "p").flat("a", "a").host("h", "p", "br-p", "a", "br-a")
            .bgp(false);
        final var built = second.build();
        final Map<String, Map<String, Allocation>> previous = new TreeMap<>(Map.of("h", allocations.get("h")));
        final var plan = Planner.plan(built, Validator.validate(built), previous);
        assertEquals(new Allocation(200, 1), plan.allocations().get("h").get("br-p"));
        assertEquals(new Allocation(201, 2), plan.allocations().get("h").get("br-a"));
    }
}
