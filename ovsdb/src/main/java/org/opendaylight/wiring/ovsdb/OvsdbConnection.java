/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.opendaylight.wiring.ovsdb.monitor.MonitorRequest;
import org.opendaylight.wiring.ovsdb.monitor.TableUpdates;
import org.opendaylight.wiring.ovsdb.replica.OvsdbReplica;
import org.opendaylight.wiring.ovsdb.schema.DatabaseSchema;
import org.opendaylight.wiring.ovsdb.transact.Transaction;
import org.opendaylight.wiring.ovsdb.transact.TransactionResult;

/**
 * One OVSDB (JSON-RPC 1.0) session with an ovsdb-server, active or passive.
 *
 * <p>All methods are thread-safe and asynchronous. Returned futures fail with {@link OvsdbTimeoutException} after
 * the request timeout, with {@link OvsdbDisconnectedException} when the connection closes first, and with
 * {@link OvsdbRpcException} when the server answers with an error. They are completed on the connection's I/O
 * thread: use the {@code *Async} variants of {@link CompletableFuture} for anything that blocks.
 *
 * <p>A connection object lives as long as its TCP connection; after a reconnect (active mode) or a new connection
 * from the switch (passive mode) a new object appears. Use {@link #systemId()} to recognize the switch.
 */
public interface OvsdbConnection extends AutoCloseable {
    /**
     * Returns the connection id, for instance {@code tcp:127.0.0.1:40312} (the peer's address).
     *
     * @return the id
     */
    String id();

    /**
     * Returns who opened the connection.
     *
     * @return the mode
     */
    ConnectionMode mode();

    /**
     * Returns the peer address.
     *
     * @return the remote address
     */
    InetSocketAddress remoteAddress();

    /**
     * Tells whether the connection is open.
     *
     * @return true while open
     */
    boolean isConnected();

    /**
     * Lists the databases of the server ({@code list_dbs}).
     *
     * @return the database names
     */
    CompletableFuture<List<String>> listDatabases();

    /**
     * Fetches a database schema ({@code get_schema}).
     *
     * @param database the database name
     * @return the schema
     */
    CompletableFuture<DatabaseSchema> getSchema(String database);

    /**
     * Executes a transaction ({@code transact}). The future fails only when the request itself fails; a transaction
     * the server rejected completes normally with {@link TransactionResult#isSuccess()} false and an error message
     * naming the failed operation.
     *
     * @param transaction the transaction
     * @return the result
     * @throws IllegalStateException if the transaction is empty or incomplete
     */
    CompletableFuture<TransactionResult> transact(Transaction transaction);

    /**
     * Executes a transaction and fails the future with {@link OvsdbTransactionException} if it was not committed.
     *
     * @param transaction the transaction
     * @return the successful result
     * @throws IllegalStateException if the transaction is empty or incomplete
     */
    CompletableFuture<TransactionResult> transactChecked(Transaction transaction);

    /**
     * Starts a monitor ({@code monitor}). The future yields the initial contents; later changes go to
     * {@code updates}, called on the I/O thread in order (do not block in it).
     *
     * @param database the database
     * @param monitorId the monitor id, unique on this connection
     * @param requests table name to monitor request
     * @param updates receives every {@code update} notification of this monitor
     * @return the initial contents
     */
    CompletableFuture<TableUpdates> monitor(String database, String monitorId, Map<String, MonitorRequest> requests,
        Consumer<TableUpdates> updates);

    /**
     * Cancels a monitor ({@code monitor_cancel}).
     *
     * @param monitorId the monitor id
     * @return completion
     */
    CompletableFuture<Void> cancelMonitor(String monitorId);

    /**
     * Sends an {@code echo} request.
     *
     * @return the echoed parameters
     */
    CompletableFuture<JsonNode> echo();

    /**
     * Sends an arbitrary JSON-RPC request.
     *
     * @param method the method
     * @param params the parameters
     * @return the result member of the response
     */
    CompletableFuture<JsonNode> call(String method, JsonNode... params);

    /**
     * Returns the latest snapshot of the replica (empty until {@link #replicaReady()} completes, or if replicas are
     * disabled).
     *
     * @return the replica snapshot
     */
    OvsdbReplica replica();

    /**
     * Returns a future completed with the replica once its initial contents are loaded, or failed if the connection
     * closes before.
     *
     * @return the future
     */
    CompletableFuture<OvsdbReplica> replicaReady();

    /**
     * Returns the switch's system id from the replica ({@code Open_vSwitch external_ids:system-id}).
     *
     * @return the system id, once the replica is ready and if set
     */
    default Optional<String> systemId() {
        return replica().systemId();
    }

    /**
     * Returns a future completed when the connection has closed.
     *
     * @return the future
     */
    CompletableFuture<Void> closeFuture();

    /**
     * Returns why the connection closed.
     *
     * @return the reason, empty while open
     */
    Optional<String> closeReason();

    /**
     * Closes the connection. An active remote reconnects afterwards; close the {@link OvsdbRemote} to stop that.
     */
    @Override
    void close();
}
