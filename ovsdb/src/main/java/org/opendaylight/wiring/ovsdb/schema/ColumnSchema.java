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

/**
 * A column of a {@link TableSchema}.
 *
 * @param name the column name
 * @param type the column type
 * @param ephemeral whether the column is ephemeral (not persisted)
 * @param mutable whether the column may be modified after insertion
 */
public record ColumnSchema(String name, ColumnType type, boolean ephemeral, boolean mutable) {
    /**
     * Creates a column schema.
     *
     * @param name the column name
     * @param type the column type
     * @param ephemeral whether ephemeral
     * @param mutable whether mutable
     */
    public ColumnSchema {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
    }

    /**
     * Parses a column-schema.
     *
     * @param name the column name
     * @param node the JSON object
     * @return the column schema
     * @throws IllegalArgumentException if malformed
     */
    public static ColumnSchema fromJson(final String name, final JsonNode node) {
        try {
            return new ColumnSchema(name, ColumnType.fromJson(node.path("type")), node.path("ephemeral").asBoolean(),
                node.path("mutable").asBoolean(true));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column " + name + ": " + e.getMessage(), e);
        }
    }
}
