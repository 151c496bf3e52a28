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
import java.util.List;
import java.util.Map;
import org.opendaylight.wiring.ovsdb.data.OvsdbCodec;

/**
 * The {@code wait} operation: waits until (or checks that) the selected columns of the rows matching the where clause
 * are (or are not) exactly the given rows. With timeout 0, a failed check aborts the transaction immediately, which
 * makes it an optimistic-concurrency guard.
 */
public final class Wait extends ConditionalOperation<Wait> {
    private final List<String> columns = new ArrayList<>();
    private final List<Map<String, ?>> rows = new ArrayList<>();
    private boolean untilEqual = true;
    private long timeoutMillis = -1;

    Wait(final String table, final int index) {
        super("wait", table, index, false);
    }

    @Override
    Wait self() {
        return this;
    }

    /**
     * Sets the columns compared.
     *
     * @param names column names
     * @return this operation
     */
    public Wait columns(final String... names) {
        columns.addAll(Arrays.asList(names));
        return this;
    }

    /**
     * Adds an expected row (its values for the compared columns).
     *
     * @param row column to value
     * @return this operation
     */
    public Wait row(final Map<String, ?> row) {
        OvsdbCodec.encodeRow(row);
        rows.add(Map.copyOf(row));
        return this;
    }

    /**
     * Waits until the rows are equal (the default) or, with {@code false}, until they differ.
     *
     * @param equal true for {@code "=="}, false for {@code "!="}
     * @return this operation
     */
    public Wait untilEqual(final boolean equal) {
        this.untilEqual = equal;
        return this;
    }

    /**
     * Sets the timeout; 0 fails at once when the condition does not hold. Default: no timeout.
     *
     * @param millis milliseconds, non-negative
     * @return this operation
     */
    public Wait timeout(final long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout must be >= 0, got " + millis);
        }
        this.timeoutMillis = millis;
        return this;
    }

    @Override
    void validate() {
        if (columns.isEmpty()) {
            throw new IllegalStateException(this + " needs columns");
        }
    }

    @Override
    void fillJson(final ObjectNode node) {
        if (timeoutMillis >= 0) {
            node.put("timeout", timeoutMillis);
        }
        node.set("where", whereJson());
        final ArrayNode cols = node.putArray("columns");
        columns.forEach(cols::add);
        node.put("until", untilEqual ? "==" : "!=");
        final ArrayNode array = node.putArray("rows");
        rows.forEach(row -> array.add(OvsdbCodec.encodeRow(row)));
    }
}
