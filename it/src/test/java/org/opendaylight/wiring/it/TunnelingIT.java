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
import static org.opendaylight.wiring.it.Intents.TUNNELING;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Create/read/update/delete of wiring-tunnel intents: tunnel-endpoint, overlay-network and logical-port.
 */
@ExtendWith(KarafExtension.class)
class TunnelingIT {

    @Test
    void tunnelEndpointRoundTrip(final Restconf rc) throws IOException, InterruptedException {
        final String entry = TUNNELING + "/tunnel-endpoint=crud-host-1,vxlan";
        rc.put(entry, """
            {"wiring-tunnel:tunnel-endpoint": [{"host-id": "crud-host-1", "tunnel-type": "vxlan",
              "local-ip": "192.0.2.11"}]}""").expect(201);
        Intents.awaitPlanHost(rc, "crud-host-1", h -> Intents.hasBridge(h, "br-int"), "integration bridge");
        Intents.awaitStatus(rc, entry, "pending", "planned on 1 host(s); waiting for crud-host-1 (ovsdb)");
        JsonNode node = Intents.config(rc, entry).expect(200).json().path("wiring-tunnel:tunnel-endpoint").path(0);
        assertEquals("crud-host-1", node.path("host-id").asText());
        assertEquals("vxlan", node.path("tunnel-type").asText());
        assertEquals("192.0.2.11", node.path("local-ip").asText());

        // A second endpoint of the same host, other type: a separate entry
        final String gre = TUNNELING + "/tunnel-endpoint=crud-host-1,gre";
        rc.post(TUNNELING, """
            {"wiring-tunnel:tunnel-endpoint": [{"host-id": "crud-host-1", "tunnel-type": "gre",
              "local-ip": "2001:db8::11"}]}""").expect(201);
        assertEquals("2001:db8::11", Intents.config(rc, gre).expect(200).json().path("wiring-tunnel:tunnel-endpoint")
            .path(0).path("local-ip").asText());

        rc.patch(entry, """
            {"wiring-tunnel:tunnel-endpoint": [{"host-id": "crud-host-1", "tunnel-type": "vxlan",
              "local-ip": "192.0.2.12"}]}""").expect(200, 204);
        node = Intents.config(rc, entry).expect(200).json().path("wiring-tunnel:tunnel-endpoint").path(0);
        assertEquals("192.0.2.12", node.path("local-ip").asText());

        rc.delete(entry).expect(204);
        Intents.assertAbsent(rc, entry);
        rc.delete(gre).expect(204);
        Intents.assertAbsent(rc, gre);
        Intents.awaitPlanHost(rc, "crud-host-1", JsonNode::isMissingNode, "removed with its endpoints");
    }

    @Test
    void overlayNetworkRoundTrip(final Restconf rc) throws IOException, InterruptedException {
        final String entry = TUNNELING + "/overlay-network=crud-overlay-1";
        rc.post(TUNNELING, """
            {"wiring-tunnel:overlay-network": [{"name": "crud-overlay-1", "tunnel-type": "geneve",
              "segmentation-id": 5001, "mtu": 1400, "description": "tenant A"}]}""").expect(201);
        Intents.awaitStatus(rc, entry, "pending",
            "not placed on any host: no logical port of the network is bound to a host");
        final JsonNode node = Intents.config(rc, entry).expect(200).json().path("wiring-tunnel:overlay-network")
            .path(0);
        assertEquals("geneve", node.path("tunnel-type").asText());
        assertEquals("5001", node.path("segmentation-id").asText());
        assertEquals("1400", node.path("mtu").asText());
        assertEquals("tenant A", node.path("description").asText());

        rc.put(entry, """
            {"wiring-tunnel:overlay-network": [{"name": "crud-overlay-1", "segmentation-id": 5002}]}""")
            .expect(204);
        final JsonNode replaced = Intents.config(rc, entry).expect(200).json().path("wiring-tunnel:overlay-network")
            .path(0);
        assertEquals("5002", replaced.path("segmentation-id").asText());
        assertTrue(replaced.path("mtu").isMissingNode() || "1450".equals(replaced.path("mtu").asText()),
            () -> "PUT replaces: mtu is back to the default: " + replaced);

        rc.delete(entry).expect(204);
        Intents.assertAbsent(rc, entry);
    }

    @Test
    void logicalPortRoundTrip(final Restconf rc) throws IOException, InterruptedException {
        final String overlay = TUNNELING + "/overlay-network=crud-overlay-2";
        rc.put(overlay, """
            {"wiring-tunnel:overlay-network": [{"name": "crud-overlay-2", "segmentation-id": 5003}]}""")
            .expect(201);

        final String port = TUNNELING + "/logical-port=crud-port-1";
        rc.put(port, """
            {"wiring-tunnel:logical-port": [{"id": "crud-port-1", "overlay-network": "crud-overlay-2",
              "mac-address": "fa:16:3e:00:00:01", "fixed-ip": ["10.10.0.5", "2001:db8:10::5"],
              "host": "crud-host-1", "interface-id": "tap-crud-1",
              "allowed-address-pair": [{"ip-prefix": "10.10.0.100/32", "mac-address": "fa:16:3e:00:00:01"}]}]}""")
            .expect(201);
        Intents.awaitPlanHost(rc, "crud-host-1", h -> Intents.hasBridge(h, "br-int"), "integration bridge");
        // no switch has ever connected for crud-host-1: neither the OVSDB nor the OpenFlow renderer reports
        Intents.awaitStatus(rc, port, "pending", "planned on 1 host(s); waiting for crud-host-1 (ovsdb, openflow)");
        JsonNode node = Intents.config(rc, port).expect(200).json().path("wiring-tunnel:logical-port").path(0);
        assertEquals("crud-overlay-2", node.path("overlay-network").asText());
        assertEquals("fa:16:3e:00:00:01", node.path("mac-address").asText());
        assertEquals(Set.of("10.10.0.5", "2001:db8:10::5"), texts(node.path("fixed-ip")));
        assertEquals("crud-host-1", node.path("host").asText());
        assertEquals("tap-crud-1", node.path("interface-id").asText());
        assertEquals("10.10.0.100/32", node.path("allowed-address-pair").path(0).path("ip-prefix").asText());

        // Merge: port security off, one more allowed address pair
        rc.patch(port, """
            {"wiring-tunnel:logical-port": [{"id": "crud-port-1", "port-security": false,
              "allowed-address-pair": [{"ip-prefix": "10.10.0.101/32", "mac-address": "fa:16:3e:00:00:02"}]}]}""")
            .expect(200, 204);
        node = Intents.config(rc, port).expect(200).json().path("wiring-tunnel:logical-port").path(0);
        assertEquals("false", node.path("port-security").asText());
        assertEquals(2, node.path("allowed-address-pair").size(), node::toString);
        assertEquals("fa:16:3e:00:00:01", node.path("mac-address").asText());

        // Replace: move the port to another host, one address
        rc.put(port, """
            {"wiring-tunnel:logical-port": [{"id": "crud-port-1", "overlay-network": "crud-overlay-2",
              "mac-address": "fa:16:3e:00:00:01", "fixed-ip": ["10.10.0.6"], "host": "crud-host-2"}]}""")
            .expect(204);
        node = Intents.config(rc, port).expect(200).json().path("wiring-tunnel:logical-port").path(0);
        assertEquals("crud-host-2", node.path("host").asText());
        Intents.awaitPlanHost(rc, "crud-host-2", h -> Intents.hasBridge(h, "br-int"), "the port's new host");
        Intents.awaitPlanHost(rc, "crud-host-1", JsonNode::isMissingNode, "the port's old host is released");
        assertEquals(Set.of("10.10.0.6"), texts(node.path("fixed-ip")));
        assertTrue(node.path("allowed-address-pair").isMissingNode(), node::toString);

        rc.delete(port).expect(204);
        Intents.assertAbsent(rc, port);
        rc.delete(overlay).expect(204);
        Intents.assertAbsent(rc, overlay);
    }

    private static Set<String> texts(final JsonNode array) {
        final Set<String> ret = new HashSet<>();
        array.forEach(item -> ret.add(item.asText()));
        return ret;
    }
}
