/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.monitor;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.opendaylight.wiring.ovsdb.data.Row;
import org.opendaylight.wiring.ovsdb.data.Uuid;

/**
 * An OVSDB row-update (RFC 7047, 4.1.6): {@code old} only for a deleted row, {@code new} only for an
 * inserted (or initial) row, both for a modified row, where {@code old} holds the previous values of the modified
 * columns only.
 *
 * @param uuid the row UUID
 * @param oldRow the {@code "old"} member
 * @param newRow the {@code "new"} member
 */
public record RowUpdate(Uuid uuid, Optional<Row> oldRow, Optional<Row> newRow) {
    /**
     * Creates a row update.
     *
     * @param uuid the row UUID
     * @param oldRow old values
     * @param newRow new values
     */
    public RowUpdate {
        requireNonNull(uuid, "uuid");
        requireNonNull(oldRow, "oldRow");
        requireNonNull(newRow, "newRow");
    }

    /**
     * Tells whether this update deletes the row.
     *
     * @return true for a deletion
     */
    public boolean isDelete() {
        return newRow.isEmpty();
    }
}
