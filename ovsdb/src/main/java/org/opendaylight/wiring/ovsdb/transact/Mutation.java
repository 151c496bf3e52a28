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
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.opendaylight.wiring.ovsdb.data.OvsdbCodec;

/**
 * An OVSDB mutation: {@code [column, mutator, value]}.
 *
 * @param column the column name
 * @param mutator the mutator
 * @param value the value (atom, set or map; normalized by {@link OvsdbCodec#normalizeValue(Object)})
 */
public record Mutation(String column, Mutator mutator, Object value) {
    /**
     * Creates a mutation.
     *
     * @param column the column name
     * @param mutator the mutator
     * @param value the value
     * @throws IllegalArgumentException if the value cannot be represented in OVSDB
     */
    public Mutation {
        requireNonNull(column, "column");
        requireNonNull(mutator, "mutator");
        value = OvsdbCodec.normalizeValue(value);
    }

    /**
     * Encodes this mutation.
     *
     * @return the JSON array {@code [column, mutator, value]}
     */
    public JsonNode toJson() {
        return JsonNodeFactory.instance.arrayNode(3).add(column).add(mutator.wireName())
            .add(OvsdbCodec.encode(value));
    }
}
