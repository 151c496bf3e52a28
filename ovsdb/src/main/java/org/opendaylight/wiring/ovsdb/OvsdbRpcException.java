/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb;

/**
 * The peer answered a request with a JSON-RPC error (the {@code "error"} member of the response was not null).
 */
public final class OvsdbRpcException extends OvsdbException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final String error;

    /**
     * Creates an exception.
     *
     * @param peer the connection id
     * @param method the request method
     * @param error the error member, as JSON text
     */
    public OvsdbRpcException(final String peer, final String method, final String error) {
        super(peer + ": " + method + " failed: " + error);
        this.method = method;
        this.error = error;
    }

    /**
     * Returns the method of the failed request.
     *
     * @return the method
     */
    public String method() {
        return method;
    }

    /**
     * Returns the error member of the response.
     *
     * @return the error, as JSON text
     */
    public String error() {
        return error;
    }
}
