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
import static org.opendaylight.wiring.it.Intents.PROVIDER;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Create/read/update/delete of wiring-provider intents: provider-network and host with bridge-mapping.
 */
@ExtendWith(KarafExtension.class)
class ProviderNetworksIT {

    @Test
    void providerNetworkRoundTrip(final Restconf rc) throws IOException, InterruptedException {
        final String entry = PROVIDER + "/provider-network=crud-vlan-1";
        final String created = """
            {"wiring-provider:provider-network": [{"name": "crud-vlan-1", "type": "vlan",
              "physical-network": "crud-physnet", "vlan-id": 101, "description": "first"}]}""";

        // Create with POST on the parent container, a second POST of the same key is a conflict
        rc.post(PROVIDER, created).expect(201);
        rc.post(PROVIDER, created).expect(409);
        // the planner sees it: valid, but no host maps its physical network yet
        Intents.awaitStatus(rc, entry, "pending",
            "not placed on any host: no host maps physical network crud-physnet");

        JsonNode net = Intents.config(rc, entry).expect(200).json().path("wiring-provider:provider-network").path(0);
        assertEquals("crud-vlan-1", net.path("name").asText());
        assertEquals("vlan", net.path("type").asText());
        assertEquals("crud-physnet", net.path("physical-network").asText());
        assertEquals("101", net.path("vlan-id").asText());
        assertEquals("first", net.path("description").asText());

        // Replace
        rc.put(entry, """
            {"wiring-provider:provider-network": [{"name": "crud-vlan-1", "type": "vlan",
              "physical-network": "crud-physnet", "vlan-id": 102}]}""").expect(204);
        net = Intents.config(rc, entry).expect(200).json().path("wiring-provider:provider-network").path(0);
        assertEquals("102", net.path("vlan-id").asText());
        assertEquals(true, net.path("description").isMissingNode(), "PUT replaces: description is gone: " + net);

        // Merge
        rc.patch(entry, """
            {"wiring-provider:provider-network": [{"name": "crud-vlan-1", "mtu": 9000}]}""").expect(200, 204);
        net = Intents.config(rc, entry).expect(200).json().path("wiring-provider:provider-network").path(0);
        assertEquals("9000", net.path("mtu").asText());
        assertEquals("102", net.path("vlan-id").asText());

        // A single leaf
        assertEquals("102", Intents.config(rc, entry + "/vlan-id").expect(200).json()
            .path("wiring-provider:vlan-id").asText());

        rc.delete(entry).expect(204);
        Intents.assertAbsent(rc, entry);
        Intents.awaitNonconfig(rc, entry, JsonNode::isMissingNode, "status of a deleted intent removed");
    }

    @Test
    void hostRoundTrip(final Restconf rc) throws IOException, InterruptedException {
        final String host = PROVIDER + "/host=crud-host-1";
        rc.put(host, """
            {"wiring-provider:host": [{"host-id": "crud-host-1", "integration-bridge": "br-int",
              "datapath-type": "netdev",
              "bridge-mapping": [{"physical-network": "crud-physnet", "bridge": "br-crud",
                                  "uplink-interface": "eth1"}]}]}""").expect(201);
        final JsonNode planned = Intents.awaitPlanHost(rc, "crud-host-1", h -> Intents.hasBridge(h, "br-crud"),
            "provider bridge br-crud");
        assertTrue(Intents.hasBridge(planned, "br-int"), planned::toString);
        Intents.awaitStatus(rc, host, "pending", "planned on 1 host(s); waiting for crud-host-1 (ovsdb)");

        JsonNode node = Intents.config(rc, host).expect(200).json().path("wiring-provider:host").path(0);
        assertEquals("netdev", node.path("datapath-type").asText());
        assertEquals(1, node.path("bridge-mapping").size(), node::toString);
        assertEquals("br-crud", node.path("bridge-mapping").path(0).path("bridge").asText());
        assertEquals("eth1", node.path("bridge-mapping").path(0).path("uplink-interface").asText());

        // Add a mapping with POST on the host
        rc.post(host, """
            {"wiring-provider:bridge-mapping": [{"physical-network": "crud-physnet2", "bridge": "br-crud2",
              "routing-table": 150}]}""").expect(201);
        node = Intents.config(rc, host).expect(200).json().path("wiring-provider:host").path(0);
        assertEquals(2, node.path("bridge-mapping").size(), node::toString);

        // Replace one mapping, delete the other
        final String mapping = host + "/bridge-mapping=crud-physnet";
        rc.put(mapping, """
            {"wiring-provider:bridge-mapping": [{"physical-network": "crud-physnet", "bridge": "br-crud3"}]}""")
            .expect(204);
        rc.delete(host + "/bridge-mapping=crud-physnet2").expect(204);
        node = Intents.config(rc, host).expect(200).json().path("wiring-provider:host").path(0);
        assertEquals(1, node.path("bridge-mapping").size(), node::toString);
        assertEquals("crud-physnet", node.path("bridge-mapping").path(0).path("physical-network").asText());
        assertEquals("br-crud3", node.path("bridge-mapping").path(0).path("bridge").asText());
        assertEquals(true, node.path("bridge-mapping").path(0).path("uplink-interface").isMissingNode(),
            node::toString);

        // Merge a leaf of the host
        rc.patch(host, """
            {"wiring-provider:host": [{"host-id": "crud-host-1", "datapath-type": "system"}]}""").expect(200, 204);
        assertEquals("system", Intents.config(rc, host + "/datapath-type").expect(200).json()
            .path("wiring-provider:datapath-type").asText());

        Intents.awaitPlanHost(rc, "crud-host-1", h -> Intents.hasBridge(h, "br-crud3") && !Intents.hasBridge(h,
            "br-crud"), "br-crud replaced by br-crud3");

        rc.delete(host).expect(204);
        Intents.assertAbsent(rc, host);
        Intents.awaitPlanHost(rc, "crud-host-1", JsonNode::isMissingNode, "removed with its only intent");
        Intents.assertAbsent(rc, mapping);
    }
}
