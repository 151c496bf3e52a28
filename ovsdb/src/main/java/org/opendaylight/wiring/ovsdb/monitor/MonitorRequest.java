/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.monitor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;

/**
 * An OVSDB monitor-request for one table (RFC 7047, 4.1.5).
 *
 * @param columns the columns to monitor; empty for all columns
 * @param initial whether to receive the current rows in the reply
 * @param insert whether to be notified of inserted rows
 * @param delete whether to be notified of deleted rows
 * @param modify whether to be notified of modified rows
 */
public record MonitorRequest(List<String> columns, boolean initial, boolean insert, boolean delete,
        boolean modify) {
    /**
     * Creates a monitor request.
     *
     * @param columns the columns; empty for all
     * @param initial initial rows
     * @param insert inserts
     * @param delete deletes
     * @param modify modifications
     */
    public MonitorRequest {
        columns = List.copyOf(columns);
    }

    /**
     * Monitors the given columns (all columns if none given) for initial contents and every change.
     *
     * @param columns the column names
     * @return the request
     */
    public static MonitorRequest of(final String... columns) {
        return new MonitorRequest(Arrays.asList(columns), true, true, true, true);
    }

    /**
     * Monitors the given columns for initial contents and every change.
     *
     * @param columns the column names; empty for all columns
     * @return the request
     */
    public static MonitorRequest of(final List<String> columns) {
        return new MonitorRequest(columns, true, true, true, true);
    }

    /**
     * Encodes the request.
     *
     * @return the JSON object
     */
    public ObjectNode toJson() {
        final ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (!columns.isEmpty()) {
            final ArrayNode cols = node.putArray("columns");
            columns.forEach(cols::add);
        }
        final ObjectNode select = node.putObject("select");
        select.put("initial", initial);
        select.put("insert", insert);
        select.put("delete", delete);
        select.put("modify", modify);
        return node;
    }
}
