/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * JSON helpers for the codec and transaction tests: expected values are written with single quotes.
 */
public final class TestJson {
    public static final String UUID1 = "36bd6b8e-3a2e-4b4c-a0f4-6a1a7d7e57b1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestJson() {
        // utility
    }

    public static JsonNode json(final String text) throws IOException {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    /** Re-parsing normalizes number node classes (LongNode vs IntNode) so encoded and expected trees compare. */
    public static JsonNode reparsed(final JsonNode node) throws IOException {
        return MAPPER.readTree(MAPPER.writeValueAsString(node));
    }
}
