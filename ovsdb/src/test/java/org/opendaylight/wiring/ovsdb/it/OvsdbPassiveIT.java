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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.wiring.ovsdb.ConnectionMode;
import org.opendaylight.wiring.ovsdb.OvsdbConfig;
import org.opendaylight.wiring.ovsdb.OvsdbConnection;
import org.opendaylight.wiring.ovsdb.OvsdbManager;
import org.opendaylight.wiring.ovsdb.OvsdbTarget;
import org.opendaylight.wiring.ovsdb.PassiveRemote;
import org.opendaylight.wiring.ovsdb.transact.Transaction;

/**
 * Passive mode: real switches configured with {@code ovs-vsctl set-manager tcp:127.0.0.1:PORT} connect to our
 * listener. ovsdb-server runs in the root namespace, so it reaches our listener on the loopback address.
 */
class OvsdbPassiveIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private OvsdbManager manager;
    private LabHost hostA;
    private LabHost hostB;

    @BeforeAll
    static void assumeOvs() {
        LabHost.assumeAvailable();
    }

    @AfterEach
    void tearDown() {
        if (manager != null) {
            manager.close();
        }
        if (hostA != null) {
            hostA.close();
        }
        if (hostB != null) {
            hostB.close();
        }
    }

    private OvsdbConnection awaitReady(final String systemId) {
        Await.until("connection from " + systemId, WAIT,
            () -> manager.connectionBySystemId(systemId).isPresent());
        return manager.connectionBySystemId(systemId).orElseThrow();
    }

    @Test
    void switchesConnectToOurListener() throws Exception {
        manager = new OvsdbManager(new OvsdbConfig().setEchoIntervalMillis(1_000));
        final RecordingListener listener = new RecordingListener();
        manager.addListener(listener);
        final PassiveRemote listening = manager.listen(OvsdbTarget.parse("ptcp:0:127.0.0.1"));
        final int port = listening.localAddress().get(10, TimeUnit.SECONDS).getPort();
        final String managerTarget = "tcp:127.0.0.1:" + port;

        hostA = LabHost.start(managerTarget);
        hostB = LabHost.start(managerTarget);
        final OvsdbConnection connA = awaitReady(hostA.id());
        final OvsdbConnection connB = awaitReady(hostB.id());
        assertEquals(ConnectionMode.PASSIVE, connA.mode());
        assertEquals(Set.of(hostA.id(), hostB.id()), listening.connections().stream()
            .map(conn -> conn.systemId().orElseThrow()).collect(Collectors.toSet()));

        // a transaction on one switch changes that switch only
        final Transaction tx = Transaction.create();
        final var bridge = tx.insert("Bridge").value("name", "brp").value("datapath_type", "netdev");
        tx.mutate("Open_vSwitch").whereAll().insertInto("bridges", bridge.ref());
        connA.transactChecked(tx).get(10, TimeUnit.SECONDS);
        assertEquals("brp", hostA.vsctl("list-br"));
        assertEquals("", hostB.vsctl("list-br"));
        Await.until("brp in replica A", WAIT, () -> connA.replica().bridge("brp").isPresent());
        assertTrue(connB.replica().bridge("brp").isEmpty());

        // ovsdb-server probes idle managers with echo requests; we answer, so it keeps the session
        hostA.vsctl("set", "Manager", managerTarget, "inactivity_probe=500");
        Thread.sleep(2_500);
        assertSame(connA, manager.connectionBySystemId(hostA.id()).orElseThrow());
        assertTrue(connA.isConnected());
        assertEquals("true", hostA.vsctl("get", "Manager", managerTarget, "is_connected"));

        // a switch that goes away is reported
        hostB.close();
        connB.closeFuture().get(30, TimeUnit.SECONDS);
        Await.until("disconnect event", WAIT, () -> listener.has("disconnected " + connB.id()));
        assertEquals(Optional.empty(), manager.connectionBySystemId(hostB.id()));
        assertFalse(listener.has("disconnected " + connA.id()), listener.events.toString());
    }
}
