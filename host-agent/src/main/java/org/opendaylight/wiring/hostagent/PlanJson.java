/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one host of the plan ({@code wiring-plan:plan/host}, RFC 7951 JSON as RESTCONF returns it) into a
 * {@link DesiredState}. An entry the agent cannot use (an invalid address, a reserved table, a bad device name) is
 * rejected on its own with a reason; the rest of the plan stands. Provider-bridge flows are the plan's
 * {@code kernel/provider-flow} entries (bridge, patch port, cookie).
 */
public final class PlanJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A parsed host plan.
     *
     * @param state the desired state
     * @param rejected entries that were left out, and why
     */
    public record Parsed(DesiredState state, List<ChangeSet.Failure> rejected) {
        /**
         * Copies.
         */
        public Parsed {
            rejected = List.copyOf(rejected);
        }
    }

    private PlanJson() {
        // utility
    }

    /**
     * Parses {@code {"wiring-plan:host":[{...}]}} or the host object itself.
     *
     * @param json the document
     * @return the desired state and the rejected entries
     * @throws IOException if the document is not JSON or holds no host
     */
    public static Parsed parseHost(final String json) throws IOException {
        JsonNode host = JSON.readTree(json);
        if (host.has("wiring-plan:host")) {
            host = host.get("wiring-plan:host");
        }
        if (host.isArray()) {
            if (host.size() != 1) {
                throw new IOException("expected exactly one host, found " + host.size());
            }
            host = host.get(0);
        }
        if (!host.isObject() || !host.has("host-id")) {
            throw new IOException("not a wiring-plan host: " + json);
        }
        final List<ChangeSet.Failure> rejected = new ArrayList<>();
        final JsonNode kernel = host.path("kernel");
        final List<DesiredState.RoutingTable> tables = each(kernel, "routing-table", rejected,
            node -> new DesiredState.RoutingTable(node.path("id").asLong(-1), text(node, "name")));
        final List<DesiredState.Address> addresses = each(kernel, "address", rejected,
            node -> new DesiredState.Address(text(node, "device"), IpPrefix.parse(text(node, "prefix"))));
        final List<DesiredState.Sysctl> sysctls = each(kernel, "sysctl", rejected,
            node -> new DesiredState.Sysctl(text(node, "name"), text(node, "value")));
        final List<DesiredState.Rule> rules = each(kernel, "rule", rejected,
            node -> new DesiredState.Rule(IpPrefix.parse(text(node, "destination")), node.path("table").asLong(-1),
                node.path("priority").asLong(-1)));
        final List<DesiredState.Route> routes = each(kernel, "route", rejected,
            node -> new DesiredState.Route(node.path("table").asLong(-1), IpPrefix.parse(text(node, "destination")),
                text(node, "device"), node.hasNonNull("gateway")
                    ? Optional.of(IpPrefix.parseAddress(text(node, "gateway"))) : Optional.empty()));
        final List<DesiredState.Neighbour> neighbours = each(kernel, "neighbour", rejected,
            node -> new DesiredState.Neighbour(text(node, "device"), IpPrefix.parseAddress(text(node, "address")),
                text(node, "mac-address")));
        final List<DesiredState.ProxyNdp> proxies = each(kernel, "proxy-ndp", rejected, node -> {
            final InetAddress address = IpPrefix.parseAddress(text(node, "address"));
            if (!(address instanceof Inet6Address v6)) {
                throw new IllegalArgumentException("proxy NDP needs an IPv6 address: " + text(node, "address"));
            }
            return new DesiredState.ProxyNdp(text(node, "device"), v6);
        });
        Optional<DesiredState.Exposure> exposure = Optional.empty();
        if (kernel.has("expose")) {
            final List<DesiredState.Exposure> one = each(kernel, "expose", rejected,
                node -> new DesiredState.Exposure(text(node, "device"), text(node, "vrf-name"),
                    node.path("vrf-table").asLong(-1)));
            exposure = one.stream().findFirst();
        }
        final List<IpPrefix> exposed = exposure.isEmpty() ? List.of()
            : each(kernel, "exposed", rejected, node -> IpPrefix.parse(text(node, "prefix")));
        if (exposure.isEmpty() && kernel.path("exposed").size() > 0) {
            rejected.add(new ChangeSet.Failure("exposed", "", "no valid expose device: nothing can be exposed"));
        }

        final List<ProviderFlow> flows = each(kernel, "provider-flow", rejected,
            node -> new ProviderFlow(text(node, "bridge"), text(node, "patch-port"), cookie(text(node, "cookie"))));
        final Map<String, List<ProviderFlow>> byBridge = new LinkedHashMap<>();
        flows.forEach(flow -> byBridge.computeIfAbsent(flow.bridge(), key -> new ArrayList<>()).add(flow));
        final List<DesiredState.ProviderBridge> bridges = new ArrayList<>();
        byBridge.forEach((bridge, entries) -> {
            try {
                final long cookie = entries.get(0).cookie();
                if (entries.stream().anyMatch(entry -> entry.cookie() != cookie)) {
                    throw new IllegalArgumentException("provider-flow entries of one bridge with different cookies");
                }
                bridges.add(new DesiredState.ProviderBridge(bridge,
                    entries.stream().map(ProviderFlow::patchPort).toList(), cookie));
            } catch (IllegalArgumentException e) {
                rejected.add(new ChangeSet.Failure("flows of " + bridge, "", e.getMessage()));
            }
        });
        return new Parsed(new DesiredState(tables, addresses, sysctls, rules, routes, neighbours, proxies, exposure,
            exposed, bridges), rejected);
    }

    private record ProviderFlow(String bridge, String patchPort, long cookie) {
        // value
    }

    // RFC 7951 encodes uint64 as a JSON string
    private static long cookie(final String text) {
        try {
            return Long.parseUnsignedLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid cookie: '" + text + "'", e);
        }
    }

    private interface Entry<T> {
        T parse(JsonNode node);
    }

    private static <T> List<T> each(final JsonNode parent, final String field, final List<ChangeSet.Failure> rejected,
            final Entry<T> entry) {
        final List<T> result = new ArrayList<>();
        final JsonNode nodes = parent.path(field);
        for (JsonNode node : nodes.isArray() ? nodes : List.of(nodes)) {
            if (node.isMissingNode()) {
                continue;
            }
            try {
                result.add(entry.parse(node));
            } catch (IllegalArgumentException e) {
                rejected.add(new ChangeSet.Failure(field + " " + node, "", e.getMessage()));
            }
        }
        return result;
    }

    private static String text(final JsonNode node, final String field) {
        final JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value.asText();
    }
}
