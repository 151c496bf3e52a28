/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.it;

import static org.opendaylight.wiring.it.Intents.BGP;
import static org.opendaylight.wiring.it.Intents.DATA;
import static org.opendaylight.wiring.it.Intents.PLAN;
import static org.opendaylight.wiring.it.Intents.PROVIDER;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The host agent's way back: {@code report-realization} over RESTCONF reaches the intents' status.
 */
@ExtendWith(KarafExtension.class)
class ReportRealizationIT {

    @Test
    void aReportOverRestconfReachesTheStatus(final Restconf rc) throws IOException, InterruptedException {
        final String host = PROVIDER + "/host=rpt-host";
        rc.put(PROVIDER + "/provider-network=rpt-net", """
            {"wiring-provider:provider-network": [{"name": "rpt-net", "type": "flat",
              "physical-network": "rpt-phys"}]}""").expect(201);
        rc.put(host, """
            {"wiring-provider:host": [{"host-id": "rpt-host",
              "bridge-mapping": [{"physical-network": "rpt-phys", "bridge": "br-rpt"}]}]}""").expect(201);
        rc.put(BGP, """
            {"wiring-bgp:bgp-redirect": {"enabled": true}}""").expect(201);
        Intents.awaitStatus(rc, host, "pending", "planned on 1 host(s); waiting for rpt-host (ovsdb, host-agent)");
        final String digest = Intents.awaitPlanHost(rc, "rpt-host", h -> !h.path("kernel").isMissingNode(),
            "kernel state").path("digest").asText();

        rc.post(DATA.replace("/data", "/operations") + "/wiring-plan:report-realization", """
            {"input": {"host-id": "rpt-host", "renderer": "host-agent", "applied-digest": "%s"}}""".formatted(digest))
            .expect(200, 204);
        Intents.awaitStatus(rc, host, "pending", "planned on 1 host(s); waiting for rpt-host (ovsdb)");

        rc.post(DATA.replace("/data", "/operations") + "/wiring-plan:report-realization", """
            {"input": {"host-id": "rpt-host", "renderer": "host-agent", "applied-digest": "%s",
              "failed-intent": [{"intent": "provider-host/rpt-host",
                                 "reason": "sysctl -w net.ipv4.conf.br-rpt.proxy_arp=1: No such file"}]}}"""
            .formatted(digest)).expect(200, 204);
        Intents.awaitStatus(rc, host, "failed",
            "rpt-host: host-agent: sysctl -w net.ipv4.conf.br-rpt.proxy_arp=1: No such file");

        rc.delete(BGP).expect(204);
        rc.delete(host).expect(204);
        rc.delete(PROVIDER + "/provider-network=rpt-net").expect(204);
        Intents.awaitPlanHost(rc, "rpt-host", com.fasterxml.jackson.databind.JsonNode::isMissingNode, "removed");
        Intents.awaitNonconfig(rc, PLAN + "/host=rpt-host", com.fasterxml.jackson.databind.JsonNode::isMissingNode,
            "no plan");
    }
}
