/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.opendaylight.wiring.it.Intents.PLAN;
import static org.opendaylight.wiring.it.Intents.PROVIDER;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the plugin does with valid configuration: semantic validation into the operational status of each intent,
 * and the plan per host. Both are eventually consistent, so the tests poll.
 */
@ExtendWith(KarafExtension.class)
class StatusAndPlanIT {
    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void duplicateVlanRejectsExactlyOneNetwork(final Restconf rc) throws IOException, InterruptedException {
        final String netA = PROVIDER + "/provider-network=net-a";
        final String netB = PROVIDER + "/provider-network=net-b";
        final String bodyA = """
            {"wiring-provider:provider-network": [{"name": "net-a", "type": "vlan",
              "physical-network": "physnet-dup", "vlan-id": 100, "description": "first"}]}""";
        final String bodyB = """
            {"wiring-provider:provider-network": [{"name": "net-b", "type": "vlan",
              "physical-network": "physnet-dup", "vlan-id": 100, "description": "second"}]}""";
        // Datastore-wise both are valid: the conflict is semantic
        rc.put(netA, bodyA).expect(201);
        rc.put(netB, bodyB).expect(201);
        try {
            final Instant deadline = Instant.now().plus(STATUS_TIMEOUT);
            Restconf.Response responseA;
            Restconf.Response responseB;
            while (true) {
                responseA = Intents.nonconfig(rc, netA + "/status");
                responseB = Intents.nonconfig(rc, netB + "/status");
                final String stateA = state(responseA);
                final String stateB = state(responseB);
                final boolean oneRejected = "rejected".equals(stateA) != "rejected".equals(stateB);
                if (oneRejected && ("pending".equals(stateA) || "pending".equals(stateB))) {
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    fail("Expected exactly one of net-a/net-b rejected and the other pending within "
                        + STATUS_TIMEOUT.toSeconds() + " s; last answers: " + responseA + " ; " + responseB);
                }
                Thread.sleep(500);
            }
            final JsonNode statusA = responseA.json().path("wiring-provider:status");
            final JsonNode statusB = responseB.json().path("wiring-provider:status");
            final JsonNode rejected = "rejected".equals(statusA.path("state").asText()) ? statusA : statusB;
            assertTrue(rejected.path("reason").asText().toLowerCase(Locale.ROOT).contains("vlan-id"),
                () -> "The reason does not name vlan-id: " + rejected);

            // The configuration of both is untouched
            assertSame(Restconf.parse(bodyA), Intents.config(rc, netA).expect(200).json());
            assertSame(Restconf.parse(bodyB), Intents.config(rc, netB).expect(200).json());
        } finally {
            rc.delete(netB);
            rc.delete(netA);
        }
    }

    /**
     * The state in a status answer, or "" while the plugin has not written the status yet.
     */
    private static String state(final Restconf.Response response) {
        return response.status() == 200 ? response.json().path("wiring-provider:status").path("state").asText() : "";
    }

    /**
     * Asserts that every leaf written is read back unchanged (the datastore may add nothing else but defaults).
     */
    private static void assertSame(final JsonNode written, final JsonNode read) {
        final String qname = "wiring-provider:provider-network";
        final JsonNode expected = written.path(qname).path(0);
        final JsonNode actual = read.path(qname).path(0);
        expected.fields().forEachRemaining(field -> assertEquals(field.getValue().asText(),
            actual.path(field.getKey()).asText(), () -> field.getKey() + " changed: " + read));
        assertTrue(actual.path("status").isMissingNode(), () -> "content=config shows status: " + read);
    }

    @Test
    void planListsBridgesOfHost(final Restconf rc) throws IOException, InterruptedException {
        final String host = PROVIDER + "/host=compute-1";
        final String flat = PROVIDER + "/provider-network=plan-flat";
        rc.put(host, """
            {"wiring-provider:host": [{"host-id": "compute-1",
              "bridge-mapping": [{"physical-network": "physnet1", "bridge": "br-ex"}]}]}""").expect(201);
        rc.put(flat, """
            {"wiring-provider:provider-network": [{"name": "plan-flat", "type": "flat",
              "physical-network": "physnet1"}]}""").expect(201);
        try {
            final String planHost = PLAN + "/host=compute-1?content=nonconfig";
            final Restconf.Response plan = rc.await(planHost, STATUS_TIMEOUT, "bridges br-int and br-ex in the plan",
                response -> response.status() == 200 && bridges(response).containsAll(Set.of("br-int", "br-ex")));
            final JsonNode planned = plan.json().path("wiring-plan:host").path(0);
            assertEquals("compute-1", planned.path("host-id").asText(), planned::toString);
        } finally {
            rc.delete(flat);
            rc.delete(host);
        }
    }

    private static Set<String> bridges(final Restconf.Response response) {
        final Set<String> names = new HashSet<>();
        response.json().path("wiring-plan:host").path(0).path("bridge")
            .forEach(bridge -> names.add(bridge.path("name").asText()));
        return names;
    }
}
