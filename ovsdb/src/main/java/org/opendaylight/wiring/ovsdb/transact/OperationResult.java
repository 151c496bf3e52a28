/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.transact;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.opendaylight.wiring.ovsdb.data.Row;
import org.opendaylight.wiring.ovsdb.data.Uuid;

/**
 * The result of one operation of a transaction.
 *
 * @param operation the operation
 * @param status what happened to it
 * @param uuid for a successful insert: the UUID of the new row
 * @param count for a successful update, mutate or delete: the number of rows affected
 * @param rows for a successful select: the rows
 * @param error for a failed operation: the error
 */
public record OperationResult(Operation operation, Status status, Optional<Uuid> uuid, OptionalLong count,
        List<Row> rows, Optional<OvsdbError> error) {
    /**
     * What happened to an operation.
     */
    public enum Status {
        /** It succeeded (its effects are committed only if the whole transaction succeeded). */
        SUCCESS,
        /** It failed; the transaction was aborted. */
        FAILED,
        /** It was not executed, because an earlier operation failed. */
        NOT_EXECUTED
    }

    /**
     * Creates a result.
     *
     * @param operation the operation
     * @param status the status
     * @param uuid inserted row UUID
     * @param count affected row count
     * @param rows selected rows
     * @param error the error
     */
    public OperationResult {
        requireNonNull(operation, "operation");
        requireNonNull(status, "status");
        requireNonNull(uuid, "uuid");
        requireNonNull(count, "count");
        rows = List.copyOf(rows);
        requireNonNull(error, "error");
    }

    /**
     * Returns the index of the operation in the transaction.
     *
     * @return the index, counted from 0
     */
    public int index() {
        return operation.index();
    }

    static OperationResult notExecuted(final Operation operation) {
        return new OperationResult(operation, Status.NOT_EXECUTED, Optional.empty(), OptionalLong.empty(), List.of(),
            Optional.empty());
    }
}
