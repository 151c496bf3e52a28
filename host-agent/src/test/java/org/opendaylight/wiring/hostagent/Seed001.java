/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The desired states of seed 001's host rack-1-host-1 (provider bridge br-ex, table 200, expose device bgp-nic),
 * step by step, IPv4 and IPv6 twins alike.
 */
final class Seed001 {
    private Seed001() {
        // utility
    }

    /** The desired state of rack-1-host-1 with the given seed-001 steps applied. */
    static DesiredState plan(final boolean providerVm, final boolean crLrp, final boolean subnet,
            final boolean tenantVm, final boolean fip) {
        final List<DesiredState.Rule> rules = new ArrayList<>();
        final List<DesiredState.Route> routes = new ArrayList<>(List.of(route("0.0.0.0/0", null),
            route("::/0", null)));
        final List<IpPrefix> exposed = new ArrayList<>();
        final List<DesiredState.Neighbour> neighbours = new ArrayList<>();
        final List<DesiredState.ProxyNdp> proxies = new ArrayList<>();
        final List<String> hosts = new ArrayList<>();
        if (providerVm) {
            hosts.addAll(List.of("172.24.4.92", "2001:db8::21c"));
        }
        if (crLrp) {
            hosts.addAll(List.of("172.24.4.163", "2001:db8::20"));
            neighbours.add(new DesiredState.Neighbour("br-ex", IpPrefix.parseAddress("172.24.4.163"),
                "fa:16:3e:bf:93:93"));
            proxies.add(new DesiredState.ProxyNdp("br-ex", (Inet6Address) IpPrefix.parseAddress("2001:db8::20")));
        }
        if (fip) {
            hosts.add("172.24.4.79");
        }
        for (String ip : hosts) {
            exposed.add(IpPrefix.parse(ip));
            rules.add(new DesiredState.Rule(IpPrefix.parse(ip), 200, 32000));
            routes.add(route(ip, null));
        }
        if (subnet) {
            rules.add(new DesiredState.Rule(IpPrefix.parse("10.0.0.64/26"), 200, 32000));
            rules.add(new DesiredState.Rule(IpPrefix.parse("fd00:10::/64"), 200, 32000));
            routes.add(route("10.0.0.64/26", "172.24.4.163"));
            routes.add(route("fd00:10::/64", "2001:db8::20"));
        }
        if (tenantVm) {
            exposed.add(IpPrefix.parse("10.0.0.95"));
            exposed.add(IpPrefix.parse("fd00:10::95"));
        }
        return new DesiredState(List.of(new DesiredState.RoutingTable(200, "br-ex")),
            List.of(new DesiredState.Address("br-ex", IpPrefix.parse("169.254.1.1/32")),
                new DesiredState.Address("br-ex", IpPrefix.parse("fd53:d91e:400:7f17::1:1/128"))),
            List.of(new DesiredState.Sysctl("net.ipv4.ip_forward", "1"),
                new DesiredState.Sysctl("net.ipv6.conf.all.forwarding", "1"),
                new DesiredState.Sysctl("net.ipv4.conf.br-ex.proxy_arp", "1"),
                new DesiredState.Sysctl("net.ipv6.conf.br-ex.proxy_ndp", "1")),
            rules, routes, neighbours, proxies, Optional.of(new DesiredState.Exposure("bgp-nic", "bgp-vrf", 10)),
            exposed, List.of());
    }

    static DesiredState.Route route(final String dst, final String gw) {
        return new DesiredState.Route(200, IpPrefix.parse(dst), "br-ex",
            Optional.ofNullable(gw).map(IpPrefix::parseAddress));
    }

}
