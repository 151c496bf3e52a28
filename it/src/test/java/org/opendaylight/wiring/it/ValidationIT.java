/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendaylight.wiring.it.Intents.PROVIDER;
import static org.opendaylight.wiring.it.Intents.TUNNELING;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Schema validation by RESTCONF and the datastore: bad input gets 400 with an error naming the field, and
 * nothing is stored.
 */
@ExtendWith(KarafExtension.class)
class ValidationIT {

    @Test
    void vlanIdOutOfRange(final Restconf rc) throws IOException, InterruptedException {
        final String entry = PROVIDER + "/provider-network=bad-vlan";
        rc.put(entry, """
            {"wiring-provider:provider-network": [{"name": "bad-vlan", "type": "vlan",
              "physical-network": "val-physnet", "vlan-id": 5000}]}""").expectBadRequestNaming("vlan-id");
        Intents.assertAbsent(rc, entry);
    }

    @Test
    void badMacAddress(final Restconf rc) throws IOException, InterruptedException {
        final String entry = TUNNELING + "/logical-port=bad-mac";
        rc.put(entry, """
            {"wiring-tunnel:logical-port": [{"id": "bad-mac", "overlay-network": "val-overlay",
              "mac-address": "zz:16:3e:00:00:01"}]}""").expectBadRequestNaming("mac-address");
        Intents.assertAbsent(rc, entry);
    }

    @Test
    void segmentationIdZero(final Restconf rc) throws IOException, InterruptedException {
        final String entry = TUNNELING + "/overlay-network=bad-segmentation";
        rc.put(entry, """
            {"wiring-tunnel:overlay-network": [{"name": "bad-segmentation", "segmentation-id": 0}]}""")
            .expectBadRequestNaming("segmentation-id");
        Intents.assertAbsent(rc, entry);
    }

    @Test
    void unknownLeaf(final Restconf rc) throws IOException, InterruptedException {
        final String entry = PROVIDER + "/provider-network=bad-leaf";
        rc.put(entry, """
            {"wiring-provider:provider-network": [{"name": "bad-leaf", "type": "flat",
              "physical-network": "val-physnet", "colour": "red"}]}""").expectBadRequestNaming("colour");
        Intents.assertAbsent(rc, entry);
    }

    @Test
    void deviceNameTooLong(final Restconf rc) throws IOException, InterruptedException {
        final String entry = PROVIDER + "/host=bad-bridge-host";
        rc.put(entry, """
            {"wiring-provider:host": [{"host-id": "bad-bridge-host",
              "bridge-mapping": [{"physical-network": "val-physnet", "bridge": "br-this-is-too-long"}]}]}""")
            .expectBadRequestNaming("bridge");
        Intents.assertAbsent(rc, entry);
    }

    /**
     * A provider network without its mandatory {@code type} is refused, the error names {@code type}, and nothing is
     * stored. Note: RESTCONF does not check mandatory leaves itself; the datastore refuses the commit ("missing
     * mandatory descendant .../type") and netconf 6.0.8 reports that as 500 operation-failed, not 400.
     */
    @Test
    void missingMandatoryType(final Restconf rc) throws IOException, InterruptedException {
        final String entry = PROVIDER + "/provider-network=bad-no-type";
        final Restconf.Response response = rc.put(entry, """
            {"wiring-provider:provider-network": [{"name": "bad-no-type", "physical-network": "val-physnet"}]}""");
        if (response.status() / 100 == 2) {
            // Leave nothing behind for the other tests, then fail
            rc.delete(entry);
        }
        assertTrue(response.status() == 400 || response.status() == 500, () -> "Expected 400 (or 500): " + response);
        assertTrue(response.body().contains("mandatory") && response.body().contains(")type"),
            () -> "The error does not name the missing mandatory leaf type: " + response);
        Intents.assertAbsent(rc, entry);
    }
}
