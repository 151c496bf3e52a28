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
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.wiring.ovsdb.data.OvsdbCodec;

/**
 * An OVSDB database-schema as returned by {@code get_schema} (RFC 7047, 3.2 and 4.1.2).
 *
 * @param name the database name, for instance {@code Open_vSwitch}
 * @param version the schema version, for instance {@code 8.3.0}
 * @param tables the tables by name
 */
public record DatabaseSchema(String name, String version, Map<String, TableSchema> tables) {
    /**
     * Creates a database schema.
     *
     * @param name database name
     * @param version schema version (empty string if the schema has none)
     * @param tables tables by name
     */
    public DatabaseSchema {
        requireNonNull(name, "name");
        requireNonNull(version, "version");
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /**
     * Looks up a table.
     *
     * @param table the table name
     * @return the table schema, if present
     */
    public Optional<TableSchema> table(final String table) {
        return Optional.ofNullable(tables.get(table));
    }

    /**
     * Parses a database schema.
     *
     * @param node the JSON object
     * @return the schema
     * @throws IllegalArgumentException if malformed
     */
    public static DatabaseSchema fromJson(final JsonNode node) {
        if (node == null || !node.isObject() || !node.path("name").isTextual() || !node.path("tables").isObject()) {
            throw new IllegalArgumentException("invalid database schema: " + OvsdbCodec.snippet(node));
        }
        final Map<String, TableSchema> parsed = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.get("tables").fields(); it.hasNext(); ) {
            final Map.Entry<String, JsonNode> entry = it.next();
            parsed.put(entry.getKey(), TableSchema.fromJson(entry.getKey(), entry.getValue()));
        }
        return new DatabaseSchema(node.get("name").textValue(), node.path("version").asText(""), parsed);
    }
}
