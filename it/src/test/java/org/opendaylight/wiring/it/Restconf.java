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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A minimal RESTCONF (RFC 8040) JSON client for the tests: basic authentication, JSON bodies, and polling for
 * eventually consistent operational data.
 */
final class Restconf {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String JSON = "application/json";

    /**
     * An HTTP answer.
     *
     * @param method request method
     * @param path request path
     * @param status HTTP status code
     * @param body response body (possibly empty)
     */
    record Response(String method, String path, int status, String body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body.isEmpty() ? "{}" : body);
            } catch (JsonProcessingException e) {
                throw new AssertionError(this + " is not JSON", e);
            }
        }

        Response expect(final int... expected) {
            for (int code : expected) {
                if (status == code) {
                    return this;
                }
            }
            fail("Expected HTTP " + Arrays.toString(expected) + " for " + this);
            return this;
        }

        /**
         * Whether RESTCONF says that there is no data at the path. RFC 8040 wants 404; RESTCONF of netconf 6.0.8
         * answers 409 with error-tag data-missing. A 404 without a RESTCONF error document (Jetty's own page while
         * RESTCONF is not registered yet) does not count.
         */
        boolean isDataMissing() {
            return (status == 404 || status == 409) && body.contains("\"errors\"")
                && (status == 404 || body.contains("\"data-missing\""));
        }

        /**
         * Asserts a 400 whose error text names {@code field}.
         */
        Response expectBadRequestNaming(final String field) {
            assertEquals(400, status, () -> "Expected HTTP 400 for " + this);
            assertTrue(body.toLowerCase(Locale.ROOT).contains(field.toLowerCase(Locale.ROOT)),
                () -> "The error of " + this + " does not name '" + field + "'");
            return this;
        }

        @Override
        public String toString() {
            return method + " " + path + " -> " + status + " " + body;
        }
    }

    private final HttpClient client;
    private final String base;
    private final String authorization;

    Restconf(final String base, final String user, final String password) {
        this.base = base;
        authorization = "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    }

    Response get(final String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    Response put(final String path, final String json) throws IOException, InterruptedException {
        return send("PUT", path, json);
    }

    Response post(final String path, final String json) throws IOException, InterruptedException {
        return send("POST", path, json);
    }

    Response patch(final String path, final String json) throws IOException, InterruptedException {
        return send("PATCH", path, json);
    }

    Response delete(final String path) throws IOException, InterruptedException {
        return send("DELETE", path, null);
    }

    /**
     * Sends a request with a JSON body (or none).
     *
     * @param method HTTP method
     * @param path path and query, starting with {@code /}
     * @param json request body or {@code null}
     * @return the answer
     */
    Response send(final String method, final String path, final String json)
            throws IOException, InterruptedException {
        final HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", authorization)
            .header("Accept", JSON);
        if (json == null) {
            builder.method(method, BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", JSON).method(method, BodyPublishers.ofString(json));
        }
        final var response = client.send(builder.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(method, path, response.statusCode(), response.body());
    }

    /**
     * Polls {@code GET path} until the answer satisfies {@code condition}; fails with the last answer otherwise.
     *
     * @param path path and query
     * @param timeout how long to poll
     * @param description what is waited for, for the failure message
     * @param condition the condition on the answer
     * @return the first answer that satisfied the condition
     */
    Response await(final String path, final Duration timeout, final String description,
            final Predicate<Response> condition) throws IOException, InterruptedException {
        final Instant deadline = Instant.now().plus(timeout);
        while (true) {
            final Response response = get(path);
            if (condition.test(response)) {
                return response;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("Timed out after " + timeout.toSeconds() + " s waiting for " + description + "; last answer: "
                    + response);
            }
            Thread.sleep(500);
        }
    }

    static JsonNode parse(final String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Bad JSON in test: " + json, e);
        }
    }
}
