/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.ovsdb.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.opendaylight.wiring.ovsdb.ConnectionMode;
import org.opendaylight.wiring.ovsdb.OvsdbConnection;
import org.opendaylight.wiring.ovsdb.OvsdbConnectionListener;
import org.opendaylight.wiring.ovsdb.OvsdbDisconnectedException;
import org.opendaylight.wiring.ovsdb.monitor.MonitorRequest;
import org.opendaylight.wiring.ovsdb.monitor.TableUpdates;
import org.opendaylight.wiring.ovsdb.replica.OvsdbReplica;
import org.opendaylight.wiring.ovsdb.schema.DatabaseSchema;
import org.opendaylight.wiring.ovsdb.transact.Transaction;
import org.opendaylight.wiring.ovsdb.transact.TransactionResult;

/**
 * An OVSDB session to a {@link FakeSwitch}: transactions are applied to it (asynchronously, like the real library),
 * the listener hears of replica changes and of the close. It can be frozen (transactions wait, echo never answers),
 * like an ovsdb-server stopped with SIGSTOP.
 */
public final class FakeConnection implements OvsdbConnection {
    private final FakeSwitch sw;
    private final ConnectionMode mode;
    private final InetSocketAddress address;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final List<Transaction> sent = new CopyOnWriteArrayList<>();
    private final List<Runnable> held = new ArrayList<>();
    private volatile OvsdbReplica replica;
    private volatile OvsdbConnectionListener listener;
    private volatile boolean frozen;

    /**
     * A session.
     *
     * @param sw the switch
     * @param mode active or passive
     * @param address the peer address
     */
    public FakeConnection(final FakeSwitch sw, final ConnectionMode mode, final InetSocketAddress address) {
        this.sw = sw;
        this.mode = mode;
        this.address = address;
        this.replica = sw.replica();
    }

    /**
     * Who hears of replica changes and disconnects.
     *
     * @param newListener the listener (the renderer service)
     * @return this
     */
    public FakeConnection listener(final OvsdbConnectionListener newListener) {
        listener = newListener;
        return this;
    }

    /** Transactions sent so far. */
    public List<Transaction> sent() {
        return List.copyOf(sent);
    }

    /** Operations sent so far that remove something (mutate-delete or delete). */
    public long removals() {
        return sent.stream().flatMap(tx -> tx.operations().stream()).map(op -> op.toJson())
            .filter(json -> "delete".equals(json.get("op").asText())
                || json.path("mutations").toString().contains("\"delete\""))
            .count();
    }

    /** Freeze: transactions wait and echo requests are never answered. */
    public synchronized void freeze() {
        frozen = true;
    }

    /** Thaw: the waiting transactions are applied. */
    public void thaw() {
        final List<Runnable> pending;
        synchronized (this) {
            frozen = false;
            pending = List.copyOf(held);
            held.clear();
        }
        pending.forEach(Runnable::run);
    }

    /**
     * Changes the switch by hand (ovs-vsctl). The replica follows; the listener hears of it only if notify is set
     * (false models a lost notification).
     *
     * @param change the change
     * @param notify whether the replica change is reported to the listener
     */
    public void byHand(final Consumer<FakeSwitch> change, final boolean notify) {
        synchronized (sw) {
            change.accept(sw);
            replica = sw.replica();
        }
        if (notify) {
            notifyChange();
        }
    }

    /** The switch's current contents, also when the replica was not told (silent drift). */
    public OvsdbReplica switchState() {
        synchronized (sw) {
            return sw.replica();
        }
    }

    private void notifyChange() {
        final var target = listener;
        if (target != null) {
            target.onReplicaChanged(this, OvsdbReplica.empty().applyUpdates(TableUpdates.empty()));
        }
    }

    @Override
    public String id() {
        return "fake:" + address;
    }

    @Override
    public ConnectionMode mode() {
        return mode;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return address;
    }

    @Override
    public boolean isConnected() {
        return !closed.isDone();
    }

    @Override
    public CompletableFuture<List<String>> listDatabases() {
        return CompletableFuture.completedFuture(List.of("Open_vSwitch"));
    }

    @Override
    public CompletableFuture<DatabaseSchema> getSchema(final String database) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException());
    }

    @Override
    public CompletableFuture<TransactionResult> transact(final Transaction transaction) {
        sent.add(transaction);
        final var future = new CompletableFuture<TransactionResult>();
        final Runnable apply = () -> {
            if (!isConnected()) {
                future.completeExceptionally(new OvsdbDisconnectedException("closed"));
                return;
            }
            final ArrayNode results = JsonNodeFactory.instance.arrayNode();
            try {
                synchronized (sw) {
                    final var uuids = sw.apply(transaction);
                    replica = sw.replica();
                    for (var uuid : uuids) {
                        results.add(uuid == null ? JsonNodeFactory.instance.objectNode()
                            : JsonNodeFactory.instance.objectNode().set("uuid", JsonNodeFactory.instance.arrayNode()
                                .add("uuid").add(uuid.toString())));
                    }
                }
            } catch (FakeSwitch.ConstraintViolation e) {
                results.removeAll();
                transaction.operations().forEach(op -> results.add(JsonNodeFactory.instance.objectNode()));
                results.add(JsonNodeFactory.instance.objectNode().put("error", "constraint violation")
                    .put("details", e.getMessage()));
                future.complete(TransactionResult.fromJson(transaction, results));
                return;
            }
            future.complete(TransactionResult.fromJson(transaction, results));
            notifyChange();
        };
        synchronized (this) {
            if (frozen) {
                held.add(apply);
                return future;
            }
        }
        CompletableFuture.runAsync(apply);
        return future;
    }

    @Override
    public CompletableFuture<TransactionResult> transactChecked(final Transaction transaction) {
        return transact(transaction);
    }

    @Override
    public CompletableFuture<TableUpdates> monitor(final String database, final String monitorId,
            final Map<String, MonitorRequest> requests, final Consumer<TableUpdates> updates) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException());
    }

    @Override
    public CompletableFuture<Void> cancelMonitor(final String monitorId) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<JsonNode> echo() {
        return frozen ? new CompletableFuture<>() : CompletableFuture.completedFuture(
            JsonNodeFactory.instance.arrayNode());
    }

    @Override
    public CompletableFuture<JsonNode> call(final String method, final JsonNode... params) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(method));
    }

    @Override
    public OvsdbReplica replica() {
        return replica;
    }

    @Override
    public CompletableFuture<OvsdbReplica> replicaReady() {
        return CompletableFuture.completedFuture(replica);
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return closed;
    }

    @Override
    public Optional<String> closeReason() {
        return closed.isDone() ? Optional.of("closed") : Optional.empty();
    }

    @Override
    public void close() {
        if (closed.complete(null)) {
            final var target = listener;
            if (target != null) {
                target.onDisconnected(this, "connection closed");
            }
        }
    }
}
