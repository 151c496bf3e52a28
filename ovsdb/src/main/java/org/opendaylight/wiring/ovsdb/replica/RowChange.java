/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.replica;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.wiring.ovsdb.data.Row;
import org.opendaylight.wiring.ovsdb.data.Uuid;

/**
 * A change of one row of the replica, with the complete row before and after.
 *
 * @param table the table name
 * @param uuid the row UUID
 * @param kind insert, modify or delete
 * @param oldRow the complete row before the change (empty for inserts)
 * @param newRow the complete row after the change (empty for deletes)
 */
public record RowChange(String table, Uuid uuid, Kind kind, Optional<Row> oldRow, Optional<Row> newRow) {
    /**
     * The kind of change.
     */
    public enum Kind {
        /** A row appeared. */
        INSERT,
        /** A row changed. */
        MODIFY,
        /** A row disappeared. */
        DELETE
    }

    /**
     * Creates a row change.
     *
     * @param table table
     * @param uuid row UUID
     * @param kind kind
     * @param oldRow row before
     * @param newRow row after
     */
    public RowChange {
        requireNonNull(table);
        requireNonNull(uuid);
        requireNonNull(kind);
        requireNonNull(oldRow);
        requireNonNull(newRow);
    }

    /**
     * Returns the columns whose value differs between old and new row (all columns of an inserted or deleted row).
     *
     * @return the column names
     */
    public Set<String> changedColumns() {
        final Row before = oldRow.orElse(Row.empty());
        final Row after = newRow.orElse(Row.empty());
        final Set<String> result = new LinkedHashSet<>();
        for (String column : after.columns().keySet()) {
            if (!Objects.equals(before.columns().get(column), after.columns().get(column))) {
                result.add(column);
            }
        }
        for (String column : before.columns().keySet()) {
            if (!after.has(column)) {
                result.add(column);
            }
        }
        return result;
    }
}
