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
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.opendaylight.wiring.ovsdb.data.OvsdbMap;
import org.opendaylight.wiring.ovsdb.data.OvsdbSet;

/**
 * The {@code mutate} operation: applies mutations to every row matching the where clause.
 */
public final class Mutate extends ConditionalOperation<Mutate> {
    private final List<Mutation> mutations = new ArrayList<>();

    Mutate(final String table, final int index) {
        super("mutate", table, index, true);
    }

    @Override
    Mutate self() {
        return this;
    }

    /**
     * Adds a mutation.
     *
     * @param column the column
     * @param mutator the mutator
     * @param value the operand
     * @return this operation
     */
    public Mutate mutation(final String column, final Mutator mutator, final Object value) {
        mutations.add(new Mutation(column, mutator, value));
        return this;
    }

    /**
     * Inserts into a set or map column; a single atom is wrapped into a one-member set.
     *
     * @param column the column
     * @param value an atom, a set, or a map (for map columns)
     * @return this operation
     */
    public Mutate insertInto(final String column, final Object value) {
        return mutation(column, Mutator.INSERT, asSetOrMap(value));
    }

    /**
     * Deletes from a set or map column; a single atom is wrapped into a one-member set (for map columns, a set of
     * keys deletes entries by key).
     *
     * @param column the column
     * @param value an atom, a set, or a map
     * @return this operation
     */
    public Mutate deleteFrom(final String column, final Object value) {
        return mutation(column, Mutator.DELETE, asSetOrMap(value));
    }

    /**
     * Returns the mutations.
     *
     * @return an unmodifiable list
     */
    public List<Mutation> mutations() {
        return Collections.unmodifiableList(mutations);
    }

    private static Object asSetOrMap(final Object value) {
        if (value instanceof OvsdbSet || value instanceof OvsdbMap || value instanceof Collection
            || value instanceof Map) {
            return value;
        }
        return OvsdbSet.of(value);
    }

    @Override
    void validate() {
        super.validate();
        if (mutations.isEmpty()) {
            throw new IllegalStateException(this + " has no mutation");
        }
    }

    @Override
    void fillJson(final ObjectNode node) {
        node.set("where", whereJson());
        final ArrayNode array = JsonNodeFactory.instance.arrayNode(mutations.size());
        mutations.forEach(mutation -> array.add(mutation.toJson()));
        node.set("mutations", array);
    }
}
