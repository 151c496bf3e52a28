/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline.input;

/**
 * Port keys: the pipeline uses a port's OpenFlow port number as its key in metadata.
 */
public final class PortKeys {
    /** The largest port number a 16-bit port key holds below the reserved range (OFPP_MAX of OpenFlow 1.0). */
    public static final long MAX = 0xfeff;

    private PortKeys() {
        // constants
    }

    /**
     * Check that an OpenFlow port number fits a port key.
     *
     * @param ofport the port number
     * @param what what it is, for the message
     * @throws IllegalArgumentException when it does not
     */
    public static void check(final long ofport, final String what) {
        if (ofport < 1 || ofport > MAX) {
            throw new IllegalArgumentException(what + ": ofport " + ofport + " not in 1.." + MAX);
        }
    }
}
