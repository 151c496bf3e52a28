/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DifferTest {
    static final int P = 216;
    static final AgentConfig CONFIG = new AgentConfig(P, "odl-wiring", Path.of("/tmp/p.conf"), Path.of("/tmp/t.conf"),
        Path.of("/tmp/s.json"), Optional.empty(), AgentConfig.ExposureKind.BRIDGE, "odl-wiring-host-agent", 0x3e7,
        true, Map.of());
    private final Differ differ = new Differ(CONFIG);

    /** Seed 001, rack-1-host-1 after the cr-lrp and the tenant subnet (plus the IPv6 gateway address). */
    static DesiredState crLrp() {
        return new DesiredState(
            List.of(new DesiredState.RoutingTable(200, "br-ex")),
            List.of(new DesiredState.Address("br-ex", IpPrefix.parse("169.254.0.0/32")),
                new DesiredState.Address("br-ex", IpPrefix.parse("fd53:d91e:400:7f17::0:0/128"))),
            List.of(new DesiredState.Sysctl("net.ipv4.conf.br-ex.proxy_arp", "1")),
            List.of(new DesiredState.Rule(IpPrefix.parse("172.24.4.163/32"), 200, 32000),
                new DesiredState.Rule(IpPrefix.parse("10.0.0.64/26"), 200, 32000),
                new DesiredState.Rule(IpPrefix.parse("2001:db8::20/128"), 200, 32000)),
            List.of(route("0.0.0.0/0", null), route("::/0", null), route("172.24.4.163/32", null),
                route("10.0.0.64/26", "172.24.4.163"), route("2001:db8::20/128", null)),
            List.of(new DesiredState.Neighbour("br-ex", IpPrefix.parseAddress("172.24.4.163"), "FA:16:3E:BF:93:93")),
            List.of(new DesiredState.ProxyNdp("br-ex", (Inet6Address) IpPrefix.parseAddress("2001:db8::20"))),
            Optional.of(new DesiredState.Exposure("bgp-nic", "bgp-vrf", 10)),
            List.of(IpPrefix.parse("172.24.4.163/32"), IpPrefix.parse("2001:db8::20/128")),
            List.of(new DesiredState.ProviderBridge("br-ex", List.of("patch-provnet-1"), 0x3e7)));
    }

    static DesiredState.Route route(final String dst, final String gw) {
        return new DesiredState.Route(200, IpPrefix.parse(dst), "br-ex",
            Optional.ofNullable(gw).map(IpPrefix::parseAddress));
    }

    static KernelSnapshot kernel(final List<KernelSnapshot.Rule> rules, final List<KernelSnapshot.Route> routes,
            final List<KernelSnapshot.Neighbour> neighbours, final List<KernelSnapshot.Proxy> proxies,
            final List<KernelSnapshot.Address> addresses, final Map<String, String> sysctls) {
        final Map<String, KernelSnapshot.Link> links = new HashMap<>();
        links.put("br-ex", new KernelSnapshot.Link("br-ex", "bridge", "", "", "02:00:00:00:00:01", true));
        links.put("bgp-nic", new KernelSnapshot.Link("bgp-nic", "bridge", CONFIG.deviceMark(), "",
            "02:00:00:00:00:02", true));
        return new KernelSnapshot(rules, routes, neighbours, proxies, links, addresses, List.of(), sysctls);
    }

    /** The kernel exactly as the agent leaves it for {@link #crLrp()}. */
    static KernelSnapshot converged() {
        final List<KernelSnapshot.Route> routes = new ArrayList<>();
        for (DesiredState.Route r : crLrp().routes()) {
            routes.add(new KernelSnapshot.Route(r.table(), r.destination(), "unicast", r.device(), r.gateway(), P));
        }
        final List<KernelSnapshot.Rule> rules = new ArrayList<>();
        crLrp().rules().forEach(r -> rules.add(new KernelSnapshot.Rule(r.priority(), r.destination(), r.table(), P)));
        return kernel(rules, routes,
            List.of(new KernelSnapshot.Neighbour("br-ex", IpPrefix.parseAddress("172.24.4.163"), "fa:16:3e:bf:93:93",
                true, P)),
            List.of(new KernelSnapshot.Proxy("br-ex", IpPrefix.parseAddress("2001:db8::20"), P)),
            List.of(addr("br-ex", "169.254.0.0/32"), addr("br-ex", "fd53:d91e:400:7f17::/128"),
                addr("bgp-nic", "172.24.4.163/32"), addr("bgp-nic", "2001:db8::20/128")),
            Map.of("net.ipv4.conf.br-ex.proxy_arp", "1"));
    }

    static KernelSnapshot.Address addr(final String dev, final String prefix) {
        return new KernelSnapshot.Address(dev, IpPrefix.parse(prefix), "global");
    }

    private static List<String> commands(final ChangeSet changes) {
        return changes.ops().stream().map(ChangeSet.Op::command).toList();
    }

    @Test
    void emptyKernelGetsEverythingInOrder() {
        final KernelSnapshot empty = kernel(List.of(), List.of(), List.of(), List.of(), List.of(),
            Map.of("net.ipv4.conf.br-ex.proxy_arp", "0"));
        final ChangeSet changes = differ.diff(crLrp(), empty, Set.of());
        final List<String> main = changes.ops(ChangeSet.Batch.MAIN).stream().map(ChangeSet.Op::command).toList();
        assertTrue(main.contains("rule add priority 32000 to 172.24.4.163/32 table 200 protocol 216"));
        assertTrue(main.contains("rule add priority 32000 to 10.0.0.64/26 table 200 protocol 216"));
        assertTrue(main.contains("route add 0.0.0.0/0 dev br-ex table 200 proto 216 scope link"));
        assertTrue(main.contains("route add ::/0 dev br-ex table 200 proto 216"));
        assertTrue(main.contains("route add 10.0.0.64/26 via 172.24.4.163 dev br-ex table 200 proto 216"));
        assertTrue(main.contains("neigh replace 172.24.4.163 lladdr fa:16:3e:bf:93:93 dev br-ex nud permanent "
            + "protocol 216"));
        assertTrue(main.contains("neigh add proxy 2001:db8::20 dev br-ex protocol 216"));
        assertTrue(main.contains("address add 169.254.0.0/32 dev br-ex"));
        assertTrue(main.contains("address add fd53:d91e:400:7f17::/128 dev br-ex nodad"));
        assertTrue(main.contains("address add 172.24.4.163/32 dev bgp-nic"));
        assertEquals(List.of("rule add priority 32000 to 2001:db8::20/128 table 200 protocol 216"),
            changes.ops(ChangeSet.Batch.INET6).stream().map(ChangeSet.Op::command).toList());
        assertEquals(Map.of("net.ipv4.conf.br-ex.proxy_arp", "1"), changes.sysctls());
        assertTrue(changes.conflicts().isEmpty());
        // the expose device exists (ours); addresses come before the routes that use them
        assertTrue(main.indexOf("address add 172.24.4.163/32 dev bgp-nic")
            < main.indexOf("route add 172.24.4.163/32 dev br-ex table 200 proto 216 scope link"));
    }

    @Test
    void convergedKernelNeedsNothing() {
        final ChangeSet changes = differ.diff(crLrp(), converged(), Set.of("br-ex|169.254.0.0/32"));
        assertTrue(changes.isEmpty(), () -> commands(changes).toString());
        assertTrue(changes.conflicts().isEmpty());
    }

    @Test
    void foreignObjectsSurviveOwnStaleObjectsGo() {
        final KernelSnapshot base = converged();
        final List<KernelSnapshot.Rule> rules = new ArrayList<>(base.rules());
        rules.add(new KernelSnapshot.Rule(32000, IpPrefix.parse("192.0.2.1/32"), 200, 0));
        rules.add(new KernelSnapshot.Rule(32000, IpPrefix.parse("172.24.4.92/32"), 200, P));
        final List<KernelSnapshot.Route> routes = new ArrayList<>(base.routes());
        routes.add(new KernelSnapshot.Route(200, IpPrefix.parse("172.24.4.92/32"), "unicast", "br-ex",
            Optional.empty(), P));
        final List<KernelSnapshot.Neighbour> neighbours = new ArrayList<>(base.neighbours());
        neighbours.add(new KernelSnapshot.Neighbour("br-ex", IpPrefix.parseAddress("172.24.4.1"),
            "02:00:00:00:00:09", true, 0));
        neighbours.add(new KernelSnapshot.Neighbour("br-ex", IpPrefix.parseAddress("172.24.4.5"),
            "02:00:00:00:00:05", true, P));
        final List<KernelSnapshot.Proxy> proxies = new ArrayList<>(base.proxies());
        proxies.add(new KernelSnapshot.Proxy("br-ex", IpPrefix.parseAddress("2001:db8::99"), 0));
        proxies.add(new KernelSnapshot.Proxy("br-ex", IpPrefix.parseAddress("2001:db8::98"), P));
        final List<KernelSnapshot.Address> addresses = new ArrayList<>(base.addresses());
        addresses.add(addr("br-ex", "192.0.2.10/24"));
        addresses.add(addr("br-ex", "169.254.9.9/32"));
        addresses.add(addr("bgp-nic", "172.24.4.92/32"));
        addresses.add(new KernelSnapshot.Address("bgp-nic", IpPrefix.parse("fe80::1/64"), "link"));
        final KernelSnapshot kernel = new KernelSnapshot(rules, routes, neighbours, proxies, base.links(), addresses,
            List.of(), base.sysctls());
        final ChangeSet changes = differ.diff(crLrp(), kernel, Set.of("br-ex|169.254.9.9/32"));
        assertEquals(List.of(
            "address del 169.254.9.9/32 dev br-ex",
            "address del 172.24.4.92/32 dev bgp-nic",
            "route del 172.24.4.92/32 table 200 proto 216",
            "rule del priority 32000 to 172.24.4.92/32 table 200 protocol 216",
            "neigh del 172.24.4.5 dev br-ex",
            "neigh del proxy 2001:db8::98 dev br-ex"), commands(changes));
    }

    @Test
    void changedOwnRouteIsReplacedForeignPermanentNeighbourIsAConflict() {
        final KernelSnapshot base = converged();
        final List<KernelSnapshot.Route> routes = new ArrayList<>();
        for (KernelSnapshot.Route r : base.routes()) {
            routes.add(r.destination().toString().equals("10.0.0.64/26") ? new KernelSnapshot.Route(200,
                r.destination(), "unicast", "br-ex", Optional.of(IpPrefix.parseAddress("172.24.4.1")), P) : r);
        }
        final KernelSnapshot kernel = new KernelSnapshot(base.rules(), routes,
            List.of(new KernelSnapshot.Neighbour("br-ex", IpPrefix.parseAddress("172.24.4.163"), "02:00:00:00:00:07",
                true, 0)), base.proxies(), base.links(), base.addresses(), List.of(), base.sysctls());
        final ChangeSet changes = differ.diff(crLrp(), kernel, Set.of());
        assertEquals(List.of("route replace 10.0.0.64/26 via 172.24.4.163 dev br-ex table 200 proto 216"),
            commands(changes));
        assertEquals(1, changes.conflicts().size());
        assertTrue(changes.conflicts().get(0).error().contains("foreign PERMANENT"));
    }

    @Test
    void dynamicNeighbourIsReplacedByAPermanentOne() {
        final KernelSnapshot base = converged();
        final KernelSnapshot kernel = new KernelSnapshot(base.rules(), base.routes(),
            List.of(new KernelSnapshot.Neighbour("br-ex", IpPrefix.parseAddress("172.24.4.163"), "02:00:00:00:00:07",
                false, 0)), base.proxies(), base.links(), base.addresses(), List.of(), base.sysctls());
        assertEquals(List.of(
            "neigh replace 172.24.4.163 lladdr fa:16:3e:bf:93:93 dev br-ex nud permanent protocol 216"),
            commands(differ.diff(crLrp(), kernel, Set.of())));
    }

    @Test
    void bridgeExposureCreatesItsDeviceAndSuppressesLocalRoutes() {
        final KernelSnapshot base = converged();
        final Map<String, KernelSnapshot.Link> links = Map.of("br-ex", base.links().get("br-ex"));
        final KernelSnapshot noDevice = new KernelSnapshot(base.rules(), base.routes(), base.neighbours(),
            base.proxies(), links, base.addresses().subList(0, 2), List.of(), base.sysctls());
        final List<String> commands = commands(differ.diff(crLrp(), noDevice, Set.of()));
        assertEquals(List.of("link add bgp-nic type bridge", "link set dev bgp-nic alias odl-wiring-host-agent",
            "link set dev bgp-nic addrgenmode none", "link set dev bgp-nic up",
            "address add 172.24.4.163/32 dev bgp-nic", "address add 2001:db8::20/128 dev bgp-nic nodad",
            "route del local 172.24.4.163 dev bgp-nic table local"), commands);

        final KernelSnapshot withLocal = new KernelSnapshot(base.rules(), base.routes(), base.neighbours(),
            base.proxies(), base.links(), base.addresses(), List.of(new KernelSnapshot.Route(255,
                IpPrefix.parse("172.24.4.163/32"), "local", "bgp-nic", Optional.empty(), 2)), base.sysctls());
        assertEquals(List.of("route del local 172.24.4.163 dev bgp-nic table local"),
            commands(differ.diff(crLrp(), withLocal, Set.of())));
    }

    @Test
    void vrfExposureCreatesVrfAndDummy() {
        final AgentConfig vrf = new AgentConfig(P, "odl-wiring", CONFIG.protosFile(), CONFIG.tablesFile(),
            CONFIG.stateFile(), Optional.empty(), AgentConfig.ExposureKind.VRF, CONFIG.deviceMark(), 0x3e7, true,
            Map.of());
        final KernelSnapshot base = converged();
        final KernelSnapshot noDevice = new KernelSnapshot(base.rules(), base.routes(), base.neighbours(),
            base.proxies(), Map.of("br-ex", base.links().get("br-ex")), base.addresses().subList(0, 2), List.of(),
            base.sysctls());
        final List<String> commands = commands(new Differ(vrf).diff(crLrp(), noDevice, Set.of()));
        assertEquals(List.of("link add bgp-vrf type vrf table 10", "link set dev bgp-vrf alias odl-wiring-host-agent",
            "link set dev bgp-vrf up", "link add bgp-nic type dummy",
            "link set dev bgp-nic alias odl-wiring-host-agent",
            "link set dev bgp-nic master bgp-vrf", "link set dev bgp-nic up",
            "address add 172.24.4.163/32 dev bgp-nic", "address add 2001:db8::20/128 dev bgp-nic nodad"), commands);
    }

    @Test
    void ourDeviceGoesWhenNothingIsExposedAndSubnetsBecomeVrfRoutes() {
        final KernelSnapshot base = converged();
        final DesiredState none = DesiredState.empty();
        final List<String> commands = commands(differ.diff(none, base, Set.of()));
        assertTrue(commands.contains("link del dev bgp-nic"));
        assertFalse(commands.stream().anyMatch(c -> c.contains("dev br-ex") && c.startsWith("link")));

        final DesiredState d = crLrp();
        final DesiredState subnet = new DesiredState(d.tables(), d.addresses(), d.sysctls(), d.rules(), d.routes(),
            d.neighbours(), d.proxies(), d.exposure(), List.of(IpPrefix.parse("10.0.0.64/26")), d.providerBridges());
        final List<String> subnetCommands = commands(differ.diff(subnet, base, Set.of()));
        assertTrue(subnetCommands.contains("route add 10.0.0.64/26 dev bgp-nic table 10 proto 216 scope link"),
            subnetCommands::toString);
    }

    @Test
    void ourDownDeviceIsBroughtUpAForeignOneIsNot() {
        final KernelSnapshot base = converged();
        final Map<String, KernelSnapshot.Link> links = Map.of(
            "br-ex", new KernelSnapshot.Link("br-ex", "bridge", "", "", "02:00:00:00:00:01", false),
            "bgp-nic", new KernelSnapshot.Link("bgp-nic", "bridge", CONFIG.deviceMark(), "", "02:00:00:00:00:02",
                false));
        final KernelSnapshot down = new KernelSnapshot(base.rules(), base.routes(), base.neighbours(),
            base.proxies(), links, base.addresses(), List.of(), base.sysctls());
        assertEquals(List.of("link set dev bgp-nic up"), commands(differ.diff(crLrp(), down, Set.of())));
    }

    @Test
    void missingSysctlIsReportedNotWritten() {
        final KernelSnapshot base = converged();
        final KernelSnapshot kernel = new KernelSnapshot(base.rules(), base.routes(), base.neighbours(),
            base.proxies(), base.links(), base.addresses(), List.of(), Map.of());
        final ChangeSet changes = differ.diff(crLrp(), kernel, Set.of());
        assertTrue(changes.sysctls().isEmpty());
        assertEquals("sysctl net.ipv4.conf.br-ex.proxy_arp", changes.conflicts().get(0).object());
    }
}
