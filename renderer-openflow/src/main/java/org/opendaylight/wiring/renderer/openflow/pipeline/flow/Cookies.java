/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline.flow;

/**
 * The cookie layout: bits 63..32 the configurable base (what marks a flow as ours), bits 31..24 the
 * {@link Purpose}, bits 23..16 zero, bits 15..0 the network id (0 for flows of no network). Exact-set convergence
 * considers the flows whose cookie matches the base under {@link #OWNER_MASK} only.
 */
public final class Cookies {
    /** The default base: 0x0d1c0000 in the upper 32 bits (cookies 0x0d1c0000_PPxxNNNN). */
    public static final long DEFAULT_BASE = 0x0d1c0000L << 32;
    /** The mask selecting the base: all flows of ours match {@code base/OWNER_MASK}. */
    public static final long OWNER_MASK = 0xffffffffL << 32;

    private Cookies() {
        // constants
    }

    /**
     * A cookie.
     *
     * @param base the base, upper 32 bits only
     * @param purpose the purpose
     * @param networkId the network id or 0
     * @return the cookie
     */
    public static long cookie(final long base, final Purpose purpose, final int networkId) {
        if ((base & ~OWNER_MASK) != 0 || base == 0) {
            throw new IllegalArgumentException("cookie base must be non-zero and in the upper 32 bits");
        }
        return base | (long) purpose.code() << 24 | networkId & Metadata.NETWORK_MASK;
    }
}
