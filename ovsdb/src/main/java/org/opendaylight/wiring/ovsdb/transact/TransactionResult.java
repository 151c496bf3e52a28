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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opendaylight.wiring.ovsdb.OvsdbTransactionException;
import org.opendaylight.wiring.ovsdb.data.NamedUuid;
import org.opendaylight.wiring.ovsdb.data.OvsdbCodec;
import org.opendaylight.wiring.ovsdb.data.Row;
import org.opendaylight.wiring.ovsdb.data.Uuid;

/**
 * The outcome of a {@code transact} request: one {@link OperationResult} per operation and, if the commit failed,
 * the commit error (RFC 7047, 4.1.3).
 *
 * <p>ovsdb-server reports errors of an operation at that operation's index; errors found when committing
 * (duplicate index values, referential integrity) come as an extra result after the last operation. For those,
 * this class names the operation at fault when the error details allow it: the insert whose new row UUID is
 * mentioned, or the only operation that writes the table mentioned.
 */
public final class TransactionResult {
    private static final Pattern UUID_PATTERN = Pattern.compile(
        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final List<Pattern> TABLE_PATTERNS = List.of(
        Pattern.compile("\"\\b(\\w+)\" table"),
        Pattern.compile("\\bTable (\\w+) column"),
        Pattern.compile("\\bdelete (\\w+) row"),
        Pattern.compile("\\btable (\\w+)"));

    private final Transaction transaction;
    private final List<OperationResult> results;
    private final Optional<OvsdbError> commitError;
    private final Optional<TransactionError> error;

    private TransactionResult(final Transaction transaction, final List<OperationResult> results,
            final Optional<OvsdbError> commitError) {
        this.transaction = transaction;
        this.results = Collections.unmodifiableList(results);
        this.commitError = commitError;
        this.error = findError();
    }

    /**
     * Interprets the {@code result} of a {@code transact} reply.
     *
     * @param transaction the transaction that was sent
     * @param result the JSON array of results
     * @return the interpreted result
     * @throws IllegalArgumentException if the JSON is not a valid transact result
     */
    public static TransactionResult fromJson(final Transaction transaction, final JsonNode result) {
        requireNonNull(transaction, "transaction");
        if (result == null || !result.isArray()) {
            throw new IllegalArgumentException("transact result is not an array: " + OvsdbCodec.snippet(result));
        }
        final List<Operation> ops = transaction.operations();
        final List<OperationResult> parsed = new ArrayList<>(ops.size());
        for (int i = 0; i < ops.size(); i++) {
            parsed.add(parseOne(ops.get(i), result.get(i)));
        }
        Optional<OvsdbError> commit = Optional.empty();
        for (int i = ops.size(); i < result.size(); i++) {
            final JsonNode extra = result.get(i);
            if (extra != null && extra.isObject() && extra.has("error") && !extra.get("error").isNull()) {
                commit = Optional.of(OvsdbError.fromJson(extra));
                break;
            }
        }
        return new TransactionResult(transaction, parsed, commit);
    }

    private static OperationResult parseOne(final Operation op, final JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return OperationResult.notExecuted(op);
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("result of " + op + " is not an object: " + OvsdbCodec.snippet(node));
        }
        if (node.has("error") && !node.get("error").isNull()) {
            return new OperationResult(op, OperationResult.Status.FAILED, Optional.empty(), OptionalLong.empty(),
                List.of(), Optional.of(OvsdbError.fromJson(node)));
        }
        Optional<Uuid> uuid = Optional.empty();
        if (node.has("uuid")) {
            final Object decoded = OvsdbCodec.decodeAtom(node.get("uuid"));
            if (!(decoded instanceof Uuid rowUuid)) {
                throw new IllegalArgumentException("result of " + op + " has an invalid uuid");
            }
            uuid = Optional.of(rowUuid);
        }
        final OptionalLong count = node.has("count") ? OptionalLong.of(node.get("count").asLong())
            : OptionalLong.empty();
        final List<Row> rows = new ArrayList<>();
        for (JsonNode row : node.path("rows")) {
            rows.add(OvsdbCodec.decodeRow(row));
        }
        return new OperationResult(op, OperationResult.Status.SUCCESS, uuid, count, rows, Optional.empty());
    }

    private Optional<TransactionError> findError() {
        for (OperationResult result : results) {
            if (result.status() == OperationResult.Status.FAILED) {
                return Optional.of(new TransactionError(Optional.of(result.operation()), result.error().orElseThrow(),
                    false));
            }
        }
        if (commitError.isPresent()) {
            final OvsdbError commit = commitError.orElseThrow();
            return Optional.of(new TransactionError(attribute(commit), commit, true));
        }
        for (OperationResult result : results) {
            if (result.status() != OperationResult.Status.SUCCESS) {
                return Optional.of(new TransactionError(Optional.of(result.operation()),
                    new OvsdbError("no result", "the server returned no result for this operation"), false));
            }
        }
        return Optional.empty();
    }

    private Optional<Operation> attribute(final OvsdbError commit) {
        // 1. The details name the UUID of a row this transaction inserted: blame that insert (the last one named,
        //    which for duplicate index values is the row "inserted by this transaction").
        Operation blamed = null;
        final Matcher matcher = UUID_PATTERN.matcher(commit.details());
        while (matcher.find()) {
            final Uuid mentioned = Uuid.of(matcher.group());
            for (OperationResult result : results) {
                if (result.uuid().filter(mentioned::equals).isPresent()) {
                    blamed = result.operation();
                }
            }
        }
        if (blamed != null) {
            return Optional.of(blamed);
        }
        // 2. The details name a table: blame the only operation of the transaction that writes it.
        for (Pattern pattern : TABLE_PATTERNS) {
            final Matcher tableMatcher = pattern.matcher(commit.details());
            if (tableMatcher.find()) {
                final String table = tableMatcher.group(1);
                final List<Operation> writers = transaction.operations().stream()
                    .filter(op -> table.equals(op.table()) && !(op instanceof Select) && !(op instanceof Wait))
                    .toList();
                if (writers.size() == 1) {
                    return Optional.of(writers.get(0));
                }
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the transaction this is the result of.
     *
     * @return the transaction
     */
    public Transaction transaction() {
        return transaction;
    }

    /**
     * Returns the per-operation results, in operation order.
     *
     * @return an unmodifiable list
     */
    public List<OperationResult> results() {
        return results;
    }

    /**
     * Returns the result of an operation of this transaction.
     *
     * @param operation the operation
     * @return its result
     * @throws IllegalArgumentException if the operation is not part of this transaction
     */
    public OperationResult result(final Operation operation) {
        final int index = operation.index();
        if (index < 0 || index >= results.size() || results.get(index).operation() != operation) {
            throw new IllegalArgumentException(operation + " is not part of this transaction");
        }
        return results.get(index);
    }

    /**
     * Returns the error the server reported when committing, if any.
     *
     * @return the commit error
     */
    public Optional<OvsdbError> commitError() {
        return commitError;
    }

    /**
     * Tells whether the transaction was committed.
     *
     * @return true if every operation succeeded and the commit succeeded
     */
    public boolean isSuccess() {
        return error.isEmpty();
    }

    /**
     * Returns why the transaction failed.
     *
     * @return the error, empty on success
     */
    public Optional<TransactionError> error() {
        return error;
    }

    /**
     * Returns the error message, for instance
     * {@code operation 3 (insert Interface): constraint violation: ...}.
     *
     * @return the message, empty on success
     */
    public Optional<String> errorMessage() {
        return error.map(TransactionError::message);
    }

    /**
     * Throws if the transaction failed.
     *
     * @return this result, on success
     * @throws OvsdbTransactionException if it failed
     */
    public TransactionResult throwIfFailed() throws OvsdbTransactionException {
        if (error.isPresent()) {
            throw new OvsdbTransactionException(this);
        }
        return this;
    }

    /**
     * Returns the UUID of a row inserted by this transaction.
     *
     * @param insert the insert operation
     * @return the UUID, if the insert succeeded
     */
    public Optional<Uuid> uuid(final Insert insert) {
        return result(insert).uuid();
    }

    /**
     * Returns the UUID of a row inserted by this transaction, by its uuid-name.
     *
     * @param ref the named-uuid
     * @return the UUID, if such an insert succeeded
     */
    public Optional<Uuid> uuid(final NamedUuid ref) {
        for (OperationResult result : results) {
            if (result.operation() instanceof Insert insert && insert.ref().equals(ref)) {
                return result.uuid();
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the rows of a select.
     *
     * @param select the select operation
     * @return the rows (empty if it failed)
     */
    public List<Row> rows(final Select select) {
        return result(select).rows();
    }

    /**
     * Returns the number of rows an update, mutate or delete affected.
     *
     * @param operation the operation
     * @return the count, 0 if it failed or has none
     */
    public long count(final Operation operation) {
        return result(operation).count().orElse(0);
    }

    @Override
    public String toString() {
        return error.map(err -> "TransactionResult{failed: " + err.message() + "}")
            .orElseGet(() -> "TransactionResult{success, " + results.size() + " operations}");
    }
}
