/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.function.Predicate;

/**
 * RESTCONF paths of the intent models, and small helpers shared by the tests.
 */
final class Intents {
    static final String DATA = "/rests/data";
    static final String PROVIDER = DATA + "/wiring-provider:provider-networks";
    static final String TUNNELING = DATA + "/wiring-tunnel:tunneling";
    static final String BGP = DATA + "/wiring-bgp:bgp-redirect";
    static final String PLAN = DATA + "/wiring-plan:plan";

    private Intents() {
        // constants and helpers only
    }

    /**
     * Reads configuration only ({@code ?content=config}).
     */
    static Restconf.Response config(final Restconf rc, final String path) throws IOException, InterruptedException {
        return rc.get(path + "?content=config");
    }

    /**
     * Reads operational data only ({@code ?content=nonconfig}).
     */
    static Restconf.Response nonconfig(final Restconf rc, final String path)
            throws IOException, InterruptedException {
        return rc.get(path + "?content=nonconfig");
    }

    /**
     * Asserts that no configuration exists at {@code path} (404, or 409 data-missing: see
     * {@link Restconf.Response#isDataMissing()}).
     */
    static void assertAbsent(final Restconf rc, final String path) throws IOException, InterruptedException {
        final Restconf.Response response = config(rc, path);
        assertTrue(response.isDataMissing(), () -> "Expected no data: " + response);
    }

    /**
     * The first list entry (or container) of a RESTCONF answer, whatever its module prefix.
     */
    static JsonNode entry(final JsonNode answer) {
        final JsonNode top = answer.elements().hasNext() ? answer.elements().next() : answer;
        return top.isArray() ? top.path(0) : top;
    }

    /**
     * Polls operational data at {@code path} until {@code done} holds for it (a missing node when there is none),
     * failing after 60 seconds with the last answer: the plan and status follow a write asynchronously.
     */
    static JsonNode awaitNonconfig(final Restconf rc, final String path, final Predicate<JsonNode> done,
            final String what) throws IOException, InterruptedException {
        final long deadline = System.nanoTime() + 60_000_000_000L;
        Restconf.Response last;
        do {
            last = nonconfig(rc, path);
            final JsonNode node = last.isDataMissing() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : entry(last.json());
            if (done.test(node)) {
                return node;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        fail(what + " not reached; last answer: " + last);
        return null;
    }

    /**
     * Waits for the status of the intent at {@code entryPath} to have {@code state} and a reason starting with
     * {@code reason}; returns the status.
     */
    static JsonNode awaitStatus(final Restconf rc, final String entryPath, final String state, final String reason)
            throws IOException, InterruptedException {
        return awaitNonconfig(rc, entryPath, node -> state.equals(node.path("status").path("state").asText())
                && node.path("status").path("reason").asText().startsWith(reason),
            "status " + state + " '" + reason + "...' of " + entryPath).path("status");
    }

    /**
     * Waits for the plan of {@code host} to satisfy {@code done} (a missing node when the host has no plan).
     */
    static JsonNode awaitPlanHost(final Restconf rc, final String host, final Predicate<JsonNode> done,
            final String what) throws IOException, InterruptedException {
        return awaitNonconfig(rc, PLAN + "/host=" + host, done, "plan of " + host + ": " + what);
    }

    /**
     * Whether a plan host has a bridge of that name.
     */
    static boolean hasBridge(final JsonNode host, final String name) {
        for (JsonNode bridge : host.path("bridge")) {
            if (name.equals(bridge.path("name").asText())) {
                return true;
            }
        }
        return false;
    }
}
