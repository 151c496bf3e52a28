/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.inventory;

import org.opendaylight.wiring.renderer.openflow.pipeline.compile.CompilerConfig;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Cookies;

/**
 * What on a switch is ours: flows whose cookie matches {@code cookieBase} under {@link Cookies#OWNER_MASK}, groups
 * whose id matches {@code groupBase} under {@link #GROUP_MASK} (groups have no cookie; the id range marks them).
 *
 * @param cookieBase the upper 32 bits of our cookies
 * @param groupBase the base of our group ids (low 18 bits clear)
 */
public record Ownership(long cookieBase, long groupBase) {
    /** The group id bits that must equal the base: everything but the kind (2 bits) and the network id (16 bits). */
    public static final long GROUP_MASK = 0xffffffffL & ~0x3ffffL;

    public Ownership {
        new CompilerConfig(cookieBase, groupBase);
    }

    /**
     * The ownership of what a compiler with this configuration emits.
     *
     * @param config the compiler configuration
     * @return the ownership
     */
    public static Ownership of(final CompilerConfig config) {
        return new Ownership(config.cookieBase(), config.groupBase());
    }

    /**
     * Whether a flow with this cookie is ours.
     *
     * @param cookie the cookie
     * @return true if ours
     */
    public boolean ownsCookie(final long cookie) {
        return (cookie & Cookies.OWNER_MASK) == cookieBase;
    }

    /**
     * Whether a group with this id is ours.
     *
     * @param groupId the group id
     * @return true if ours
     */
    public boolean ownsGroup(final long groupId) {
        return (groupId & GROUP_MASK) == groupBase;
    }
}
