/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.transact;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code delete} operation: deletes every row matching the where clause.
 */
public final class Delete extends ConditionalOperation<Delete> {
    Delete(final String table, final int index) {
        super("delete", table, index, true);
    }

    @Override
    Delete self() {
        return this;
    }

    @Override
    void fillJson(final ObjectNode node) {
        node.set("where", whereJson());
    }
}
