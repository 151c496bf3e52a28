/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opendaylight.wiring.ovsdb.ActiveRemote;
import org.opendaylight.wiring.ovsdb.ConnectionMode;
import org.opendaylight.wiring.ovsdb.OvsdbConfig;
import org.opendaylight.wiring.ovsdb.OvsdbConnection;
import org.opendaylight.wiring.ovsdb.OvsdbManager;
import org.opendaylight.wiring.ovsdb.OvsdbTables;
import org.opendaylight.wiring.ovsdb.OvsdbTarget;
import org.opendaylight.wiring.ovsdb.OvsdbTransactionException;
import org.opendaylight.wiring.ovsdb.data.OvsdbSet;
import org.opendaylight.wiring.ovsdb.replica.BridgeInfo;
import org.opendaylight.wiring.ovsdb.replica.InterfaceInfo;
import org.opendaylight.wiring.ovsdb.replica.OvsdbReplica;
import org.opendaylight.wiring.ovsdb.schema.DatabaseSchema;
import org.opendaylight.wiring.ovsdb.transact.Insert;
import org.opendaylight.wiring.ovsdb.transact.Transaction;
import org.opendaylight.wiring.ovsdb.transact.TransactionResult;

/**
 * Active mode against a real ovsdb-server ({@code --remote=ptcp:PORT:127.0.0.1}) and ovs-vswitchd (netdev datapath,
 * in the host's network namespace).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OvsdbActiveIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long ECHO_INTERVAL_MILLIS = 400;
    private static final int MAX_MISSED_ECHOES = 2;

    private static LabHost host;
    private static OvsdbManager manager;
    private static ActiveRemote remote;
    private static final RecordingListener LISTENER = new RecordingListener();

    @BeforeAll
    static void setUp() throws Exception {
        LabHost.assumeAvailable();
        final int port = LabHost.freePort();
        host = LabHost.start(null, "ptcp:" + port + ":127.0.0.1");
        manager = new OvsdbManager(new OvsdbConfig().setEchoIntervalMillis(ECHO_INTERVAL_MILLIS)
            .setMaxMissedEchoes(MAX_MISSED_ECHOES).setRequestTimeoutMillis(10_000)
            .setReconnectInitialDelayMillis(200).setReconnectMaxDelayMillis(2_000));
        manager.addListener(LISTENER);
        remote = manager.connect(OvsdbTarget.parse("tcp:127.0.0.1:" + port));
        Await.until("first connection", WAIT, () -> remote.connection().isPresent());
        remote.connection().orElseThrow().replicaReady().get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void tearDown() {
        if (manager != null) {
            manager.close();
        }
        if (host != null) {
            host.close();
        }
    }

    private static OvsdbConnection connection() {
        Await.until("a connection with a loaded replica", WAIT, () -> remote.connection()
            .filter(conn -> conn.isConnected() && conn.replicaReady().isDone()
                && !conn.replicaReady().isCompletedExceptionally()).isPresent());
        return remote.connection().orElseThrow();
    }

    @Test
    @Order(1)
    void schemaAndDatabases() throws Exception {
        final OvsdbConnection conn = connection();
        assertEquals(ConnectionMode.ACTIVE, conn.mode());
        assertTrue(conn.listDatabases().get(10, TimeUnit.SECONDS).contains("Open_vSwitch"));
        final DatabaseSchema schema = conn.getSchema("Open_vSwitch").get(10, TimeUnit.SECONDS);
        assertEquals("Open_vSwitch", schema.name());
        assertFalse(schema.version().isEmpty());
        for (String table : List.of("Open_vSwitch", "Bridge", "Port", "Interface", "Controller")) {
            assertTrue(schema.table(table).isPresent(), table);
        }
        assertTrue(schema.table("Bridge").orElseThrow().column("ports").orElseThrow().type().isSet());
        assertTrue(schema.table("Interface").orElseThrow().column("options").orElseThrow().type().isMap());
    }

    @Test
    @Order(2)
    void initialReplica() {
        final OvsdbReplica replica = connection().replica();
        assertEquals(Optional.of(host.id()), replica.systemId());
        assertEquals(Optional.of(host.id()), connection().systemId());
        assertTrue(replica.ovsVersion().isPresent(), "ovs_version");
        assertTrue(LISTENER.has("ready " + host.id()), LISTENER.events.toString());
        assertEquals(Optional.of(connection()), manager.connectionBySystemId(host.id()));
    }

    @Test
    @Order(3)
    void incrementalUpdatesFromOvsVsctl() {
        host.vsctl("add-br", "brinc", "--", "set", "bridge", "brinc", "datapath_type=netdev");
        Await.until("brinc in the replica with datapath id and ofport", WAIT, () -> {
            final OvsdbReplica replica = connection().replica();
            return replica.bridge("brinc").flatMap(BridgeInfo::datapathId).isPresent()
                && replica.interfaceNamed("brinc").flatMap(InterfaceInfo::ofport).orElse(0L) == 65534L;
        });
        final OvsdbReplica replica = connection().replica();
        final BridgeInfo bridge = replica.bridge("brinc").orElseThrow();
        assertEquals("netdev", bridge.datapathType());
        assertEquals(List.of("brinc"), replica.portsOf(bridge).stream().map(port -> port.name()).toList());
        assertEquals("internal", replica.interfaceNamed("brinc").orElseThrow().type());
        assertTrue(LISTENER.has("changed Bridge INSERT brinc"), LISTENER.events.toString());

        host.vsctl("set", "bridge", "brinc", "fail_mode=secure", "protocols=OpenFlow13",
            "external_ids:owner=it");
        Await.until("brinc modified", WAIT, () -> connection().replica().bridge("brinc")
            .filter(br -> br.failMode().equals(Optional.of("secure")) && br.protocols().equals(List.of("OpenFlow13"))
                && "it".equals(br.externalIds().get("owner"))).isPresent());
        assertTrue(LISTENER.has("changed Bridge MODIFY brinc"), LISTENER.events.toString());

        host.vsctl("del-br", "brinc");
        Await.until("brinc gone", WAIT, () -> connection().replica().bridge("brinc").isEmpty()
            && connection().replica().interfaceNamed("brinc").isEmpty());
        assertTrue(LISTENER.has("changed Bridge DELETE brinc"), LISTENER.events.toString());
    }

    @Test
    @Order(4)
    void transactionCreatesBridgePortAndInternalInterface() throws Exception {
        final Transaction tx = Transaction.create();
        final Insert iface = tx.insert("Interface").value("name", "ptx").value("type", "internal")
            .value("external_ids", Map.of("iface-id", "vm-1"));
        final Insert port = tx.insert("Port").value("name", "ptx").value("interfaces", OvsdbSet.of(iface.ref()))
            .value("tag", 42);
        final Insert bridge = tx.insert("Bridge").value("name", "brtx").value("datapath_type", "netdev")
            .value("ports", OvsdbSet.of(port.ref())).value("protocols", OvsdbSet.of("OpenFlow13"))
            .value("external_ids", Map.of("owner", "wiring"));
        tx.mutate(OvsdbTables.OPEN_VSWITCH).whereAll().insertInto("bridges", bridge.ref());
        tx.comment("wiring integration test: create brtx");
        final TransactionResult result = connection().transactChecked(tx).get(10, TimeUnit.SECONDS);
        assertTrue(result.uuid(bridge).isPresent());

        assertEquals("ptx", host.vsctl("list-ports", "brtx"));
        assertEquals("internal", host.vsctl("get", "Interface", "ptx", "type"));
        assertEquals("42", host.vsctl("get", "Port", "ptx", "tag"));
        assertEquals("wiring", host.vsctl("get", "Bridge", "brtx", "external_ids:owner").replace("\"", ""));

        // ovs-vswitchd realizes the interface: an OpenFlow port number, and a tap device in the host's netns
        Await.until("ptx realized by ovs-vswitchd", WAIT, () -> connection().replica().interfaceNamed("ptx")
            .flatMap(InterfaceInfo::ofport).filter(ofport -> ofport > 0).isPresent());
        assertTrue(host.exec("ip", "-o", "link", "show", "ptx").contains("ptx"));
        assertThrows(IllegalStateException.class, () -> LabHost.run(List.of("ip", "link", "show", "ptx"), null),
            "ptx must not exist in the root namespace");
        final OvsdbReplica replica = connection().replica();
        assertEquals(Optional.of(42L), replica.port("ptx").orElseThrow().tag());
        assertEquals(Map.of("iface-id", "vm-1"), replica.interfaceNamed("ptx").orElseThrow().externalIds());
        assertEquals(result.uuid(bridge), replica.bridge("brtx").map(BridgeInfo::uuid));
    }

    @Test
    @Order(5)
    void failingTransactionsNameTheOperation() throws Exception {
        // duplicate Interface name: detected by ovsdb-server at commit, attributed to the insert
        final Transaction dup = Transaction.create();
        final Insert iface = dup.insert("Interface").value("name", "ptx").value("type", "internal");
        final Insert port = dup.insert("Port").value("name", "ptx2").value("interfaces", OvsdbSet.of(iface.ref()));
        dup.mutate("Bridge").whereEqual("name", "brtx").insertInto("ports", port.ref());
        final TransactionResult result = connection().transact(dup).get(10, TimeUnit.SECONDS);
        assertFalse(result.isSuccess());
        final String message = result.errorMessage().orElseThrow();
        assertTrue(message.startsWith("operation 0 (insert Interface): constraint violation: "), message);
        assertTrue(message.contains("\"Interface\" table"), message);
        final ExecutionException ex = assertThrows(ExecutionException.class,
            () -> connection().transactChecked(dup).get(10, TimeUnit.SECONDS));
        assertInstanceOf(OvsdbTransactionException.class, ex.getCause());
        assertTrue(ex.getCause().getMessage().startsWith("operation 0 (insert Interface): constraint violation: "),
            ex.getCause().getMessage());
        assertFalse(host.vsctl("list-ports", "brtx").contains("ptx2"));

        // an operation that fails by itself: VLAN tag out of range
        final Transaction badTag = Transaction.create();
        badTag.comment("bad tag");
        badTag.update("Port").whereEqual("name", "ptx").value("tag", 5000);
        final String tagMessage = connection().transact(badTag).get(10, TimeUnit.SECONDS).errorMessage()
            .orElseThrow();
        assertTrue(tagMessage.startsWith("operation 1 (update Port): constraint violation: "), tagMessage);
        assertEquals("42", host.vsctl("get", "Port", "ptx", "tag"));
    }

    @Test
    @Order(6)
    void echo() throws Exception {
        final JsonNode echoed = connection().echo().get(10, TimeUnit.SECONDS);
        assertEquals("wiring-echo", echoed.get(0).asText());
    }

    @Test
    @Order(7)
    void keepaliveDropsUnresponsiveServerThenReconnects() throws Exception {
        final OvsdbConnection before = connection();
        host.signalOvsdbServer("STOP");
        try {
            before.closeFuture().get((MAX_MISSED_ECHOES + 2) * ECHO_INTERVAL_MILLIS + 5_000, TimeUnit.MILLISECONDS);
            assertTrue(before.closeReason().orElseThrow().startsWith("keepalive: no reply to 2 consecutive echo"),
                before.closeReason().orElseThrow());
        } finally {
            host.signalOvsdbServer("CONT");
        }
        final OvsdbConnection after = connection();
        assertNotSame(before, after);
        assertEquals(Optional.of(host.id()), after.systemId());
        assertTrue(LISTENER.has("disconnected " + before.id() + " keepalive"), LISTENER.events.toString());
    }

    @Test
    @Order(8)
    void reconnectsAfterOvsdbServerRestart() throws Exception {
        final OvsdbConnection before = connection();
        host.restartOvsdb();
        before.closeFuture().get(30, TimeUnit.SECONDS);
        final OvsdbConnection after = connection();
        assertNotSame(before, after);
        assertEquals(Optional.of(host.id()), after.systemId());
        // the state is the database's: brtx is still there, and the new session works
        assertTrue(after.replica().bridge("brtx").isPresent());
        final Transaction tx = Transaction.create();
        tx.update("Bridge").whereEqual("name", "brtx").value("fail_mode", "standalone");
        after.transactChecked(tx).get(10, TimeUnit.SECONDS);
        assertEquals("standalone", host.vsctl("get", "Bridge", "brtx", "fail_mode"));
    }
}
