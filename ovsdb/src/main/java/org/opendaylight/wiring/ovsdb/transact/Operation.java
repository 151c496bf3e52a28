/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.transact;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One operation of a {@link Transaction} (RFC 7047, 5.2). Instances are created by the transaction's factory
 * methods and configured fluently.
 */
public abstract class Operation {
    private final String op;
    private final String table;
    private final int index;

    Operation(final String op, final String table, final int index) {
        this.op = requireNonNull(op);
        this.table = table;
        this.index = index;
    }

    /**
     * Returns the operation name, for instance {@code insert}.
     *
     * @return the {@code "op"} member
     */
    public final String op() {
        return op;
    }

    /**
     * Returns the table the operation works on ({@code null} for {@code comment}).
     *
     * @return the table name
     */
    public final String table() {
        return table;
    }

    /**
     * Returns the position of this operation in its transaction, counted from 0, which is also the position of its
     * result in the {@code transact} reply.
     *
     * @return the index
     */
    public final int index() {
        return index;
    }

    /**
     * Describes the operation for messages, for instance {@code insert Interface}.
     *
     * @return a short description
     */
    public String describe() {
        return table == null ? op : op + " " + table;
    }

    /**
     * Encodes the operation.
     *
     * @return the JSON object
     * @throws IllegalStateException if the operation is incomplete
     */
    public final ObjectNode toJson() {
        validate();
        final ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("op", op);
        if (table != null) {
            node.put("table", table);
        }
        fillJson(node);
        return node;
    }

    abstract void fillJson(ObjectNode node);

    void validate() {
        // most operations are always complete
    }

    @Override
    public String toString() {
        return "operation " + index + " (" + describe() + ")";
    }
}
