/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.data;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An OVSDB {@code uuid} atom: a row identifier, encoded on the wire as {@code ["uuid","<uuid>"]}.
 *
 * @param value the canonical lower-case textual form of the UUID
 */
public record Uuid(String value) implements Comparable<Uuid> {
    private static final Pattern PATTERN = Pattern.compile(
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * Creates a UUID atom, validating its syntax.
     *
     * @param value the textual UUID
     * @throws IllegalArgumentException if {@code value} is not a UUID
     */
    public Uuid {
        requireNonNull(value, "value");
        if (!PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("not a UUID: \"" + value + "\"");
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a UUID atom from its textual form.
     *
     * @param value the textual UUID
     * @return the atom
     */
    public static Uuid of(final String value) {
        return new Uuid(value);
    }

    /**
     * Converts a {@link UUID}.
     *
     * @param uuid the UUID
     * @return the atom
     */
    public static Uuid of(final UUID uuid) {
        return new Uuid(uuid.toString());
    }

    @Override
    public int compareTo(final Uuid other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
