/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one host's kernel and provider bridges must hold: the typed mirror of {@code wiring-plan:plan/host/kernel}
 * plus the provider-bridge flows. Every value is validated when the record is built, so nothing that reaches
 * {@code ip -batch} can be a syntax error.
 *
 * @param tables routing tables, one per provider bridge (rt_tables.d entries)
 * @param addresses addresses on bridges or VLAN devices so they answer ARP/NDP
 * @param sysctls sysctl values (dotted names, '/' for a '.' inside a component)
 * @param rules ip rules {@code to <prefix> lookup <table>}
 * @param routes routes in the provider bridge tables
 * @param neighbours PERMANENT neighbour entries
 * @param proxies IPv6 proxy NDP entries
 * @param exposure where exposed addresses go, if anything is exposed
 * @param exposed exposed prefixes: host prefixes become addresses of the exposure device, others routes to it
 * @param providerBridges provider bridges that get the seed-000 flows
 */
public record DesiredState(List<RoutingTable> tables, List<Address> addresses, List<Sysctl> sysctls,
        List<Rule> rules, List<Route> routes, List<Neighbour> neighbours, List<ProxyNdp> proxies,
        Optional<Exposure> exposure, List<IpPrefix> exposed, List<ProviderBridge> providerBridges) {

    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:-]{0,14}");
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final Pattern SYSCTL = Pattern.compile("[A-Za-z0-9_./-]{1,200}");
    private static final Pattern SYSCTL_VALUE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern PORT = Pattern.compile("[A-Za-z0-9_.:-]{1,255}");

    /**
     * Copies the lists and checks that exposed addresses have somewhere to go.
     */
    public DesiredState {
        tables = List.copyOf(tables);
        addresses = List.copyOf(addresses);
        sysctls = List.copyOf(sysctls);
        rules = List.copyOf(rules);
        routes = List.copyOf(routes);
        neighbours = List.copyOf(neighbours);
        proxies = List.copyOf(proxies);
        exposed = List.copyOf(exposed);
        providerBridges = List.copyOf(providerBridges);
        if (!exposed.isEmpty() && exposure.isEmpty()) {
            throw new IllegalArgumentException("exposed prefixes without an expose device");
        }
    }

    /**
     * A desired state with nothing in it (an explicit, known-empty plan; not "unknown").
     *
     * @return the empty state
     */
    public static DesiredState empty() {
        return new DesiredState(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            Optional.empty(), List.of(), List.of());
    }

    static String checkDevice(final String name) {
        if (!DEVICE.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid device name: '" + name + "'");
        }
        return name;
    }

    static long checkTable(final long id) {
        if (id < 1 || id > 0xFFFFFFFFL || id >= 253 && id <= 255) {
            throw new IllegalArgumentException("invalid or reserved routing table id: " + id);
        }
        return id;
    }

    /**
     * A routing table of a provider bridge.
     *
     * @param id table id (never 253..255)
     * @param name table name (the bridge name)
     */
    public record RoutingTable(long id, String name) {
        /** Validates. */
        public RoutingTable {
            checkTable(id);
            checkDevice(name);
        }
    }

    /**
     * An address on a device (not an exposed address).
     *
     * @param device device name
     * @param prefix address and prefix length
     */
    public record Address(String device, IpPrefix prefix) {
        /** Validates. */
        public Address {
            checkDevice(device);
        }
    }

    /**
     * A sysctl value.
     *
     * @param name dotted name, e.g. {@code net.ipv4.conf.br-ex.proxy_arp}; a '.' inside a component is '/'
     * @param value the value
     */
    public record Sysctl(String name, String value) {
        /** Validates. */
        public Sysctl {
            if (!SYSCTL.matcher(name).matches() || name.contains("..") || name.startsWith(".")) {
                throw new IllegalArgumentException("invalid sysctl name: '" + name + "'");
            }
            if (!SYSCTL_VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("invalid sysctl value for " + name + ": '" + value + "'");
            }
        }

        /**
         * The path under /proc/sys: components split at '.', a '/' in a component stands for '.'.
         *
         * @return the relative path, e.g. {@code net/ipv4/conf/br-ex.100/proxy_arp}
         */
        public String procPath() {
            final StringBuilder sb = new StringBuilder();
            for (String part : name.split("\\.")) {
                if (sb.length() > 0) {
                    sb.append('/');
                }
                sb.append(part.replace('/', '.'));
            }
            return sb.toString();
        }
    }

    /**
     * An ip rule {@code priority P to DESTINATION lookup TABLE}.
     *
     * @param destination destination prefix (host bits are kept)
     * @param table table looked up
     * @param priority rule priority
     */
    public record Rule(IpPrefix destination, long table, long priority) {
        /** Validates. */
        public Rule {
            checkTable(table);
            if (priority < 1 || priority > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("invalid rule priority: " + priority);
            }
        }
    }

    /**
     * A route in a table: {@code DESTINATION [via GATEWAY] dev DEVICE}, scope link without a gateway.
     *
     * @param table table id
     * @param destination destination prefix (0.0.0.0/0 and ::/0 for default)
     * @param device output device
     * @param gateway next hop, if any (same family as the destination)
     */
    public record Route(long table, IpPrefix destination, String device, Optional<InetAddress> gateway) {
        /** Validates. */
        public Route {
            checkTable(table);
            checkDevice(device);
            if (gateway.isPresent() && gateway.orElseThrow() instanceof Inet6Address == destination.isIpv4()) {
                throw new IllegalArgumentException("gateway " + gateway.orElseThrow() + " is not of the family of "
                    + destination);
            }
        }
    }

    /**
     * A PERMANENT neighbour (static ARP/NDP) entry.
     *
     * @param device device
     * @param address IP address
     * @param mac link-layer address (stored lower case)
     */
    public record Neighbour(String device, InetAddress address, String mac) {
        /** Validates and normalises the MAC address. */
        public Neighbour {
            checkDevice(device);
            mac = mac.toLowerCase(Locale.ROOT);
            if (!MAC.matcher(mac).matches()) {
                throw new IllegalArgumentException("invalid MAC address: '" + mac + "'");
            }
        }
    }

    /**
     * An IPv6 proxy NDP entry.
     *
     * @param device device
     * @param address proxied address
     */
    public record ProxyNdp(String device, Inet6Address address) {
        /** Validates. */
        public ProxyNdp {
            checkDevice(device);
        }
    }

    /**
     * Where exposed addresses go: the expose device, and (VRF exposure) its VRF and the VRF's table.
     *
     * @param device expose device
     * @param vrfName VRF device of the expose device
     * @param vrfTable routing table of the VRF; non-host exposed prefixes are routed to the device in it
     */
    public record Exposure(String device, String vrfName, long vrfTable) {
        /** Validates. */
        public Exposure {
            checkDevice(device);
            checkDevice(vrfName);
            checkTable(vrfTable);
        }
    }

    /**
     * A provider bridge that gets, per patch port, {@code priority=900,ip,in_port=<patch>} and the ipv6 twin with
     * {@code actions=mod_dl_dst:<bridge MAC>,NORMAL} (seed 000).
     *
     * @param bridge the OVS bridge
     * @param patchPorts the patch ports from the integration bridge
     * @param cookie the cookie the plan gives these flows
     */
    public record ProviderBridge(String bridge, List<String> patchPorts, long cookie) {
        /** Validates and copies. */
        public ProviderBridge {
            checkDevice(bridge);
            patchPorts = List.copyOf(patchPorts);
            for (String port : patchPorts) {
                if (!PORT.matcher(port).matches()) {
                    throw new IllegalArgumentException("invalid port name: '" + port + "'");
                }
            }
        }
    }
}
