/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The agent's runtime configuration, read from a properties file (readable by root only: it holds the RESTCONF
 * password). Keys, all optional except {@code restconf.urls}, {@code restconf.user} and {@code restconf.password}
 * (or {@code restconf.password-file}):
 * <pre>
 * host-id                 the OVS system-id of this host; absent: read from the local OVS
 *                         (ovs-vsctl get Open_vSwitch . external_ids:system-id)
 * restconf.urls           RESTCONF roots of the cluster members, comma separated, tried in turn
 *                         (http://10.0.0.1:8181/rests; a URL without a path gets /rests)
 * restconf.user           the agent's ODL user (a role that reads the plan and reports, nothing else)
 * restconf.password       its password, or restconf.password-file: a file holding it
 * resync.seconds          full resync period, also with the stream up (60)
 * poll.seconds            plan polling period while the change stream is down (10)
 * http.timeout.seconds    per-request timeout (10)
 * expose.mode             VRF (dummy in a VRF, seed 001) or BRIDGE (portless bridge, kernels without dummy/vrf)
 * iproute2.tables-file    the agent's rt_tables.d file (/etc/iproute2/rt_tables.d/odl-wiring.conf)
 * iproute2.protos-file    the agent's rt_protos.d file (/etc/iproute2/rt_protos.d/odl-wiring.conf)
 * protocol, protocol.name the ownership mark (216, odl-wiring)
 * state-file              owned addresses and flow bridges (/var/lib/odl-wiring/host-agent-addresses.json)
 * netns                   work inside this network namespace (absent: the agent's own)
 * device-mark             alias of the devices the agent creates (odl-wiring-host-agent)
 * flow.cookie             a cookie always owned besides the plan's flow cookies (0x3e7)
 * announce                gratuitous ARP / unsolicited NA for arriving addresses (true)
 * </pre>
 *
 * @param hostId the host id, if configured
 * @param urls the RESTCONF roots, in order
 * @param user the RESTCONF user
 * @param password the RESTCONF password
 * @param resync the full resync period
 * @param poll the polling period while the stream is down
 * @param httpTimeout the per-request timeout
 * @param agent the reconciler configuration
 */
public record RuntimeConfig(Optional<String> hostId, List<URI> urls, String user, String password, Duration resync,
        Duration poll, Duration httpTimeout, AgentConfig agent) {

    private static final Pattern HOST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");
    private static final Set<String> KEYS = Set.of("host-id", "restconf.urls", "restconf.user", "restconf.password",
        "restconf.password-file", "resync.seconds", "poll.seconds", "http.timeout.seconds", "expose.mode",
        "iproute2.tables-file", "iproute2.protos-file", "protocol", "protocol.name", "state-file", "netns",
        "device-mark", "flow.cookie", "announce");

    /**
     * Validates.
     */
    public RuntimeConfig {
        hostId.ifPresent(RuntimeConfig::checkHostId);
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("restconf.urls: at least one URL is needed");
        }
        if (resync.isNegative() || resync.isZero() || poll.isNegative() || poll.isZero()
                || httpTimeout.isNegative() || httpTimeout.isZero()) {
            throw new IllegalArgumentException("periods and timeouts must be positive");
        }
    }

    /**
     * Checks a host id (it goes into a URL path and a JSON body).
     *
     * @param hostId the host id
     * @return it
     */
    public static String checkHostId(final String hostId) {
        if (!HOST_ID.matcher(hostId).matches()) {
            throw new IllegalArgumentException("invalid host id: '" + hostId + "'");
        }
        return hostId;
    }

    /**
     * Reads a properties file.
     *
     * @param file the file
     * @return the configuration
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if a value is missing or invalid (the message names the key)
     */
    public static RuntimeConfig load(final Path file) throws IOException {
        final Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        }
        String password = props.getProperty("restconf.password");
        final String passwordFile = props.getProperty("restconf.password-file");
        if (password == null && passwordFile != null) {
            password = Files.readString(file.resolveSibling(passwordFile), StandardCharsets.UTF_8).strip();
        }
        if (password == null) {
            throw new IllegalArgumentException("restconf.password or restconf.password-file is required");
        }
        return parse(props, password);
    }

    /**
     * Builds the configuration from properties.
     *
     * @param props the properties
     * @param password the password (already resolved)
     * @return the configuration
     */
    static RuntimeConfig parse(final Properties props, final String password) {
        for (String key : props.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown configuration key: " + key);
            }
        }
        final List<URI> urls = new ArrayList<>();
        for (String url : required(props, "restconf.urls").split(",")) {
            if (!url.isBlank()) {
                urls.add(restconfRoot(url.strip()));
            }
        }
        final AgentConfig defaults = AgentConfig.defaults();
        final String mode = props.getProperty("expose.mode", defaults.exposureKind().name());
        final AgentConfig.ExposureKind kind;
        try {
            kind = AgentConfig.ExposureKind.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expose.mode must be VRF or BRIDGE: " + mode, e);
        }
        final String cookie = props.getProperty("flow.cookie", "0x" + Long.toHexString(defaults.cookie())).strip();
        final long cookieValue;
        try {
            cookieValue = cookie.startsWith("0x") ? Long.parseUnsignedLong(cookie.substring(2), 16)
                : Long.parseUnsignedLong(cookie);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("flow.cookie: not a number: " + cookie, e);
        }
        final String announce = props.getProperty("announce", "true").strip();
        if (!announce.equals("true") && !announce.equals("false")) {
            throw new IllegalArgumentException("announce must be true or false: " + announce);
        }
        final AgentConfig agent = new AgentConfig(
            (int) number(props, "protocol", defaults.protocol(), 1, 255),
            props.getProperty("protocol.name", defaults.protocolName()).strip(),
            path(props, "iproute2.protos-file", defaults.protosFile()),
            path(props, "iproute2.tables-file", defaults.tablesFile()),
            path(props, "state-file", defaults.stateFile()),
            Optional.ofNullable(props.getProperty("netns")).map(String::strip).filter(ns -> !ns.isEmpty()),
            kind, props.getProperty("device-mark", defaults.deviceMark()).strip(), cookieValue,
            Boolean.parseBoolean(announce), Map.of());
        return new RuntimeConfig(
            Optional.ofNullable(props.getProperty("host-id")).map(String::strip).filter(id -> !id.isEmpty()),
            urls, required(props, "restconf.user"), password,
            Duration.ofSeconds(number(props, "resync.seconds", 60, 1, 86_400)),
            Duration.ofSeconds(number(props, "poll.seconds", 10, 1, 86_400)),
            Duration.ofSeconds(number(props, "http.timeout.seconds", 10, 1, 600)), agent);
    }

    /**
     * The RESTCONF root of a configured URL: {@code /rests} is added to a URL without a path.
     *
     * @param url the configured URL
     * @return the root, without a trailing slash
     */
    static URI restconfRoot(final String url) {
        final URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("restconf.urls: not an http(s) URL: " + url);
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty()) {
            path = "/rests";
        }
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path);
    }

    private static String required(final Properties props, final String key) {
        final String value = props.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required");
        }
        return value.strip();
    }

    private static long number(final Properties props, final String key, final long def, final long min,
            final long max) {
        final String value = props.getProperty(key);
        if (value == null) {
            return def;
        }
        final long result;
        try {
            result = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a number: " + value, e);
        }
        if (result < min || result > max) {
            throw new IllegalArgumentException(key + " must be " + min + ".." + max + ": " + value);
        }
        return result;
    }

    private static Path path(final Properties props, final String key, final Path def) {
        final String value = props.getProperty(key);
        return value == null || value.isBlank() ? def : Path.of(value.strip());
    }

    @Override
    public String toString() {
        return "RuntimeConfig[hostId=" + hostId + ", urls=" + urls + ", user=" + user + ", resync=" + resync
            + ", poll=" + poll + ", agent=" + agent + "]";
    }
}
