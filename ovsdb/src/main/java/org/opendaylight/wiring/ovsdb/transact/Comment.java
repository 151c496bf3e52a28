/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.transact;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code comment} operation: a text that ovsdb-server writes to its log with the transaction.
 */
public final class Comment extends Operation {
    private final String text;

    Comment(final String text, final int index) {
        super("comment", null, index);
        this.text = requireNonNull(text, "text");
    }

    /**
     * Returns the comment text.
     *
     * @return the text
     */
    public String text() {
        return text;
    }

    @Override
    void fillJson(final ObjectNode node) {
        node.put("comment", text);
    }
}
