/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.replica;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A batch of row changes applied to a replica by one {@code update} notification.
 *
 * @param before the replica before the change
 * @param after the replica after the change
 * @param changes the row changes, in notification order
 */
public record ReplicaChange(OvsdbReplica before, OvsdbReplica after, List<RowChange> changes) {
    /**
     * Creates a change.
     *
     * @param before replica before
     * @param after replica after
     * @param changes the row changes
     */
    public ReplicaChange {
        requireNonNull(before);
        requireNonNull(after);
        changes = List.copyOf(changes);
    }

    /**
     * Returns the changes of one table.
     *
     * @param table the table name
     * @return the changes of rows of that table
     */
    public List<RowChange> changes(final String table) {
        return changes.stream().filter(change -> change.table().equals(table)).toList();
    }

    /**
     * Tells whether nothing changed.
     *
     * @return true if there is no row change
     */
    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
