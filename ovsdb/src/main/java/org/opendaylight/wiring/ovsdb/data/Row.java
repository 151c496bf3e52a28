/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable OVSDB row: column name to value (an atom, an {@link OvsdbSet} or an {@link OvsdbMap}).
 *
 * <p>The typed accessors follow the OVSDB type system: a column of type {@code {"min":0,"max":1}} arrives as the
 * bare atom or as the empty set, a set column with one member arrives as the bare atom. Accessors accept all these
 * forms. A column missing from the row reads as empty (absent, empty set, empty map). A value of the wrong atomic
 * type raises {@link IllegalArgumentException} naming the column.
 */
public final class Row {
    /** The {@code _uuid} column name. */
    public static final String UUID_COLUMN = "_uuid";
    /** The {@code _version} column name. */
    public static final String VERSION_COLUMN = "_version";

    private static final Row EMPTY = new Row(Map.of());

    private final Map<String, Object> columns;

    private Row(final Map<String, Object> columns) {
        this.columns = columns;
    }

    /**
     * Returns a row without columns.
     *
     * @return the empty row
     */
    public static Row empty() {
        return EMPTY;
    }

    /**
     * Creates a row from Java values (normalized as by {@link OvsdbCodec#normalizeValue(Object)}).
     *
     * @param columns the column values
     * @return the row
     * @throws IllegalArgumentException if a value cannot be represented
     */
    public static Row of(final Map<String, ?> columns) {
        final Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : columns.entrySet()) {
            copy.put(entry.getKey(), OvsdbCodec.normalizeValue(entry.getValue()));
        }
        return ofDecoded(copy);
    }

    static Row ofDecoded(final Map<String, Object> decoded) {
        return decoded.isEmpty() ? EMPTY : new Row(Collections.unmodifiableMap(decoded));
    }

    /**
     * Returns all columns.
     *
     * @return an unmodifiable map of column name to value
     */
    public Map<String, Object> columns() {
        return columns;
    }

    /**
     * Tells whether the row carries a column.
     *
     * @param column the column name
     * @return true if present
     */
    public boolean has(final String column) {
        return columns.containsKey(column);
    }

    /**
     * Returns the raw value of a column.
     *
     * @param column the column name
     * @return the value, empty if the column is not in the row
     */
    public Optional<Object> get(final String column) {
        return Optional.ofNullable(columns.get(column));
    }

    /**
     * Returns a copy of this row with the columns of {@code other} overlaid.
     *
     * @param other the newer values
     * @return the merged row
     */
    public Row overlay(final Row other) {
        if (other.columns.isEmpty()) {
            return this;
        }
        final Map<String, Object> merged = new LinkedHashMap<>(columns);
        merged.putAll(other.columns);
        return ofDecoded(merged);
    }

    /**
     * Returns the row UUID from the {@code _uuid} column, if the row carries it.
     *
     * @return the UUID
     */
    public Optional<Uuid> uuid() {
        return optionalAtom(UUID_COLUMN, Uuid.class);
    }

    /**
     * Reads a string column of type {@code min 0, max 1} (or a plain string column).
     *
     * @param column the column name
     * @return the value, or empty
     */
    public Optional<String> optionalString(final String column) {
        return optionalAtom(column, String.class);
    }

    /**
     * Reads a string column, with a default when absent or empty.
     *
     * @param column the column name
     * @param defaultValue the value when the column has none
     * @return the value
     */
    public String string(final String column, final String defaultValue) {
        return optionalString(column).orElse(defaultValue);
    }

    /**
     * Reads an integer column of type {@code min 0, max 1} (or a plain integer column).
     *
     * @param column the column name
     * @return the value, or empty
     */
    public Optional<Long> optionalLong(final String column) {
        return optionalAtom(column, Long.class);
    }

    /**
     * Reads a boolean column of type {@code min 0, max 1} (or a plain boolean column).
     *
     * @param column the column name
     * @return the value, or empty
     */
    public Optional<Boolean> optionalBoolean(final String column) {
        return optionalAtom(column, Boolean.class);
    }

    /**
     * Reads a uuid column of type {@code min 0, max 1} (or a plain uuid column).
     *
     * @param column the column name
     * @return the value, or empty
     */
    public Optional<Uuid> optionalUuid(final String column) {
        return optionalAtom(column, Uuid.class);
    }

    /**
     * Reads a set column of any atomic type.
     *
     * @param column the column name
     * @return the members (a bare atom reads as a one-member set)
     */
    public List<Object> set(final String column) {
        final Object value = columns.get(column);
        if (value == null) {
            return List.of();
        }
        if (value instanceof OvsdbSet set) {
            return set.elements();
        }
        if (value instanceof OvsdbMap) {
            throw wrongType(column, "set", value);
        }
        return List.of(value);
    }

    /**
     * Reads a set-of-strings column.
     *
     * @param column the column name
     * @return the members
     */
    public List<String> stringSet(final String column) {
        return typedSet(column, String.class);
    }

    /**
     * Reads a set-of-integers column.
     *
     * @param column the column name
     * @return the members
     */
    public List<Long> longSet(final String column) {
        return typedSet(column, Long.class);
    }

    /**
     * Reads a set-of-uuids column (for instance references to other rows).
     *
     * @param column the column name
     * @return the members
     */
    public List<Uuid> uuidSet(final String column) {
        return typedSet(column, Uuid.class);
    }

    /**
     * Reads a map column of any atomic types.
     *
     * @param column the column name
     * @return the entries
     */
    public Map<Object, Object> map(final String column) {
        final Object value = columns.get(column);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof OvsdbMap map) {
            return map.entries();
        }
        if (value instanceof OvsdbSet set && set.isEmpty()) {
            return Map.of();
        }
        throw wrongType(column, "map", value);
    }

    /**
     * Reads a string-to-string map column such as {@code external_ids}, {@code other_config} or {@code options}.
     *
     * @param column the column name
     * @return the entries, in server order
     */
    public Map<String, String> stringMap(final String column) {
        final Map<Object, Object> raw = map(column);
        final Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> entry : raw.entrySet()) {
            if (!(entry.getKey() instanceof String key) || !(entry.getValue() instanceof String value)) {
                throw wrongType(column, "map of string to string", raw);
            }
            result.put(key, value);
        }
        return Collections.unmodifiableMap(result);
    }

    private <T> Optional<T> optionalAtom(final String column, final Class<T> type) {
        final Object value = columns.get(column);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof OvsdbSet set) {
            if (set.isEmpty()) {
                return Optional.empty();
            }
            if (set.size() == 1 && type.isInstance(set.elements().get(0))) {
                return Optional.of(type.cast(set.elements().get(0)));
            }
            throw wrongType(column, "optional " + type.getSimpleName(), value);
        }
        if (type.isInstance(value)) {
            return Optional.of(type.cast(value));
        }
        throw wrongType(column, type.getSimpleName(), value);
    }

    private <T> List<T> typedSet(final String column, final Class<T> type) {
        final List<Object> raw = set(column);
        final List<T> result = new ArrayList<>(raw.size());
        for (Object element : raw) {
            if (!type.isInstance(element)) {
                throw wrongType(column, "set of " + type.getSimpleName(), raw);
            }
            result.add(type.cast(element));
        }
        return Collections.unmodifiableList(result);
    }

    private static IllegalArgumentException wrongType(final String column, final String expected,
            final Object actual) {
        return new IllegalArgumentException("column \"" + column + "\": expected " + expected + ", got " + actual);
    }

    @Override
    public boolean equals(final Object obj) {
        return this == obj || obj instanceof Row other && columns.equals(other.columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return "Row" + columns;
    }
}
