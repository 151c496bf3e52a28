/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.ovsdb.service;

import com.google.common.util.concurrent.MoreExecutors;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.wiring.ovsdb.OvsdbConnection;
import org.opendaylight.wiring.ovsdb.OvsdbTables;
import org.opendaylight.wiring.ovsdb.data.Uuid;
import org.opendaylight.wiring.ovsdb.replica.OvsdbReplica;
import org.opendaylight.wiring.ovsdb.transact.TransactionResult;
import org.opendaylight.wiring.renderer.ovsdb.desired.ControllerTargets;
import org.opendaylight.wiring.renderer.ovsdb.desired.DesiredSwitch;
import org.opendaylight.wiring.renderer.ovsdb.reconcile.SwitchReconciler;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one host's switch equal to its plan while this cluster member owns the host: the host's own serialised
 * worker. Every method only posts to the worker (a sequential executor over a shared pool), and OVSDB transactions
 * are asynchronous: while a transaction to a frozen switch is outstanding the worker holds no thread, so no host can
 * stall another. At most one transaction per host is in flight.
 *
 * <p>Rules: until a plan with an epoch has been seen ({@link #setPlan(boolean, Host)} with {@code known} true)
 * nothing is sent to the switch at all: "no plan yet" is unknown, never empty. Once the plan is known, a host
 * without a plan entry has nothing planned and its owned objects are removed. A transaction that fails in transport
 * (timeout, disconnect) is retried with exponential backoff; an operation OVSDB rejects is reported against its
 * intents and its object left out until the plan, the session or the next resync changes. A failing object never
 * blocks the rest of the host.
 */
final class HostRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(HostRenderer.class);

    /**
     * What the renderer reports for the host.
     *
     * @param state programmed or failed
     * @param reason why
     * @param connected whether the renderer reaches the switch
     * @param digest digest of the plan last applied completely, or null
     * @param failedIntents per intent, why it failed on this host
     */
    record Report(IntentState state, String reason, boolean connected, @Nullable String digest,
            Map<String, String> failedIntents) {
        Report {
            failedIntents = Map.copyOf(failedIntents);
        }
    }

    /** Where results go. */
    interface Sink {
        void report(String hostId, Report report);

        void transactionSent(String hostId);
    }

    /**
     * Timing of retries.
     *
     * @param initialBackoffMillis first retry delay after a transport failure (doubles up to the maximum)
     * @param maxBackoffMillis longest retry delay
     * @param settleMillis how long to wait for the replica to show a committed transaction before looking again
     */
    record Timing(long initialBackoffMillis, long maxBackoffMillis, long settleMillis) {
        static final Timing DEFAULT = new Timing(500, 30_000, 2_000);
    }

    private final String hostId;
    private final Sink sink;
    private final List<String> controllers;
    private final Executor worker;
    private final ScheduledExecutorService scheduler;
    private final Timing timing;

    // confined to the worker
    private @Nullable OvsdbConnection connection;
    private @Nullable Host plan;
    private boolean planKnown;
    private boolean owner;
    private @Nullable Report lastReport;
    private final Map<String, String> rejected = new TreeMap<>();
    private final Set<String> excluded = new HashSet<>();
    private boolean inFlight;
    private @Nullable ScheduledFuture<?> retry;
    private int transportFailures;
    private @Nullable String transportProblem;
    private @Nullable String sessionProblem;
    private @Nullable String controllerProblem;
    private @Nullable OvsdbReplica appliedOn;
    private Set<Uuid> appliedInserts = Set.of();
    private long appliedAtNanos;
    private @Nullable String appliedDigest;
    private @Nullable String lostReason;
    private @Nullable Map<String, String> lastFailures;

    HostRenderer(final String hostId, final Sink sink, final List<String> controllers, final Executor pool,
            final ScheduledExecutorService scheduler, final Timing timing) {
        this.hostId = hostId;
        this.sink = sink;
        this.controllers = List.copyOf(controllers);
        this.worker = MoreExecutors.newSequentialExecutor(pool);
        this.scheduler = scheduler;
        this.timing = timing;
    }

    String hostId() {
        return hostId;
    }

    /** Use this session (or none). A new session starts from a clean slate. */
    void setConnection(final @Nullable OvsdbConnection newConnection) {
        worker.execute(() -> {
            if (connection == newConnection) {
                return;
            }
            connection = newConnection;
            lostReason = null;
            resetAttempts();
            lastReport = null;
            pass();
        });
    }

    /**
     * The session went away: report it (if this member owns the host) and stop using it.
     *
     * @param lost the session that was lost
     * @param reason what to report, e.g. "OVSDB session to h1 lost at 2026-12-01T03:00:00Z"
     */
    void disconnected(final OvsdbConnection lost, final String reason) {
        worker.execute(() -> {
            if (connection != lost) {
                return;
            }
            connection = null;
            lostReason = reason;
            resetAttempts();
            report();
        });
    }

    void setOwner(final boolean isOwner) {
        worker.execute(() -> {
            if (owner == isOwner) {
                return;
            }
            owner = isOwner;
            lastReport = null;
            pass();
        });
    }

    /**
     * The plan of the host.
     *
     * @param known whether a plan with an epoch has been published; while false nothing is changed on the switch
     * @param newPlan the host's entry in that plan, null if it has none
     */
    void setPlan(final boolean known, final @Nullable Host newPlan) {
        worker.execute(() -> {
            if (known == planKnown && Objects.equals(plan, newPlan)) {
                return;
            }
            planKnown = known;
            plan = newPlan;
            resetAttempts();
            pass();
        });
    }

    /** A second session claims this host (or it is otherwise troubled); null clears it. */
    void setSessionProblem(final @Nullable String problem) {
        worker.execute(() -> {
            if (!Objects.equals(sessionProblem, problem)) {
                sessionProblem = problem;
                report();
            }
        });
    }

    /** Something may have changed (the replica): look again. */
    void reconcile() {
        worker.execute(this::pass);
    }

    /** Periodic resync: forget rejected objects (the obstacle may be gone) and look again. */
    void resync() {
        worker.execute(() -> {
            excluded.clear();
            rejected.clear();
            pass();
        });
    }

    /** The last report did not reach the datastore: send the next one even if it is the same. */
    void forgetReport() {
        worker.execute(() -> {
            lastReport = null;
            pass();
        });
    }

    private void resetAttempts() {
        excluded.clear();
        rejected.clear();
        appliedOn = null;
        transportFailures = 0;
        transportProblem = null;
        lastFailures = null;
        final var pending = retry;
        if (pending != null) {
            pending.cancel(false);
            retry = null;
        }
    }

    private void pass() {
        if (inFlight || retry != null) {
            // the outstanding transaction's completion (or the retry) runs the next pass
            return;
        }
        final var conn = connection;
        if (!owner || conn == null || !conn.isConnected() || !conn.replicaReady().isDone()) {
            return;
        }
        if (!planKnown) {
            LOG.debug("{}: no plan published yet, the switch is left as it is", hostId);
            return;
        }
        final var replica = conn.replica();
        final var applied = appliedOn;
        if (applied != null) {
            final long waited = System.nanoTime() - appliedAtNanos;
            if ((replica == applied || !shows(replica, appliedInserts))
                    && waited < TimeUnit.MILLISECONDS.toNanos(timing.settleMillis())) {
                // our last transaction is committed but not yet in the replica; its update brings us back here
                scheduler.schedule(this::reconcile, timing.settleMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            appliedOn = null;
        }
        final var current = plan;
        // the host may name its own controller targets (external_ids:odl-wiring-controller); the replica reports a
        // change of it like any other, and this pass follows it
        final var targets = ControllerTargets.select(hostId, replica.openVSwitch()
            .map(row -> row.stringMap(OvsdbTables.EXTERNAL_IDS)).orElse(Map.of()), controllers);
        controllerProblem(targets.problem());
        final var desired = current == null ? DesiredSwitch.EMPTY : DesiredSwitch.of(current, targets.targets());
        final var result = SwitchReconciler.reconcile(desired, replica, Set.copyOf(excluded));
        if (result.isEmpty()) {
            converged(desired, replica, current, result.conflicts());
            return;
        }
        inFlight = true;
        sink.transactionSent(hostId);
        LOG.debug("{}: sending {} operations", hostId, result.transaction().size());
        conn.transact(result.transaction()).whenCompleteAsync(
            (outcome, cause) -> completed(conn, desired, result, replica, outcome, cause), worker);
    }

    private void controllerProblem(final @Nullable String problem) {
        if (Objects.equals(controllerProblem, problem)) {
            return;
        }
        if (problem != null) {
            LOG.warn("Host {} keeps the configured controllers: {}", hostId, problem);
        } else if (controllerProblem != null) {
            LOG.info("{}: external_ids:{} is valid again or gone", hostId, ControllerTargets.KEY);
        }
        controllerProblem = problem;
    }

    private void completed(final OvsdbConnection conn, final DesiredSwitch desired,
            final SwitchReconciler.Result result, final OvsdbReplica replica,
            final @Nullable TransactionResult outcome, final @Nullable Throwable cause) {
        inFlight = false;
        if (conn != connection) {
            // the session was replaced meanwhile: start over on the new one
            pass();
            return;
        }
        if (cause != null || outcome == null) {
            transportFailures++;
            final long delay = Math.min(timing.initialBackoffMillis() << Math.min(transportFailures - 1, 20),
                timing.maxBackoffMillis());
            final var why = cause == null ? "no result" : String.valueOf(cause.getMessage());
            LOG.warn("{}: OVSDB transaction did not complete ({}); retrying in {} ms", hostId, why, delay);
            transportProblem = "OVSDB transaction to " + hostId + " did not complete (" + why + "); retrying in "
                + delay + " ms";
            report();
            retry = scheduler.schedule(() -> worker.execute(() -> {
                retry = null;
                pass();
            }), delay, TimeUnit.MILLISECONDS);
            return;
        }
        transportFailures = 0;
        transportProblem = null;
        if (outcome.isSuccess()) {
            LOG.debug("{}: applied {} operations", hostId, result.transaction().size());
            appliedOn = replica;
            appliedInserts = outcome.results().stream().flatMap(r -> r.uuid().stream())
                .collect(Collectors.toUnmodifiableSet());
            appliedAtNanos = System.nanoTime();
            pass();
            return;
        }
        final var error = outcome.error().orElseThrow();
        final var message = error.toString();
        final var object = error.operation().map(op -> op.index() < result.objectOfOperation().size()
            ? result.objectOfOperation().get(op.index()) : null)
            .orElseGet(() -> objectNamedIn(desired, message, excluded));
        LOG.warn("{}: OVSDB transaction failed: {}", hostId, message);
        if (object == null) {
            // nothing to blame: the whole host fails until something changes
            desired.bridges().keySet().forEach(name -> {
                rejected.put("bridge:" + name, message);
                excluded.add("bridge:" + name);
            });
            desired.ports().keySet().forEach(name -> excluded.add("port:" + name));
        } else {
            rejected.put(object, message);
            excluded.add(object);
        }
        pass();
    }

    /** Whether the replica has every row our last transaction inserted. */
    private static boolean shows(final OvsdbReplica replica, final Set<Uuid> inserted) {
        return inserted.stream().allMatch(uuid -> replica.tables().values().stream()
            .anyMatch(rows -> rows.containsKey(uuid)));
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

    private void converged(final DesiredSwitch desired, final OvsdbReplica replica, final @Nullable Host current,
            final Map<String, String> conflicts) {
        final Map<String, String> failures = new TreeMap<>(rejected);
        failures.putAll(conflicts);
        interfaceErrors(desired, replica, failures);
        appliedDigest = current == null ? null : current.getDigest();
        lastFailures = failures;
        report();
    }

    private void report() {
        if (!owner) {
            return;
        }
        final var conn = connection;
        final boolean connected = conn != null && conn.isConnected();
        final Report next;
        if (!connected) {
            next = new Report(IntentState.Failed, lostReason != null ? lostReason
                : "OVSDB session to " + hostId + " is not connected", false, appliedDigest, Map.of());
        } else if (!planKnown) {
            return;
        } else {
            final var failures = lastFailures == null ? Map.<String, String>of() : lastFailures;
            final var problems = new StringBuilder();
            if (sessionProblem != null) {
                problems.append(sessionProblem);
            }
            if (transportProblem != null) {
                problems.append(problems.length() > 0 ? "; " : "").append(transportProblem);
            }
            if (controllerProblem != null) {
                problems.append(problems.length() > 0 ? "; " : "").append(controllerProblem);
            }
            failures.forEach((object, why) -> problems.append(problems.length() > 0 ? "; " : "").append(object)
                .append(": ").append(why));
            final var desired = plan == null ? DesiredSwitch.EMPTY : DesiredSwitch.of(plan, controllers);
            next = problems.length() == 0
                ? new Report(IntentState.Programmed, plan == null ? "nothing planned for this host"
                    : "switch matches the plan", true, appliedDigest, Map.of())
                : new Report(IntentState.Failed, problems.toString(), true, appliedDigest,
                    failedIntents(desired, failures));
        }
        if (!next.equals(lastReport)) {
            lastReport = next;
            sink.report(hostId, next);
        }
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
}
