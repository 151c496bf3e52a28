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
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's view of the controller over RESTCONF ({@code java.net.http}): reads this host's plan, follows the
 * plan's data-change stream (netconf 6.0.8: {@code sal-remote:create-data-change-event-subscription} on the
 * OPERATIONAL datastore, then the stream's location, then server-sent events) and reports what was applied through
 * {@code wiring-plan:report-realization}. Every call tries the cluster members in turn, starting with the last one
 * that answered.
 *
 * <p>Plan semantics: no {@code plan/epoch} (or any error) is <em>unknown</em>, and the agent changes nothing; an
 * epoch without an entry for this host is a known, empty plan.
 */
public final class PlanSource implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlanSource.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/yang-data+json";

    private final List<URI> roots;
    private final String hostId;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient client;
    private volatile int current;
    private volatile InputStream stream;
    private volatile boolean closed;

    /**
     * What the controller says this host should have.
     *
     * @param known false when there is no plan (no epoch) or the controller could not be read: change nothing
     * @param reason why the plan is unknown (empty when known)
     * @param epoch the plan epoch
     * @param hostJson the host entry as RESTCONF returned it; empty: the plan has nothing for this host
     * @param digest the host entry's digest, if it has one
     */
    public record Plan(boolean known, String reason, Optional<String> epoch, Optional<String> hostJson,
            Optional<String> digest) {
        static Plan unknown(final String reason) {
            return new Plan(false, reason, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** A response, reduced to what the agent needs. */
    private record Answer(int status, String body, Optional<String> location) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** RESTCONF's "no such data": 404, or 409 with error-tag data-missing (older netconf). */
        boolean missing() {
            return status == 404 || status == 409 && body.contains("data-missing");
        }
    }

    /**
     * A plan source.
     *
     * @param config the runtime configuration (URLs, credentials, timeout)
     * @param hostId this host's id
     */
    public PlanSource(final RuntimeConfig config, final String hostId) {
        this.roots = config.urls();
        this.hostId = RuntimeConfig.checkHostId(hostId);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
            (config.user() + ":" + config.password()).getBytes(StandardCharsets.UTF_8));
        this.timeout = config.httpTimeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
            .build();
    }

    /**
     * Reads the plan epoch and this host's entry, failing over between members.
     *
     * @return the plan; {@link Plan#known()} false when there is none or nothing answered
     */
    public Plan read() {
        final List<String> errors = new ArrayList<>();
        for (int i = 0; i < roots.size(); i++) {
            final int index = (current + i) % roots.size();
            final URI root = roots.get(index);
            try {
                final Plan plan = readFrom(root);
                current = index;
                return plan;
            } catch (IOException e) {
                errors.add(root + ": " + describe(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Plan.unknown("interrupted");
            }
        }
        return Plan.unknown("no cluster member answered: " + String.join("; ", errors));
    }

    private Plan readFrom(final URI root) throws IOException, InterruptedException {
        final Answer epochAnswer = get(root, "/data/wiring-plan:plan/epoch?content=nonconfig");
        if (epochAnswer.missing()) {
            return Plan.unknown("no plan epoch yet");
        }
        if (!epochAnswer.ok()) {
            throw new IOException("plan/epoch: HTTP " + epochAnswer.status() + " " + abbreviate(epochAnswer.body()));
        }
        final Optional<String> epoch = parseEpoch(epochAnswer.body());
        if (epoch.isEmpty()) {
            return Plan.unknown("no plan epoch yet");
        }
        final Answer host = get(root, "/data/wiring-plan:plan/host=" + hostId + "?content=nonconfig");
        if (host.missing()) {
            return new Plan(true, "", epoch, Optional.empty(), Optional.empty());
        }
        if (!host.ok()) {
            throw new IOException("plan/host=" + hostId + ": HTTP " + host.status() + " " + abbreviate(host.body()));
        }
        return new Plan(true, "", epoch, Optional.of(host.body()), parseDigest(host.body()));
    }

    /**
     * The epoch in a {@code GET plan/epoch} answer ({@code {"wiring-plan:epoch":"..."}}).
     *
     * @param body the answer
     * @return the epoch, empty if the answer holds none
     * @throws IOException if the answer is not JSON
     */
    static Optional<String> parseEpoch(final String body) throws IOException {
        final JsonNode node = JSON.readTree(body);
        for (String field : List.of("wiring-plan:epoch", "epoch")) {
            final JsonNode epoch = node.path(field);
            if (epoch.isTextual() && !epoch.asText().isEmpty()) {
                return Optional.of(epoch.asText());
            }
        }
        return Optional.empty();
    }

    /**
     * The digest of a host entry ({@code {"wiring-plan:host":[{"digest":...}]}}).
     *
     * @param body the answer
     * @return the digest, if present
     * @throws IOException if the answer is not JSON
     */
    static Optional<String> parseDigest(final String body) throws IOException {
        JsonNode host = JSON.readTree(body);
        host = host.has("wiring-plan:host") ? host.get("wiring-plan:host") : host;
        host = host.isArray() && host.size() == 1 ? host.get(0) : host;
        final JsonNode digest = host.path("digest");
        return digest.isTextual() && !digest.asText().isEmpty() ? Optional.of(digest.asText()) : Optional.empty();
    }

    /**
     * The input of {@code sal-remote:create-data-change-event-subscription} for the whole plan on the operational
     * datastore (netconf 6.0.8 {@code sal-remote-augment}: datastore, scope, notification-output-type).
     *
     * @return the JSON body
     */
    static String subscriptionInput() {
        final ObjectNode input = JSON.createObjectNode();
        input.put("path", "/wiring-plan:plan");
        input.put("sal-remote-augment:datastore", "OPERATIONAL");
        input.put("sal-remote-augment:scope", "SUBTREE");
        input.put("sal-remote-augment:notification-output-type", "JSON");
        final ObjectNode body = JSON.createObjectNode();
        body.set("input", input);
        return body.toString();
    }

    /**
     * The stream name in the subscription RPC's output ({@code {"sal-remote:output":{"stream-name":...}}}).
     *
     * @param body the output
     * @return the stream name
     * @throws IOException if there is none
     */
    static String parseStreamName(final String body) throws IOException {
        final JsonNode node = JSON.readTree(body);
        for (String field : List.of("sal-remote:output", "output")) {
            final JsonNode name = node.path(field).path("stream-name");
            if (name.isTextual() && !name.asText().isEmpty()) {
                return name.asText();
            }
        }
        throw new IOException("no stream-name in " + abbreviate(body));
    }

    /**
     * The location of a subscribed stream: the {@code Location} header, else the {@code location} leaf of the body.
     *
     * @param header the Location header, if any
     * @param body the body
     * @return the location
     * @throws IOException if there is none
     */
    static String parseLocation(final Optional<String> header, final String body) throws IOException {
        if (header.isPresent() && !header.orElseThrow().isBlank()) {
            return header.orElseThrow();
        }
        if (!body.isBlank()) {
            final JsonNode node = JSON.readTree(body);
            for (String field : List.of("subscribe-to-notification:location", "location")) {
                final JsonNode location = node.path(field);
                if (location.isTextual() && !location.asText().isEmpty()) {
                    return location.asText();
                }
            }
        }
        throw new IOException("no stream location in " + abbreviate(body));
    }

    /**
     * Creates the plan's change stream, subscribes to it and reads its events until it ends. Blocks.
     *
     * @param onConnected called once the event stream is open (the caller re-reads the plan: changes made while
     *        no stream was open are not replayed)
     * @param onEvent called with the data of every event
     * @throws IOException if the stream cannot be set up, or when it ends or breaks
     */
    public void follow(final Runnable onConnected, final Consumer<String> onEvent) throws IOException {
        final int index = current;
        final URI root = roots.get(index);
        try {
            final Answer created = send(HttpRequest.newBuilder(URI.create(root
                + "/operations/sal-remote:create-data-change-event-subscription"))
                .POST(HttpRequest.BodyPublishers.ofString(subscriptionInput())).header("Content-Type", JSON_TYPE));
            if (!created.ok()) {
                current = (index + 1) % roots.size();
                throw new IOException("create-data-change-event-subscription: HTTP " + created.status() + " "
                    + abbreviate(created.body()));
            }
            final String streamName = parseStreamName(created.body());
            final Answer subscribed = get(root,
                "/data/ietf-restconf-monitoring:restconf-state/streams/stream/" + streamName);
            if (!subscribed.ok()) {
                throw new IOException("subscribe " + streamName + ": HTTP " + subscribed.status() + " "
                    + abbreviate(subscribed.body()));
            }
            final URI location = root.resolve(parseLocation(subscribed.location(), subscribed.body()));
            final HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(location)
                .header("Authorization", authorization).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("event stream " + location + ": HTTP " + response.statusCode());
            }
            LOG.info("Following plan changes at {}", location);
            try (InputStream body = response.body()) {
                stream = body;
                if (closed) {
                    return;
                }
                onConnected.run();
                readEvents(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)), onEvent);
            } finally {
                stream = null;
            }
            throw new IOException("event stream ended");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Reads server-sent events: {@code data:} lines up to a blank line make one event; comments (heartbeats) and
     * other fields are ignored.
     *
     * @param reader the stream
     * @param onEvent called with each event's data
     * @throws IOException if reading fails
     */
    static void readEvents(final BufferedReader reader, final Consumer<String> onEvent) throws IOException {
        final StringBuilder data = new StringBuilder();
        boolean hasData = false;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isEmpty()) {
                if (hasData) {
                    onEvent.accept(data.toString());
                }
                data.setLength(0);
                hasData = false;
            } else if (line.startsWith("data:")) {
                if (hasData) {
                    data.append('\n');
                }
                data.append(line.startsWith("data: ") ? line.substring(6) : line.substring(5));
                hasData = true;
            }
        }
    }

    /**
     * Posts a report, failing over between members.
     *
     * @param body the RPC input
     * @throws IOException if no member accepted it
     */
    public void report(final String body) throws IOException {
        final List<String> errors = new ArrayList<>();
        for (int i = 0; i < roots.size(); i++) {
            final int index = (current + i) % roots.size();
            final URI root = roots.get(index);
            try {
                final Answer answer = send(HttpRequest.newBuilder(URI.create(root
                    + "/operations/wiring-plan:report-realization")).header("Content-Type", JSON_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
                if (answer.ok()) {
                    current = index;
                    return;
                }
                errors.add(root + ": HTTP " + answer.status() + " " + abbreviate(answer.body()));
            } catch (IOException e) {
                errors.add(root + ": " + describe(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        throw new IOException("report not accepted: " + String.join("; ", errors));
    }

    private Answer get(final URI root, final String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(root + path)).header("Accept", JSON_TYPE).GET());
    }

    private Answer send(final HttpRequest.Builder request) throws IOException, InterruptedException {
        final HttpResponse<String> response = client.send(request.header("Authorization", authorization)
            .timeout(timeout).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Location"));
    }

    /** An exception's message, or its type when it has none (a refused connection has none). */
    static String describe(final IOException exception) {
        return exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
    }

    private static String abbreviate(final String body) {
        final String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    /**
     * Ends a {@link #follow} in progress.
     */
    @Override
    public void close() {
        closed = true;
        final InputStream open = stream;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                LOG.debug("Closing the event stream", e);
            }
        }
    }
}
