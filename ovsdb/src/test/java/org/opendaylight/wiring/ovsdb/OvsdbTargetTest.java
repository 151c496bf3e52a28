/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OvsdbTargetTest {
    @Test
    void parsesOvsSyntax() {
        assertEquals(new OvsdbTarget(OvsdbTarget.Kind.TCP, "192.0.2.1", 6641),
            OvsdbTarget.parse("tcp:192.0.2.1:6641"));
        assertEquals(new OvsdbTarget(OvsdbTarget.Kind.SSL, "host.example", 6640),
            OvsdbTarget.parse("ssl:host.example"));
        assertEquals(new OvsdbTarget(OvsdbTarget.Kind.TCP, "::1", 6640), OvsdbTarget.parse("tcp:[::1]:6640"));
        assertEquals(new OvsdbTarget(OvsdbTarget.Kind.PTCP, "0.0.0.0", 6640), OvsdbTarget.parse("ptcp:"));
        assertEquals(new OvsdbTarget(OvsdbTarget.Kind.PTCP, "0.0.0.0", 6640), OvsdbTarget.parse("ptcp:6640"));
        assertEquals(new OvsdbTarget(OvsdbTarget.Kind.PTCP, "127.0.0.1", 0),
            OvsdbTarget.parse("ptcp:0:127.0.0.1"));
        assertEquals(new OvsdbTarget(OvsdbTarget.Kind.PSSL, "::", 6640), OvsdbTarget.parse("pssl:6640:[::]"));
        assertEquals("ptcp:6640:127.0.0.1", OvsdbTarget.parse("ptcp:6640:127.0.0.1").toString());
        assertEquals("tcp:[::1]:6640", OvsdbTarget.parse("tcp:[::1]:6640").toString());
    }

    @Test
    void rejectsInvalidTargets() {
        for (String bad : new String[] {"", "tcp", "udp:1.2.3.4:5", "tcp:1.2.3.4:0", "tcp:1.2.3.4:99999",
            "tcp::1:6640", "ptcp:abc", "tcp:[::1", "unix:/var/run/db.sock"}) {
            assertThrows(IllegalArgumentException.class, () -> OvsdbTarget.parse(bad), bad);
        }
    }

    @Test
    void configValidation() {
        new OvsdbConfig().addRemote("ptcp:6640").validate();
        assertThrows(IllegalArgumentException.class, () -> new OvsdbConfig().addRemote("pssl:6640").validate());
        assertThrows(IllegalArgumentException.class, () -> new OvsdbConfig().setMaxMissedEchoes(0).validate());
        assertThrows(IllegalArgumentException.class, () -> new OvsdbConfig().setReconnectMaxDelayMillis(1)
            .validate());
    }
}
