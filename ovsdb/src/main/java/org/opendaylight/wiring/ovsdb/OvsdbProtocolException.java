/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb;

/**
 * A response could not be interpreted (for instance a {@code get_schema} result that is not a schema).
 */
public final class OvsdbProtocolException extends OvsdbException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message the message
     * @param cause the cause
     */
    public OvsdbProtocolException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
