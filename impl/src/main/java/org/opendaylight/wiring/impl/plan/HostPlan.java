/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.plan;

import java.util.Collection;
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
    private @Nullable Expose expose;
    // derived views, computed once planning is done (any later add clears them)
    private @Nullable String digest;
    private @Nullable SortedSet<IntentRef> allOrigins;
    private @Nullable SortedSet<IntentRef> switchOrigins;
    private @Nullable SortedSet<IntentRef> kernelOrigins;

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

    void setExpose(final Expose value) {
        invalidate();
        expose = value;
    }

    private void invalidate() {
        digest = null;
        allOrigins = null;
        switchOrigins = null;
        kernelOrigins = null;
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
                rules, routes, neighbours, proxyNdps, exposed, providerFlows)) {
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
     * Every intent this host's plan mentions.
     *
     * @return the intents
     */
    public SortedSet<IntentRef> allOrigins() {
        if (allOrigins == null) {
            final var result = new TreeSet<IntentRef>(switchOrigins());
            result.addAll(kernelOrigins());
            allOrigins = java.util.Collections.unmodifiableSortedSet(result);
        }
        return allOrigins;
    }
}
