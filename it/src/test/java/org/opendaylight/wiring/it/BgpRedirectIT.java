/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opendaylight.wiring.it.Intents.BGP;
import static org.opendaylight.wiring.it.Intents.DATA;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Create/read/update/delete of wiring-bgp intents: the bgp-redirect switch and settings, routers with gateway
 * port and subnets, and floating IPs, with the status the planner gives them.
 */
@ExtendWith(KarafExtension.class)
class BgpRedirectIT {

    @Test
    void bgpRedirectRoundTrip(final Restconf rc) throws IOException, InterruptedException {
        // Enable (presence container) with some settings
        rc.put(BGP, """
            {"wiring-bgp:bgp-redirect": {"enabled": true, "settings": {"expose-tenant-networks": true,
              "tenant-advertisement": "subnet", "routing-table-base": 300, "flow-cookie": 1000}}}""")
            .expect(201);
        JsonNode settings = Intents.config(rc, BGP).expect(200).json().path("wiring-bgp:bgp-redirect")
            .path("settings");
        assertEquals("true", settings.path("expose-tenant-networks").asText());
        assertEquals("subnet", settings.path("tenant-advertisement").asText());
        assertEquals("300", settings.path("routing-table-base").asText());
        assertEquals("1000", settings.path("flow-cookie").asText());

        // Merge one setting
        rc.patch(BGP + "/settings", """
            {"wiring-bgp:settings": {"ip-rule-priority": 31000}}""").expect(200, 204);
        settings = Intents.config(rc, BGP + "/settings").expect(200).json().path("wiring-bgp:settings");
        assertEquals("31000", settings.path("ip-rule-priority").asText());
        assertEquals("300", settings.path("routing-table-base").asText());

        routerRoundTrip(rc);
        floatingIpRoundTrip(rc);

        // Switching BGP redirect off keeps the data
        rc.put(DATA + "/wiring-provider:provider-networks/provider-network=crud-ext", """
            {"wiring-provider:provider-network": [{"name": "crud-ext", "type": "flat",
              "physical-network": "crud-ext"}]}""").expect(201);
        rc.post(BGP, """
            {"wiring-bgp:floating-ip": [{"address": "203.0.113.30", "provider-network": "crud-ext"}]}""")
            .expect(201);
        final String fip = BGP + "/floating-ip=203.0.113.30";
        Intents.awaitStatus(rc, fip, "pending", "not placed on any host: not associated to a port");
        rc.patch(BGP, """
            {"wiring-bgp:bgp-redirect": {"enabled": false}}""").expect(200, 204);
        Intents.awaitStatus(rc, fip, "pending", "not placed on any host: bgp-redirect is not enabled");
        assertEquals("203.0.113.30", Intents.config(rc, fip).expect(200).json().path("wiring-bgp:floating-ip")
            .path(0).path("address").asText());
        rc.delete(DATA + "/wiring-provider:provider-networks/provider-network=crud-ext").expect(204);

        // Remove everything
        rc.delete(BGP).expect(204);
        Intents.assertAbsent(rc, BGP);
    }

    private static void routerRoundTrip(final Restconf rc) throws IOException, InterruptedException {
        final String router = BGP + "/router=crud-router";
        rc.post(BGP, """
            {"wiring-bgp:router": [{"name": "crud-router",
              "gateway-port": {"provider-network": "crud-ext", "host": "crud-host-1",
                               "mac-address": "fa:16:3e:00:00:aa", "ip-address": ["203.0.113.10", "2001:db8:ff::10"]},
              "subnet": [{"cidr": "10.20.0.0/24", "gateway-ip": "10.20.0.1", "overlay-network": "crud-overlay"}]}]}""")
            .expect(201);
        // crud-ext does not exist: the validator names the field
        Intents.awaitStatus(rc, router, "rejected", "gateway-port/provider-network: unknown provider network crud-ext");
        JsonNode node = Intents.config(rc, router).expect(200).json().path("wiring-bgp:router").path(0);
        assertEquals("crud-ext", node.path("gateway-port").path("provider-network").asText());
        assertEquals("fa:16:3e:00:00:aa", node.path("gateway-port").path("mac-address").asText());
        assertEquals(2, node.path("gateway-port").path("ip-address").size(), node::toString);
        assertEquals("10.20.0.0/24", node.path("subnet").path(0).path("cidr").asText());
        assertEquals("10.20.0.1", node.path("subnet").path(0).path("gateway-ip").asText());

        // Add a subnet, move the gateway, remove the first subnet (key with '/' is percent-encoded)
        rc.post(router, """
            {"wiring-bgp:subnet": [{"cidr": "10.21.0.0/24", "gateway-ip": "10.21.0.1"}]}""").expect(201);
        rc.put(router + "/gateway-port", """
            {"wiring-bgp:gateway-port": {"provider-network": "crud-ext", "host": "crud-host-2",
              "mac-address": "fa:16:3e:00:00:aa", "ip-address": ["203.0.113.10"]}}""").expect(204);
        rc.delete(router + "/subnet=10.20.0.0%2F24").expect(204);

        node = Intents.config(rc, router).expect(200).json().path("wiring-bgp:router").path(0);
        assertEquals("crud-host-2", node.path("gateway-port").path("host").asText());
        assertEquals(1, node.path("gateway-port").path("ip-address").size(), node::toString);
        assertEquals(1, node.path("subnet").size(), node::toString);
        assertEquals("10.21.0.0/24", node.path("subnet").path(0).path("cidr").asText());

        // Remove the gateway (presence container), then the router
        rc.delete(router + "/gateway-port").expect(204);
        Intents.assertAbsent(rc, router + "/gateway-port");
        rc.delete(router).expect(204);
        Intents.assertAbsent(rc, router);
    }

    private static void floatingIpRoundTrip(final Restconf rc) throws IOException, InterruptedException {
        final String fip = BGP + "/floating-ip=203.0.113.20";
        rc.put(fip, """
            {"wiring-bgp:floating-ip": [{"address": "203.0.113.20", "provider-network": "crud-ext"}]}""")
            .expect(201);
        Intents.awaitStatus(rc, fip, "rejected", "provider-network: unknown provider network crud-ext");
        JsonNode node = Intents.config(rc, fip).expect(200).json().path("wiring-bgp:floating-ip").path(0);
        assertEquals("crud-ext", node.path("provider-network").asText());
        assertEquals(true, node.path("port").isMissingNode(), node::toString);

        // Associate to a port
        rc.patch(fip, """
            {"wiring-bgp:floating-ip": [{"address": "203.0.113.20", "port": "crud-port-1",
              "fixed-ip": "10.20.0.5"}]}""").expect(200, 204);
        node = Intents.config(rc, fip).expect(200).json().path("wiring-bgp:floating-ip").path(0);
        assertEquals("crud-port-1", node.path("port").asText());
        assertEquals("10.20.0.5", node.path("fixed-ip").asText());

        // An IPv6 floating IP: the key is percent-encoded
        final String fip6 = BGP + "/floating-ip=2001%3Adb8%3Aff%3A%3A20";
        rc.post(BGP, """
            {"wiring-bgp:floating-ip": [{"address": "2001:db8:ff::20", "provider-network": "crud-ext"}]}""")
            .expect(201);
        assertEquals("2001:db8:ff::20", Intents.config(rc, fip6).expect(200).json().path("wiring-bgp:floating-ip")
            .path(0).path("address").asText());

        rc.delete(fip).expect(204);
        Intents.assertAbsent(rc, fip);
        rc.delete(fip6).expect(204);
        Intents.assertAbsent(rc, fip6);
    }
}
