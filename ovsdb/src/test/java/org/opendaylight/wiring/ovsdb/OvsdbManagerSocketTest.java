/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The manager over real local sockets, with a scripted peer: malformed input on a listener, reconnect backoff.
 */
class OvsdbManagerSocketTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<String> events = new CopyOnWriteArrayList<>();
    private OvsdbManager manager;

    @AfterEach
    void tearDown() {
        if (manager != null) {
            manager.close();
        }
    }

    private void awaitEvent(final String prefix) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (events.stream().anyMatch(event -> event.startsWith(prefix))) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no event " + prefix + " in " + events);
    }

    private void startManager(final OvsdbConfig config) {
        manager = new OvsdbManager(config);
        manager.addListener(new OvsdbConnectionListener() {
            @Override
            public void onConnected(final OvsdbConnection connection) {
                events.add("connected");
            }

            @Override
            public void onDisconnected(final OvsdbConnection connection, final String reason) {
                events.add("disconnected " + reason);
            }
        });
    }

    private static JsonNode readRequest(final InputStream in) throws IOException {
        final ObjectReader reader = MAPPER.reader();
        return reader.readValues(MAPPER.getFactory().createParser(in), JsonNode.class).next();
    }

    private static void send(final OutputStream out, final String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Test
    void listenerSurvivesMalformedAndTruncatedPeers() throws Exception {
        startManager(new OvsdbConfig().setEchoIntervalMillis(0));
        final PassiveRemote listener = manager.listen(OvsdbTarget.parse("ptcp:0:127.0.0.1"));
        final InetSocketAddress address = listener.localAddress().get(10, TimeUnit.SECONDS);

        try (Socket peer = new Socket(address.getAddress(), address.getPort())) {
            final JsonNode getSchema = readRequest(peer.getInputStream());
            assertEquals("get_schema", getSchema.get("method").asText());
            send(peer.getOutputStream(), "{\"id\":" + getSchema.get("id") + ",\"result\":{\"name\":nul}}");
            awaitEvent("disconnected malformed JSON from peer");
            assertEquals(-1, peer.getInputStream().read(), "connection closed by us");
        }
        try (Socket peer = new Socket(address.getAddress(), address.getPort())) {
            readRequest(peer.getInputStream());
            send(peer.getOutputStream(), "{\"id\":1,\"result\":{\"name\":\"Open_vSwitch\",\"tables\":{");
            peer.shutdownOutput();
            awaitEvent("disconnected peer closed the connection in the middle of a JSON message");
        }
        assertTrue(manager.connections().isEmpty());
        assertEquals(1, manager.remotes().size());
    }

    @Test
    void activeRemoteReconnectsWithBackoff() throws Exception {
        final int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        startManager(new OvsdbConfig().setEchoIntervalMillis(0).setReplicaEnabled(false)
            .setReconnectInitialDelayMillis(100).setReconnectMaxDelayMillis(400));
        final long start = System.nanoTime();
        final ActiveRemote remote = manager.connect(OvsdbTarget.parse("tcp:127.0.0.1:" + port));
        // nobody listens yet: attempts at about 0, 100, 300, 700 ms, then every 400 ms
        Thread.sleep(800);
        try (ServerSocket server = new ServerSocket(port, 5, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            try (Socket first = server.accept()) {
                awaitEvent("connected");
                assertTrue(remote.connection().isPresent());
                assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(800));
            }
            // the server closed the session: the remote reconnects by itself
            try (Socket second = server.accept()) {
                awaitEvent("disconnected connection closed by peer");
                for (int i = 0; i < 200 && events.stream().filter("connected"::equals).count() < 2; i++) {
                    Thread.sleep(10);
                }
                assertEquals(2, events.stream().filter("connected"::equals).count(), events.toString());
            }
        }
        manager.closeRemote(remote);
        assertTrue(manager.remotes().isEmpty());
    }
}
