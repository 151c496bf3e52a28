/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.ovsdb.desired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link ControllerTargets}: a host's external_ids:odl-wiring-controller replaces the configured controller targets
 * only when every element is a valid active target.
 */
class ControllerTargetsTest {
    private static final List<String> CONFIGURED = List.of("tcp:127.0.0.1:6653", "tcp:127.0.0.2:6653");

    private static ControllerTargets.Selection select(final String value) {
        return ControllerTargets.select("h1", value == null ? Map.of("system-id", "h1")
            : Map.of("system-id", "h1", ControllerTargets.KEY, value), CONFIGURED);
    }

    @Test
    void withoutTheKeyTheConfiguredTargetsAreUsed() {
        final var selection = select(null);
        assertEquals(CONFIGURED, selection.targets());
        assertNull(selection.problem());
        assertEquals(CONFIGURED, ControllerTargets.select("h1", Map.of(), CONFIGURED).targets());
    }

    @Test
    void validValuesReplaceTheConfiguredTargets() {
        assertEquals(List.of("tcp:169.254.1.5:6653"), select("tcp:169.254.1.5:6653").targets());
        assertEquals(List.of("tcp:192.0.2.1:6653", "ssl:[2001:db8::1]:6653", "tcp:[::1]:1"),
            select(" tcp:192.0.2.1:6653 ,ssl:[2001:db8::1]:6653, tcp:[::1]:1").targets());
        assertEquals(List.of("ssl:10.0.0.1:65535"), select("ssl:10.0.0.1:65535").targets());
        // a repeated target is one controller
        assertEquals(List.of("tcp:192.0.2.1:6653"), select("tcp:192.0.2.1:6653,tcp:192.0.2.1:6653").targets());
        assertNull(select("tcp:192.0.2.1:6653").problem());
    }

    @Test
    void invalidValuesKeepTheConfiguredTargetsAndSayWhy() {
        for (var bad : List.of("", " ", "tcp:192.0.2.1:6653,", "tcp:192.0.2.1", "tcp:192.0.2.1:0",
                "tcp:192.0.2.1:65536", "tcp:192.0.2.1:123456", "udp:192.0.2.1:6653", "ptcp:6653",
                "tcp:192.0.2.256:6653", "tcp:192.0.2:6653", "tcp:odl.example.org:6653", "tcp:2001:db8::1:6653",
                "tcp:[192.0.2.1]:6653", "tcp:[2001:db8::g]:6653", "tcp:[fe80::1%eth0]:6653", "tcp:[::1]6653",
                "unix:/run/ovs.sock", "TCP:192.0.2.1:6653", "tcp:192.0.2.1:6653;tcp:192.0.2.2:6653",
                "tcp:192.0.2.1:6653,bogus")) {
            final var selection = select(bad);
            assertEquals(CONFIGURED, selection.targets(), bad);
            assertNotNull(selection.problem(), bad);
            assertTrue(selection.problem().contains("external_ids:odl-wiring-controller=\"" + bad + "\""),
                selection.problem());
            assertTrue(selection.problem().contains("host h1"), selection.problem());
        }
        assertEquals("host h1: Open_vSwitch external_ids:odl-wiring-controller=\"tcp:192.0.2.1:6653,tcp:x:1\" is "
            + "invalid ('tcp:x:1': 'x' is not an IPv4 address (IPv6 goes in brackets)); the configured controllers "
            + "[tcp:127.0.0.1:6653, tcp:127.0.0.2:6653] are used", select("tcp:192.0.2.1:6653,tcp:x:1").problem());
    }

    @Test
    void invalidReasonNamesTheElement() {
        assertEquals(Optional.empty(), ControllerTargets.invalidReason("tcp:[2001:db8::1]:6653"));
        assertEquals(Optional.of("'tcp:1.2.3.4:0': port 0 is out of range 1-65535"),
            ControllerTargets.invalidReason("tcp:1.2.3.4:0"));
        assertEquals(Optional.of("'tcp:[1.2.3.4]:1': '1.2.3.4' is not an IPv6 address"),
            ControllerTargets.invalidReason("tcp:[1.2.3.4]:1"));
        assertEquals(Optional.of("'tcp:1.2.3.4' is not tcp:IP:PORT or ssl:IP:PORT (IPv6 in brackets)"),
            ControllerTargets.invalidReason("tcp:1.2.3.4"));
    }
}
