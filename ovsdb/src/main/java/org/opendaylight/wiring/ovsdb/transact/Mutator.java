/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.transact;

/**
 * The mutators of an OVSDB mutation (RFC 7047, 5.1).
 */
public enum Mutator {
    /** {@code +=}. */
    ADD("+="),
    /** {@code -=}. */
    SUBTRACT("-="),
    /** {@code *=}. */
    MULTIPLY("*="),
    /** {@code /=}. */
    DIVIDE("/="),
    /** {@code %=}. */
    MODULO("%="),
    /** {@code insert}: add members to a set, or entries (with new keys) to a map. */
    INSERT("insert"),
    /** {@code delete}: remove members from a set, or entries (by key or key and value) from a map. */
    DELETE("delete");

    private final String wireName;

    Mutator(final String wireName) {
        this.wireName = wireName;
    }

    /**
     * Returns the wire name.
     *
     * @return the mutator as written in JSON
     */
    public String wireName() {
        return wireName;
    }
}
