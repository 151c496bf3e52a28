/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.schema;

import java.util.Locale;

/**
 * The OVSDB atomic types (RFC 7047, 3.2).
 */
public enum AtomicType {
    /** 64-bit signed integer. */
    INTEGER,
    /** IEEE-754 double. */
    REAL,
    /** Boolean. */
    BOOLEAN,
    /** UTF-8 string. */
    STRING,
    /** Row UUID (possibly a reference to a row of {@code refTable}). */
    UUID;

    /**
     * Returns the wire name.
     *
     * @return the name as used in schemas, for instance {@code "integer"}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name.
     *
     * @param name the name as used in schemas
     * @return the type
     * @throws IllegalArgumentException for an unknown name
     */
    public static AtomicType forWireName(final String name) {
        for (AtomicType type : values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown OVSDB atomic type \"" + name + "\"");
    }
}
