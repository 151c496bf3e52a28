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
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the kernel with {@code ip -N -json}, per family where iproute2 needs it. A failing read is an error, never
 * an empty result: the reconciler then changes nothing.
 */
public final class KernelReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HostShell shell;
    private final AgentConfig config;

    /**
     * A reader.
     *
     * @param shell the shell
     * @param config the configuration (protocol, exposure kind)
     */
    public KernelReader(final HostShell shell, final AgentConfig config) {
        this.shell = shell;
        this.config = config;
    }

    /**
     * Reads everything the desired state can touch.
     *
     * @param desired the desired state (which sysctls and which expose device to read)
     * @return the snapshot
     * @throws IOException if a read fails
     */
    public KernelSnapshot read(final DesiredState desired) throws IOException {
        final List<KernelSnapshot.Rule> rules = new ArrayList<>();
        rules.addAll(rules(shell.ipOk("-N", "-j", "-4", "rule", "show"), true));
        rules.addAll(rules(shell.ipOk("-N", "-j", "-6", "rule", "show"), false));
        final String proto = Integer.toString(config.protocol());
        final List<KernelSnapshot.Route> routes = new ArrayList<>();
        routes.addAll(routes(shell.ipOk("-N", "-j", "-4", "route", "show", "table", "all", "proto", proto), true,
            config.protocol()));
        routes.addAll(routes(shell.ipOk("-N", "-j", "-6", "route", "show", "table", "all", "proto", proto), false,
            config.protocol()));
        final Map<String, KernelSnapshot.Link> links = links(shell.ipOk("-j", "-d", "link", "show"));
        final List<KernelSnapshot.Route> local = new ArrayList<>();
        if (config.exposureKind() == AgentConfig.ExposureKind.BRIDGE && desired.exposure().isPresent()) {
            final String device = desired.exposure().orElseThrow().device();
            if (links.containsKey(device)) {
                // filtered by table and device, iproute2 prints neither: fill them in
                for (KernelSnapshot.Route route : routes(shell.ipOk("-N", "-j", "route", "show", "table", "local",
                        "dev", device), true, 0)) {
                    local.add(new KernelSnapshot.Route(255, route.destination(), route.type(), device,
                        route.gateway(), route.protocol()));
                }
                for (KernelSnapshot.Route route : routes(shell.ipOk("-N", "-j", "-6", "route", "show", "table",
                        "local", "dev", device), false, 0)) {
                    local.add(new KernelSnapshot.Route(255, route.destination(), route.type(), device,
                        route.gateway(), route.protocol()));
                }
            }
        }
        return new KernelSnapshot(rules, routes, neighbours(shell.ipOk("-N", "-j", "neigh", "show")),
            proxies(shell.ipOk("-N", "-j", "-6", "neigh", "show", "proxy")), links,
            addresses(shell.ipOk("-j", "addr", "show")), local, sysctls(desired.sysctls()));
    }

    static List<KernelSnapshot.Rule> rules(final String json, final boolean ipv4) throws IOException {
        final List<KernelSnapshot.Rule> result = new ArrayList<>();
        for (JsonNode node : array(json)) {
            if (!node.hasNonNull("dst") || !node.hasNonNull("table") || "all".equals(node.get("dst").asText())) {
                continue;
            }
            final String dst = node.get("dst").asText();
            final IpPrefix prefix = node.has("dstlen") ? IpPrefix.parse(dst + "/" + node.get("dstlen").asInt())
                : IpPrefix.parse(dst);
            if (prefix.isIpv4() != ipv4) {
                continue;
            }
            result.add(new KernelSnapshot.Rule(node.path("priority").asLong(0), prefix, tableId(node),
                protocol(node)));
        }
        return result;
    }

    static List<KernelSnapshot.Route> routes(final String json, final boolean ipv4, final int defaultProtocol)
            throws IOException {
        final List<KernelSnapshot.Route> result = new ArrayList<>();
        for (JsonNode node : array(json)) {
            final String dst = node.path("dst").asText("");
            if (dst.isEmpty()) {
                continue;
            }
            final IpPrefix prefix = "default".equals(dst) ? IpPrefix.parse(ipv4 ? "0.0.0.0/0" : "::/0")
                : IpPrefix.parse(dst);
            final Optional<InetAddress> gateway = node.hasNonNull("gateway")
                ? Optional.of(IpPrefix.parseAddress(node.get("gateway").asText())) : Optional.empty();
            final int protocol = node.has("protocol") ? protocol(node) : defaultProtocol;
            result.add(new KernelSnapshot.Route(tableId(node), prefix, routeType(node.path("type").asText("unicast")),
                node.path("dev").asText(""), gateway, protocol));
        }
        return result;
    }

    /** Route types by number, as {@code ip -N} prints them (rtnetlink RTN_*). */
    static String routeType(final String type) {
        final List<String> names = List.of("unspec", "unicast", "local", "broadcast", "anycast", "multicast",
            "blackhole", "unreachable", "prohibit", "throw", "nat", "xresolve");
        if (type.matches("\\d+")) {
            final int index = Integer.parseInt(type);
            return index < names.size() ? names.get(index) : type;
        }
        return type;
    }

    static List<KernelSnapshot.Neighbour> neighbours(final String json) throws IOException {
        final List<KernelSnapshot.Neighbour> result = new ArrayList<>();
        for (JsonNode node : array(json)) {
            if (!node.hasNonNull("dst") || !node.hasNonNull("dev")) {
                continue;
            }
            boolean permanent = false;
            for (JsonNode state : node.path("state")) {
                permanent |= "PERMANENT".equals(state.asText());
            }
            result.add(new KernelSnapshot.Neighbour(node.get("dev").asText(),
                IpPrefix.parseAddress(node.get("dst").asText()), node.path("lladdr").asText(""), permanent,
                protocol(node)));
        }
        return result;
    }

    static List<KernelSnapshot.Proxy> proxies(final String json) throws IOException {
        final List<KernelSnapshot.Proxy> result = new ArrayList<>();
        for (JsonNode node : array(json)) {
            if (node.hasNonNull("dst") && node.hasNonNull("dev")) {
                result.add(new KernelSnapshot.Proxy(node.get("dev").asText(),
                    IpPrefix.parseAddress(node.get("dst").asText()), protocol(node)));
            }
        }
        return result;
    }

    static Map<String, KernelSnapshot.Link> links(final String json) throws IOException {
        final Map<String, KernelSnapshot.Link> result = new HashMap<>();
        for (JsonNode node : array(json)) {
            final String name = node.path("ifname").asText("");
            if (!name.isEmpty()) {
                result.put(name, new KernelSnapshot.Link(name, node.path("linkinfo").path("info_kind").asText(""),
                    node.path("ifalias").asText(""), node.path("master").asText(""),
                    node.path("address").asText(""), isUp(node)));
            }
        }
        return result;
    }

    static List<KernelSnapshot.Address> addresses(final String json) throws IOException {
        final List<KernelSnapshot.Address> result = new ArrayList<>();
        for (JsonNode node : array(json)) {
            final String device = node.path("ifname").asText("");
            for (JsonNode info : node.path("addr_info")) {
                if (info.hasNonNull("local") && info.has("prefixlen")) {
                    result.add(new KernelSnapshot.Address(device,
                        IpPrefix.parse(info.get("local").asText() + "/" + info.get("prefixlen").asInt()),
                        info.path("scope").asText("global")));
                }
            }
        }
        return result;
    }

    private Map<String, String> sysctls(final List<DesiredState.Sysctl> wanted) throws IOException {
        final Map<String, String> result = new HashMap<>();
        if (wanted.isEmpty()) {
            return result;
        }
        final Map<String, String> byPath = new HashMap<>();
        final List<String> argv = new ArrayList<>(List.of("grep", "-H", "^"));
        for (DesiredState.Sysctl sysctl : wanted) {
            final String path = "/proc/sys/" + sysctl.procPath();
            byPath.put(path, sysctl.name());
            argv.add(path);
        }
        // grep exits 2 when a file is missing (a device that does not exist yet); the others are still printed
        final CommandRunner.Result out = shell.exec(argv);
        for (String line : out.stdout().split("\n")) {
            final int colon = line.indexOf(':');
            if (colon > 0 && byPath.containsKey(line.substring(0, colon))) {
                result.put(byPath.get(line.substring(0, colon)), line.substring(colon + 1).strip());
            }
        }
        return result;
    }

    private static boolean isUp(final JsonNode link) {
        for (JsonNode flag : link.path("flags")) {
            if ("UP".equals(flag.asText())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode array(final String json) throws IOException {
        final String text = json.strip();
        if (text.isEmpty()) {
            return JSON.createArrayNode();
        }
        final JsonNode node = JSON.readTree(text);
        if (!node.isArray()) {
            throw new IOException("ip -json did not print an array: " + text);
        }
        return node;
    }

    private static long tableId(final JsonNode node) throws IOException {
        final String table = node.path("table").asText("254");
        try {
            return Long.parseLong(table);
        } catch (NumberFormatException e) {
            throw new IOException("ip -N printed a table name: " + table, e);
        }
    }

    private static int protocol(final JsonNode node) throws IOException {
        final String protocol = node.path("protocol").asText("0");
        try {
            return Integer.parseInt(protocol);
        } catch (NumberFormatException e) {
            throw new IOException("ip -N printed a protocol name: " + protocol, e);
        }
    }
}
