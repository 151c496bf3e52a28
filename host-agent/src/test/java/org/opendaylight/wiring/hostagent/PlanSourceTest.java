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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanSourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String HOST = """
        {"wiring-plan:host":[{"host-id":"h1","digest":"d-1","kernel":{
          "expose":{"device":"bgp-nic","vrf-name":"bgp-vrf","vrf-table":10},
          "routing-table":[{"id":200,"name":"br-ex","intent":["i-net"]}],
          "route":[{"table":200,"destination":"10.0.0.64/26","device":"br-ex","gateway":"172.24.4.163",
                    "intent":["i-router"]},
                   {"table":200,"destination":"10.9.0.0/24","device":"br-ex","gateway":"nope","intent":["i-bad"]}],
          "rule":[{"destination":"2001:db8::20/128","table":200,"priority":32000,"intent":["i-router"]}],
          "exposed":[{"prefix":"172.24.4.92/32","intent":["i-vm","i-net"]}]}}]}
        """;

    private static RuntimeConfig config(final String... urls) {
        return new RuntimeConfig(Optional.of("h1"), List.of(urls).stream().map(URI::create).toList(), "agent",
            "secret", Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(2), AgentConfig.defaults());
    }

    @Test
    void parsesRestconfAnswers() throws IOException {
        assertEquals(Optional.of("e1"), PlanSource.parseEpoch("{\"wiring-plan:epoch\":\"e1\"}"));
        assertEquals(Optional.empty(), PlanSource.parseEpoch("{}"));
        assertEquals(Optional.of("d-1"), PlanSource.parseDigest(HOST));
        assertEquals(FakeController.STREAM, PlanSource.parseStreamName(
            "{\"sal-remote:output\":{\"stream-name\":\"" + FakeController.STREAM + "\"}}"));
        assertThrows(IOException.class, () -> PlanSource.parseStreamName("{}"));
        assertEquals("http://a/rests/notif/x", PlanSource.parseLocation(Optional.of("http://a/rests/notif/x"), ""));
        assertEquals("http://b/n", PlanSource.parseLocation(Optional.empty(),
            "{\"subscribe-to-notification:location\":\"http://b/n\"}"));
        final JsonNode input = JSON.readTree(PlanSource.subscriptionInput()).path("input");
        assertEquals("/wiring-plan:plan", input.path("path").asText());
        assertEquals("OPERATIONAL", input.path("sal-remote-augment:datastore").asText());
        assertEquals("JSON", input.path("sal-remote-augment:notification-output-type").asText());
    }

    @Test
    void readsServerSentEvents() throws IOException {
        final List<String> events = new ArrayList<>();
        PlanSource.readEvents(new BufferedReader(new StringReader(
            ":ping\n\ndata: {\"a\":1}\n\nevent: x\ndata: one\ndata: two\n\n:ping\n\ndata: tail")), events::add);
        assertEquals(List.of("{\"a\":1}", "one\ntwo"), events);
    }

    @Test
    void noEpochIsUnknownAndNoHostEntryIsEmpty() throws IOException {
        try (FakeController controller = new FakeController("h1");
             PlanSource source = new PlanSource(config(controller.url()), "h1")) {
            controller.hostJson = HOST;
            PlanSource.Plan plan = source.read();
            assertFalse(plan.known(), "no epoch: unknown even though the host entry is served");
            controller.epoch = "e1";
            plan = source.read();
            assertTrue(plan.known());
            assertEquals(Optional.of("d-1"), plan.digest());
            assertEquals(Optional.of(HOST), plan.hostJson());
            controller.hostJson = null;
            plan = source.read();
            assertTrue(plan.known(), "epoch without a host entry: known and empty");
            assertEquals(Optional.empty(), plan.hostJson());
            controller.conflictForMissing = true;
            assertTrue(source.read().known(), "409 data-missing is missing too");
            assertFalse(source.read().hostJson().isPresent());
            controller.epoch = null;
            assertFalse(source.read().known());
        }
    }

    @Test
    void failsOverAndUnreachableIsUnknown() throws IOException {
        try (FakeController controller = new FakeController("h1")) {
            controller.epoch = "e1";
            controller.hostJson = HOST;
            // port 1 on loopback: connection refused
            try (PlanSource source = new PlanSource(config("http://127.0.0.1:1/rests", controller.url()), "h1")) {
                assertTrue(source.read().known());
                source.report("{\"input\":{}}");
                assertEquals("{\"input\":{}}", controller.reports.poll());
            }
            try (PlanSource source = new PlanSource(config("http://127.0.0.1:1/rests"), "h1")) {
                final PlanSource.Plan plan = source.read();
                assertFalse(plan.known());
                assertTrue(plan.reason().contains("no cluster member answered"), plan.reason());
                assertThrows(IOException.class, () -> source.report("{}"));
            }
            final RuntimeConfig wrongPassword = new RuntimeConfig(Optional.of("h1"),
                List.of(URI.create(controller.url())), "agent", "wrong", Duration.ofSeconds(60), Duration.ofSeconds(1),
                Duration.ofSeconds(2), AgentConfig.defaults());
            try (PlanSource source = new PlanSource(wrongPassword, "h1")) {
                assertFalse(source.read().known(), "401 is an error, never an empty plan");
            }
        }
    }

    @Test
    void reportChargesFailuresToTheIntentsOfTheirEntries() throws IOException {
        final PlanJson.Parsed parsed = PlanJson.parseHost(HOST);
        final List<ChangeSet.Failure> failures = new ArrayList<>(parsed.rejected());
        failures.add(new ChangeSet.Failure("rule priority 32000 to 2001:db8::20/128 table 200",
            "rule add priority 32000 to 2001:db8::20/128 table 200 protocol 216", "Error: x"));
        failures.add(new ChangeSet.Failure("address 172.24.4.92/32 dev bgp-nic",
            "address add 172.24.4.92/32 dev bgp-nic", "Cannot find device \"bgp-nic\""));
        failures.add(new ChangeSet.Failure("route 192.0.2.0/24 table 200", "route del 192.0.2.0/24 table 200",
            "gone"));
        final JsonNode input = JSON.readTree(Agent.reportBody("h1", Optional.of("d-1"), failures,
            IntentIndex.of(HOST), List.of())).path("input");
        assertEquals("h1", input.path("host-id").asText());
        assertEquals("host-agent", input.path("renderer").asText());
        assertEquals("d-1", input.path("applied-digest").asText());
        assertTrue(input.path("connected").asBoolean());
        final List<String> intents = new ArrayList<>();
        input.path("failed-intent").forEach(node -> intents.add(node.path("intent").asText() + " = "
            + node.path("reason").asText()));
        assertEquals(4, intents.size(), intents::toString);
        assertTrue(intents.get(0).startsWith("i-bad = route {"), intents::toString);
        assertTrue(intents.get(0).contains("not an IP address: nope"), intents::toString);
        assertEquals("i-router = rule add priority 32000 to 2001:db8::20/128 table 200 protocol 216: Error: x",
            intents.get(1));
        assertEquals("i-vm = address add 172.24.4.92/32 dev bgp-nic: Cannot find device \"bgp-nic\"",
            intents.get(2));
        assertTrue(intents.get(3).startsWith("i-net = address add 172.24.4.92/32"), intents::toString);
        assertTrue(input.path("reason").asText().contains("route del 192.0.2.0/24 table 200: gone"));
    }
}
