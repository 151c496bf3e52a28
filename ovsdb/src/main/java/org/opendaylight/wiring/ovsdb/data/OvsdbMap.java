/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable OVSDB map value, encoded as {@code ["map",[[key,value],...]]}.
 *
 * <p>Keys and values are OVSDB atoms (see {@link OvsdbSet}). Entry order is kept as given or received.
 */
public final class OvsdbMap {
    private static final OvsdbMap EMPTY = new OvsdbMap(Map.of());

    private final Map<Object, Object> entries;

    private OvsdbMap(final Map<Object, Object> entries) {
        this.entries = entries;
    }

    /**
     * Returns the empty map.
     *
     * @return the empty map
     */
    public static OvsdbMap empty() {
        return EMPTY;
    }

    /**
     * Creates a map from alternating keys and values.
     *
     * @param keysAndValues key1, value1, key2, value2, ...
     * @return the map
     * @throws IllegalArgumentException on an odd number of arguments or a non-atom argument
     */
    public static OvsdbMap of(final Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("OvsdbMap.of() needs key/value pairs, got " + keysAndValues.length
                + " arguments");
        }
        final Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return copyOf(map);
    }

    /**
     * Creates a map from a Java map of atoms.
     *
     * @param map the entries
     * @return the OVSDB map
     * @throws IllegalArgumentException if a key or value is not an OVSDB atom
     */
    public static OvsdbMap copyOf(final Map<?, ?> map) {
        if (map.isEmpty()) {
            return EMPTY;
        }
        final Map<Object, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            copy.put(OvsdbCodec.normalizeAtom(entry.getKey()), OvsdbCodec.normalizeAtom(entry.getValue()));
        }
        return new OvsdbMap(Collections.unmodifiableMap(copy));
    }

    static OvsdbMap ofDecoded(final Map<Object, Object> decodedEntries) {
        return decodedEntries.isEmpty() ? EMPTY : new OvsdbMap(Collections.unmodifiableMap(decodedEntries));
    }

    /**
     * Returns the entries.
     *
     * @return an unmodifiable, ordered map of atoms
     */
    public Map<Object, Object> entries() {
        return entries;
    }

    /**
     * Returns the number of entries.
     *
     * @return the size
     */
    public int size() {
        return entries.size();
    }

    /**
     * Tells whether this map has no entry.
     *
     * @return true if empty
     */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public boolean equals(final Object obj) {
        return this == obj || obj instanceof OvsdbMap other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "map" + entries;
    }
}
