/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The distribution boots with odl-wiring installed and our bundles active; odl-wiring-openapi is available.
 */
@Order(1)
@ExtendWith(KarafExtension.class)
class FeatureIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> BUNDLES = List.of("org.opendaylight.wiring.api", "org.opendaylight.wiring.impl",
        "org.opendaylight.wiring.ovsdb", "org.opendaylight.wiring.renderer-ovsdb");
    /** Karaf's own boot-time diagnostics bundle: installed Resolved by design, never started. */
    private static final String KARAF_DIAGNOSTIC_BOOT = "org.apache.karaf.diagnostic.boot";

    /**
     * The row of a Karaf table whose first column is {@code name}.
     */
    private static Optional<String> row(final String output, final String name) {
        return output.lines().map(String::strip)
            .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "|"))
            .findFirst();
    }

    /**
     * The row of {@code bundle:list -s} whose last column (symbolic name) is {@code bsn}.
     */
    private static Optional<String> bundleRow(final String output, final String bsn) {
        return output.lines().map(String::strip).filter(line -> line.endsWith("| " + bsn)).findFirst();
    }

    @Test
    void odlWiringIsInstalledAndStarted(final Karaf karaf) throws IOException, InterruptedException {
        final String installed = karaf.awaitConsole("feature:list -i", TIMEOUT,
            out -> row(out, "odl-wiring").map(line -> line.contains("Started")).orElse(false));
        final Optional<String> wiring = row(installed, "odl-wiring");
        assertTrue(wiring.isPresent(), () -> "odl-wiring is not installed; feature:list -i printed:\n" + installed);
        assertTrue(wiring.orElseThrow().contains("Started"), () -> "odl-wiring is not started: " + wiring);
    }

    @Test
    void openApiFeatureIsAvailable(final Karaf karaf) throws IOException, InterruptedException {
        final String all = karaf.console("feature:list");
        assertTrue(row(all, "odl-wiring-openapi").isPresent(),
            () -> "odl-wiring-openapi is not listed; feature:list printed:\n" + all);
    }

    @Test
    void ourBundlesAreActive(final Karaf karaf) throws IOException, InterruptedException {
        final String bundles = karaf.awaitConsole("bundle:list -s", TIMEOUT, out -> BUNDLES.stream()
            .allMatch(bsn -> bundleRow(out, bsn).map(line -> line.contains("Active")).orElse(false)));
        for (String bsn : BUNDLES) {
            final Optional<String> row = bundleRow(bundles, bsn);
            assertTrue(row.isPresent(), () -> bsn + " is not installed; bundle:list -s printed:\n" + bundles);
            assertTrue(row.orElseThrow().contains("Active"), () -> bsn + " is not active: " + row);
        }
    }

    /**
     * The SFT skips its bundle diagnostics (see features/odl-wiring/pom.xml for why), so this checks what it would:
     * every bundle of the booted distribution is Active, fragments (Resolved by nature) excepted.
     */
    @Test
    void everyBundleIsActive(final Karaf karaf) throws IOException, InterruptedException {
        final String[] last = new String[1];
        karaf.awaitConsole("bundle:list -t 0 -s", TIMEOUT, out -> {
            last[0] = out;
            return notActive(karaf, out).isEmpty();
        });
        final List<String> failing = notActive(karaf, last[0]);
        assertTrue(failing.isEmpty(),
            () -> "bundles not Active: " + failing + "\n" + karaf.consoleOrError("bundle:diag"));
    }

    private static List<String> notActive(final Karaf karaf, final String list) {
        final List<String> result = new java.util.ArrayList<>();
        for (String line : list.lines().map(String::strip).toList()) {
            final String[] columns = line.split("[│|]");
            if (columns.length < 5 || !columns[0].strip().matches("\\d+")) {
                continue;
            }
            final String state = columns[1].strip();
            if ("Active".equals(state) || columns[columns.length - 1].strip().equals(KARAF_DIAGNOSTIC_BOOT)) {
                continue;
            }
            final String headers = karaf.consoleOrError("bundle:headers " + columns[0].strip());
            if (!headers.contains("Fragment-Host")) {
                result.add(line);
            }
        }
        return result;
    }
}
