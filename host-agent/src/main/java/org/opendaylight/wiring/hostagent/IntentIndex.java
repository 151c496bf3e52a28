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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the objects the reconcilers name in their failures ({@link ChangeSet.Failure#object()}) back to the intents
 * of the plan entries that asked for them (the entries' {@code intent} leaf-lists). Names are built exactly as
 * {@link Differ}, {@link FlowReconciler}, {@link Announcer} and {@link PlanJson} print them.
 */
final class IntentIndex {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Set<String>> byObject = new HashMap<>();

    private IntentIndex() {
        // built by of()
    }

    /**
     * Indexes a host entry.
     *
     * @param hostJson the host entry as RESTCONF returned it
     * @return the index
     * @throws IOException if it is not JSON
     */
    static IntentIndex of(final String hostJson) throws IOException {
        final IntentIndex index = new IntentIndex();
        JsonNode host = JSON.readTree(hostJson);
        host = host.has("wiring-plan:host") ? host.get("wiring-plan:host") : host;
        host = host.isArray() && host.size() == 1 ? host.get(0) : host;
        final JsonNode kernel = host.path("kernel");
        final String expose = kernel.path("expose").path("device").asText("");
        final long vrfTable = kernel.path("expose").path("vrf-table").asLong(-1);
        final Set<String> allExposed = new LinkedHashSet<>();
        for (JsonNode node : kernel.path("exposed")) {
            allExposed.addAll(intents(node));
            index.add(node, () -> {
                final IpPrefix prefix = IpPrefix.parse(node.path("prefix").asText());
                return prefix.isHost()
                    ? List.of("address " + prefix + " dev " + expose, "exposed " + prefix,
                        "announce " + prefix.addressString())
                    : List.of("route " + prefix + " table " + vrfTable);
            });
        }
        for (String device : List.of("expose device " + expose, "vrf " + kernel.path("expose").path("vrf-name")
                .asText(""), "device " + expose)) {
            index.byObject.computeIfAbsent(device, key -> new LinkedHashSet<>()).addAll(allExposed);
        }
        for (JsonNode node : kernel.path("address")) {
            index.add(node, () -> List.of("address " + IpPrefix.parse(node.path("prefix").asText()) + " dev "
                + node.path("device").asText()));
        }
        for (JsonNode node : kernel.path("sysctl")) {
            index.add(node, () -> List.of("sysctl " + node.path("name").asText()));
        }
        for (JsonNode node : kernel.path("rule")) {
            index.add(node, () -> List.of("rule priority " + node.path("priority").asLong() + " to "
                + IpPrefix.parse(node.path("destination").asText()) + " table " + node.path("table").asLong()));
        }
        for (JsonNode node : kernel.path("route")) {
            index.add(node, () -> List.of("route " + IpPrefix.parse(node.path("destination").asText()) + " table "
                + node.path("table").asLong()));
        }
        for (JsonNode node : kernel.path("neighbour")) {
            index.add(node, () -> List.of("neighbour " + IpPrefix.format(IpPrefix.parseAddress(
                node.path("address").asText())) + " dev " + node.path("device").asText()));
        }
        for (JsonNode node : kernel.path("proxy-ndp")) {
            index.add(node, () -> List.of("proxy " + IpPrefix.format(IpPrefix.parseAddress(
                node.path("address").asText())) + " dev " + node.path("device").asText()));
        }
        for (JsonNode node : kernel.path("routing-table")) {
            index.add(node, () -> List.of("flows of " + node.path("name").asText()));
        }
        for (JsonNode node : host.path("bridge")) {
            index.add(node, () -> List.of("flows of " + node.path("name").asText()));
        }
        for (JsonNode node : host.path("port")) {
            index.add(node, () -> List.of("flows of " + node.path("name").asText()));
        }
        return index;
    }

    private interface Names {
        List<String> names();
    }

    private void add(final JsonNode node, final Names names) {
        final Set<String> intents = intents(node);
        if (intents.isEmpty()) {
            return;
        }
        final List<String> objects;
        try {
            objects = names.names();
        } catch (IllegalArgumentException e) {
            // an invalid entry: PlanJson rejects it and names it by its JSON, see intentsOf()
            return;
        }
        objects.forEach(object -> byObject.computeIfAbsent(object, key -> new LinkedHashSet<>()).addAll(intents));
    }

    private static Set<String> intents(final JsonNode node) {
        final Set<String> intents = new LinkedHashSet<>();
        final JsonNode list = node.path("intent");
        if (list.isArray()) {
            list.forEach(intent -> intents.add(intent.asText()));
        } else if (list.isTextual()) {
            intents.add(list.asText());
        }
        return intents;
    }

    /**
     * The intents behind a failed object.
     *
     * @param failure the failure
     * @return its intents; empty if no plan entry names it (e.g. the removal of a stale object)
     */
    Set<String> intentsOf(final ChangeSet.Failure failure) {
        final Set<String> found = byObject.get(failure.object());
        if (found != null) {
            return found;
        }
        // PlanJson names a rejected entry "<list> <its JSON>": the entry's own intents
        final int brace = failure.object().indexOf('{');
        if (brace > 0) {
            try {
                return intents(JSON.readTree(failure.object().substring(brace)));
            } catch (IOException e) {
                return Set.of();
            }
        }
        return Set.of();
    }
}
