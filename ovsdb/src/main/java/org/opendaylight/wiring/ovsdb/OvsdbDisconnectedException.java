/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb;

/**
 * The connection is closed, or closed before the response arrived; the message includes why it closed.
 */
public final class OvsdbDisconnectedException extends OvsdbException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message the message
     */
    public OvsdbDisconnectedException(final String message) {
        super(message);
    }
}
