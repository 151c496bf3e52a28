/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.Addresses;

/**
 * Address normalisation: what the match fields and golden files rely on.
 */
class AddressesTest {
    @Test
    void ipv6IsCompressedAsInRfc5952() {
        assertEquals("2001:db8::21c", Addresses.normalizeAddress("2001:0DB8:0:0:0:0:0:021C"));
        assertEquals("2001:db8:0:1::1", Addresses.normalizeAddress("2001:db8:0:1:0:0:0:1"));
        assertEquals("::", Addresses.normalizeAddress("::"));
        assertEquals("fe80::1", Addresses.normalizeAddress("fe80:0:0:0::1"));
        assertEquals("2001:0:0:1::1", Addresses.normalizeAddress("2001:0:0:1:0:0:0:1"));
        assertEquals("10.0.0.5", Addresses.normalizeAddress("10.0.0.5"));
        assertThrows(IllegalArgumentException.class, () -> Addresses.normalizeAddress("10.0.0.256"));
        assertThrows(IllegalArgumentException.class, () -> Addresses.normalizeAddress("example.org"));
    }

    @Test
    void prefixes() {
        assertEquals("10.0.0.5", Addresses.normalizePrefix("10.0.0.5/32"));
        assertEquals("10.0.0.0/24", Addresses.normalizePrefix("10.0.0.0/24"));
        assertEquals("2001:db8::/64", Addresses.normalizePrefix("2001:db8:0::/64"));
        assertThrows(IllegalArgumentException.class, () -> Addresses.normalizePrefix("10.0.0.0/33"));
    }

    @Test
    void linkLocalFromMac() {
        assertEquals("fe80::f816:3eff:fe95:bfe9", Addresses.linkLocal("fa:16:3e:95:bf:e9"));
        assertEquals("fe80::200:ff:fe00:1", Addresses.linkLocal("00:00:00:00:00:01"));
    }
}
