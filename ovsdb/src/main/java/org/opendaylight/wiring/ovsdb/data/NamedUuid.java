/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.data;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * A reference to a row inserted earlier in the same transaction, encoded as {@code ["named-uuid","<name>"]}.
 *
 * <p>The name is the {@code uuid-name} of an {@code insert} operation of the same transaction (RFC 7047, 5.1).
 *
 * @param name the uuid-name, matching {@code [_a-zA-Z][_a-zA-Z0-9]*}
 */
public record NamedUuid(String name) {
    private static final Pattern PATTERN = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9]*");

    /**
     * Creates a named-uuid reference.
     *
     * @param name the uuid-name
     * @throws IllegalArgumentException if the name is not a valid OVSDB identifier
     */
    public NamedUuid {
        requireNonNull(name, "name");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("invalid uuid-name \"" + name + "\": must match [_a-zA-Z][_a-zA-Z0-9]*");
        }
    }

    /**
     * Creates a named-uuid reference.
     *
     * @param name the uuid-name
     * @return the reference
     */
    public static NamedUuid of(final String name) {
        return new NamedUuid(name);
    }

    /**
     * Tells whether a string can serve as uuid-name.
     *
     * @param name candidate name
     * @return true if valid
     */
    public static boolean isValidName(final String name) {
        return PATTERN.matcher(name).matches();
    }

    @Override
    public String toString() {
        return "named-uuid:" + name;
    }
}
