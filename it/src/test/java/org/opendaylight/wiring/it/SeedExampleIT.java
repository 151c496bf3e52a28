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
import static org.opendaylight.wiring.it.Intents.PLAN;
import static org.opendaylight.wiring.it.Intents.PROVIDER;
import static org.opendaylight.wiring.it.Intents.TUNNELING;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The payloads of docs/examples (the README's tour, and what scripts/run.sh loads) are valid RESTCONF input and
 * produce the kernel state seed 001 shows on the router's gateway host.
 */
@ExtendWith(KarafExtension.class)
class SeedExampleIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static String example(final String name) throws IOException {
        return Files.readString(Path.of(System.getProperty("basedir", "."), "..", "docs", "examples", name));
    }

    private static List<String> lines(final JsonNode kernel, final String list, final String... fields) {
        final List<String> result = new ArrayList<>();
        for (JsonNode entry : kernel.path(list)) {
            final StringBuilder line = new StringBuilder();
            for (String field : fields) {
                line.append(entry.path(field).asText()).append(' ');
            }
            result.add(line.toString().trim());
        }
        return result;
    }

    @Test
    void examplesLoadAndPlanTheSeedKernelState(final Restconf rc) throws IOException, InterruptedException {
        try {
            rc.put(PROVIDER, example("provider-networks.json")).expect(200, 201, 204);
            rc.put(TUNNELING, example("tunneling.json")).expect(200, 201, 204);
            rc.put(BGP, example("bgp-redirect.json")).expect(200, 201, 204);

            final var host = rc.await(PLAN + "/host=rack-1-host-1?content=nonconfig", TIMEOUT,
                "the plan of rack-1-host-1 with the tenant subnet",
                r -> r.status() == 200 && r.body().contains("10.0.0.64/26")).json();
            final JsonNode kernel = host.path("wiring-plan:host").get(0).path("kernel");
            final var rules = lines(kernel, "rule", "priority", "destination", "table");
            assertTrue(rules.contains("32000 172.24.4.163/32 200"), rules::toString);
            assertTrue(rules.contains("32000 10.0.0.64/26 200"), rules::toString);
            assertTrue(rules.contains("32000 2001:db8::20/128 200"), rules::toString);
            final var routes = lines(kernel, "route", "table", "destination", "gateway", "device");
            assertTrue(routes.contains("200 10.0.0.64/26 172.24.4.163 br-ex"), routes::toString);
            assertTrue(routes.contains("200 0.0.0.0/0  br-ex"), routes::toString);
            assertEquals(List.of("br-ex 172.24.4.163 fa:16:3e:bf:93:93"),
                lines(kernel, "neighbour", "device", "address", "mac-address"));
            assertEquals(List.of("br-ex 2001:db8::20"), lines(kernel, "proxy-ndp", "device", "address"));
            final var exposed = lines(kernel, "exposed", "prefix");
            assertTrue(exposed.containsAll(List.of("172.24.4.163/32", "2001:db8::20/128", "10.0.0.95/32")),
                exposed::toString);

            rc.await(BGP + "/floating-ip=172.24.4.79/status?content=nonconfig", TIMEOUT,
                "the floating IP planned on the tenant VM's host",
                r -> r.status() == 200 && r.body().contains("rack-2-host-1"));
        } finally {
            rc.delete(BGP);
            rc.delete(TUNNELING);
            rc.delete(PROVIDER);
        }
    }
}
