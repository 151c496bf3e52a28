/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * RESTCONF as netconf 6.0.8 answers the agent, served on 127.0.0.1 with the JDK's HttpServer: plan/epoch and
 * plan/host=ID (404 / 409 data-missing when absent), the data-change subscription RPC, the stream subscription
 * (Location header), an SSE stream the test pushes events into or drops, and the report RPC, whose bodies it records.
 */
final class FakeController implements AutoCloseable {
    static final String STREAM =
        "data-change-event-subscription/wiring-plan:plan/datastore=OPERATIONAL/scope=SUBTREE/JSON";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String hostId;
    volatile String epoch;
    volatile String hostJson;
    /** Serve the SSE stream (false: 503, the agent must poll). */
    volatile boolean streamAvailable = true;
    /** Answer with 409 data-missing instead of 404 (older netconf). */
    volatile boolean conflictForMissing;
    final LinkedBlockingQueue<String> reports = new LinkedBlockingQueue<>();
    final List<String> subscriptions = new CopyOnWriteArrayList<>();
    final AtomicInteger hostReads = new AtomicInteger();
    private final List<LinkedBlockingQueue<String>> streams = new CopyOnWriteArrayList<>();

    FakeController(final String hostId) throws IOException {
        this.hostId = hostId;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/rests/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/rests";
    }

    /** Pushes a data-change event to every open stream. */
    void push(final String data) {
        streams.forEach(stream -> stream.add(data));
    }

    /** Ends every open stream. */
    void dropStreams() {
        streams.forEach(stream -> stream.add(""));
    }

    int openStreams() {
        return streams.size();
    }

    private void handle(final HttpExchange exchange) throws IOException {
        try (exchange) {
            final String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.equals("Basic " + java.util.Base64.getEncoder().encodeToString(
                    "agent:secret".getBytes(StandardCharsets.UTF_8)))) {
                send(exchange, 401, "");
                return;
            }
            final String path = exchange.getRequestURI().getRawPath();
            final String query = exchange.getRequestURI().getRawQuery();
            final String method = exchange.getRequestMethod();
            if ("GET".equals(method) && path.equals("/rests/data/wiring-plan:plan/epoch")
                    && "content=nonconfig".equals(query)) {
                final String value = epoch;
                if (value == null) {
                    missing(exchange);
                } else {
                    send(exchange, 200, "{\"wiring-plan:epoch\":\"" + value + "\"}");
                }
            } else if ("GET".equals(method) && path.equals("/rests/data/wiring-plan:plan/host=" + hostId)
                    && "content=nonconfig".equals(query)) {
                hostReads.incrementAndGet();
                final String value = hostJson;
                if (value == null) {
                    missing(exchange);
                } else {
                    send(exchange, 200, value);
                }
            } else if ("POST".equals(method)
                    && path.equals("/rests/operations/sal-remote:create-data-change-event-subscription")) {
                subscriptions.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                send(exchange, 200, "{\"sal-remote:output\":{\"stream-name\":\"" + STREAM + "\"}}");
            } else if ("GET".equals(method)
                    && path.equals("/rests/data/ietf-restconf-monitoring:restconf-state/streams/stream/" + STREAM)) {
                exchange.getResponseHeaders().add("Location", url().replace("/rests", "") + "/rests/notif/"
                    + STREAM);
                send(exchange, 200, "");
            } else if ("GET".equals(method) && path.equals("/rests/notif/" + STREAM)) {
                sse(exchange);
            } else if ("POST".equals(method) && path.equals("/rests/operations/wiring-plan:report-realization")) {
                reports.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                send(exchange, 204, "");
            } else {
                send(exchange, 400, "unexpected " + method + " " + path + "?" + query);
            }
        }
    }

    private void sse(final HttpExchange exchange) throws IOException {
        if (!streamAvailable) {
            send(exchange, 503, "");
            return;
        }
        final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        streams.add(queue);
        try {
            final OutputStream out = exchange.getResponseBody();
            out.write(":ping\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                final String data = queue.poll(30, TimeUnit.SECONDS);
                if (data == null || data.isEmpty()) {
                    return;
                }
                out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.remove(queue);
        }
    }

    private void missing(final HttpExchange exchange) throws IOException {
        final String error = "{\"errors\":{\"error\":[{\"error-type\":\"protocol\",\"error-tag\":\"data-missing\","
            + "\"error-message\":\"Request could not be completed because the relevant data model content does "
            + "not exist\"}]}}";
        send(exchange, conflictForMissing ? 409 : 404, error);
    }

    private static void send(final HttpExchange exchange, final int status, final String body) throws IOException {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/yang-data+json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        dropStreams();
        server.stop(0);
        executor.shutdownNow();
    }
}
