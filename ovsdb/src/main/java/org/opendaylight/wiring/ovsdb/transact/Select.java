/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.transact;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The {@code select} operation: reads the rows matching the where clause (every row without conditions).
 */
public final class Select extends ConditionalOperation<Select> {
    private final List<String> columns = new ArrayList<>();

    Select(final String table, final int index) {
        super("select", table, index, false);
    }

    @Override
    Select self() {
        return this;
    }

    /**
     * Restricts the columns returned (default: all columns).
     *
     * @param names column names
     * @return this operation
     */
    public Select columns(final String... names) {
        columns.addAll(Arrays.asList(names));
        return this;
    }

    /**
     * Returns the requested columns.
     *
     * @return an unmodifiable list, empty for all columns
     */
    public List<String> columns() {
        return Collections.unmodifiableList(columns);
    }

    @Override
    void fillJson(final ObjectNode node) {
        node.set("where", whereJson());
        if (!columns.isEmpty()) {
            final ArrayNode array = node.putArray("columns");
            columns.forEach(array::add);
        }
    }
}
