/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.transact;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An OVSDB error object: {@code {"error": "...", "details": "..."}} (RFC 7047, 3.1).
 *
 * @param error the error kind, for instance {@code constraint violation}
 * @param details the human-readable details, empty if the server sent none
 */
public record OvsdbError(String error, String details) {
    /**
     * Creates an error.
     *
     * @param error the error kind
     * @param details the details (may be empty)
     */
    public OvsdbError {
        requireNonNull(error, "error");
        requireNonNull(details, "details");
    }

    /**
     * Reads an error object; an error given as a bare string is accepted as well.
     *
     * @param node the JSON
     * @return the error
     */
    public static OvsdbError fromJson(final JsonNode node) {
        if (node.isTextual()) {
            return new OvsdbError(node.textValue(), "");
        }
        final JsonNode error = node.path("error");
        return new OvsdbError(error.isTextual() ? error.textValue() : String.valueOf(error),
            node.path("details").asText(""));
    }

    @Override
    public String toString() {
        return details.isEmpty() ? error : error + ": " + details;
    }
}
