/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.plan;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.wiring.impl.intent.IntentRef;

/**
 * The desired state of one host while it is being planned: entries keyed as in the plan YANG, each with the set of
 * intents that need it. Adding an entry that exists with the same value only adds origins; adding one with a
 * different value is a conflict the caller reports.
 */
public final class HostPlan {
    /**
     * An entry and the intents that caused it.
     *
     * @param <V> value type
     * @param value the entry
     * @param origins intents needing it
     */
    public record Planned<V>(V value, SortedSet<IntentRef> origins) {
        // value
    }

    /** Plan entries; records so equality is by value. */
    public record Bridge(String name, boolean integration, String datapathType, @Nullable String physicalNetwork) {
        // value
    }

    /** An OVS port with its interface. */
    public record Port(String name, String bridge, String type, @Nullable String peer, @Nullable Integer vlanTag,
            @Nullable String localIp, @Nullable String remoteIp, @Nullable String remoteHost) {
        // value
    }

    /** Routing table of a provider bridge. */
    public record RoutingTable(long id, String name) {
        // value
    }

    /** Address on a device. */
    public record Address(String device, String prefix) {
        // value
    }

    /** A sysctl. */
    public record Sysctl(String name, String value) {
        // value
    }

    /** An ip rule. */
    public record Rule(String destination, long table, long priority) {
        // value
    }

    /** A route in a table. */
    public record Route(long table, String destination, String device, @Nullable String gateway) {
        // value
    }

    /** A PERMANENT neighbour. */
    public record Neighbour(String device, String address, String mac) {
        // value
    }

    /** An IPv6 proxy NDP entry. */
    public record ProxyNdp(String device, String address) {
        // value
    }

    /** Steering flows on a provider bridge for the patch port from the integration bridge (seed 000). */
    public record ProviderFlow(String bridge, String patchPort, long cookie) {
        // value
    }

    /** Where exposed addresses go. */
    public record Expose(String device, String vrfName, long vrfTable) {
        // value
    }

    /**
     * A network present on the host (it has a logical port here).
     *
     * @param identity what identifies the network on the wire
     * @param localId the network's small id on this host (OpenFlow metadata)
     */
    public record Network(NetworkIdentity identity, int localId) {
        // value
    }

    /**
     * An allowed address pair, keyed by both fields as in Neutron.
     *
     * @param ipPrefix address or CIDR
     * @param mac source MAC, lower case
     */
    public record AddressPair(String ipPrefix, String mac) {
        // value
    }

    /**
     * A logical port bound to the host.
     *
     * @param ifaceId external_ids:iface-id of its OVS interface
     * @param id the logical-port intent's id
     * @param network the network's intent reference
     * @param mac MAC, lower case
     * @param fixedIps fixed addresses in numeric order
     * @param portSecurity whether port security applies
     * @param addressPairs allowed address pairs in key order
     */
    public record LogicalPort(String ifaceId, String id, String network, String mac, List<String> fixedIps,
            boolean portSecurity, List<AddressPair> addressPairs) {
        public LogicalPort {
            fixedIps = List.copyOf(fixedIps);
            addressPairs = List.copyOf(addressPairs);
        }
    }

    /**
     * The patch port on the integration bridge toward a physical network's provider bridge.
     *
     * @param physicalNetwork the physical network
     * @param port the patch port's name on the integration bridge
     * @param bridge the provider bridge
     */
    public record ProviderPort(String physicalNetwork, String port, String bridge) {
        // value
    }

    private final String hostId;
    private final String integrationBridge;
    private final Map<String, Planned<Bridge>> bridges = new TreeMap<>();
    private final Map<String, Planned<Port>> ports = new TreeMap<>();
    private final Map<Long, Planned<RoutingTable>> tables = new TreeMap<>();
    private final Map<String, Planned<Address>> addresses = new TreeMap<>();
    private final Map<String, Planned<Sysctl>> sysctls = new TreeMap<>();
    private final Map<String, Planned<Rule>> rules = new TreeMap<>();
    private final Map<String, Planned<Route>> routes = new TreeMap<>();
    private final Map<String, Planned<Neighbour>> neighbours = new TreeMap<>();
    private final Map<String, Planned<ProxyNdp>> proxyNdps = new TreeMap<>();
    private final Map<String, Planned<String>> exposed = new TreeMap<>();
    private final Map<String, Planned<ProviderFlow>> providerFlows = new TreeMap<>();
    private final Map<String, Planned<Network>> networks = new TreeMap<>();
    private final Map<String, Planned<LogicalPort>> logicalPorts = new TreeMap<>();
    private final Map<String, Planned<ProviderPort>> providerPorts = new TreeMap<>();
    private @Nullable Expose expose;
    // derived views, computed once planning is done (any later add clears them)
    private @Nullable String digest;
    private @Nullable SortedSet<IntentRef> allOrigins;
    private @Nullable SortedSet<IntentRef> switchOrigins;
    private @Nullable SortedSet<IntentRef> kernelOrigins;
    private @Nullable SortedSet<IntentRef> flowOrigins;

    HostPlan(final String hostId, final String integrationBridge, final String datapathType) {
        this.hostId = hostId;
        this.integrationBridge = integrationBridge;
        bridges.put(integrationBridge, new Planned<>(new Bridge(integrationBridge, true, datapathType, null),
            new TreeSet<>()));
    }

    public String hostId() {
        return hostId;
    }

    public String integrationBridge() {
        return integrationBridge;
    }

    /**
     * Add origins to the integration bridge: the intent needs the host's switch.
     *
     * @param origins intents
     */
    void useIntegrationBridge(final Collection<IntentRef> origins) {
        invalidate();
        bridges.get(integrationBridge).origins().addAll(origins);
    }

    @Nullable String addBridge(final Bridge value, final Collection<IntentRef> origins) {
        return add(bridges, value.name(), value, origins, "bridge");
    }

    @Nullable String addPort(final Port value, final Collection<IntentRef> origins) {
        return add(ports, value.name(), value, origins, "port");
    }

    @Nullable String addTable(final RoutingTable value, final Collection<IntentRef> origins) {
        return add(tables, value.id(), value, origins, "routing table");
    }

    @Nullable String addAddress(final Address value, final Collection<IntentRef> origins) {
        return add(addresses, value.device() + " " + value.prefix(), value, origins, "address");
    }

    @Nullable String addSysctl(final Sysctl value, final Collection<IntentRef> origins) {
        return add(sysctls, value.name(), value, origins, "sysctl");
    }

    @Nullable String addRule(final Rule value, final Collection<IntentRef> origins) {
        return add(rules, value.destination() + " " + value.table(), value, origins, "rule");
    }

    @Nullable String addRoute(final Route value, final Collection<IntentRef> origins) {
        return add(routes, value.table() + " " + value.destination(), value, origins, "route");
    }

    @Nullable String addNeighbour(final Neighbour value, final Collection<IntentRef> origins) {
        return add(neighbours, value.device() + " " + value.address(), value, origins, "neighbour");
    }

    @Nullable String addProxyNdp(final ProxyNdp value, final Collection<IntentRef> origins) {
        return add(proxyNdps, value.device() + " " + value.address(), value, origins, "proxy-ndp");
    }

    @Nullable String addExposed(final String prefix, final Collection<IntentRef> origins) {
        return add(exposed, prefix, prefix, origins, "exposed");
    }

    @Nullable String addProviderFlow(final ProviderFlow value, final Collection<IntentRef> origins) {
        return add(providerFlows, value.bridge() + " " + value.patchPort(), value, origins, "provider-flow");
    }

    @Nullable String addNetwork(final Network value, final Collection<IntentRef> origins) {
        return add(networks, value.identity().ref().toString(), value, origins, "network");
    }

    @Nullable String addLogicalPort(final LogicalPort value, final Collection<IntentRef> origins) {
        return add(logicalPorts, value.ifaceId(), value, origins, "logical port with iface-id");
    }

    @Nullable String addProviderPort(final ProviderPort value, final Collection<IntentRef> origins) {
        return add(providerPorts, value.physicalNetwork(), value, origins, "provider port of physical network");
    }

    void setExpose(final Expose value) {
        invalidate();
        expose = value;
    }

    private void invalidate() {
        digest = null;
        allOrigins = null;
        switchOrigins = null;
        kernelOrigins = null;
        flowOrigins = null;
    }

    private <K, V> @Nullable String add(final Map<K, Planned<V>> map, final K key, final V value,
            final Collection<IntentRef> origins, final String what) {
        invalidate();
        final var existing = map.get(key);
        if (existing == null) {
            map.put(key, new Planned<>(value, new TreeSet<>(origins)));
            return null;
        }
        if (!existing.value().equals(value)) {
            return what + " " + key + " is already planned differently for " + existing.origins();
        }
        existing.origins().addAll(origins);
        return null;
    }

    public Collection<Planned<Bridge>> bridges() {
        return bridges.values();
    }

    public Collection<Planned<Port>> ports() {
        return ports.values();
    }

    public Collection<Planned<RoutingTable>> tables() {
        return tables.values();
    }

    public Collection<Planned<Address>> addresses() {
        return addresses.values();
    }

    public Collection<Planned<Sysctl>> sysctls() {
        return sysctls.values();
    }

    public Collection<Planned<Rule>> rules() {
        return rules.values();
    }

    public Collection<Planned<Route>> routes() {
        return routes.values();
    }

    public Collection<Planned<Neighbour>> neighbours() {
        return neighbours.values();
    }

    public Collection<Planned<ProxyNdp>> proxyNdps() {
        return proxyNdps.values();
    }

    public Collection<Planned<String>> exposed() {
        return exposed.values();
    }

    public Collection<Planned<ProviderFlow>> providerFlows() {
        return providerFlows.values();
    }

    /**
     * The networks present on the host, by network reference.
     *
     * @return the networks
     */
    public Collection<Planned<Network>> networks() {
        return networks.values();
    }

    /**
     * The logical ports bound to the host, by iface-id.
     *
     * @return the ports
     */
    public Collection<Planned<LogicalPort>> logicalPorts() {
        return logicalPorts.values();
    }

    /**
     * The provider patch ports of the integration bridge, by physical network.
     *
     * @return the ports
     */
    public Collection<Planned<ProviderPort>> providerPorts() {
        return providerPorts.values();
    }

    public @Nullable Expose expose() {
        return expose;
    }

    /**
     * SHA-256 over every entry and its origins, in key order: equal plans have equal digests, so a renderer can
     * report which plan it applied and a re-plan that changes nothing changes nothing downstream.
     *
     * @return lower-case hex digest
     */
    public String digest() {
        if (digest == null) {
            digest = computeDigest();
        }
        return digest;
    }

    private String computeDigest() {
        final var text = new StringBuilder().append(hostId).append('|').append(integrationBridge).append('|')
            .append(expose);
        for (var map : java.util.List.<Map<?, ? extends Planned<?>>>of(bridges, ports, tables, addresses, sysctls,
                rules, routes, neighbours, proxyNdps, exposed, providerFlows, networks, logicalPorts,
                providerPorts)) {
            text.append('\n').append(map.values());
        }
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * The intents needing this host's OVS bridges and ports.
     *
     * @return the intents
     */
    public SortedSet<IntentRef> switchOrigins() {
        if (switchOrigins == null) {
            final var result = new TreeSet<IntentRef>();
            bridges.values().forEach(planned -> result.addAll(planned.origins()));
            ports.values().forEach(planned -> result.addAll(planned.origins()));
            switchOrigins = java.util.Collections.unmodifiableSortedSet(result);
        }
        return switchOrigins;
    }

    /**
     * The intents needing this host's kernel state.
     *
     * @return the intents
     */
    public SortedSet<IntentRef> kernelOrigins() {
        if (kernelOrigins == null) {
            final var result = new TreeSet<IntentRef>();
            for (var map : java.util.List.<Map<?, ? extends Planned<?>>>of(tables, addresses, sysctls, rules, routes,
                    neighbours, proxyNdps, exposed, providerFlows)) {
                map.values().forEach(planned -> result.addAll(planned.origins()));
            }
            kernelOrigins = java.util.Collections.unmodifiableSortedSet(result);
        }
        return kernelOrigins;
    }

    /**
     * The intents needing this host's OpenFlow pipeline: its networks, logical ports and provider ports.
     *
     * @return the intents
     */
    public SortedSet<IntentRef> flowOrigins() {
        if (flowOrigins == null) {
            final var result = new TreeSet<IntentRef>();
            for (var map : java.util.List.<Map<?, ? extends Planned<?>>>of(networks, logicalPorts, providerPorts)) {
                map.values().forEach(planned -> result.addAll(planned.origins()));
            }
            flowOrigins = java.util.Collections.unmodifiableSortedSet(result);
        }
        return flowOrigins;
    }

    /**
     * Every intent this host's plan mentions.
     *
     * @return the intents
     */
    public SortedSet<IntentRef> allOrigins() {
        if (allOrigins == null) {
            final var result = new TreeSet<IntentRef>(switchOrigins());
            result.addAll(kernelOrigins());
            result.addAll(flowOrigins());
            allOrigins = java.util.Collections.unmodifiableSortedSet(result);
        }
        return allOrigins;
    }
}
