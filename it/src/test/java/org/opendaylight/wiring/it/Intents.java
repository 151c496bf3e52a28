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

/**
 * RESTCONF paths of the intent models, and small helpers shared by the tests.
 */
final class Intents {
    static final String DATA = "/rests/data";
    static final String PROVIDER = DATA + "/wiring-provider:provider-networks";
    static final String TUNNELING = DATA + "/wiring-tunnel:tunneling";
    static final String BGP = DATA + "/wiring-bgp:bgp-redirect";
    static final String PLAN = DATA + "/wiring-plan:plan";

    private Intents() {
        // constants and helpers only
    }

    /**
     * Reads configuration only ({@code ?content=config}).
     */
    static Restconf.Response config(final Restconf rc, final String path) throws IOException, InterruptedException {
        return rc.get(path + "?content=config");
    }

    /**
     * Reads operational data only ({@code ?content=nonconfig}).
     */
    static Restconf.Response nonconfig(final Restconf rc, final String path)
            throws IOException, InterruptedException {
        return rc.get(path + "?content=nonconfig");
    }

    /**
     * Asserts that no configuration exists at {@code path} (404, or 409 data-missing: see
     * {@link Restconf.Response#isDataMissing()}).
     */
    static void assertAbsent(final Restconf rc, final String path) throws IOException, InterruptedException {
        final Restconf.Response response = config(rc, path);
        assertTrue(response.isDataMissing(), () -> "Expected no data: " + response);
    }
}
