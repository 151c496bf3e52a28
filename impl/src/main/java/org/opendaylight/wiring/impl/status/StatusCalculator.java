/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.wiring.impl.acceptance.Acceptance;
import org.opendaylight.wiring.impl.intent.IntentRef;
import org.opendaylight.wiring.impl.intent.Intents;
import org.opendaylight.wiring.impl.plan.HostPlan;
import org.opendaylight.wiring.impl.plan.PlanResult;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.Renderer;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.HostId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentState;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.intent.status.Status;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.intent.status.StatusBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.intent.status.status.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.intent.status.status.HostBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.intent.status.status.HostKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.intent.status.status.InForceBuilder;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;

/**
 * Computes every intent's status from validation, the plan and what the renderers reported. Pure: the time stamp
 * is an input, and a state whose state and reason did not change keeps its previous time stamp.
 */
public final class StatusCalculator {
    /**
     * A renderer's report for one host, reduced to what status needs.
     *
     * @param appliedDigest the host plan digest the renderer applied, null when none
     * @param failedIntents failures per intent
     * @param connected whether the renderer reaches the device
     * @param reason overall reason, null when none
     * @param pendingIntents intents that wait for something on the device, with what they wait for
     */
    public record Report(@Nullable String appliedDigest, Map<String, String> failedIntents, boolean connected,
            @Nullable String reason, Map<String, String> pendingIntents) {
        /**
         * A report without pending intents.
         *
         * @param appliedDigest digest applied
         * @param failedIntents failures per intent
         * @param connected whether the renderer reaches the device
         * @param reason overall reason
         */
        public Report(final @Nullable String appliedDigest, final Map<String, String> failedIntents,
                final boolean connected, final @Nullable String reason) {
            this(appliedDigest, failedIntents, connected, reason, Map.of());
        }

        /**
         * A report of a connected renderer.
         *
         * @param appliedDigest digest applied
         * @param failedIntents failures per intent
         */
        public Report(final @Nullable String appliedDigest, final Map<String, String> failedIntents) {
            this(appliedDigest, failedIntents, true, null, Map.of());
        }

        static Report of(final Renderer renderer) {
            final Map<String, String> failed = new TreeMap<>();
            renderer.nonnullFailedIntent().values()
                .forEach(f -> failed.put(f.getIntent().getValue(), f.getReason() == null ? "" : f.getReason()));
            final Map<String, String> pending = new TreeMap<>();
            renderer.nonnullPendingIntent().values()
                .forEach(p -> pending.put(p.getIntent().getValue(), p.getReason() == null ? "" : p.getReason()));
            // a report without the leaf comes from a renderer that only reports while connected
            return new Report(renderer.getAppliedDigest(), failed, !Boolean.FALSE.equals(renderer.getConnected()),
                renderer.getReason(), pending);
        }
    }

    private static final String WAITING = "planned; waiting for ";

    private record HostState(IntentState state, String reason) {
        // value
    }

    private StatusCalculator() {
        // utility
    }

    /**
     * Reports from the realization subtree, per host and renderer name.
     *
     * @param realization realization hosts
     * @return reports
     */
    public static Map<String, Map<String, Report>> reports(
            final @Nullable Map<?, org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization
                .Host> realization) {
        final Map<String, Map<String, Report>> result = new TreeMap<>();
        if (realization != null) {
            for (var host : realization.values()) {
                final Map<String, Report> byRenderer = new TreeMap<>();
                host.nonnullRenderer().values()
                    .forEach(r -> byRenderer.put(r.getName().getName(), Report.of(r)));
                result.put(host.getHostId().getValue(), byRenderer);
            }
        }
        return result;
    }

    /**
     * Compute statuses.
     *
     * @param intents every intent to give a status to
     * @param rejected validator rejections
     * @param plan the plan
     * @param reports renderer reports per host and renderer
     * @param previous statuses written before, for time stamps
     * @param now the current time
     * @return status per intent
     */
    public static Map<IntentRef, Status> compute(final Iterable<IntentRef> intents,
            final Map<IntentRef, String> rejected, final PlanResult plan,
            final Map<String, Map<String, Report>> reports, final Map<IntentRef, Status> previous,
            final DateAndTime now) {
        return compute(intents, new Acceptance.Decision(Intents.EMPTY, rejected, Map.of(), Map.of()), plan, reports,
            previous, now);
    }

    /**
     * Compute statuses: state and reason of the latest version of each intent, and of the version in force.
     *
     * @param intents every intent to give a status to
     * @param decision which versions are in force
     * @param plan the plan
     * @param reports renderer reports per host and renderer
     * @param previous statuses written before, for time stamps
     * @param now the current time
     * @return status per intent
     */
    public static Map<IntentRef, Status> compute(final Iterable<IntentRef> intents, final Acceptance.Decision decision,
            final PlanResult plan, final Map<String, Map<String, Report>> reports,
            final Map<IntentRef, Status> previous, final DateAndTime now) {
        final var rejected = decision.rejected();
        final Map<IntentRef, Status> result = new TreeMap<>();
        // which hosts' plans mention each intent, computed once: a full tunnel mesh has hosts x hosts entries
        final Map<IntentRef, List<HostPlan>> hostsOf = new java.util.HashMap<>();
        for (var hostPlan : plan.hosts().values()) {
            hostPlan.allOrigins().forEach(ref -> hostsOf.computeIfAbsent(ref, k -> new ArrayList<>()).add(hostPlan));
        }
        for (var ref : intents) {
            final var old = previous.get(ref);
            final var reason = rejected.get(ref);
            if (reason != null) {
                result.put(ref, status(IntentState.Rejected, reason, Map.of(), old, now));
                continue;
            }
            final Map<String, HostState> perHost = new TreeMap<>();
            plan.hostRejections().getOrDefault(ref, new TreeMap<>())
                .forEach((host, why) -> perHost.put(host, new HostState(IntentState.Rejected, why)));
            for (var hostPlan : hostsOf.getOrDefault(ref, List.of())) {
                if (!perHost.containsKey(hostPlan.hostId())) {
                    perHost.put(hostPlan.hostId(), hostState(ref, hostPlan,
                        reports.getOrDefault(hostPlan.hostId(), Map.of())));
                }
            }
            final var inForce = overall(ref, perHost, plan, old, now);
            final var acceptedAt = decision.acceptedAt().get(ref);
            if (acceptedAt == null) {
                result.put(ref, inForce);
                continue;
            }
            final var edit = decision.rejectedEdits().containsKey(ref);
            final var inForceState = new InForceBuilder().setAcceptedAt(new DateAndTime(acceptedAt)).setLatest(!edit)
                .setState(inForce.getState()).setReason(inForce.getReason()).setLastChange(inForce.getLastChange())
                .build();
            if (!edit) {
                result.put(ref, new StatusBuilder(inForce).setInForce(inForceState).build());
                continue;
            }
            // the latest version is rejected; what is programmed is the version in force
            final var editReason = decision.rejection(ref);
            final var since = old != null && old.getState() == IntentState.Rejected
                && editReason.equals(old.getReason()) ? old.getLastChange() : now;
            result.put(ref, new StatusBuilder(inForce).setState(IntentState.Rejected).setReason(editReason)
                .setLastChange(since).setInForce(inForceState).build());
        }
        return result;
    }

    private static HostState hostState(final IntentRef ref, final HostPlan hostPlan,
            final Map<String, Report> reports) {
        final List<String> needed = new ArrayList<>();
        if (hostPlan.switchOrigins().contains(ref)) {
            needed.add("ovsdb");
        }
        if (hostPlan.kernelOrigins().contains(ref)) {
            needed.add("host-agent");
        }
        if (hostPlan.flowOrigins().contains(ref)) {
            needed.add("openflow");
        }
        final var digest = hostPlan.digest();
        final List<String> waiting = new ArrayList<>();
        for (var renderer : needed) {
            final var report = reports.get(renderer);
            if (report != null && !report.connected()) {
                return new HostState(IntentState.Failed, renderer + ": " + (report.reason() != null ? report.reason()
                    : "not connected"));
            }
            final var failure = report == null ? null : report.failedIntents().get(ref.toString());
            if (failure != null) {
                return new HostState(IntentState.Failed, renderer + ": " + failure);
            }
            final var pending = report == null ? null : report.pendingIntents().get(ref.toString());
            if (pending != null) {
                waiting.add(renderer + ": " + pending);
            } else if (report == null || !digest.equals(report.appliedDigest())) {
                waiting.add(renderer);
            }
        }
        return waiting.isEmpty() ? new HostState(IntentState.Programmed, "programmed")
            : new HostState(IntentState.Pending, WAITING + String.join(", ", waiting));
    }

    private static Status overall(final IntentRef ref, final Map<String, HostState> perHost, final PlanResult plan,
            final @Nullable Status old, final DateAndTime now) {
        if (perHost.isEmpty()) {
            final var why = plan.unplaced().getOrDefault(ref, "nothing to program");
            return status(IntentState.Pending, "not placed on any host: " + why, perHost, old, now);
        }
        long rejectedHosts = perHost.values().stream().filter(s -> s.state == IntentState.Rejected).count();
        for (var entry : perHost.entrySet()) {
            final var state = entry.getValue().state;
            if (state == IntentState.Rejected || state == IntentState.Failed) {
                final var overall = rejectedHosts == perHost.size() ? IntentState.Rejected : IntentState.Failed;
                return status(overall, entry.getKey() + ": " + entry.getValue().reason, perHost, old, now);
            }
        }
        final var pending = perHost.entrySet().stream().filter(e -> e.getValue().state == IntentState.Pending)
            .map(e -> e.getKey() + " (" + e.getValue().reason.replace(WAITING, "") + ")").toList();
        if (!pending.isEmpty()) {
            return status(IntentState.Pending, "planned on " + perHost.size() + " host(s); waiting for "
                + String.join(", ", pending), perHost, old, now);
        }
        return status(IntentState.Programmed, "programmed on " + perHost.size() + " host(s)", perHost, old, now);
    }

    private static Status status(final IntentState state, final String reason, final Map<String, HostState> perHost,
            final @Nullable Status old, final DateAndTime now) {
        final List<Host> hosts = new ArrayList<>();
        for (var entry : perHost.entrySet()) {
            final var hs = entry.getValue();
            final var oldHost = old == null ? null : old.nonnullHost().get(new HostKey(new HostId(entry.getKey())));
            final var since = oldHost != null && oldHost.getState() == hs.state && hs.reason.equals(oldHost.getReason())
                ? oldHost.getLastChange() : now;
            hosts.add(new HostBuilder().setHostId(new HostId(entry.getKey())).setState(hs.state).setReason(hs.reason)
                .setLastChange(since).build());
        }
        final var since = old != null && old.getState() == state && reason.equals(old.getReason())
            ? old.getLastChange() : now;
        return new StatusBuilder().setState(state).setReason(reason).setLastChange(since)
            .setHost(hosts.isEmpty() ? null : BindingMap.ordered(hosts)).build();
    }
}
