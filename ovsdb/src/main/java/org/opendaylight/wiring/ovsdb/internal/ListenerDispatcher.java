/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.opendaylight.wiring.ovsdb.OvsdbConnection;
import org.opendaylight.wiring.ovsdb.OvsdbConnectionListener;
import org.opendaylight.wiring.ovsdb.replica.OvsdbReplica;
import org.opendaylight.wiring.ovsdb.replica.ReplicaChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers listener callbacks one at a time, in order, on a dedicated thread.
 */
public final class ListenerDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerDispatcher.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final List<OvsdbConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        final Thread thread = new Thread(runnable, "ovsdb-notify-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Adds a listener; {@code replay} runs on the notification thread before any later event reaches it.
     *
     * @param listener the listener
     * @param replay events to deliver to this listener only, for instance existing connections
     */
    public void add(final OvsdbConnectionListener listener, final Consumer<OvsdbConnectionListener> replay) {
        submit(() -> {
            listeners.add(listener);
            invoke(listener, replay);
        });
    }

    /**
     * Removes a listener.
     *
     * @param listener the listener
     */
    public void remove(final OvsdbConnectionListener listener) {
        listeners.remove(listener);
    }

    void connected(final OvsdbConnection connection) {
        fire(listener -> listener.onConnected(connection));
    }

    void replicaReady(final OvsdbConnection connection, final OvsdbReplica replica) {
        fire(listener -> listener.onReplicaReady(connection, replica));
    }

    void replicaChanged(final OvsdbConnection connection, final ReplicaChange change) {
        fire(listener -> listener.onReplicaChanged(connection, change));
    }

    void disconnected(final OvsdbConnection connection, final String reason) {
        fire(listener -> listener.onDisconnected(connection, reason));
    }

    private void fire(final Consumer<OvsdbConnectionListener> event) {
        submit(() -> listeners.forEach(listener -> invoke(listener, event)));
    }

    private void submit(final Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("OVSDB listener dispatcher closed, dropping event", e);
        }
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private static void invoke(final OvsdbConnectionListener listener, final Consumer<OvsdbConnectionListener> event) {
        try {
            event.accept(listener);
        } catch (RuntimeException e) {
            LOG.warn("OVSDB listener {} failed", listener, e);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
