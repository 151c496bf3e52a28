/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcilerTest {
    @TempDir
    Path dir;

    private AgentConfig config() {
        return new AgentConfig(216, "odl-wiring", dir.resolve("protos.conf"), dir.resolve("tables.conf"),
            dir.resolve("state.json"), Optional.empty(), AgentConfig.ExposureKind.BRIDGE, "odl-wiring-host-agent",
            0x3e7, false, Map.of());
    }

    @Test
    void unknownDesiredStateChangesNothingAtAll() throws IOException {
        final CommandRunner refuse = (argv, stdin, env) -> {
            throw new AssertionError("ran " + argv);
        };
        final Reconciler.Result result = new Reconciler(config(), refuse).reconcile(Optional.empty());
        assertTrue(result.gated());
        assertEquals(0, result.batches());
        assertTrue(new FlowReconciler(config(), refuse).reconcile(Optional.empty()).gated());
        assertTrue(Files.notExists(dir.resolve("tables.conf")));
        assertTrue(Files.notExists(dir.resolve("protos.conf")));
    }

    @Test
    void aFailingReadChangesNothing() {
        final List<List<String>> ran = new ArrayList<>();
        final CommandRunner broken = (argv, stdin, env) -> {
            ran.add(argv);
            return new CommandRunner.Result(1, "", "Cannot open netlink socket");
        };
        assertThrows(IOException.class, () -> new Reconciler(config(), broken)
            .reconcile(Optional.of(DifferTest.crLrp())));
        assertTrue(ran.stream().noneMatch(argv -> argv.contains("-batch")), ran::toString);
        assertTrue(Files.notExists(dir.resolve("tables.conf")));
    }

    @Test
    void batchErrorsAreReportedPerObject() throws IOException {
        final List<String> batches = new ArrayList<>();
        final CommandRunner fake = (argv, stdin, env) -> {
            if (argv.contains("-batch")) {
                batches.add(stdin);
                final String[] lines = stdin.split("\n");
                final StringBuilder err = new StringBuilder();
                for (int i = 0; i < lines.length; i++) {
                    if (lines[i].contains("neigh replace")) {
                        err.append("Cannot find device \"br-ex\"\nCommand failed -:").append(i + 1).append('\n');
                    }
                }
                return new CommandRunner.Result(err.length() == 0 ? 0 : 1, "", err.toString());
            }
            if (argv.get(0).equals("grep") || argv.get(0).equals("sysctl")) {
                return new CommandRunner.Result(2, "", "");
            }
            if (argv.contains("link")) {
                return new CommandRunner.Result(0, "[{\"ifname\":\"br-ex\",\"address\":\"02:00:00:00:00:01\"}]", "");
            }
            return new CommandRunner.Result(0, "[]", "");
        };
        final Reconciler.Result result = new Reconciler(config(), fake).reconcile(Optional.of(DifferTest.crLrp()));
        assertEquals(2, batches.size(), "one main and one IPv6-rule batch");
        assertTrue(result.failures().stream().anyMatch(f -> f.object().equals("neighbour 172.24.4.163 dev br-ex")
            && f.error().equals("Cannot find device \"br-ex\"")), result.failures()::toString);
        assertTrue(result.failures().stream().anyMatch(f -> f.object().startsWith("sysctl ")));
        assertEquals("# Written by the ODL Wiring host agent; do not edit.\n200\tbr-ex\n",
            Files.readString(dir.resolve("tables.conf")));
        assertEquals("# Written by the ODL Wiring host agent; do not edit.\n216\todl-wiring\n",
            Files.readString(dir.resolve("protos.conf")));
    }
}
