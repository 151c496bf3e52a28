/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.opendaylight.wiring.ovsdb.ConnectionMode;
import org.opendaylight.wiring.ovsdb.OvsdbConfig;
import org.opendaylight.wiring.ovsdb.OvsdbConnection;
import org.opendaylight.wiring.ovsdb.OvsdbDisconnectedException;
import org.opendaylight.wiring.ovsdb.OvsdbProtocolException;
import org.opendaylight.wiring.ovsdb.OvsdbTransactionException;
import org.opendaylight.wiring.ovsdb.monitor.MonitorRequest;
import org.opendaylight.wiring.ovsdb.monitor.TableUpdates;
import org.opendaylight.wiring.ovsdb.replica.OvsdbReplica;
import org.opendaylight.wiring.ovsdb.replica.ReplicaChange;
import org.opendaylight.wiring.ovsdb.schema.DatabaseSchema;
import org.opendaylight.wiring.ovsdb.schema.TableSchema;
import org.opendaylight.wiring.ovsdb.transact.Transaction;
import org.opendaylight.wiring.ovsdb.transact.TransactionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OVSDB connection: JSON-RPC endpoint, replica loading (get_schema, then monitor) and maintenance, echo
 * keepalive.
 */
public final class OvsdbConnectionImpl implements OvsdbConnection, JsonRpcEndpoint.Listener {
    /** The monitor id used for the replica. */
    public static final String REPLICA_MONITOR_ID = "wiring-replica";

    private static final Logger LOG = LoggerFactory.getLogger(OvsdbConnectionImpl.class);

    private final Map<String, Consumer<TableUpdates>> monitors = new ConcurrentHashMap<>();
    private final CompletableFuture<OvsdbReplica> replicaReady = new CompletableFuture<>();
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private final AtomicInteger outstandingEchoes = new AtomicInteger();
    private final List<TableUpdates> earlyUpdates = new ArrayList<>();
    private final Consumer<TableUpdates> replicaConsumer = this::onReplicaUpdate;
    private final Channel channel;
    private final ConnectionMode mode;
    private final OvsdbConfig config;
    private final ListenerDispatcher dispatcher;
    private final ConnectionObserver observer;
    private final InetSocketAddress peerAddress;
    private final String id;
    private final JsonRpcEndpoint rpc;
    private volatile OvsdbReplica replica = OvsdbReplica.empty();
    private volatile boolean announced;
    // accessed on the event loop only
    private boolean replicaLoaded;
    private ScheduledFuture<?> keepalive;

    /**
     * Creates a connection for a channel; add {@link #endpoint()} to its pipeline.
     *
     * @param channel the channel
     * @param mode who connected
     * @param tls whether the channel uses TLS
     * @param peerAddress the peer's address
     * @param config the settings (not copied)
     * @param dispatcher where listener events go
     * @param observer life-cycle hooks
     */
    public OvsdbConnectionImpl(final Channel channel, final ConnectionMode mode, final boolean tls,
            final InetSocketAddress peerAddress, final OvsdbConfig config, final ListenerDispatcher dispatcher,
            final ConnectionObserver observer) {
        this.channel = channel;
        this.mode = mode;
        this.config = config;
        this.dispatcher = dispatcher;
        this.observer = observer;
        this.peerAddress = peerAddress;
        final String host = peerAddress.getHostString().indexOf(':') >= 0 ? "[" + peerAddress.getHostString() + "]"
            : peerAddress.getHostString();
        this.id = (tls ? "ssl:" : "tcp:") + host + ":" + peerAddress.getPort();
        this.rpc = new JsonRpcEndpoint(id + (mode == ConnectionMode.PASSIVE ? " (passive)" : " (active)"), this);
    }

    /**
     * Returns the Netty handler of this connection.
     *
     * @return the JSON-RPC endpoint
     */
    public JsonRpcEndpoint endpoint() {
        return rpc;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ConnectionMode mode() {
        return mode;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        final SocketAddress actual = channel.remoteAddress();
        return actual instanceof InetSocketAddress inet ? inet : peerAddress;
    }

    @Override
    public boolean isConnected() {
        return rpc.isOpen();
    }

    @Override
    public CompletableFuture<List<String>> listDatabases() {
        return request("list_dbs", JsonNodeFactory.instance.arrayNode(), result -> {
            final List<String> names = new ArrayList<>();
            result.forEach(name -> names.add(name.asText()));
            return names;
        });
    }

    @Override
    public CompletableFuture<DatabaseSchema> getSchema(final String database) {
        return request("get_schema", JsonNodeFactory.instance.arrayNode().add(database), DatabaseSchema::fromJson);
    }

    @Override
    public CompletableFuture<TransactionResult> transact(final Transaction transaction) {
        final ArrayNode params = transaction.toParams();
        return request("transact", params, result -> TransactionResult.fromJson(transaction, result));
    }

    @Override
    public CompletableFuture<TransactionResult> transactChecked(final Transaction transaction) {
        return transact(transaction).thenCompose(result -> result.isSuccess()
            ? CompletableFuture.completedFuture(result)
            : CompletableFuture.failedFuture(new OvsdbTransactionException(result)));
    }

    @Override
    public CompletableFuture<TableUpdates> monitor(final String database, final String monitorId,
            final Map<String, MonitorRequest> requests, final Consumer<TableUpdates> updates) {
        final ObjectNode requestsJson = JsonNodeFactory.instance.objectNode();
        requests.forEach((table, request) -> requestsJson.set(table, request.toJson()));
        final Consumer<TableUpdates> consumer = REPLICA_MONITOR_ID.equals(monitorId) && updates == replicaConsumer
            ? updates : safe(monitorId, updates);
        if (monitors.putIfAbsent(monitorId, consumer) != null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("monitor id " + monitorId
                + " is already in use on " + id));
        }
        final CompletableFuture<TableUpdates> future = request("monitor", JsonNodeFactory.instance.arrayNode()
            .add(database).add(monitorId).add(requestsJson), TableUpdates::fromJson);
        future.whenComplete((initial, failure) -> {
            if (failure != null) {
                monitors.remove(monitorId, consumer);
            }
        });
        return future;
    }

    @Override
    public CompletableFuture<Void> cancelMonitor(final String monitorId) {
        return request("monitor_cancel", JsonNodeFactory.instance.arrayNode().add(monitorId), result -> {
            monitors.remove(monitorId);
            return null;
        });
    }

    @Override
    public CompletableFuture<JsonNode> echo() {
        return rpc.call("echo", JsonNodeFactory.instance.arrayNode().add("wiring-echo"),
            config.getRequestTimeoutMillis());
    }

    @Override
    public CompletableFuture<JsonNode> call(final String method, final JsonNode... params) {
        final ArrayNode array = JsonNodeFactory.instance.arrayNode(params.length);
        for (JsonNode param : params) {
            array.add(param);
        }
        return rpc.call(method, array, config.getRequestTimeoutMillis());
    }

    private <T> CompletableFuture<T> request(final String method, final ArrayNode params,
            final Function<JsonNode, T> parser) {
        final CompletableFuture<T> result = new CompletableFuture<>();
        rpc.call(method, params, config.getRequestTimeoutMillis()).whenComplete((json, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure);
                return;
            }
            final T parsed;
            try {
                parsed = parser.apply(json);
            } catch (IllegalArgumentException e) {
                result.completeExceptionally(new OvsdbProtocolException(id + ": invalid " + method + " result: "
                    + e.getMessage(), e));
                return;
            }
            result.complete(parsed);
        });
        return result;
    }

    @Override
    public OvsdbReplica replica() {
        return replica;
    }

    @Override
    public CompletableFuture<OvsdbReplica> replicaReady() {
        return replicaReady;
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    @Override
    public Optional<String> closeReason() {
        return closeFuture.isDone() ? Optional.ofNullable(rpc.closeReason()) : Optional.empty();
    }

    @Override
    public void close() {
        rpc.close("closed by application");
    }

    // JsonRpcEndpoint.Listener, on the event loop

    @Override
    public void onActive() {
        LOG.info("OVSDB {}: connected ({})", id, mode == ConnectionMode.PASSIVE ? "switch connected to us"
            : "we connected to the switch");
        announced = true;
        observer.connectionUp(this);
        dispatcher.connected(this);
        startKeepalive();
        if (config.isReplicaEnabled()) {
            loadReplica();
        } else {
            observer.replicaReady(this);
        }
    }

    @Override
    public void onNotification(final String method, final JsonNode params) {
        if ("update".equals(method)) {
            if (!params.isArray() || params.size() < 2) {
                throw new IllegalArgumentException("params must be [monitor-id, table-updates]");
            }
            final JsonNode monitorId = params.get(0);
            final Consumer<TableUpdates> consumer = monitors.get(monitorId.isTextual() ? monitorId.textValue()
                : monitorId.toString());
            if (consumer == null) {
                LOG.debug("OVSDB {}: update for unknown monitor {}", id, monitorId);
                return;
            }
            consumer.accept(TableUpdates.fromJson(params.get(1)));
        } else {
            LOG.debug("OVSDB {}: ignoring notification {} {}", id, method, params);
        }
    }

    @Override
    public void onClosed(final String reason) {
        if (keepalive != null) {
            keepalive.cancel(false);
        }
        replicaReady.completeExceptionally(new OvsdbDisconnectedException(id
            + ": connection closed before the replica was loaded: " + reason));
        closeFuture.complete(null);
        if (announced) {
            observer.connectionDown(this);
            dispatcher.disconnected(this, reason);
        }
    }

    private void startKeepalive() {
        final long interval = config.getEchoIntervalMillis();
        if (interval > 0) {
            keepalive = channel.eventLoop().scheduleAtFixedRate(this::keepaliveTick, interval, interval,
                TimeUnit.MILLISECONDS);
        }
    }

    private void keepaliveTick() {
        final int missed = outstandingEchoes.get();
        final long interval = config.getEchoIntervalMillis();
        if (missed >= config.getMaxMissedEchoes()) {
            rpc.fail("keepalive: no reply to " + missed + " consecutive echo requests (sent every " + interval
                + " ms)");
            return;
        }
        outstandingEchoes.incrementAndGet();
        rpc.call("echo", JsonNodeFactory.instance.arrayNode().add("wiring-keepalive"),
            interval * (config.getMaxMissedEchoes() + 1L)).thenRun(() -> outstandingEchoes.set(0));
    }

    private void loadReplica() {
        final String database = config.getDatabase();
        getSchema(database).whenComplete((schema, schemaFailure) -> {
            if (schemaFailure != null) {
                replicaFailed("get_schema " + database, schemaFailure);
                return;
            }
            final Map<String, MonitorRequest> requests = monitorRequests(schema);
            monitor(database, REPLICA_MONITOR_ID, requests, replicaConsumer).whenComplete((initial, failure) -> {
                if (failure != null) {
                    replicaFailed("monitor " + database, failure);
                } else {
                    replicaLoaded(initial);
                }
            });
        });
    }

    private Map<String, MonitorRequest> monitorRequests(final DatabaseSchema schema) {
        final Map<String, MonitorRequest> requests = new LinkedHashMap<>();
        config.getMonitoredColumns().forEach((table, columns) -> {
            final Optional<TableSchema> tableSchema = schema.table(table);
            if (tableSchema.isEmpty()) {
                LOG.debug("OVSDB {}: schema {} {} has no table {}, not monitored", id, schema.name(),
                    schema.version(), table);
                return;
            }
            final List<String> present = columns.stream().filter(tableSchema.orElseThrow()::hasColumn).toList();
            if (present.size() != columns.size()) {
                LOG.debug("OVSDB {}: table {} lacks columns {}, not monitored", id, table,
                    columns.stream().filter(column -> !present.contains(column)).toList());
            }
            requests.put(table, MonitorRequest.of(present));
        });
        return requests;
    }

    private void replicaFailed(final String step, final Throwable failure) {
        final Throwable cause = failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause() : failure;
        if (rpc.isOpen()) {
            rpc.fail("could not load the replica: " + step + " failed: " + cause.getMessage());
        }
    }

    private void replicaLoaded(final TableUpdates initial) {
        final OvsdbReplica loaded = OvsdbReplica.empty().applyUpdates(initial).after();
        replica = loaded;
        replicaLoaded = true;
        LOG.info("OVSDB {}: replica loaded: {}, system-id {}", id, loaded, loaded.systemId().orElse("(none)"));
        observer.replicaReady(this);
        dispatcher.replicaReady(this, loaded);
        replicaReady.complete(loaded);
        final List<TableUpdates> pending = new ArrayList<>(earlyUpdates);
        earlyUpdates.clear();
        pending.forEach(this::applyReplicaUpdate);
    }

    private void onReplicaUpdate(final TableUpdates updates) {
        if (replicaLoaded) {
            applyReplicaUpdate(updates);
        } else {
            earlyUpdates.add(updates);
        }
    }

    private void applyReplicaUpdate(final TableUpdates updates) {
        final ReplicaChange change = replica.applyUpdates(updates);
        replica = change.after();
        if (!change.isEmpty()) {
            LOG.debug("OVSDB {}: replica changed: {} row(s)", id, change.changes().size());
            dispatcher.replicaChanged(this, change);
        }
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private Consumer<TableUpdates> safe(final String monitorId, final Consumer<TableUpdates> updates) {
        return tableUpdates -> {
            try {
                updates.accept(tableUpdates);
            } catch (RuntimeException e) {
                LOG.warn("OVSDB {}: consumer of monitor {} failed", id, monitorId, e);
            }
        };
    }

    @Override
    public String toString() {
        return "OvsdbConnection{" + id + ", " + mode + (isConnected() ? "" : ", closed") + "}";
    }
}
