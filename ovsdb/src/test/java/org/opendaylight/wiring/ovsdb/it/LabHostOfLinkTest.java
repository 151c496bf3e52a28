/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The range of OpenFlow link numbers {@link LabHost} hands out (system property wiring.lab.ofLinks). */
class LabHostOfLinkTest {
    @Test
    void rangeIsParsed() {
        assertArrayEquals(new int[0], LabHost.ofLinkRange(null));
        assertArrayEquals(new int[0], LabHost.ofLinkRange(" "));
        assertArrayEquals(new int[] { 100, 199 }, LabHost.ofLinkRange("100-199"));
        assertArrayEquals(new int[] { 7, 7 }, LabHost.ofLinkRange(" 7 - 7 "));
        assertArrayEquals(new int[] { 1, 16000 }, LabHost.ofLinkRange("1-16000"));
    }

    @Test
    void badRangesAreRefused() {
        for (var bad : List.of("100", "0-5", "5-4", "1-16001", "a-b", "1-2-3", "-5", "5-")) {
            assertThrows(IllegalArgumentException.class, () -> LabHost.ofLinkRange(bad), bad);
        }
    }
}
