/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the kernel holds, as far as the agent cares: read with {@code ip -json}, never guessed.
 *
 * @param rules ip rules with a destination (both families)
 * @param routes routes carrying the agent's protocol (all tables, both families)
 * @param neighbours neighbour entries (both families)
 * @param proxies IPv6 proxy NDP entries
 * @param links devices by name
 * @param addresses addresses of all devices
 * @param localRoutes {@code local} routes on the expose device (bridge exposure only)
 * @param sysctls current values of the desired sysctls that exist (by dotted name)
 */
public record KernelSnapshot(List<Rule> rules, List<Route> routes, List<Neighbour> neighbours, List<Proxy> proxies,
        Map<String, Link> links, List<Address> addresses, List<Route> localRoutes, Map<String, String> sysctls) {

    /**
     * Copies.
     */
    public KernelSnapshot {
        rules = List.copyOf(rules);
        routes = List.copyOf(routes);
        neighbours = List.copyOf(neighbours);
        proxies = List.copyOf(proxies);
        links = Map.copyOf(links);
        addresses = List.copyOf(addresses);
        localRoutes = List.copyOf(localRoutes);
        sysctls = Map.copyOf(sysctls);
    }

    /**
     * An ip rule.
     *
     * @param priority priority
     * @param destination destination
     * @param table table id
     * @param protocol protocol (0 if none)
     */
    public record Rule(long priority, IpPrefix destination, long table, int protocol) {
        // value
    }

    /**
     * A route.
     *
     * @param table table id
     * @param destination destination
     * @param type route type (unicast, local, ...)
     * @param device output device ("" if none)
     * @param gateway next hop
     * @param protocol protocol
     */
    public record Route(long table, IpPrefix destination, String type, String device, Optional<InetAddress> gateway,
            int protocol) {
        // value
    }

    /**
     * A neighbour entry.
     *
     * @param device device
     * @param address address
     * @param mac link-layer address ("" if none)
     * @param permanent whether it is PERMANENT
     * @param protocol protocol
     */
    public record Neighbour(String device, InetAddress address, String mac, boolean permanent, int protocol) {
        // value
    }

    /**
     * A proxy NDP entry.
     *
     * @param device device
     * @param address proxied address
     * @param protocol protocol
     */
    public record Proxy(String device, InetAddress address, int protocol) {
        // value
    }

    /**
     * A device.
     *
     * @param name name
     * @param kind link kind ("" for none, e.g. veth, bridge, vrf, dummy, tun)
     * @param alias alias ("" if none)
     * @param master master device ("" if none)
     * @param mac link-layer address
     * @param up whether it is administratively up
     */
    public record Link(String name, String kind, String alias, String master, String mac, boolean up) {
        // value
    }

    /**
     * An address of a device.
     *
     * @param device device
     * @param prefix address and prefix length
     * @param scope scope (global, link, host)
     */
    public record Address(String device, IpPrefix prefix, String scope) {
        // value
    }
}
