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
import org.opendaylight.wiring.ovsdb.data.NamedUuid;
import org.opendaylight.wiring.ovsdb.data.OvsdbCodec;

/**
 * The {@code insert} operation: inserts one row, which later operations of the same transaction can reference with
 * {@link #ref()}.
 */
public final class Insert extends Operation {
    private final Map<String, Object> row = new LinkedHashMap<>();
    private final NamedUuid name;

    Insert(final String table, final int index, final String uuidName) {
        super("insert", table, index);
        this.name = new NamedUuid(uuidName);
    }

    /**
     * Sets a column of the new row.
     *
     * @param column the column name
     * @param value the value (atom, set, map, Java collection or map, Optional)
     * @return this operation
     * @throws IllegalArgumentException if the value cannot be represented in OVSDB
     */
    public Insert value(final String column, final Object value) {
        row.put(column, OvsdbCodec.normalizeValue(value));
        return this;
    }

    /**
     * Sets several columns of the new row.
     *
     * @param columns column name to value
     * @return this operation
     */
    public Insert values(final Map<String, ?> columns) {
        columns.forEach(this::value);
        return this;
    }

    /**
     * Returns the uuid-name of the new row.
     *
     * @return the uuid-name
     */
    public String uuidName() {
        return name.name();
    }

    /**
     * Returns a reference to the new row, usable in other operations of the same transaction.
     *
     * @return the named-uuid
     */
    public NamedUuid ref() {
        return name;
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
    void fillJson(final ObjectNode node) {
        node.set("row", OvsdbCodec.encodeRow(row));
        node.put("uuid-name", name.name());
    }
}
