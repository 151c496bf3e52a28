/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb;

/**
 * Base class of the failures of OVSDB requests; futures returned by {@link OvsdbConnection} fail with subclasses.
 */
public class OvsdbException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message the message
     */
    public OvsdbException(final String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message the message
     * @param cause the cause
     */
    public OvsdbException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
