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
import static org.opendaylight.wiring.it.Intents.BGP;
import static org.opendaylight.wiring.it.Intents.DATA;
import static org.opendaylight.wiring.it.Intents.PLAN;
import static org.opendaylight.wiring.it.Intents.PROVIDER;
import static org.opendaylight.wiring.it.Intents.TUNNELING;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opendaylight.wiring.ovsdb.it.LabHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A controller restart tears nothing down: with a lab host (Open vSwitch in a namespace) programmed, Karaf is
 * stopped and started again on the same data directory while a poller watches the switch every 100 ms. No owned
 * bridge or port may ever be missing; afterwards config, plan and statuses are what they were, and a rejected edit
 * made after the restart still keeps the accepted version (the accepted versions survive in wiring-accepted).
 * Runs last (one extra boot at the end of the run).
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(KarafExtension.class)
class RestartIT {
    private static final Logger LOG = LoggerFactory.getLogger(RestartIT.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** Bridges and ports of the switch, as "bridge" and "bridge/port". */
    private static Set<String> objects(final LabHost host) {
        final Set<String> result = new TreeSet<>();
        for (String bridge : host.vsctl("list-br").lines().map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            result.add(bridge);
            host.vsctl("list-ports", bridge).lines().map(String::strip).filter(s -> !s.isEmpty())
                .forEach(port -> result.add(bridge + "/" + port));
        }
        return result;
    }

    private static String state(final Restconf rc, final String path) throws IOException, InterruptedException {
        return Intents.entry(Intents.nonconfig(rc, path).expect(200).json()).path("status").path("state").asText();
    }

    @Test
    void restartTearsNothingDownAndKeepsDecisions(final Karaf karaf, final Restconf rc) throws Exception {
        LabHost.assumeAvailable();
        try (LabHost host = LabHost.start("tcp:127.0.0.1:6640")) {
            final String id = host.id();
            final Map<String, String> written = new LinkedHashMap<>();
            written.put(PROVIDER + "/provider-network=persist-net", """
                {"wiring-provider:provider-network": [{"name": "persist-net", "type": "vlan",
                  "physical-network": "persist-physnet", "vlan-id": 300, "mtu": 9000}]}""");
            written.put(PROVIDER + "/host=" + id, """
                {"wiring-provider:host": [{"host-id": "%s", "datapath-type": "netdev",
                  "bridge-mapping": [{"physical-network": "persist-physnet", "bridge": "br-persist"}]}]}"""
                .formatted(id));
            written.put(TUNNELING + "/overlay-network=persist-overlay", """
                {"wiring-tunnel:overlay-network": [{"name": "persist-overlay", "segmentation-id": 7777}]}""");
            written.put(TUNNELING + "/logical-port=persist-port", """
                {"wiring-tunnel:logical-port": [{"id": "persist-port", "overlay-network": "persist-overlay",
                  "mac-address": "fa:16:3e:77:77:77", "fixed-ip": ["10.77.0.7"], "host": "%s"}]}""".formatted(id));
            // BGP redirect switched off: its kernel side waits for the host agent, the data must still persist
            written.put(BGP, """
                {"wiring-bgp:bgp-redirect": {"enabled": false, "settings": {"routing-table-base": 400},
                  "floating-ip": [{"address": "203.0.113.77", "provider-network": "persist-net"}]}}""");
            for (Map.Entry<String, String> entry : written.entrySet()) {
                rc.put(entry.getKey(), entry.getValue()).expect(201);
            }
            final String hostPath = PROVIDER + "/host=" + id;
            Intents.awaitStatus(rc, hostPath, "programmed", "programmed on 1 host(s)");
            Intents.awaitStatus(rc, PROVIDER + "/provider-network=persist-net", "programmed", "programmed");
            // the host's plan once it carries every intent written above (the tunneling intents are planned
            // independently of the provider ones, and may come later)
            Intents.awaitNonconfig(rc, PLAN + "/host=" + id,
                node -> node.toString().contains("\"logical-port/persist-port\""),
                "the plan of " + id + " with the logical port");
            final Set<String> owned = objects(host);
            assertTrue(owned.contains("br-persist") && owned.contains("br-int"), owned::toString);
            // plan and states once every renderer has reported (two reads 3 s apart agree)
            Map<String, String> statesBefore = Map.of();
            JsonNode planBefore = null;
            for (int attempt = 0; attempt < 20; attempt++) {
                final Map<String, String> states = new LinkedHashMap<>();
                for (String path : written.keySet()) {
                    if (!path.equals(BGP)) {
                        states.put(path, state(rc, path));
                    }
                }
                final JsonNode plan = Intents.entry(Intents.nonconfig(rc, PLAN + "/host=" + id).expect(200).json());
                if (states.equals(statesBefore) && plan.equals(planBefore)) {
                    break;
                }
                statesBefore = states;
                planBefore = plan;
                Thread.sleep(3000);
            }
            LOG.info("states before the restart: {}", statesBefore);

            // reconnect as early as the listener opens, so the switch can be back before the planner has published
            final String manager = host.vsctl("--columns=_uuid", "--bare", "list", "Manager").strip();
            host.vsctl("set", "Manager", manager, "max_backoff=1000");

            // watch the switch while the controller restarts
            final List<String> missing = Collections.synchronizedList(new ArrayList<>());
            final AtomicBoolean polling = new AtomicBoolean(true);
            final AtomicInteger polls = new AtomicInteger();
            final Thread poller = new Thread(() -> {
                while (polling.get()) {
                    final Set<String> now = objects(host);
                    polls.incrementAndGet();
                    for (String object : owned) {
                        if (!now.contains(object)) {
                            missing.add(System.currentTimeMillis() + " " + object);
                        }
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "restart-poller");
            poller.start();
            final long started = System.nanoTime();
            karaf.restart();
            rc.await(DATA + "/wiring-ovsdb:ovsdb-state/host=" + id + "?content=nonconfig", TIMEOUT,
                "the OVSDB session of " + id + " after the restart",
                r -> r.status() == 200 && r.body().contains("\"connected\""));
            Intents.awaitStatus(rc, hostPath, "programmed", "programmed on 1 host(s)");
            // and a while longer: a late teardown would show here
            Thread.sleep(5000);
            polling.set(false);
            poller.join();
            LOG.info("restart poll: {} polls over {} s, {} owned objects, missing: {}", polls.get(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), owned.size(), missing);
            assertEquals(List.of(), missing, "owned objects missing during the restart");
            assertEquals(owned, objects(host));

            for (Map.Entry<String, String> entry : written.entrySet()) {
                assertEquals(Restconf.parse(entry.getValue()), Intents.config(rc, entry.getKey()).expect(200).json(),
                    () -> entry.getKey() + " changed across the restart");
            }
            assertEquals(planBefore, Intents.entry(Intents.nonconfig(rc, PLAN + "/host=" + id).expect(200).json()));
            // every intent returns to its state once the renderers have reported again
            for (Map.Entry<String, String> entry : statesBefore.entrySet()) {
                Intents.awaitNonconfig(rc, entry.getKey(),
                    node -> entry.getValue().equals(node.path("status").path("state").asText()),
                    entry.getKey() + " back in state " + entry.getValue());
            }

            // a rejected edit after the restart keeps the version accepted before it
            rc.put(hostPath, """
                {"wiring-provider:host": [{"host-id": "%s", "datapath-type": "netdev",
                  "bridge-mapping": [{"physical-network": "persist-physnet", "bridge": "br-persist"},
                                     {"physical-network": "other", "bridge": "br-int"}]}]}""".formatted(id))
                .expect(204);
            final JsonNode status = Intents.awaitStatus(rc, hostPath, "rejected",
                "edit rejected: bridge-mapping[other]/bridge: br-int is the integration bridge; the version accepted"
                    + " at ");
            assertEquals("programmed", status.path("in-force").path("state").asText(), status::toString);
            Thread.sleep(3000);
            assertEquals(owned, objects(host), "the rejected edit tore nothing down");
            assertEquals(planBefore, Intents.entry(Intents.nonconfig(rc, PLAN + "/host=" + id).expect(200).json()));

            for (String path : written.keySet()) {
                rc.delete(path).expect(204);
            }
        }
    }
}
