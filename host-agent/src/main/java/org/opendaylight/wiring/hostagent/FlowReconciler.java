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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps exactly the seed-000 flows on each provider bridge: per patch port {@code priority=900,ip,in_port=<patch>}
 * and the {@code ipv6} twin with {@code actions=mod_dl_dst:<bridge MAC>,NORMAL}, under the cookie the plan gives.
 * The agent owns that cookie, its configured one and every cookie it used before (recorded in its state file, so a
 * changed {@code flow-cookie} setting sweeps the old flows); flows of any other cookie are never touched, owned flows
 * that are not wanted are removed. Ports are resolved to their current ofport at every run, so a patch port
 * recreated with another ofport gets its flows back. One {@code ovs-ofctl --bundle} per bridge with changes.
 */
public final class FlowReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(FlowReconciler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PRIORITY = 900;

    private final AgentConfig config;
    private final CommandRunner runner;
    private final OwnedFiles files;

    /**
     * The outcome of one run.
     *
     * @param gated true if there was no desired state and nothing was done
     * @param bundles how many {@code ovs-ofctl --bundle} processes ran
     * @param added flows added or replaced
     * @param deleted flows deleted
     * @param failures what could not be applied
     */
    public record Result(boolean gated, int bundles, int added, int deleted, List<ChangeSet.Failure> failures) {
        /**
         * Copies.
         */
        public Result {
            failures = List.copyOf(failures);
        }
    }

    /**
     * A flow reconciler.
     *
     * @param config the configuration (cookie, OVS environment)
     * @param runner the command runner
     */
    public FlowReconciler(final AgentConfig config, final CommandRunner runner) {
        this.config = config;
        this.runner = runner;
        this.files = new OwnedFiles(config);
    }

    /**
     * Reconciles the flows of every provider bridge of the desired state.
     *
     * @param desired the desired state; empty means "not known yet": nothing is read or changed
     * @return the outcome
     * @throws IOException if OVS cannot be read
     */
    public Result reconcile(final Optional<DesiredState> desired) throws IOException {
        if (desired.isEmpty()) {
            return new Result(true, 0, 0, 0, List.of());
        }
        // bridges that had our flows and are no longer provider bridges get an empty set: their flows go
        final Map<String, DesiredState.ProviderBridge> bridges = new LinkedHashMap<>();
        for (String name : files.flowBridges()) {
            bridges.put(name, new DesiredState.ProviderBridge(name, List.of(), config.cookie()));
        }
        desired.orElseThrow().providerBridges().forEach(bridge -> bridges.put(bridge.bridge(), bridge));
        final Set<Long> owned = new TreeSet<>(files.flowCookies());
        owned.add(config.cookie());
        bridges.values().forEach(bridge -> owned.add(bridge.cookie()));
        if (bridges.isEmpty()) {
            return new Result(false, 0, 0, 0, List.of());
        }
        final Map<String, Interface> interfaces = interfaces();
        final List<String> programmed = new ArrayList<>();
        final List<ChangeSet.Failure> failures = new ArrayList<>();
        int bundles = 0;
        int added = 0;
        int deleted = 0;
        for (DesiredState.ProviderBridge bridge : bridges.values()) {
            final Interface own = interfaces.get(bridge.bridge());
            if (own == null || own.mac().isEmpty()) {
                if (!bridge.patchPorts().isEmpty()) {
                    failures.add(new ChangeSet.Failure("flows of " + bridge.bridge(), "", "no such bridge"));
                    programmed.add(bridge.bridge());
                }
                continue;
            }
            programmed.add(bridge.bridge());
            final Map<String, String> want = new LinkedHashMap<>();
            for (String port : bridge.patchPorts()) {
                final Interface patch = interfaces.get(port);
                if (patch == null || patch.ofport() <= 0) {
                    failures.add(new ChangeSet.Failure("flows of " + port, "", "patch port has no ofport yet"));
                    continue;
                }
                for (String proto : List.of("ip", "ipv6")) {
                    want.put(key(0, PRIORITY, proto + ",in_port=" + patch.ofport()),
                        "mod_dl_dst:" + own.mac() + ",normal");
                }
            }
            // the whole table: ours by cookie, and the others, so that an add never replaces a foreign flow
            final Map<String, Flow> all = parseDump(ofctl("", "--no-names", "dump-flows", bridge.bridge()).stdout());
            final Map<String, Flow> have = new LinkedHashMap<>();
            all.forEach((key, flow) -> {
                if (owned.contains(flow.cookie())) {
                    have.put(key, flow);
                }
            });
            final List<String> lines = new ArrayList<>();
            int bridgeDeleted = 0;
            for (Map.Entry<String, Flow> flow : have.entrySet()) {
                if (!want.containsKey(flow.getKey())) {
                    lines.add("delete_strict " + cookieMatch(flow.getValue().cookie()) + "," + flow.getKey());
                    bridgeDeleted++;
                }
            }
            int bridgeAdded = 0;
            for (Map.Entry<String, String> flow : want.entrySet()) {
                final Flow other = all.get(flow.getKey());
                final Flow ours = have.get(flow.getKey());
                if (other != null && ours == null) {
                    failures.add(new ChangeSet.Failure("flows of " + bridge.bridge(), flow.getKey(),
                        "a flow with cookie 0x" + Long.toHexString(other.cookie()) + " has this match; left alone"));
                } else if (ours == null || ours.cookie() != bridge.cookie()
                        || !ours.actions().equals(flow.getValue())) {
                    // an add with the same match replaces the flow, its cookie included
                    lines.add("add cookie=0x" + Long.toHexString(bridge.cookie()) + "," + flow.getKey()
                        + ",actions=" + flow.getValue().replace("normal", "NORMAL"));
                    bridgeAdded++;
                }
            }
            if (lines.isEmpty()) {
                continue;
            }
            bundles++;
            final CommandRunner.Result result = ofctl(String.join("\n", lines) + "\n", "--bundle", "add-flows",
                bridge.bridge(), "-");
            if (result.ok()) {
                added += bridgeAdded;
                deleted += bridgeDeleted;
                LOG.info("Flows of {}: {} added, {} deleted", bridge.bridge(), bridgeAdded, bridgeDeleted);
            } else {
                failures.add(new ChangeSet.Failure("flows of " + bridge.bridge(), String.join("; ", lines),
                    result.stderr().strip()));
            }
        }
        // a cookie stays owned until no bridge of ours can carry it any more
        files.writeFlowCookies(failures.isEmpty() ? bridges.values().stream().map(DesiredState.ProviderBridge::cookie)
            .toList() : owned);
        files.writeFlowBridges(programmed.stream().filter(name -> !bridges.get(name).patchPorts().isEmpty()
            || failures.stream().anyMatch(failure -> failure.object().equals("flows of " + name))).toList());
        return new Result(false, bundles, added, deleted, failures);
    }

    private static String cookieMatch(final long cookie) {
        return "cookie=0x" + Long.toHexString(cookie) + "/-1";
    }

    /**
     * The canonical key of a flow: table, priority and the sorted match fields.
     *
     * @param table table
     * @param priority priority
     * @param match match fields, comma separated
     * @return the key
     */
    static String key(final int table, final int priority, final String match) {
        final TreeSet<String> fields = new TreeSet<>();
        for (String field : match.split(",")) {
            if (!field.isBlank()) {
                fields.add(field.strip());
            }
        }
        return "table=" + table + ",priority=" + priority + (fields.isEmpty() ? "" : "," + String.join(",", fields));
    }

    /**
     * A dumped flow.
     *
     * @param cookie its cookie
     * @param actions its normalised actions
     */
    record Flow(long cookie, String actions) {
        // value
    }

    /**
     * Parses {@code ovs-ofctl dump-flows} output into canonical key to cookie and normalised actions.
     *
     * @param dump the output
     * @return flows
     */
    static Map<String, Flow> parseDump(final String dump) {
        final Map<String, Flow> flows = new LinkedHashMap<>();
        for (String raw : dump.split("\n")) {
            final String line = raw.strip();
            final int actions = line.indexOf(" actions=");
            if (actions < 0 || !line.startsWith("cookie=")) {
                continue;
            }
            int table = 0;
            int priority = 32768;
            long cookie = 0;
            final List<String> match = new ArrayList<>();
            // fields are separated by ", " or "," ("reset_counts priority=900" has a plain space)
            for (String token : line.substring(0, actions).split("[,\\s]+")) {
                final String field = token.strip();
                if (field.startsWith("cookie=0x")) {
                    cookie = Long.parseUnsignedLong(field.substring(9), 16);
                } else if (field.startsWith("table=")) {
                    table = Integer.parseInt(field.substring(6));
                } else if (field.startsWith("priority=")) {
                    priority = Integer.parseInt(field.substring(9));
                } else if (!field.isEmpty() && !field.startsWith("cookie=") && !field.startsWith("duration=")
                        && !field.startsWith("n_packets=") && !field.startsWith("n_bytes=")
                        && !field.startsWith("idle_age=") && !field.startsWith("hard_age=")
                        && !field.equals("reset_counts")) {
                    match.add(field);
                }
            }
            flows.put(key(table, priority, String.join(",", match)),
                new Flow(cookie, normaliseActions(line.substring(actions + 9))));
        }
        return flows;
    }

    /**
     * Normalises actions: lower case, {@code set_field:MAC->eth_dst} spelled {@code mod_dl_dst:MAC}.
     *
     * @param actions the actions as printed
     * @return the normal form
     */
    static String normaliseActions(final String actions) {
        return actions.strip().toLowerCase(Locale.ROOT)
            .replaceAll("set_field:([0-9a-f:]{17})->eth_dst", "mod_dl_dst:$1");
    }

    private record Interface(String name, long ofport, String mac) {
        // value
    }

    private Map<String, Interface> interfaces() throws IOException {
        final CommandRunner.Result result = runner.run(List.of("ovs-vsctl", "--format=json",
            "--columns=name,ofport,mac_in_use", "list", "Interface"), "", config.ovsEnvironment());
        if (!result.ok()) {
            throw new IOException("ovs-vsctl list Interface failed: " + result.stderr().strip());
        }
        final Map<String, Interface> interfaces = new LinkedHashMap<>();
        for (JsonNode row : JSON.readTree(result.stdout()).path("data")) {
            final String name = row.path(0).asText();
            final long ofport = row.path(1).isNumber() ? row.path(1).asLong() : -1;
            final String mac = row.path(2).isTextual() ? row.path(2).asText().toLowerCase(Locale.ROOT) : "";
            interfaces.put(name, new Interface(name, ofport, mac));
        }
        return interfaces;
    }

    private CommandRunner.Result ofctl(final String stdin, final String... args) throws IOException {
        final List<String> argv = new ArrayList<>(List.of("ovs-ofctl", "-O", "OpenFlow13"));
        argv.addAll(List.of(args));
        final CommandRunner.Result result = runner.run(argv, stdin, config.ovsEnvironment());
        if (!result.ok() && stdin.isEmpty()) {
            throw new IOException(String.join(" ", argv) + " failed: " + result.stderr().strip());
        }
        return result;
    }
}
