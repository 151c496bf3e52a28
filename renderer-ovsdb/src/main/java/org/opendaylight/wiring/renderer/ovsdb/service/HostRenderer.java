/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.ovsdb.service;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.wiring.ovsdb.OvsdbConnection;
import org.opendaylight.wiring.ovsdb.replica.OvsdbReplica;
import org.opendaylight.wiring.renderer.ovsdb.desired.DesiredSwitch;
import org.opendaylight.wiring.renderer.ovsdb.reconcile.SwitchReconciler;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Host;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one host's switch equal to its plan while this cluster member owns the host. Runs on the renderer's single
 * thread. A failing object (an OVSDB error on its operation, a foreign object in the way, an interface error
 * reported by ovs-vswitchd) is reported against its intents and left out, so it never blocks the rest of the host.
 */
final class HostRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(HostRenderer.class);
    private static final int MAX_ATTEMPTS = 8;

    /** What the renderer reports for the host. */
    record Report(String digest, Map<String, String> failedIntents) {
        // value
    }

    /** Where results go. */
    interface Sink {
        void report(String hostId, Report report);

        void transactionSent(String hostId);
    }

    private final String hostId;
    private final Sink sink;
    private final List<String> controllers;
    private final long timeoutMillis;
    private @Nullable OvsdbConnection connection;
    private @Nullable Host plan;
    private boolean owner;
    private @Nullable Report lastReport;

    HostRenderer(final String hostId, final Sink sink, final List<String> controllers, final long timeoutMillis) {
        this.hostId = hostId;
        this.sink = sink;
        this.controllers = controllers;
        this.timeoutMillis = timeoutMillis;
    }

    String hostId() {
        return hostId;
    }

    @Nullable OvsdbConnection connection() {
        return connection;
    }

    boolean isOwner() {
        return owner;
    }

    void setConnection(final @Nullable OvsdbConnection newConnection) {
        connection = newConnection;
        lastReport = null;
    }

    void setOwner(final boolean isOwner) {
        owner = isOwner;
        lastReport = null;
    }

    /** The last report did not reach the datastore: send the next one even if it is the same. */
    void forgetReport() {
        lastReport = null;
    }

    void setPlan(final @Nullable Host newPlan) {
        plan = newPlan;
    }

    /**
     * Bring the switch to the plan and report. Without a plan the host's owned objects are removed (the desired
     * switch is empty).
     */
    void reconcile() {
        final var conn = connection;
        if (!owner || conn == null || !conn.isConnected() || !conn.replicaReady().isDone()) {
            return;
        }
        final var current = plan;
        final var desired = current == null ? new DesiredSwitch(Map.of(), Map.of())
            : DesiredSwitch.of(current, controllers);
        final Map<String, String> failures = new TreeMap<>();
        final Set<String> excluded = new HashSet<>();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            final var result = SwitchReconciler.reconcile(desired, conn.replica(), excluded);
            failures.putAll(result.conflicts());
            if (result.isEmpty()) {
                break;
            }
            try {
                sink.transactionSent(hostId);
                final var outcome = conn.transact(result.transaction()).get(timeoutMillis, TimeUnit.MILLISECONDS);
                if (outcome.isSuccess()) {
                    LOG.debug("{}: applied {} operations", hostId, result.transaction().size());
                    break;
                }
                final var error = outcome.error().orElseThrow();
                final var message = error.toString();
                final var object = error.operation().map(op -> result.objectOfOperation().get(op.index()))
                    .orElseGet(() -> objectNamedIn(desired, message, excluded));
                LOG.warn("{}: OVSDB transaction failed: {}", hostId, message);
                if (object == null) {
                    desired.bridges().keySet().forEach(name -> failures.put("bridge:" + name, message));
                    break;
                }
                failures.put(object, message);
                excluded.add(object);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("{}: OVSDB transaction did not complete", hostId, e);
                return;
            }
        }
        interfaceErrors(desired, conn.replica(), failures);
        if (current != null) {
            report(new Report(current.getDigest(), failedIntents(desired, failures)));
        }
    }

    /**
     * Commit-time errors (an index violation, say) name no operation, but quote the clashing value: find the
     * desired object it names.
     */
    private static @Nullable String objectNamedIn(final DesiredSwitch desired, final String message,
            final Set<String> excluded) {
        for (var name : desired.ports().keySet()) {
            if (message.contains("\"" + name + "\"") && !excluded.contains("port:" + name)) {
                return "port:" + name;
            }
        }
        for (var name : desired.bridges().keySet()) {
            if (message.contains("\"" + name + "\"") && !excluded.contains("bridge:" + name)) {
                return "bridge:" + name;
            }
        }
        return null;
    }

    private static void interfaceErrors(final DesiredSwitch desired, final OvsdbReplica replica,
            final Map<String, String> failures) {
        for (var port : desired.ports().values()) {
            replica.interfaceNamed(port.name()).flatMap(iface -> iface.error())
                .ifPresent(error -> failures.putIfAbsent("port:" + port.name(), error));
        }
    }

    private static Map<String, String> failedIntents(final DesiredSwitch desired, final Map<String, String> failures) {
        final Map<String, String> result = new TreeMap<>();
        failures.forEach((object, reason) -> {
            final var name = object.substring(object.indexOf(':') + 1);
            final Set<String> intents = object.startsWith("bridge:")
                ? desired.bridges().containsKey(name) ? desired.bridges().get(name).intents() : Set.of()
                : desired.ports().containsKey(name) ? desired.ports().get(name).intents() : Set.of();
            // an intent failing for several objects lists them all, in object order
            intents.forEach(intent -> result.merge(intent, object + ": " + reason, (a, b) -> a + "; " + b));
        });
        return result;
    }

    private void report(final Report report) {
        if (!report.equals(lastReport)) {
            lastReport = report;
            sink.report(hostId, report);
        }
    }
}
