/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.opendaylight.wiring.it.Intents.DATA;
import static org.opendaylight.wiring.it.Intents.PROVIDER;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opendaylight.wiring.ovsdb.it.LabHost;

/**
 * End to end through the real distribution: a lab host (Open vSwitch in a network namespace) connects to the
 * plugin's OVSDB listener; intents written over RESTCONF become bridges and ports on it, the status of the intents
 * becomes programmed, and deleting the intents removes what the plugin created.
 */
@ExtendWith(KarafExtension.class)
class OvsdbLabIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static boolean bridgeExists(final LabHost host, final String bridge) {
        try {
            host.vsctl("br-exists", bridge);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static void awaitBridge(final LabHost host, final String bridge, final boolean present)
            throws InterruptedException {
        final Instant deadline = Instant.now().plus(TIMEOUT);
        while (bridgeExists(host, bridge) != present) {
            if (Instant.now().isAfter(deadline)) {
                fail("bridge " + bridge + (present ? " never appeared" : " was never removed") + "; ovs-vsctl show:\n"
                    + host.vsctl("show"));
            }
            Thread.sleep(200);
        }
    }

    @Test
    void intentsBecomeBridgesAndPortsOnALabHost(final Restconf rc) throws IOException, InterruptedException {
        LabHost.assumeAvailable();
        try (LabHost host = LabHost.start("tcp:127.0.0.1:6640")) {
            final String id = host.id();
            rc.put(PROVIDER + "/host=" + id, """
                {"wiring-provider:host": [{"host-id": "%s", "datapath-type": "netdev",
                  "bridge-mapping": [{"physical-network": "lab-phys", "bridge": "br-lab"}]}]}""".formatted(id))
                .expect(201, 204);
            rc.put(PROVIDER + "/provider-network=lab-net", """
                {"wiring-provider:provider-network": [{"name": "lab-net", "type": "flat",
                  "physical-network": "lab-phys"}]}""").expect(201, 204);

            rc.await(DATA + "/wiring-ovsdb:ovsdb-state/host=" + id + "?content=nonconfig", TIMEOUT,
                "the OVSDB session of " + id, r -> r.status() == 200 && r.body().contains("\"connected\""));
            awaitBridge(host, "br-lab", true);
            awaitBridge(host, "br-int", true);
            assertEquals("phy-br-lab", host.vsctl("get", "interface", "int-br-lab", "options:peer"));
            assertEquals("standalone", host.vsctl("get", "bridge", "br-lab", "fail_mode"));
            assertEquals("[]", host.vsctl("get", "bridge", "br-lab", "controller"));
            assertEquals("secure", host.vsctl("get", "bridge", "br-int", "fail_mode"));
            assertEquals("owned", host.vsctl("get", "bridge", "br-lab", "external_ids:odl-wiring").replace("\"", ""));

            rc.await(PROVIDER + "/provider-network=lab-net/status?content=nonconfig", TIMEOUT,
                "lab-net programmed", r -> r.status() == 200 && r.body().contains("\"programmed\""));
            rc.await(PROVIDER + "/host=" + id + "/status?content=nonconfig", TIMEOUT,
                "the host programmed", r -> r.status() == 200 && r.body().contains("\"programmed\""));

            // a bridge of the user's survives the removal of the intents
            host.vsctl("add-br", "br-user", "--", "set", "bridge", "br-user", "datapath_type=netdev");
            rc.delete(PROVIDER + "/provider-network=lab-net").expect(204);
            rc.delete(PROVIDER + "/host=" + id).expect(204);
            awaitBridge(host, "br-lab", false);
            awaitBridge(host, "br-int", false);
            assertEquals(true, bridgeExists(host, "br-user"));
        }
    }
}
