/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's whole loop in-process against a plan served over HTTP by {@link FakeController}, reconciling a real
 * network namespace ({@code whr-<id>-h}; a Linux bridge stands for br-ex): the gate, the seed-001 state and its
 * report, a change applied on an SSE event, polling when the stream is gone, and a bad entry charged to its intent.
 */
class AgentIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST_ID = "rack-1-host-1";

    private Lab lab;
    private String ns;
    private FakeController controller;
    private Agent agent;

    @BeforeEach
    void setUp() throws IOException {
        lab = Lab.withPrefix("whr-", "ip", "sysctl");
        ns = lab.netns("h");
        lab.sh("ip", "-n", ns, "link", "add", "br-ex", "type", "bridge");
        lab.sh("ip", "-n", ns, "link", "set", "br-ex", "up");
        controller = new FakeController(HOST_ID);
    }

    @AfterEach
    void tearDown() throws IOException {
        if (agent != null) {
            agent.close();
        }
        if (controller != null) {
            controller.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    /** Resync 60 s: only events, polling and the start make the agent act within a test's time. */
    private void startAgent(final int pollSeconds) {
        agent = newAgent(pollSeconds);
        agent.start();
    }

    private Agent newAgent(final int pollSeconds) {
        final AgentConfig agentConfig = new AgentConfig(AgentConfig.DEFAULT_PROTOCOL, lab.protocolName(),
            lab.protosFile(), lab.tablesFile(), lab.work.resolve("state.json"), Optional.of(ns),
            AgentConfig.ExposureKind.BRIDGE, "odl-wiring-host-agent", AgentConfig.DEFAULT_COOKIE, false, Map.of());
        final RuntimeConfig config = new RuntimeConfig(Optional.of(HOST_ID), List.of(URI.create(controller.url())),
            "agent", "secret", Duration.ofSeconds(60), Duration.ofSeconds(pollSeconds), Duration.ofSeconds(5),
            agentConfig);
        return new Agent(config, HOST_ID, lab.runner);
    }

    /** Seed 001's rack-1-host-1 after the provider VM and cr-lrp steps (IPv4 and IPv6), as the plan serves it. */
    private static String host(final String digest, final boolean fip, final String extraRoute) {
        final StringBuilder exposed = new StringBuilder("""
            {"prefix":"172.24.4.92/32","intent":["vm-1"]},{"prefix":"2001:db8::21c/128","intent":["vm-1"]},
            {"prefix":"172.24.4.163/32","intent":["router-1"]},{"prefix":"2001:db8::20/128","intent":["router-1"]}""");
        final StringBuilder rules = new StringBuilder();
        final StringBuilder routes = new StringBuilder("""
            {"table":200,"destination":"0.0.0.0/0","device":"br-ex","intent":["net-1"]},
            {"table":200,"destination":"::/0","device":"br-ex","intent":["net-1"]}""");
        final List<String[]> hosts = new java.util.ArrayList<>(List.of(new String[] {"172.24.4.92/32", "vm-1"},
            new String[] {"2001:db8::21c/128", "vm-1"}, new String[] {"172.24.4.163/32", "router-1"},
            new String[] {"2001:db8::20/128", "router-1"}));
        if (fip) {
            hosts.add(new String[] {"172.24.4.79/32", "fip-1"});
            exposed.append(",{\"prefix\":\"172.24.4.79/32\",\"intent\":[\"fip-1\"]}");
        }
        for (String[] entry : hosts) {
            rules.append(rules.length() == 0 ? "" : ",").append("{\"destination\":\"").append(entry[0])
                .append("\",\"table\":200,\"priority\":32000,\"intent\":[\"").append(entry[1]).append("\"]}");
            routes.append(",{\"table\":200,\"destination\":\"").append(entry[0])
                .append("\",\"device\":\"br-ex\",\"intent\":[\"").append(entry[1]).append("\"]}");
        }
        routes.append(extraRoute);
        return """
            {"wiring-plan:host":[{"host-id":"rack-1-host-1","digest":"%s","kernel":{
              "expose":{"device":"bgp-nic","vrf-name":"bgp-vrf","vrf-table":10},
              "routing-table":[{"id":200,"name":"br-ex","intent":["net-1"]}],
              "address":[{"device":"br-ex","prefix":"169.254.1.1/32","intent":["net-1"]},
                         {"device":"br-ex","prefix":"fd53:d91e:400:7f17::1:1/128","intent":["net-1"]}],
              "sysctl":[{"name":"net.ipv4.conf.br-ex.proxy_arp","value":"1","intent":["net-1"]},
                        {"name":"net.ipv6.conf.br-ex.proxy_ndp","value":"1","intent":["net-1"]}],
              "rule":[%s],
              "route":[%s],
              "neighbour":[{"device":"br-ex","address":"172.24.4.163","mac-address":"fa:16:3e:bf:93:93",
                            "intent":["router-1"]}],
              "proxy-ndp":[{"device":"br-ex","address":"2001:db8::20","intent":["router-1"]}],
              "exposed":[%s]}}]}
            """.formatted(digest, rules, routes, exposed);
    }

    private String ip(final String... args) throws IOException {
        final List<String> argv = new java.util.ArrayList<>(List.of("ip", "-n", ns));
        argv.addAll(List.of(args));
        return lab.sh(argv.toArray(String[]::new)).replaceAll("[ \\t]+", " ");
    }

    /** Output of an ip command with our protocol mark removed, so it reads as seed 001 prints it. */
    private String seed(final String... args) throws IOException {
        return ip(args).replace(" proto " + lab.protocolName(), "");
    }

    /**
     * Everything the agent could change in the namespace; the kernel's own link-local objects of the freshly
     * created bridge (they appear asynchronously) are left out.
     */
    private String kernelState() throws IOException {
        final String all = ip("rule") + ip("-6", "rule") + ip("route", "show", "table", "all") + ip("-6", "route",
            "show", "table", "all") + ip("neigh") + ip("-6", "neigh", "show", "proxy") + ip("-o", "addr")
            + ip("-br", "link");
        return java.util.Arrays.stream(all.split("\n")).filter(line -> !line.contains("proto kernel")
            && !line.contains("fe80:") && !line.contains("ff00::/8")).map(line -> line.replaceAll(
                " (UP|DOWN|UNKNOWN) ", " ")).collect(java.util.stream.Collectors.joining("\n"));
    }

    private static void await(final String what, final long millis, final BooleanSupplier condition)
            throws InterruptedException {
        final long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out waiting for " + what);
            Thread.sleep(50);
        }
    }

    private boolean has(final String what, final String... args) {
        try {
            return ip(args).contains(what);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode nextReport(final long seconds) throws InterruptedException, IOException {
        final String body = controller.reports.poll(seconds, TimeUnit.SECONDS);
        assertNotNull(body, "no report within " + seconds + " s");
        return JSON.readTree(body).path("input");
    }

    @Test
    void noEpochChangesNothingEvenWithAHostEntry() throws Exception {
        controller.hostJson = host("d-1", false, "");
        final String before = kernelState();
        startAgent(1);
        // the agent reads at start and polls every second; the stream is up too: give it several rounds
        await("two epoch reads", 10_000, () -> controller.subscriptions.size() > 0);
        Thread.sleep(3_000);
        assertEquals(before, kernelState());
        assertTrue(controller.reports.isEmpty(), "nothing is reported for an unknown plan");
        assertEquals(0, controller.hostReads.get(), "without an epoch the host entry is not even read");
        // the epoch appears: the same served entry is now applied (proves the agent was running all along)
        controller.epoch = "e1";
        controller.push("{\"ietf-restconf:notification\":{}}");
        await("the plan applied", 10_000, () -> has("172.24.4.92", "rule"));
    }

    @Test
    void appliesTheSeedStateReportsAndFollowsEvents() throws Exception {
        controller.epoch = "e1";
        controller.hostJson = host("d-1", false, "");
        startAgent(30);
        JsonNode report = nextReport(20);
        assertEquals(HOST_ID, report.path("host-id").asText());
        assertEquals("host-agent", report.path("renderer").asText());
        assertEquals("d-1", report.path("applied-digest").asText());
        assertTrue(report.path("connected").asBoolean());
        assertFalse(report.has("failed-intent"), report::toString);
        // seed 001 (provider VM and cr-lrp steps), our protocol mark removed
        assertTrue(seed("rule").contains("32000: from all to 172.24.4.92 lookup br-ex"));
        assertTrue(seed("rule").contains("32000: from all to 172.24.4.163 lookup br-ex"));
        assertTrue(seed("-6", "rule").contains("32000: from all to 2001:db8::20 lookup br-ex"));
        final String table = seed("route", "show", "table", "200");
        assertTrue(table.contains("default dev br-ex scope link"), table);
        assertTrue(table.contains("172.24.4.92 dev br-ex scope link"), table);
        assertTrue(seed("neigh").contains("172.24.4.163 dev br-ex lladdr fa:16:3e:bf:93:93 PERMANENT"), seed("neigh"));
        assertTrue(seed("-6", "neigh", "show", "proxy").contains("2001:db8::20 dev br-ex proxy"));
        assertTrue(ip("-o", "addr", "show", "dev", "bgp-nic").contains("inet 172.24.4.92/32"));
        assertEquals(1, controller.subscriptions.size());
        assertEquals("OPERATIONAL", JSON.readTree(controller.subscriptions.get(0)).path("input")
            .path("sal-remote-augment:datastore").asText());

        // (c) the plan changes (a floating IP) and an event arrives: applied within a second or two
        await("the SSE stream open", 10_000, () -> controller.openStreams() > 0);
        controller.reports.clear();
        controller.hostJson = host("d-2", true, "");
        final long start = System.nanoTime();
        controller.push("{\"ietf-restconf:notification\":{\"sal-remote:data-changed-notification\":{}}}");
        await("the FIP exposed", 2_500, () -> has("172.24.4.79", "rule")
            && has("172.24.4.79/32", "-o", "addr", "show", "dev", "bgp-nic"));
        report = nextReport(5);
        assertEquals("d-2", report.path("applied-digest").asText());
        final long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 2_500, "applied and reported in " + millis + " ms");

        // (d) the stream drops and stays down: polling (30 s here would be too slow, so restart with 1 s) converges
        agent.close();
        controller.streamAvailable = false;
        controller.dropStreams();
        startAgent(1);
        nextReport(10);
        controller.hostJson = host("d-3", false, "");
        await("the FIP withdrawn by polling", 10_000, () -> !has("172.24.4.79", "rule")
            && !has("172.24.4.79", "-o", "addr", "show", "dev", "bgp-nic"));
        assertEquals("d-3", nextReport(5).path("applied-digest").asText());
    }

    /** One pass as {@code AgentMain --once} runs it: timed, reported; a second one changes nothing. */
    @Test
    void oneTimedPassAppliesThenHasNothingToDo() throws Exception {
        agent = newAgent(30);
        final Agent.Pass unknown = agent.runOnce(true);
        assertFalse(unknown.known(), unknown::toString);
        assertTrue(unknown.toString().contains("plan unknown"), unknown::toString);
        assertTrue(controller.reports.isEmpty());

        controller.epoch = "e1";
        controller.hostJson = host("d-1", false, "");
        final Agent.Pass first = agent.runOnce(true);
        assertTrue(first.known() && first.batches() > 0 && first.applied() > 0, first::toString);
        assertEquals(0, first.failures(), first::toString);
        assertEquals(first.readMillis() + first.kernelMillis() + first.flowsMillis() + first.reportMillis(),
            first.totalMillis());
        assertTrue(first.toString().matches("pass \\d+ ms: read \\d+ ms, kernel \\d+ ms \\(\\d+ batch\\(es\\), "
            + "\\d+ change\\(s\\)\\), flows \\d+ ms, report \\d+ ms, 0 failure\\(s\\)"), first::toString);
        assertEquals("d-1", nextReport(5).path("applied-digest").asText());
        assertTrue(ip("-o", "addr", "show", "dev", "bgp-nic").contains("inet 172.24.4.92/32"));

        final Agent.Pass second = agent.runOnce(true);
        assertEquals(0, second.batches(), second::toString);
        assertEquals(0, second.applied(), second::toString);
        assertEquals("d-1", nextReport(5).path("applied-digest").asText());
    }

    @Test
    void streamDropFallsBackToPollingAndReconnects() throws Exception {
        controller.epoch = "e1";
        controller.hostJson = host("d-1", false, "");
        startAgent(1);
        assertEquals("d-1", nextReport(20).path("applied-digest").asText());
        await("the SSE stream open", 10_000, () -> controller.openStreams() > 0);
        controller.streamAvailable = false;
        controller.dropStreams();
        await("the stream closed", 5_000, () -> controller.openStreams() == 0);
        controller.hostJson = host("d-2", true, "");
        // no event can arrive: only polling brings the FIP
        await("the FIP applied by polling", 10_000, () -> has("172.24.4.79", "rule"));
        assertEquals("d-2", nextReport(5).path("applied-digest").asText());
        // the stream comes back: the agent subscribes again
        final int before = controller.subscriptions.size();
        controller.streamAvailable = true;
        await("a new subscription and stream", 10_000, () -> controller.subscriptions.size() > before
            && controller.openStreams() > 0);
    }

    @Test
    void aBadEntryIsChargedToItsIntentAndTheRestIsApplied() throws Exception {
        controller.epoch = "e1";
        // one entry the kernel refuses (unknown device), one the agent cannot parse
        controller.hostJson = host("d-bad", false, """
            ,{"table":200,"destination":"10.0.0.64/26","device":"br-nope","gateway":"172.24.4.163",
              "intent":["subnet-1"]},
             {"table":200,"destination":"10.0.1.0/24","device":"br-ex","gateway":"not-an-ip","intent":["subnet-2"]}""");
        startAgent(30);
        final JsonNode report = nextReport(20);
        assertEquals("d-bad", report.path("applied-digest").asText());
        final java.util.Map<String, String> failed = new java.util.TreeMap<>();
        report.path("failed-intent").forEach(node -> failed.put(node.path("intent").asText(),
            node.path("reason").asText()));
        assertEquals(java.util.Set.of("subnet-1", "subnet-2"), failed.keySet(), report::toString);
        assertTrue(failed.get("subnet-1").contains("route add 10.0.0.64/26 via 172.24.4.163 dev br-nope")
            && failed.get("subnet-1").contains("Cannot find device \"br-nope\""), failed::toString);
        assertTrue(failed.get("subnet-2").contains("not an IP address: not-an-ip"), failed::toString);
        // the rest is applied
        assertTrue(has("172.24.4.92", "rule"));
        assertTrue(has("default dev br-ex", "route", "show", "table", "200"));
        assertTrue(has("172.24.4.92/32", "-o", "addr", "show", "dev", "bgp-nic"));
        assertFalse(has("10.0.0.64/26", "route", "show", "table", "200"));
    }
}
