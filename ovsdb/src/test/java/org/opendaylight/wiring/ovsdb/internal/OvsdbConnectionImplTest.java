/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opendaylight.wiring.ovsdb.ConnectionMode;
import org.opendaylight.wiring.ovsdb.OvsdbConfig;
import org.opendaylight.wiring.ovsdb.OvsdbConnection;
import org.opendaylight.wiring.ovsdb.OvsdbConnectionListener;
import org.opendaylight.wiring.ovsdb.OvsdbDisconnectedException;
import org.opendaylight.wiring.ovsdb.OvsdbRpcException;
import org.opendaylight.wiring.ovsdb.OvsdbTimeoutException;
import org.opendaylight.wiring.ovsdb.data.OvsdbSet;
import org.opendaylight.wiring.ovsdb.replica.OvsdbReplica;
import org.opendaylight.wiring.ovsdb.replica.ReplicaChange;
import org.opendaylight.wiring.ovsdb.schema.DatabaseSchema;
import org.opendaylight.wiring.ovsdb.transact.Transaction;
import org.opendaylight.wiring.ovsdb.transact.TransactionResult;

/**
 * Connection and JSON-RPC tests on an {@link EmbeddedChannel}: framing, correlation, echo, malformed input.
 */
class OvsdbConnectionImplTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BR = "22222222-2222-2222-2222-222222222222";
    private static final String OVS = "11111111-1111-1111-1111-111111111111";

    private final ListenerDispatcher dispatcher = new ListenerDispatcher();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private EmbeddedChannel channel;
    private OvsdbConnectionImpl connection;

    @AfterEach
    void tearDown() {
        if (channel != null) {
            channel.finishAndReleaseAll();
        }
        dispatcher.close();
    }

    private static OvsdbConfig rpcOnly() {
        return new OvsdbConfig().setReplicaEnabled(false).setEchoIntervalMillis(0);
    }

    private void open(final OvsdbConfig config) throws Exception {
        channel = new EmbeddedChannel(false, false);
        connection = new OvsdbConnectionImpl(channel, ConnectionMode.PASSIVE, false,
            new InetSocketAddress("127.0.0.1", 40000), config, dispatcher, new ConnectionRegistry());
        dispatcher.add(new OvsdbConnectionListener() {
            @Override
            public void onConnected(final OvsdbConnection conn) {
                events.add("connected");
            }

            @Override
            public void onReplicaReady(final OvsdbConnection conn, final OvsdbReplica replica) {
                events.add("ready " + replica.systemId().orElse("?"));
            }

            @Override
            public void onReplicaChanged(final OvsdbConnection conn, final ReplicaChange change) {
                change.changes().forEach(row -> events.add(row.kind() + " " + row.table()));
            }

            @Override
            public void onDisconnected(final OvsdbConnection conn, final String reason) {
                events.add("disconnected " + reason);
            }
        }, listener -> { });
        channel.pipeline().addLast(new OvsdbFrameDecoder(config.getMaxMessageBytes()), connection.endpoint());
        channel.register();
    }

    private JsonNode nextRequest() throws Exception {
        final ByteBuf out = channel.readOutbound();
        if (out == null) {
            return null;
        }
        try {
            return MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        } finally {
            out.release();
        }
    }

    private void receive(final String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text.replace('\'', '"'), StandardCharsets.UTF_8));
    }

    private void awaitEvent(final String prefix) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (events.stream().anyMatch(event -> event.startsWith(prefix))) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no event " + prefix + " in " + events);
    }

    private static Throwable failure(final CompletableFuture<?> future) {
        assertTrue(future.isDone(), "future not done");
        final ExecutionException ex = assertThrows(ExecutionException.class, () -> future.get(0, TimeUnit.SECONDS));
        return ex.getCause();
    }

    @Test
    void correlatesResponsesByIdAcrossSplitAndMergedFrames() throws Exception {
        open(rpcOnly());
        final CompletableFuture<JsonNode> first = connection.echo();
        final CompletableFuture<List<String>> second = connection.listDatabases();
        final JsonNode req1 = nextRequest();
        final JsonNode req2 = nextRequest();
        assertEquals("echo", req1.get("method").asText());
        assertEquals("list_dbs", req2.get("method").asText());
        final String reply2 = "{'id':" + req2.get("id") + ",'result':['Open_vSwitch','_Server'],'error':null}";
        final String reply1 = "{'id':" + req1.get("id") + ",'result':['wiring-echo'],'error':null}";
        // second answer first, both in one TCP segment, the first one split in the middle of a string
        receive(reply2 + "\n" + reply1.substring(0, 20));
        assertFalse(first.isDone());
        assertEquals(List.of("Open_vSwitch", "_Server"), second.get(0, TimeUnit.SECONDS));
        receive(reply1.substring(20));
        assertEquals("wiring-echo", first.get(0, TimeUnit.SECONDS).get(0).asText());
        assertTrue(connection.isConnected());
    }

    @Test
    void answersServerEcho() throws Exception {
        open(rpcOnly());
        receive("{'id':'echo','method':'echo','params':[]}");
        final JsonNode reply = nextRequest();
        assertEquals(MAPPER.readTree("{\"result\":[],\"error\":null,\"id\":\"echo\"}"), reply);
        receive("{'id':7,'method':'frobnicate','params':[]}");
        assertEquals("unknown method", nextRequest().get("error").asText());
        assertTrue(connection.isConnected());
    }

    @Test
    void rpcErrorAndTimeoutAndUnknownId() throws Exception {
        open(rpcOnly().setRequestTimeoutMillis(50));
        final CompletableFuture<DatabaseSchema> schema = connection.getSchema("Nope");
        final JsonNode request = nextRequest();
        receive("{'id':" + request.get("id") + ",'result':null,'error':{'error':'unknown database',"
            + "'details':'get_schema request specifies unknown database Nope'}}");
        final Throwable rpcError = failure(schema);
        assertInstanceOf(OvsdbRpcException.class, rpcError);
        assertTrue(rpcError.getMessage().contains("unknown database"), rpcError.getMessage());

        final CompletableFuture<JsonNode> echo = connection.echo();
        Thread.sleep(120);
        channel.runScheduledPendingTasks();
        assertInstanceOf(OvsdbTimeoutException.class, failure(echo));
        // a late answer, and an answer to a request never sent, are ignored
        receive("{'id':" + nextRequest().get("id") + ",'result':[],'error':null}{'id':999,'result':[],'error':null}");
        assertTrue(connection.isConnected());
    }

    @Test
    void malformedJsonClosesConnectionAndFailsPendingRequests() throws Exception {
        open(rpcOnly());
        final CompletableFuture<JsonNode> pending = connection.echo();
        receive("{'id':1,'result':[tru],'error':null}");
        assertFalse(channel.isActive());
        final Throwable cause = failure(pending);
        assertInstanceOf(OvsdbDisconnectedException.class, cause);
        assertTrue(cause.getMessage().contains("malformed JSON from peer"), cause.getMessage());
        assertTrue(connection.closeReason().orElseThrow().startsWith("malformed JSON from peer"));
        awaitEvent("disconnected malformed JSON");
        // requests after the close fail at once
        assertInstanceOf(OvsdbDisconnectedException.class, failure(connection.echo()));
    }

    @Test
    void garbageClosesConnection() throws Exception {
        open(rpcOnly());
        receive("HTTP/1.1 400 Bad Request\r\n\r\n");
        assertFalse(channel.isActive());
        assertTrue(connection.closeReason().orElseThrow().startsWith("malformed JSON from peer"),
            connection.closeReason().orElseThrow());
    }

    @Test
    void nonObjectAndNonRpcMessagesCloseConnection() throws Exception {
        open(rpcOnly());
        receive("[1,2,3]");
        assertEquals("protocol error: JSON-RPC message is not an object: [1,2,3]",
            connection.closeReason().orElseThrow());
        channel.finishAndReleaseAll();

        open(rpcOnly());
        receive("{'hello':'world'}");
        assertTrue(connection.closeReason().orElseThrow().startsWith("protocol error: neither request"));
    }

    @Test
    void truncatedJsonAtEndOfStream() throws Exception {
        open(rpcOnly());
        final CompletableFuture<JsonNode> pending = connection.echo();
        receive("{'id':1,'result':['wiring-echo'");
        assertTrue(connection.isConnected());
        channel.close();
        assertEquals("peer closed the connection in the middle of a JSON message (31 bytes unparsed)",
            connection.closeReason().orElseThrow());
        assertTrue(failure(pending).getMessage().contains("in the middle of a JSON message"));
    }

    @Test
    void tooLongMessageClosesConnection() throws Exception {
        open(rpcOnly().setMaxMessageBytes(4096));
        receive("{'id':1,'result':['" + "x".repeat(5000) + "'],'error':null}");
        assertFalse(channel.isActive());
        assertTrue(connection.closeReason().orElseThrow().startsWith("JSON message from peer too long"),
            connection.closeReason().orElseThrow());
    }

    @Test
    void keepaliveDropsConnectionAfterMissedEchoes() throws Exception {
        open(rpcOnly().setEchoIntervalMillis(20).setMaxMissedEchoes(2));
        channel.freezeTime();
        // answered echoes keep it alive
        for (int i = 0; i < 5; i++) {
            channel.advanceTimeBy(20, TimeUnit.MILLISECONDS);
            channel.runScheduledPendingTasks();
            final JsonNode echo = nextRequest();
            assertEquals("echo", echo.get("method").asText());
            receive("{'id':" + echo.get("id") + ",'result':" + echo.get("params") + ",'error':null}");
        }
        assertTrue(connection.isConnected());
        // unanswered: two echoes go out, the third tick closes
        for (int i = 0; i < 2; i++) {
            channel.advanceTimeBy(20, TimeUnit.MILLISECONDS);
            channel.runScheduledPendingTasks();
            assertEquals("echo", nextRequest().get("method").asText());
            assertTrue(channel.isActive());
        }
        channel.advanceTimeBy(20, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertFalse(channel.isActive());
        assertEquals("keepalive: no reply to 2 consecutive echo requests (sent every 20 ms)",
            connection.closeReason().orElseThrow());
    }

    @Test
    void loadsAndMaintainsReplica() throws Exception {
        open(new OvsdbConfig().setEchoIntervalMillis(0));
        awaitEvent("connected");
        final JsonNode getSchema = nextRequest();
        assertEquals("get_schema", getSchema.get("method").asText());
        final JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/test-schema.json")) {
            schema = MAPPER.readTree(in);
        }
        channel.writeInbound(Unpooled.copiedBuffer("{\"id\":" + getSchema.get("id") + ",\"error\":null,\"result\":"
            + schema + "}", StandardCharsets.UTF_8));
        final JsonNode monitor = nextRequest();
        assertEquals("monitor", monitor.get("method").asText());
        assertEquals(OvsdbConnectionImpl.REPLICA_MONITOR_ID, monitor.get("params").get(1).asText());
        final JsonNode requests = monitor.get("params").get(2);
        // only tables and columns the schema has are requested; Controller is not in the test schema
        assertEquals(List.of("Open_vSwitch", "Bridge", "Port", "Interface"), iterable(requests.fieldNames()));
        assertEquals(MAPPER.readTree("[\"name\",\"datapath_id\",\"datapath_type\",\"fail_mode\",\"external_ids\","
            + "\"ports\"]"), requests.get("Bridge").get("columns"));
        assertNull(connection.replicaReady().getNow(null));

        // an update racing ahead of the monitor reply is applied after the initial contents
        receive("{'id':null,'method':'update','params':['wiring-replica',{'Bridge':{'" + BR
            + "':{'old':{'fail_mode':['set',[]]},'new':{'name':'br0','fail_mode':'secure'}}}}]}");
        receive("{'id':" + monitor.get("id") + ",'error':null,'result':{"
            + "'Open_vSwitch':{'" + OVS + "':{'new':{'bridges':['uuid','" + BR + "'],"
            + "'external_ids':['map',[['system-id','host-7']]]}}},"
            + "'Bridge':{'" + BR + "':{'new':{'name':'br0','fail_mode':['set',[]]}}}}}");
        final OvsdbReplica ready = connection.replicaReady().get(0, TimeUnit.SECONDS);
        assertEquals(Optional.of("host-7"), ready.systemId());
        assertEquals(Optional.empty(), ready.bridge("br0").orElseThrow().failMode());
        assertEquals(Optional.of("secure"), connection.replica().bridge("br0").orElseThrow().failMode());
        awaitEvent("ready host-7");
        awaitEvent("MODIFY Bridge");

        receive("{'id':null,'method':'update','params':['wiring-replica',{'Bridge':{'" + BR
            + "':{'old':{'name':'br0','fail_mode':'secure'}}}}]}");
        awaitEvent("DELETE Bridge");
        assertTrue(connection.replica().bridges().isEmpty());

        // transact goes through the same connection
        final Transaction tx = Transaction.create();
        tx.insert("Bridge").value("name", "br1").value("ports", OvsdbSet.empty());
        final CompletableFuture<TransactionResult> result = connection.transact(tx);
        final JsonNode transact = nextRequest();
        assertEquals(tx.toParams(), transact.get("params"));
        receive("{'id':" + transact.get("id") + ",'error':null,'result':[{'uuid':['uuid','" + BR + "']}]}");
        assertTrue(result.get(0, TimeUnit.SECONDS).isSuccess());

        // an invalid update is a protocol error
        receive("{'id':null,'method':'update','params':['wiring-replica',{'Bridge':{'not-a-uuid':{}}}]}");
        assertFalse(channel.isActive());
        assertTrue(connection.closeReason().orElseThrow().startsWith("invalid update notification from peer"),
            connection.closeReason().orElseThrow());
        awaitEvent("disconnected invalid update");
    }

    @Test
    void replicaLoadFailureClosesConnection() throws Exception {
        open(new OvsdbConfig().setEchoIntervalMillis(0));
        final JsonNode getSchema = nextRequest();
        receive("{'id':" + getSchema.get("id") + ",'error':null,'result':{'no':'schema'}}");
        assertFalse(channel.isActive());
        assertTrue(connection.closeReason().orElseThrow().startsWith("could not load the replica: get_schema "
            + "Open_vSwitch failed"), connection.closeReason().orElseThrow());
        assertInstanceOf(OvsdbDisconnectedException.class, failure(connection.replicaReady()));
    }

    private static List<String> iterable(final Iterator<String> it) {
        final List<String> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    @Test
    void userMonitorConsumerFailureDoesNotCloseConnection() throws Exception {
        open(rpcOnly());
        final CompletableFuture<?> initial = connection.monitor("Open_vSwitch", "mine", Map.of(), updates -> {
            throw new IllegalStateException("consumer bug");
        });
        final JsonNode monitor = nextRequest();
        receive("{'id':" + monitor.get("id") + ",'error':null,'result':{}}");
        initial.get(0, TimeUnit.SECONDS);
        receive("{'id':null,'method':'update','params':['mine',{'Bridge':{'" + BR + "':{'new':{'name':'x'}}}}]}");
        assertTrue(connection.isConnected());
    }
}
