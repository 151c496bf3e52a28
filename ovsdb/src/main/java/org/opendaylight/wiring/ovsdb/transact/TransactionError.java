/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.transact;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Why a transaction failed: the operation at fault (when known) and the server's error.
 *
 * @param operation the operation that failed, or to which a commit-time error could be attributed
 * @param error the server's error
 * @param atCommit true if the server detected the error when committing (constraint or referential integrity
 *        violations), false if the operation itself failed
 */
public record TransactionError(Optional<Operation> operation, OvsdbError error, boolean atCommit) {
    /**
     * Creates an error description.
     *
     * @param operation the operation at fault, if known
     * @param error the server's error
     * @param atCommit whether detected at commit
     */
    public TransactionError {
        requireNonNull(operation, "operation");
        requireNonNull(error, "error");
    }

    /**
     * Formats the error, for instance
     * {@code operation 3 (insert Interface): constraint violation: Transaction causes multiple rows ...}, or
     * {@code commit failed: referential integrity violation: ...} when no operation can be blamed. Operations are
     * counted from 0, as in {@link Transaction#operations()}.
     *
     * @return the message
     */
    public String message() {
        return operation.map(op -> op + ": " + error).orElseGet(() -> "commit failed: " + error);
    }

    @Override
    public String toString() {
        return message();
    }
}
