/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table of a {@link DatabaseSchema}.
 *
 * @param name the table name
 * @param columns the columns by name (without the implicit {@code _uuid} and {@code _version})
 * @param isRoot whether rows are kept without references (RFC 7047 {@code isRoot})
 * @param indexes the column sets that must be unique
 */
public record TableSchema(String name, Map<String, ColumnSchema> columns, boolean isRoot,
        List<List<String>> indexes) {
    /**
     * Creates a table schema.
     *
     * @param name table name
     * @param columns columns by name
     * @param isRoot root flag
     * @param indexes unique indexes
     */
    public TableSchema {
        requireNonNull(name, "name");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        indexes = List.copyOf(indexes);
    }

    /**
     * Looks up a column.
     *
     * @param column the column name
     * @return the column schema, if the table has it
     */
    public Optional<ColumnSchema> column(final String column) {
        return Optional.ofNullable(columns.get(column));
    }

    /**
     * Tells whether the table has a column.
     *
     * @param column the column name
     * @return true if present
     */
    public boolean hasColumn(final String column) {
        return columns.containsKey(column);
    }

    /**
     * Parses a table-schema.
     *
     * @param name the table name
     * @param node the JSON object
     * @return the table schema
     * @throws IllegalArgumentException if malformed
     */
    public static TableSchema fromJson(final String name, final JsonNode node) {
        final JsonNode cols = node.path("columns");
        if (!cols.isObject()) {
            throw new IllegalArgumentException("table " + name + " has no columns object");
        }
        final Map<String, ColumnSchema> parsed = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = cols.fields(); it.hasNext(); ) {
            final Map.Entry<String, JsonNode> entry = it.next();
            try {
                parsed.put(entry.getKey(), ColumnSchema.fromJson(entry.getKey(), entry.getValue()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("table " + name + ": " + e.getMessage(), e);
            }
        }
        final List<List<String>> idx = new ArrayList<>();
        for (JsonNode index : node.path("indexes")) {
            final List<String> indexColumns = new ArrayList<>();
            index.forEach(col -> indexColumns.add(col.asText()));
            idx.add(List.copyOf(indexColumns));
        }
        return new TableSchema(name, parsed, node.path("isRoot").asBoolean(false), idx);
    }
}
