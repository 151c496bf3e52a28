/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's loop: one worker thread reads the plan and reconciles (kernel, then flows; never concurrently) and
 * reports; a second thread follows the plan's change stream and wakes the worker on every event. Without a stream
 * the worker polls every {@code poll} period and the stream is retried; with or without events, a full resync runs
 * every {@code resync} period (drift repair) and always reports.
 */
public final class Agent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RuntimeConfig config;
    private final String hostId;
    private final PlanSource source;
    private final Reconciler kernel;
    private final FlowReconciler flows;
    private final LinkedBlockingQueue<String> wakeups = new LinkedBlockingQueue<>();
    private final Thread worker;
    private final Thread follower;
    private volatile boolean running = true;
    private volatile boolean streamUp;
    private String lastReport;

    /**
     * An agent.
     *
     * @param config the runtime configuration
     * @param hostId this host's id
     * @param runner the command runner (iproute2, sysctl, OVS tools)
     */
    public Agent(final RuntimeConfig config, final String hostId, final CommandRunner runner) {
        this.config = config;
        this.hostId = RuntimeConfig.checkHostId(hostId);
        this.source = new PlanSource(config, hostId);
        this.kernel = new Reconciler(config.agent(), runner);
        this.flows = new FlowReconciler(config.agent(), runner);
        this.worker = new Thread(this::work, "host-agent-reconcile");
        this.follower = new Thread(this::follow, "host-agent-stream");
        follower.setDaemon(true);
    }

    /**
     * Starts both threads.
     */
    public void start() {
        LOG.info("Host agent for {} starting: {}", hostId, config);
        worker.start();
        follower.start();
    }

    /**
     * Waits for the worker to end (after {@link #close()}).
     *
     * @throws InterruptedException if interrupted
     */
    public void join() throws InterruptedException {
        worker.join();
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private void work() {
        long nextResync = System.nanoTime();
        while (running) {
            final long now = System.nanoTime();
            final boolean resync = now - nextResync >= 0;
            if (resync) {
                nextResync = now + config.resync().toNanos();
            }
            try {
                runOnce(resync);
            } catch (RuntimeException e) {
                LOG.error("Reconciliation failed", e);
            }
            long waitNanos = nextResync - System.nanoTime();
            if (!streamUp) {
                waitNanos = Math.min(waitNanos, config.poll().toNanos());
            }
            try {
                final String why = wakeups.poll(Math.max(waitNanos, 0), TimeUnit.NANOSECONDS);
                if (why != null) {
                    LOG.debug("Woken: {}", why);
                }
                // everything queued so far is covered by the read that follows
                wakeups.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private void follow() {
        while (running) {
            try {
                source.follow(() -> {
                    streamUp = true;
                    wakeups.add("stream connected");
                }, data -> wakeups.add("plan changed"));
            } catch (IOException e) {
                if (running) {
                    final String why = PlanSource.describe(e);
                    LOG.warn("Plan change stream unavailable ({}); polling every {} s", why,
                        config.poll().toSeconds());
                }
            } catch (RuntimeException e) {
                LOG.error("Plan change stream failed", e);
            }
            if (streamUp) {
                streamUp = false;
                wakeups.add("stream down");
            }
            try {
                Thread.sleep(config.poll().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * What one pass did and how long each step took.
     *
     * @param known whether the plan was known (else nothing was read from or changed in the kernel)
     * @param readMillis reading the plan over RESTCONF and parsing it
     * @param kernelMillis the kernel reconciliation (read, diff, {@code ip -batch}, verify)
     * @param flowsMillis the provider-bridge flow reconciliation
     * @param reportMillis the report RPC (0 when no report was due)
     * @param batches the {@code ip -batch} runs
     * @param applied the kernel changes applied
     * @param failures the failures reported
     */
    record Pass(boolean known, long readMillis, long kernelMillis, long flowsMillis, long reportMillis, int batches,
            int applied, int failures) {

        /**
         * The whole pass.
         *
         * @return the sum of the steps in milliseconds
         */
        long totalMillis() {
            return readMillis + kernelMillis + flowsMillis + reportMillis;
        }

        @Override
        public String toString() {
            return known ? "pass " + totalMillis() + " ms: read " + readMillis + " ms, kernel " + kernelMillis
                + " ms (" + batches + " batch(es), " + applied + " change(s)), flows " + flowsMillis + " ms, report "
                + reportMillis + " ms, " + failures + " failure(s)"
                : "pass " + totalMillis() + " ms: plan unknown, nothing changed";
        }
    }

    /**
     * Reads the plan, reconciles the kernel and then the flows, and reports if the digest or the failures changed,
     * or always when {@code forceReport}. An unknown plan (no epoch, unreachable controller, a body that is not a
     * host) changes nothing and reports nothing.
     *
     * @param forceReport report even if nothing changed (periodic resync)
     * @return what the pass did, timed
     */
    Pass runOnce(final boolean forceReport) {
        final long start = System.nanoTime();
        final PlanSource.Plan plan = source.read();
        if (!plan.known()) {
            LOG.info("Plan unknown ({}): changing nothing", plan.reason());
            return new Pass(false, millisSince(start), 0, 0, 0, 0, 0, 0);
        }
        final PlanJson.Parsed parsed;
        final IntentIndex index;
        try {
            if (plan.hostJson().isPresent()) {
                parsed = PlanJson.parseHost(plan.hostJson().orElseThrow());
                index = IntentIndex.of(plan.hostJson().orElseThrow());
            } else {
                parsed = new PlanJson.Parsed(DesiredState.empty(), List.of());
                index = IntentIndex.of("{}");
            }
        } catch (IOException e) {
            LOG.warn("Host plan unusable ({}): changing nothing", e.getMessage());
            return new Pass(false, millisSince(start), 0, 0, 0, 0, 0, 0);
        }
        final long readMillis = millisSince(start);
        final List<ChangeSet.Failure> failures = new ArrayList<>(parsed.rejected());
        final List<String> unreachable = new ArrayList<>();
        long step = System.nanoTime();
        int batches = 0;
        int applied = 0;
        try {
            final Reconciler.Result result = kernel.reconcile(Optional.of(parsed.state()));
            failures.addAll(result.failures());
            batches = result.batches();
            applied = result.applied();
        } catch (IOException e) {
            LOG.warn("Kernel not reconciled: {}", e.getMessage());
            unreachable.add("kernel: " + e.getMessage());
        }
        final long kernelMillis = millisSince(step);
        step = System.nanoTime();
        try {
            failures.addAll(flows.reconcile(Optional.of(parsed.state())).failures());
        } catch (IOException e) {
            LOG.warn("Flows not reconciled: {}", e.getMessage());
            unreachable.add("flows: " + e.getMessage());
        }
        final long flowsMillis = millisSince(step);
        step = System.nanoTime();
        boolean reported = false;
        final String body = reportBody(hostId, plan.digest(), failures, index, unreachable);
        if (forceReport || !body.equals(lastReport)) {
            reported = true;
            try {
                source.report(body);
                lastReport = body;
                LOG.info("Reported {} (digest {}, {} failure(s))", hostId, plan.digest().orElse("none"),
                    failures.size());
            } catch (IOException e) {
                LOG.warn("Report failed: {}", e.getMessage());
            }
        }
        final Pass pass = new Pass(true, readMillis, kernelMillis, flowsMillis, millisSince(step), batches, applied,
            failures.size());
        if (reported || batches > 0) {
            LOG.info("Host {}: {}", hostId, pass);
        } else {
            LOG.debug("Host {}: {}", hostId, pass);
        }
        return pass;
    }

    private static long millisSince(final long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /**
     * The {@code wiring-plan:report-realization} input: every failure is charged to the intents of the plan entry
     * that asked for the object, with the command and the kernel's error; failures no entry asked for (e.g. the
     * removal of a stale object) go to {@code reason}.
     *
     * @param hostId the host
     * @param digest the applied host plan's digest
     * @param failures what failed
     * @param index the plan's intent index
     * @param unreachable what could not be read at all (then {@code connected} is false)
     * @return the JSON body
     */
    static String reportBody(final String hostId, final Optional<String> digest,
            final List<ChangeSet.Failure> failures, final IntentIndex index, final List<String> unreachable) {
        final Map<String, List<String>> byIntent = new LinkedHashMap<>();
        final List<String> orphans = new ArrayList<>(unreachable);
        for (ChangeSet.Failure failure : failures) {
            final String reason = (failure.command().isEmpty() ? failure.object() : failure.command()) + ": "
                + failure.error();
            final var intents = index.intentsOf(failure);
            if (intents.isEmpty()) {
                orphans.add(failure.object() + ": " + reason);
            }
            intents.forEach(intent -> byIntent.computeIfAbsent(intent, key -> new ArrayList<>()).add(reason));
        }
        final ObjectNode input = JSON.createObjectNode();
        input.put("host-id", hostId);
        input.put("renderer", "host-agent");
        digest.ifPresent(value -> input.put("applied-digest", value));
        input.put("connected", unreachable.isEmpty());
        if (!orphans.isEmpty()) {
            input.put("reason", String.join("; ", orphans));
        }
        if (!byIntent.isEmpty()) {
            final ArrayNode list = input.putArray("failed-intent");
            byIntent.forEach((intent, reasons) -> list.addObject().put("intent", intent)
                .put("reason", String.join("; ", reasons)));
        }
        final ObjectNode body = JSON.createObjectNode();
        body.set("input", input);
        return body.toString();
    }

    /**
     * Stops both threads; a reconciliation in progress completes first.
     */
    @Override
    public void close() {
        running = false;
        source.close();
        follower.interrupt();
        wakeups.add("stop");
        try {
            worker.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
