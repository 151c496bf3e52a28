/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.transact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opendaylight.wiring.ovsdb.data.OvsdbCodec;

/**
 * The {@code update} operation: sets columns of every row matching the where clause.
 */
public final class Update extends ConditionalOperation<Update> {
    private final Map<String, Object> row = new LinkedHashMap<>();

    Update(final String table, final int index) {
        super("update", table, index, true);
    }

    @Override
    Update self() {
        return this;
    }

    /**
     * Sets a column.
     *
     * @param column the column name
     * @param value the new value
     * @return this operation
     * @throws IllegalArgumentException if the value cannot be represented in OVSDB
     */
    public Update value(final String column, final Object value) {
        row.put(column, OvsdbCodec.normalizeValue(value));
        return this;
    }

    /**
     * Returns the columns set so far.
     *
     * @return an unmodifiable view
     */
    public Map<String, Object> row() {
        return Collections.unmodifiableMap(row);
    }

    @Override
    void validate() {
        super.validate();
        if (row.isEmpty()) {
            throw new IllegalStateException(this + " sets no column");
        }
    }

    @Override
    void fillJson(final ObjectNode node) {
        node.set("where", whereJson());
        node.set("row", OvsdbCodec.encodeRow(row));
    }
}
