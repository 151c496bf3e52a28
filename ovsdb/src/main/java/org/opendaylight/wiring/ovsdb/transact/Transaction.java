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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opendaylight.wiring.ovsdb.data.NamedUuid;

/**
 * Builder of one OVSDB {@code transact} request (RFC 7047, 4.1.3 and 5.2).
 *
 * <p>Example: a bridge with one port and its internal interface, in one atomic transaction:
 * <pre>{@code
 * Transaction tx = Transaction.create();
 * Insert iface = tx.insert("Interface").value("name", "p1").value("type", "internal");
 * Insert port = tx.insert("Port").value("name", "p1").value("interfaces", OvsdbSet.of(iface.ref()));
 * Insert br = tx.insert("Bridge").value("name", "br1").value("datapath_type", "netdev")
 *     .value("ports", OvsdbSet.of(port.ref()));
 * tx.mutate("Open_vSwitch").whereAll().insertInto("bridges", br.ref());
 * tx.comment("wiring: create br1");
 * }</pre>
 *
 * <p>A transaction object is not thread-safe; build it in one thread, then hand it to
 * {@code OvsdbConnection.transact()}.
 */
public final class Transaction {
    /** The database of Open vSwitch. */
    public static final String OPEN_VSWITCH = "Open_vSwitch";

    private static final String AUTO_NAME_PREFIX = "wl_row";

    private final List<Operation> operations = new ArrayList<>();
    private final Set<String> uuidNames = new HashSet<>();
    private final String database;
    private int autoNames;

    private Transaction(final String database) {
        this.database = requireNonNull(database, "database");
    }

    /**
     * Starts a transaction on the {@code Open_vSwitch} database.
     *
     * @return an empty transaction
     */
    public static Transaction create() {
        return new Transaction(OPEN_VSWITCH);
    }

    /**
     * Starts a transaction on a database.
     *
     * @param database the database name
     * @return an empty transaction
     */
    public static Transaction create(final String database) {
        return new Transaction(database);
    }

    /**
     * Returns the database name.
     *
     * @return the database
     */
    public String database() {
        return database;
    }

    /**
     * Adds an {@code insert} with a generated uuid-name.
     *
     * @param table the table
     * @return the operation, to configure
     */
    public Insert insert(final String table) {
        String name;
        do {
            name = AUTO_NAME_PREFIX + ++autoNames;
        } while (uuidNames.contains(name));
        return insert(table, name);
    }

    /**
     * Adds an {@code insert} with the given uuid-name.
     *
     * @param table the table
     * @param uuidName the uuid-name, unique in this transaction
     * @return the operation, to configure
     * @throws IllegalArgumentException if the name is invalid or already used
     */
    public Insert insert(final String table, final String uuidName) {
        if (!NamedUuid.isValidName(uuidName)) {
            throw new IllegalArgumentException("invalid uuid-name \"" + uuidName + "\"");
        }
        if (!uuidNames.add(uuidName)) {
            throw new IllegalArgumentException("uuid-name \"" + uuidName + "\" is already used in this transaction");
        }
        return add(new Insert(requireNonNull(table), operations.size(), uuidName));
    }

    /**
     * Adds an {@code update}.
     *
     * @param table the table
     * @return the operation, to configure (it needs a where clause)
     */
    public Update update(final String table) {
        return add(new Update(requireNonNull(table), operations.size()));
    }

    /**
     * Adds a {@code mutate}.
     *
     * @param table the table
     * @return the operation, to configure (it needs a where clause)
     */
    public Mutate mutate(final String table) {
        return add(new Mutate(requireNonNull(table), operations.size()));
    }

    /**
     * Adds a {@code delete}.
     *
     * @param table the table
     * @return the operation, to configure (it needs a where clause)
     */
    public Delete delete(final String table) {
        return add(new Delete(requireNonNull(table), operations.size()));
    }

    /**
     * Adds a {@code select}.
     *
     * @param table the table
     * @return the operation, to configure
     */
    public Select select(final String table) {
        return add(new Select(requireNonNull(table), operations.size()));
    }

    /**
     * Adds a {@code wait}.
     *
     * @param table the table
     * @return the operation, to configure
     */
    public Wait waitFor(final String table) {
        return add(new Wait(requireNonNull(table), operations.size()));
    }

    /**
     * Adds a {@code comment}.
     *
     * @param text the comment
     * @return the operation
     */
    public Comment comment(final String text) {
        return add(new Comment(text, operations.size()));
    }

    private <T extends Operation> T add(final T operation) {
        operations.add(operation);
        return operation;
    }

    /**
     * Returns the operations in order.
     *
     * @return an unmodifiable list
     */
    public List<Operation> operations() {
        return Collections.unmodifiableList(operations);
    }

    /**
     * Returns the number of operations.
     *
     * @return the count
     */
    public int size() {
        return operations.size();
    }

    /**
     * Encodes the {@code params} of the {@code transact} request: {@code [database, operation...]}.
     *
     * @return the JSON array
     * @throws IllegalStateException if the transaction is empty, an operation is incomplete, or a named-uuid does
     *         not name an insert of this transaction
     */
    public ArrayNode toParams() {
        if (operations.isEmpty()) {
            throw new IllegalStateException("transaction has no operation");
        }
        final ArrayNode params = JsonNodeFactory.instance.arrayNode(operations.size() + 1);
        params.add(database);
        for (Operation operation : operations) {
            final JsonNode json = operation.toJson();
            checkNamedUuids(operation, json);
            params.add(json);
        }
        return params;
    }

    private void checkNamedUuids(final Operation operation, final JsonNode json) {
        if (json.isArray()) {
            if (json.size() == 2 && "named-uuid".equals(json.get(0).textValue())
                && !uuidNames.contains(json.get(1).textValue())) {
                throw new IllegalStateException(operation + " references named-uuid \"" + json.get(1).textValue()
                    + "\" which no insert of this transaction declares");
            }
            json.forEach(child -> checkNamedUuids(operation, child));
        } else if (json.isObject()) {
            json.forEach(child -> checkNamedUuids(operation, child));
        }
    }

    @Override
    public String toString() {
        return "Transaction{" + database + ", " + operations + "}";
    }
}
