/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.opendaylight.wiring.it.Intents.BGP;
import static org.opendaylight.wiring.it.Intents.PROVIDER;
import static org.opendaylight.wiring.it.Intents.TUNNELING;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opendaylight.wiring.hostagent.Agent;
import org.opendaylight.wiring.hostagent.AgentConfig;
import org.opendaylight.wiring.hostagent.CommandRunner;
import org.opendaylight.wiring.hostagent.ProcessCommandRunner;
import org.opendaylight.wiring.hostagent.RuntimeConfig;
import org.opendaylight.wiring.ovsdb.it.LabHost;

/**
 * End to end with the real plugin and the real host agent: a lab host (Open vSwitch in the namespace
 * {@code wl-whe-<id>}, connected to the plugin's OVSDB listener, so the renderer creates {@code br-ex} and its patch
 * port) and the agent's loop in-process working in that namespace, reading the plan over RESTCONF (epoch gate, SSE)
 * and reporting with {@code report-realization}. A BGP-redirect intent written over RESTCONF (seed 001's provider
 * VM) becomes seed 001's kernel state and the seed-000 flows, its status becomes {@code programmed} only with the
 * agent's report, the withdrawal removes it, and a stopped agent catches up on restart and a restart with nothing to
 * do changes nothing. Leftovers with the prefix {@code whe-} (lab hosts, iproute2 name files, work directories)
 * are removed at start and at the end.
 */
@ExtendWith(KarafExtension.class)
class HostAgentIT {
    private static final String PREFIX = "whe-";
    private static final Path TABLES_D = Path.of("/etc/iproute2/rt_tables.d");
    private static final Path PROTOS_D = Path.of("/etc/iproute2/rt_protos.d");
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));
    private static final String NETWORK = PROVIDER + "/provider-network=e2e-public";
    private static final String PORT = TUNNELING + "/logical-port=e2e-vm";
    private static final long TIMEOUT_MILLIS = 30_000;

    private static final String AGENT_USER = "wiring-agent";
    private static final String BASE = "http://127.0.0.1:8181";

    private final ProcessCommandRunner shell = new ProcessCommandRunner(30);
    private final String agentPassword = "agent-" + UUID.randomUUID();
    private LabHost host;
    private String ns;
    private Path work;
    private CountingRunner runner;
    private Agent agent;

    /** Counts the agent's writing commands ({@code ip -batch}, {@code ovs-ofctl --bundle}) and its flow reads. */
    private static final class CountingRunner implements CommandRunner {
        private final CommandRunner delegate = new ProcessCommandRunner(60);
        final AtomicInteger writes = new AtomicInteger();
        final AtomicInteger flowReads = new AtomicInteger();

        @Override
        public Result run(final List<String> argv, final String stdin, final Map<String, String> environment)
                throws IOException {
            if (argv.contains("-batch") || argv.contains("--bundle") || argv.get(0).equals("sysctl")
                    && argv.contains("-w")) {
                writes.incrementAndGet();
            }
            final Result result = delegate.run(argv, stdin, environment);
            if (argv.contains("dump-flows")) {
                flowReads.incrementAndGet();
            }
            return result;
        }
    }

    @Test
    void aBgpRedirectIntentReachesTheKernelAndItsStatus(final Restconf rc) throws Exception {
        LabHost.assumeAvailable();
        // the agent sets the bridge's proxy_arp/proxy_ndp with sysctl (procps)
        LabHost.require(Files.isExecutable(Path.of("/usr/sbin/sysctl")) || Files.isExecutable(Path.of("/sbin/sysctl")),
            "sysctl not found: install procps to run the host agent end-to-end test");
        cleanLeftovers();
        host = LabHost.startNamed(PREFIX, "tcp:127.0.0.1:6640");
        try {
            ns = "wl-" + host.id();
            work = Files.createDirectories(TMP.resolve(host.id()));
            run(rc);
        } finally {
            if (agent != null) {
                agent.close();
            }
            removeIntents(rc);
            host.close();
            cleanLeftovers();
        }
    }

    private void run(final Restconf rc) throws Exception {
        final String id = host.id();
        final String provider = PROVIDER + "/host=" + id;
        rc.put(NETWORK, """
            {"wiring-provider:provider-network": [{"name": "e2e-public", "type": "flat",
              "physical-network": "e2e-phys"}]}""").expect(201, 204);
        rc.put(provider, """
            {"wiring-provider:host": [{"host-id": "%s", "datapath-type": "netdev",
              "bridge-mapping": [{"physical-network": "e2e-phys", "bridge": "br-ex"}]}]}""".formatted(id))
            .expect(201, 204);
        rc.put(BGP, """
            {"wiring-bgp:bgp-redirect": {"enabled": true}}""").expect(201, 204);
        putPort(rc, id, "172.24.4.92", "2001:db8::21c");

        // the OVSDB renderer creates br-ex (a tap device in the namespace with the userspace datapath)
        await("br-ex in " + ns, () -> ip("link").contains("br-ex"));
        sh("ip", "-n", ns, "link", "set", "br-ex", "up");
        // the VM's interface, as Nova would plug it: the OpenFlow pipeline needs its ofport
        host.vsctl("--may-exist", "add-port", "br-int", "vm-e2e", "--", "set", "interface", "vm-e2e",
            "type=internal", "external_ids:iface-id=e2e-vm");
        // without the agent the kernel part stays pending (the OpenFlow pipeline may or may not be there yet)
        Intents.awaitStatus(rc, PORT, "pending", "planned on 1 host(s); waiting for " + id + " (host-agent");
        final JsonNode plan = Intents.awaitPlanHost(rc, id, h -> h.path("kernel").path("exposed").size() == 2,
            "the port exposed");
        final JsonNode table = plan.path("kernel").path("routing-table").path(0);
        assertEquals("br-ex", table.path("name").asText(), plan::toString);
        final String tableId = table.path("id").asText();
        // the plan names the provider-bridge flows: the agent derives nothing
        final JsonNode flow = plan.path("kernel").path("provider-flow").path(0);
        assertEquals(List.of("br-ex", "phy-br-ex", "999"), List.of(flow.path("bridge").asText(),
            flow.path("patch-port").asText(), flow.path("cookie").asText()), plan::toString);

        // the agent's own user: the plan and its report, nothing else (scripts/host-agent-access.sh)
        grantAgentAccess();
        assertEquals(200, asAgent("GET", "/rests/data/wiring-plan:plan/host=" + id + "?content=nonconfig", null));
        assertEquals(401, asAgent("GET", PROVIDER, null),
            "the agent's user reads no intent");
        assertEquals(401, asAgent("PUT", BGP,
            "{\"wiring-bgp:bgp-redirect\": {\"enabled\": false}}"), "the agent's user writes no intent");
        assertEquals(401, asAgent("GET", "/rests/data/wiring-plan:realization?content=nonconfig", null));
        assertEquals(401, asAgent("GET", "/rests/data/aaa:http-authorization?content=config", null));
        assertEquals(401, asAgent("GET", "/auth/v1/users", null));
        assertEquals(200, rc.get(PROVIDER).status(), "admin keeps every right");

        // (1) the agent applies seed 001's state for the provider VM, (2) its report makes the status programmed
        startAgent();
        Intents.awaitStatus(rc, PORT, "programmed", "programmed on 1 host(s)");
        Intents.awaitStatus(rc, provider, "programmed", "programmed on 1 host(s)");
        assertSeedState(tableId, "172.24.4.92", "2001:db8::21c");
        final String flows = host.ofctl("-O", "OpenFlow13", "dump-flows", "br-ex");
        assertTrue(flows.contains("cookie=0x3e7") && flows.contains("priority=900,ip,in_port=")
            && flows.contains("priority=900,ipv6,in_port="), flows);

        // (3) the withdrawal: deleting the port removes its rule, route and addresses, the bridge's table stays
        rc.delete(PORT).expect(204);
        await("the port withdrawn", () -> !ip("rule").contains("172.24.4.92") && !ip("-6", "rule")
            .contains("2001:db8::21c") && !ip("route", "show", "table", tableId).contains("172.24.4.92")
            && !ip("-6", "route", "show", "table", tableId).contains("2001:db8::21c")
            && !ip("-o", "addr").contains("172.24.4.92") && !ip("-o", "addr").contains("2001:db8::21c"));
        assertTrue(seed("route", "show", "table", tableId).contains("default dev br-ex scope link"));

        // (4) restart-safe: a change made while the agent is down waits for it, and is applied when it restarts
        agent.close();
        agent = null;
        putPort(rc, id, "172.24.4.93", "2001:db8::21d");
        Intents.awaitStatus(rc, PORT, "pending", "planned on 1 host(s); waiting for " + id + " (host-agent");
        assertFalse(ip("rule").contains("172.24.4.93"), "nothing runs while the agent is down");
        startAgent();
        Intents.awaitStatus(rc, PORT, "programmed", "programmed on 1 host(s)");
        assertSeedState(tableId, "172.24.4.93", "2001:db8::21d");
        // a restart with nothing to do reads and reports but writes nothing, and the kernel is unchanged
        final String before = kernelState();
        agent.close();
        startAgent();
        await("the restarted agent's flow read", () -> runner.flowReads.get() > 0);
        // close() lets the reconciliation in progress (kernel, then flows) complete
        agent.close();
        agent = null;
        assertEquals(0, runner.writes.get(), "a restart with nothing to do writes nothing");
        assertEquals(before, kernelState());
    }

    private static void putPort(final Restconf rc, final String id, final String ipv4, final String ipv6)
            throws IOException, InterruptedException {
        rc.put(PORT, """
            {"wiring-tunnel:logical-port": [{"id": "e2e-vm", "provider-network": "e2e-public",
              "mac-address": "fa:16:3e:6a:2e:01", "fixed-ip": ["%s", "%s"], "host": "%s"}]}"""
            .formatted(ipv4, ipv6, id)).expect(201, 204);
    }

    /** Seed 001's rack-1-host-2 (the provider VM's host), our protocol mark removed. */
    private void assertSeedState(final String tableId, final String ipv4, final String ipv6) throws Exception {
        await("the rules of " + ipv4, () -> ip("rule").contains("to " + ipv4 + " ")
            && ip("-6", "rule").contains("to " + ipv6 + " "));
        assertTrue(seed("rule").contains("32000: from all to " + ipv4 + " lookup br-ex"), seed("rule"));
        assertTrue(seed("-6", "rule").contains("32000: from all to " + ipv6 + " lookup br-ex"), seed("-6", "rule"));
        final String routes = seed("route", "show", "table", tableId);
        assertTrue(routes.contains("default dev br-ex scope link"), routes);
        assertTrue(routes.contains(ipv4 + " dev br-ex scope link"), routes);
        final String routes6 = seed("-6", "route", "show", "table", tableId);
        assertTrue(routes6.contains("default dev br-ex metric 1024 pref medium"), routes6);
        assertTrue(routes6.contains(ipv6 + " dev br-ex metric 1024 pref medium"), routes6);
        final String exposed = ip("-o", "addr", "show", "dev", "bgp-nic");
        assertTrue(exposed.contains("inet " + ipv4 + "/32"), exposed);
        assertTrue(exposed.contains("inet6 " + ipv6 + "/128"), exposed);
        assertEquals("1", sh("ip", "netns", "exec", ns, "sysctl", "-n", "net.ipv4.conf.br-ex.proxy_arp").strip());
        assertEquals("1", sh("ip", "netns", "exec", ns, "sysctl", "-n", "net.ipv6.conf.br-ex.proxy_ndp").strip());
    }

    /** Runs scripts/host-agent-access.sh against the distribution with a password file of this test. */
    private void grantAgentAccess() throws IOException {
        final Path passwordFile = work.resolve("agent-password");
        Files.writeString(passwordFile, agentPassword + "\n");
        final Path script = Path.of(System.getProperty("basedir", "."), "..", "scripts", "host-agent-access.sh")
            .toAbsolutePath().normalize();
        final var result = shell.run(List.of("bash", script.toString(), "--user", AGENT_USER, "--password-file",
            passwordFile.toString(), BASE), "", Map.of());
        assertTrue(result.ok(), () -> "host-agent-access.sh failed: " + result.stdout() + result.stderr());
    }

    /** The HTTP status of a request made with the agent's credentials. */
    private int asAgent(final String method, final String path, final String json)
            throws IOException, InterruptedException {
        final var request = HttpRequest.newBuilder(URI.create(BASE + path))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((AGENT_USER + ":" + agentPassword)
                .getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json").header("Accept", "application/json")
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json))
            .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The agent's loop in-process as the agent's own user, resync 60 s, polling 2 s while no stream. */
    private void startAgent() {
        final String id = host.id();
        final Path ovs = host.dir();
        final AgentConfig agentConfig = new AgentConfig(AgentConfig.DEFAULT_PROTOCOL, id,
            PROTOS_D.resolve(id + ".conf"), TABLES_D.resolve(id + ".conf"), work.resolve("state.json"),
            Optional.of(ns), AgentConfig.ExposureKind.BRIDGE, "odl-wiring-host-agent", AgentConfig.DEFAULT_COOKIE,
            false, Map.of("OVS_RUNDIR", ovs.resolve("run").toString(), "OVS_DBDIR", ovs.resolve("db").toString(),
                "OVS_LOGDIR", ovs.resolve("log").toString(), "OVS_SYSCONFDIR", ovs.resolve("etc").toString()));
        final RuntimeConfig config = new RuntimeConfig(Optional.of(id),
            List.of(URI.create(BASE + "/rests")), AGENT_USER, agentPassword, Duration.ofSeconds(60),
            Duration.ofSeconds(2), Duration.ofSeconds(5), agentConfig);
        runner = new CountingRunner();
        agent = new Agent(config, id, runner);
        agent.start();
    }

    /** Removes the intents of this test (whatever is left of them). */
    private void removeIntents(final Restconf rc) throws IOException, InterruptedException {
        rc.delete(PORT).expect(204, 404, 409);
        rc.delete(BGP).expect(204, 404, 409);
        if (host != null) {
            rc.delete(PROVIDER + "/host=" + host.id()).expect(204, 404, 409);
        }
        rc.delete(NETWORK).expect(204, 404, 409);
    }

    /** Lab hosts, iproute2 name files and work directories with our prefix (also those of a killed run). */
    private static void cleanLeftovers() throws IOException {
        LabHost.cleanLeftovers(PREFIX);
        for (Path dir : List.of(TABLES_D, PROTOS_D)) {
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*.conf")) {
                    for (Path file : files) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(TMP, PREFIX + "*")) {
            for (Path dir : dirs) {
                final List<Path> paths;
                try (var files = Files.walk(dir)) {
                    paths = files.sorted(Comparator.reverseOrder()).toList();
                }
                for (Path path : paths) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private String sh(final String... argv) throws IOException {
        final CommandRunner.Result result = shell.run(List.of(argv), "", Map.of());
        assertEquals(0, result.exitCode(), () -> String.join(" ", argv) + ": " + result.stderr());
        return result.stdout();
    }

    private String ip(final String... args) {
        final List<String> argv = new ArrayList<>(List.of("ip", "-n", ns));
        argv.addAll(List.of(args));
        try {
            return sh(argv.toArray(String[]::new)).replaceAll("[ \\t]+", " ");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Output of an ip command with our protocol mark removed, so it reads as seed 001 prints it. */
    private String seed(final String... args) {
        return ip(args).replace(" proto " + host.id(), "");
    }

    /**
     * Everything the agent could change in the namespace (rules, routes, neighbours, proxies, addresses, links); the
     * kernel's own link-local objects (they come and go asynchronously) are left out.
     */
    private String kernelState() {
        final String all = ip("rule") + ip("-6", "rule") + ip("route", "show", "table", "all") + ip("-6", "route",
            "show", "table", "all") + ip("neigh") + ip("-6", "neigh", "show", "proxy") + ip("-o", "addr")
            + ip("-br", "link");
        return all.lines().filter(line -> !line.contains("proto kernel") && !line.contains("fe80:")
            && !line.contains("ff00::/8")).map(line -> line.replaceAll(" (UP|DOWN|UNKNOWN) ", " "))
            .collect(Collectors.joining("\n"));
    }

    private static void await(final String what, final BooleanSupplier condition) throws InterruptedException {
        final long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
