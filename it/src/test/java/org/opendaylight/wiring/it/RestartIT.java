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
import static org.opendaylight.wiring.it.Intents.PROVIDER;
import static org.opendaylight.wiring.it.Intents.TUNNELING;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Configuration survives a restart of the controller: stop Karaf, start it again on the same data directory.
 * Runs last (one extra boot at the end of the run).
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(KarafExtension.class)
class RestartIT {

    @Test
    void configurationSurvivesRestart(final Karaf karaf, final Restconf rc) throws IOException, InterruptedException {
        final Map<String, String> written = new LinkedHashMap<>();
        written.put(PROVIDER + "/provider-network=persist-net", """
            {"wiring-provider:provider-network": [{"name": "persist-net", "type": "vlan",
              "physical-network": "persist-physnet", "vlan-id": 300, "mtu": 9000}]}""");
        written.put(PROVIDER + "/host=persist-host", """
            {"wiring-provider:host": [{"host-id": "persist-host", "datapath-type": "netdev",
              "bridge-mapping": [{"physical-network": "persist-physnet", "bridge": "br-persist"}]}]}""");
        written.put(TUNNELING + "/overlay-network=persist-overlay", """
            {"wiring-tunnel:overlay-network": [{"name": "persist-overlay", "segmentation-id": 7777}]}""");
        written.put(TUNNELING + "/logical-port=persist-port", """
            {"wiring-tunnel:logical-port": [{"id": "persist-port", "overlay-network": "persist-overlay",
              "mac-address": "fa:16:3e:77:77:77", "fixed-ip": ["10.77.0.7"], "host": "persist-host"}]}""");
        written.put(BGP, """
            {"wiring-bgp:bgp-redirect": {"enabled": true, "settings": {"routing-table-base": 400},
              "floating-ip": [{"address": "203.0.113.77", "provider-network": "persist-net"}]}}""");

        for (Map.Entry<String, String> entry : written.entrySet()) {
            rc.put(entry.getKey(), entry.getValue()).expect(201);
        }
        for (Map.Entry<String, String> entry : written.entrySet()) {
            assertEquals(Restconf.parse(entry.getValue()), Intents.config(rc, entry.getKey()).expect(200).json());
        }

        karaf.restart();

        for (Map.Entry<String, String> entry : written.entrySet()) {
            final JsonNode expected = Restconf.parse(entry.getValue());
            final JsonNode actual = Intents.config(rc, entry.getKey()).expect(200).json();
            assertEquals(expected, actual, () -> entry.getKey() + " changed across the restart");
        }
        for (String path : written.keySet()) {
            rc.delete(path).expect(204);
        }
    }
}
