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
import org.opendaylight.wiring.ovsdb.data.Row;
import org.opendaylight.wiring.ovsdb.data.Uuid;

/**
 * An OVSDB condition: {@code [column, function, value]}.
 *
 * @param column the column name
 * @param function the comparison
 * @param value the value (atom, set or map; normalized by {@link OvsdbCodec#normalizeValue(Object)})
 */
public record Condition(String column, ConditionFunction function, Object value) {
    /**
     * Creates a condition.
     *
     * @param column the column name
     * @param function the comparison
     * @param value the value
     * @throws IllegalArgumentException if the value cannot be represented in OVSDB
     */
    public Condition {
        requireNonNull(column, "column");
        requireNonNull(function, "function");
        value = OvsdbCodec.normalizeValue(value);
    }

    /**
     * Builds {@code column == value}.
     *
     * @param column the column name
     * @param value the value
     * @return the condition
     */
    public static Condition equalTo(final String column, final Object value) {
        return new Condition(column, ConditionFunction.EQUAL, value);
    }

    /**
     * Builds {@code column != value}.
     *
     * @param column the column name
     * @param value the value
     * @return the condition
     */
    public static Condition notEqualTo(final String column, final Object value) {
        return new Condition(column, ConditionFunction.NOT_EQUAL, value);
    }

    /**
     * Builds {@code column includes value}.
     *
     * @param column the column name
     * @param value the value (for maps: a map whose entries must all be present)
     * @return the condition
     */
    public static Condition includes(final String column, final Object value) {
        return new Condition(column, ConditionFunction.INCLUDES, value);
    }

    /**
     * Builds {@code column excludes value}.
     *
     * @param column the column name
     * @param value the value
     * @return the condition
     */
    public static Condition excludes(final String column, final Object value) {
        return new Condition(column, ConditionFunction.EXCLUDES, value);
    }

    /**
     * Builds {@code _uuid == uuid}.
     *
     * @param uuid the row UUID
     * @return the condition
     */
    public static Condition uuidIs(final Uuid uuid) {
        return new Condition(Row.UUID_COLUMN, ConditionFunction.EQUAL, uuid);
    }

    /**
     * Encodes this condition.
     *
     * @return the JSON array {@code [column, function, value]}
     */
    public JsonNode toJson() {
        return JsonNodeFactory.instance.arrayNode(3).add(column).add(function.wireName())
            .add(OvsdbCodec.encode(value));
    }
}
