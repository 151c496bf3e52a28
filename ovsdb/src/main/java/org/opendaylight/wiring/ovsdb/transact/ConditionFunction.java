/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.transact;

/**
 * The functions of an OVSDB condition (RFC 7047, 5.1).
 */
public enum ConditionFunction {
    /** {@code <}. */
    LESS_THAN("<"),
    /** {@code <=}. */
    LESS_EQUAL("<="),
    /** {@code ==}. */
    EQUAL("=="),
    /** {@code !=}. */
    NOT_EQUAL("!="),
    /** {@code >=}. */
    GREATER_EQUAL(">="),
    /** {@code >}. */
    GREATER_THAN(">"),
    /** {@code includes}: the column (set or map) includes the value. */
    INCLUDES("includes"),
    /** {@code excludes}: the column (set or map) excludes the value. */
    EXCLUDES("excludes");

    private final String wireName;

    ConditionFunction(final String wireName) {
        this.wireName = wireName;
    }

    /**
     * Returns the wire name.
     *
     * @return the function as written in JSON
     */
    public String wireName() {
        return wireName;
    }
}
