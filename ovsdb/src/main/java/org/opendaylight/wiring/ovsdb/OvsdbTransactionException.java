/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb;

import org.opendaylight.wiring.ovsdb.transact.TransactionResult;

/**
 * A transaction was not committed; the message names the failing operation, for instance
 * {@code operation 3 (insert Interface): constraint violation: ...}.
 */
public final class OvsdbTransactionException extends OvsdbException {
    private static final long serialVersionUID = 1L;

    private final transient TransactionResult result;

    /**
     * Creates an exception from a failed result.
     *
     * @param result the result
     */
    public OvsdbTransactionException(final TransactionResult result) {
        super(result.errorMessage().orElse("transaction failed"));
        this.result = result;
    }

    /**
     * Returns the complete result (not kept when serialized).
     *
     * @return the result, or null after deserialization
     */
    public TransactionResult result() {
        return result;
    }
}
