/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline.compile;

import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Cookies;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Purpose;

/**
 * The compiler's settings.
 *
 * @param cookieBase the upper 32 bits of every cookie of ours (see {@link Cookies})
 * @param groupBase the base of our group ids: group id = base | kind &lt;&lt; 16 | network id, kind 1 (flood from a
 *     VM port) or 2 (flood from a tunnel or provider network); the low 18 bits must be zero
 */
public record CompilerConfig(long cookieBase, long groupBase) {
    /** The default: {@link Cookies#DEFAULT_BASE} and group ids 0x0d1c0000 and up. */
    public static final CompilerConfig DEFAULT = new CompilerConfig(Cookies.DEFAULT_BASE, 0x0d1c0000L);

    public CompilerConfig {
        Cookies.cookie(cookieBase, Purpose.PIPELINE, 0);
        if ((groupBase & 0x3ffffL) != 0 || groupBase < 0 || groupBase + 0x2ffffL > 0xffffff00L) {
            throw new IllegalArgumentException("group base 0x" + Long.toHexString(groupBase)
                + " must have its low 18 bits clear and leave room below 0xffffff00");
        }
    }
}
