/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.wiring.ovsdb.data.OvsdbCodec;
import org.opendaylight.wiring.ovsdb.data.Row;
import org.opendaylight.wiring.ovsdb.data.Uuid;

/**
 * An OVSDB table-updates object (RFC 7047, 4.1.6): the reply to {@code monitor} (initial contents) or the
 * payload of an {@code update} notification.
 */
public final class TableUpdates {
    private static final TableUpdates EMPTY = new TableUpdates(Map.of());

    private final Map<String, Map<Uuid, RowUpdate>> tables;

    private TableUpdates(final Map<String, Map<Uuid, RowUpdate>> tables) {
        this.tables = tables;
    }

    /**
     * Returns updates without content.
     *
     * @return the empty updates
     */
    public static TableUpdates empty() {
        return EMPTY;
    }

    /**
     * Creates table updates from Java objects.
     *
     * @param tables table name to row UUID to update
     * @return the updates
     */
    public static TableUpdates of(final Map<String, Map<Uuid, RowUpdate>> tables) {
        final Map<String, Map<Uuid, RowUpdate>> copy = new LinkedHashMap<>();
        tables.forEach((table, rows) -> copy.put(table, Collections.unmodifiableMap(new LinkedHashMap<>(rows))));
        return new TableUpdates(Collections.unmodifiableMap(copy));
    }

    /**
     * Parses a table-updates object.
     *
     * @param node the JSON object
     * @return the updates
     * @throws IllegalArgumentException if malformed
     */
    public static TableUpdates fromJson(final JsonNode node) {
        if (node == null || node.isNull()) {
            return EMPTY;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("table-updates is not an object: " + OvsdbCodec.snippet(node));
        }
        final Map<String, Map<Uuid, RowUpdate>> result = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> tableIt = node.fields(); tableIt.hasNext(); ) {
            final Map.Entry<String, JsonNode> table = tableIt.next();
            if (!table.getValue().isObject()) {
                throw new IllegalArgumentException("table-update for " + table.getKey() + " is not an object");
            }
            final Map<Uuid, RowUpdate> rows = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> rowIt = table.getValue().fields(); rowIt.hasNext(); ) {
                final Map.Entry<String, JsonNode> row = rowIt.next();
                final Uuid uuid = Uuid.of(row.getKey());
                final JsonNode update = row.getValue();
                if (!update.isObject()) {
                    throw new IllegalArgumentException("row-update " + table.getKey() + "/" + uuid
                        + " is not an object");
                }
                rows.put(uuid, new RowUpdate(uuid, optionalRow(update.get("old")), optionalRow(update.get("new"))));
            }
            result.put(table.getKey(), Collections.unmodifiableMap(rows));
        }
        return new TableUpdates(Collections.unmodifiableMap(result));
    }

    private static Optional<Row> optionalRow(final JsonNode node) {
        return node == null || node.isNull() ? Optional.empty() : Optional.of(OvsdbCodec.decodeRow(node));
    }

    /**
     * Returns the updates by table.
     *
     * @return table name to row UUID to update
     */
    public Map<String, Map<Uuid, RowUpdate>> tables() {
        return tables;
    }

    /**
     * Returns the updates of one table.
     *
     * @param table the table name
     * @return row UUID to update, empty if the table has none
     */
    public Map<Uuid, RowUpdate> table(final String table) {
        return tables.getOrDefault(table, Map.of());
    }

    /**
     * Tells whether there is no update at all.
     *
     * @return true if empty
     */
    public boolean isEmpty() {
        return tables.values().stream().allMatch(Map::isEmpty);
    }

    @Override
    public String toString() {
        return "TableUpdates" + tables;
    }
}
