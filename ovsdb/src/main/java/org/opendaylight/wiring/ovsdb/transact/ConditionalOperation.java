/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.transact;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.opendaylight.wiring.ovsdb.data.Uuid;

/**
 * An operation with a {@code "where"} clause. The conditions are ANDed; no condition matches every row.
 *
 * <p>To protect against accidental mass changes, {@code update}, {@code mutate} and {@code delete} refuse to
 * encode without any where-call: use {@link #whereAll()} to really address every row.
 *
 * @param <T> the concrete operation type, for fluent chaining
 */
public abstract class ConditionalOperation<T extends ConditionalOperation<T>> extends Operation {
    private final List<Condition> conditions = new ArrayList<>();
    private final boolean whereRequired;
    private boolean whereGiven;

    ConditionalOperation(final String op, final String table, final int index, final boolean whereRequired) {
        super(op, table, index);
        this.whereRequired = whereRequired;
    }

    abstract T self();

    /**
     * Adds conditions.
     *
     * @param where conditions, ANDed with any added before
     * @return this operation
     */
    public final T where(final Condition... where) {
        conditions.addAll(Arrays.asList(where));
        whereGiven = true;
        return self();
    }

    /**
     * Adds the condition {@code column function value}.
     *
     * @param column the column
     * @param function the comparison
     * @param value the value
     * @return this operation
     */
    public final T where(final String column, final ConditionFunction function, final Object value) {
        return where(new Condition(column, function, value));
    }

    /**
     * Adds the condition {@code column == value}.
     *
     * @param column the column
     * @param value the value
     * @return this operation
     */
    public final T whereEqual(final String column, final Object value) {
        return where(Condition.equalTo(column, value));
    }

    /**
     * Restricts the operation to the row with the given UUID.
     *
     * @param uuid the row UUID
     * @return this operation
     */
    public final T whereUuid(final Uuid uuid) {
        return where(Condition.uuidIs(uuid));
    }

    /**
     * Explicitly addresses all rows of the table (an empty where clause).
     *
     * @return this operation
     */
    public final T whereAll() {
        whereGiven = true;
        return self();
    }

    /**
     * Returns the conditions.
     *
     * @return an unmodifiable list
     */
    public final List<Condition> conditions() {
        return Collections.unmodifiableList(conditions);
    }

    final ArrayNode whereJson() {
        final ArrayNode where = JsonNodeFactory.instance.arrayNode(conditions.size());
        conditions.forEach(cond -> where.add(cond.toJson()));
        return where;
    }

    @Override
    void validate() {
        if (whereRequired && !whereGiven) {
            throw new IllegalStateException(this + " has no where clause; call whereAll() to address every row");
        }
    }
}
