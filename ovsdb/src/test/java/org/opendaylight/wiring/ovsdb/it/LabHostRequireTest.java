/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * A missing prerequisite of the OVS integration tests skips them on a developer's machine and fails them in CI.
 */
class LabHostRequireTest {
    @Test
    void missingPrerequisiteFailsUnderCi() {
        final var error = assertThrows(AssertionError.class, () -> LabHost.require(false, "no ovs-vswitchd", true));
        assertTrue(error.getMessage().contains("no ovs-vswitchd"), error.getMessage());
    }

    @Test
    void missingPrerequisiteSkipsOutsideCi() {
        assertThrows(TestAbortedException.class, () -> LabHost.require(false, "no ovs-vswitchd", false));
    }

    @Test
    void presentPrerequisitePasses() {
        LabHost.require(true, "anything", true);
    }
}
