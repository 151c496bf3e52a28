/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.service;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.SettableFuture;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.binding.api.ClusteredDataTreeChangeListener;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.DataTreeIdentifier;
import org.opendaylight.mdsal.binding.api.ReadTransaction;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.wiring.impl.acceptance.Acceptance;
import org.opendaylight.wiring.impl.acceptance.AcceptedStore;
import org.opendaylight.wiring.impl.intent.IntentPaths;
import org.opendaylight.wiring.impl.intent.IntentRef;
import org.opendaylight.wiring.impl.intent.Intents;
import org.opendaylight.wiring.impl.plan.HostPlan;
import org.opendaylight.wiring.impl.plan.NetworkPlan;
import org.opendaylight.wiring.impl.plan.PlanBinding;
import org.opendaylight.wiring.impl.plan.PlanResult;
import org.opendaylight.wiring.impl.plan.Planner;
import org.opendaylight.wiring.impl.status.StatusCalculator;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.accepted.rev261121.Accepted;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.Plan;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.PlanBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.Realization;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.HostKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Network;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.NetworkKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.Renderer;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.RendererKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.HostId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentStatus;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.intent.status.Status;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.binding.DataObject;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The planner as it runs on the cluster member that owns it: listens to the intents and the renderers' reports,
 * and after every burst of changes recomputes validation, plan and status from scratch and writes only what
 * differs from what it wrote before. Recomputing from the whole configuration (rather than applying deltas) makes
 * it restart-safe: a new owner starts from the datastore and converges to the same result.
 */
final class PlannerLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlannerLoop.class);
    private static final InstanceIdentifier<Plan> PLAN = InstanceIdentifier.create(Plan.class);
    private static final InstanceIdentifier<Realization> REALIZATION = InstanceIdentifier.create(Realization.class);
    private static final InstanceIdentifier<Accepted> ACCEPTED = InstanceIdentifier.create(Accepted.class);
    private static final long DEBOUNCE_MILLIS = 50;
    private static final long RETRY_MILLIS = 2000;
    private static final long MAX_REPORT_DELAY_MILLIS = 5000;
    private static final long SLOW_RUN_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long TIMEOUT_SECONDS = 30;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final EntryKind<HostPlan, Host> HOSTS = new EntryKind<>(HostPlan::digest, Host::getDigest,
        PlanBinding::toBinding, PlannerLoop::hostPath, PlanWrites::host);
    private static final EntryKind<NetworkPlan, Network> NETWORKS = new EntryKind<>(NetworkPlan::digest,
        Network::getDigest, PlanBinding::toBinding, PlannerLoop::networkPath, PlanWrites::network);

    private final DataBroker broker;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /**
     * Whether the intents or the accepted store may have changed since the last run read them. Renderer reports change
     * far more often than intents, and at 10000 intents reading and comparing them costs seconds: a run for reports
     * alone reuses what the last one read.
     */
    private final AtomicBoolean intentsChanged = new AtomicBoolean(true);
    /** How long the last run took: runs for reports alone are at least that far apart. */
    private volatile long lastRunMillis;
    private final AtomicLong runs = new AtomicLong();
    private volatile Published lastPublished = new Published(0, 0);
    private final List<Registration> registrations = new ArrayList<>();
    // the host and network entries in the datastore: only entries whose digest changed are written, and of those
    // only the list entries that differ
    private Map<String, Host> writtenHosts = new HashMap<>();
    private Map<String, Network> writtenNetworks = new HashMap<>();
    private Map<IntentRef, IntentPaths.Intent> written = new HashMap<>();
    private boolean loaded;
    private Intents lastIntents;
    private Map<IntentRef, IntentPaths.Intent> lastPaths = Map.of();
    private @Nullable Accepted lastAccepted;
    private Acceptance.Decision lastDecision;
    private PlanResult lastPlan;
    private Accepted toStore;
    // a new epoch per activation: renderers act on no host before they have seen a plan of this epoch
    private final String epoch = UUID.randomUUID().toString();
    private long generation;
    private volatile boolean closed;

    PlannerLoop(final DataBroker broker) {
        this.broker = broker;
        executor = Executors.newSingleThreadScheduledExecutor(new ThreadFactoryBuilder()
            .setNameFormat("wiring-planner").setDaemon(true).build());
    }

    void start() {
        // clustered listeners: this member owns the planner but need not lead the shards
        listen(LogicalDatastoreType.CONFIGURATION, IntentPaths.PROVIDER, true);
        listen(LogicalDatastoreType.CONFIGURATION, IntentPaths.TUNNELING, true);
        listen(LogicalDatastoreType.CONFIGURATION, IntentPaths.BGP, true);
        listen(LogicalDatastoreType.OPERATIONAL, REALIZATION, false);
        listen(LogicalDatastoreType.CONFIGURATION, ACCEPTED, true);
        request();
    }

    private <T extends DataObject> void listen(final LogicalDatastoreType store, final InstanceIdentifier<T> path,
            final boolean intents) {
        final ClusteredDataTreeChangeListener<T> listener = intents ? changes -> request() : changes -> reported();
        registrations.add(broker.registerDataTreeChangeListener(DataTreeIdentifier.create(store, path), listener));
    }

    /** Ask for a recompute after the intents changed; bursts of changes collapse into one. */
    void request() {
        intentsChanged.set(true);
        schedule(DEBOUNCE_MILLIS);
    }

    /**
     * A renderer's report changed: statuses follow, no sooner than the last run took (at 10000 intents a run costs
     * seconds, and reports arrive all the time while switches converge: back-to-back runs would hold a core).
     */
    private void reported() {
        schedule(Math.max(DEBOUNCE_MILLIS, Math.min(lastRunMillis, MAX_REPORT_DELAY_MILLIS)));
    }

    private void schedule(final long delayMillis) {
        if (!closed && scheduled.compareAndSet(false, true)) {
            executor.schedule(this::run, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private void run() {
        scheduled.set(false);
        if (closed) {
            return;
        }
        final long start = System.nanoTime();
        try {
            recompute();
            lastRunMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            LOG.warn("Planning failed, retrying in {} ms", RETRY_MILLIS, e);
            // the next run, this retry or one for a report, reads everything again
            intentsChanged.set(true);
            executor.schedule(this::request, RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void recompute() throws InterruptedException, ExecutionException, TimeoutException {
        final long begin = System.nanoTime();
        if (!loaded) {
            loadWritten();
            loaded = true;
        }
        // cleared before the read: a change that arrives during the run asks for another one
        final boolean reread = intentsChanged.getAndSet(false) || lastIntents == null;
        final Intents intents;
        final @Nullable Accepted storedAccepted;
        final Optional<Realization> realization;
        if (reread) {
            // a transaction is bound to one datastore
            try (ReadTransaction tx = broker.newReadOnlyTransaction()) {
                intents = Intents.of(
                    read(tx, LogicalDatastoreType.CONFIGURATION, IntentPaths.PROVIDER).orElse(null),
                    read(tx, LogicalDatastoreType.CONFIGURATION, IntentPaths.TUNNELING).orElse(null),
                    read(tx, LogicalDatastoreType.CONFIGURATION, IntentPaths.BGP).orElse(null));
                storedAccepted = read(tx, LogicalDatastoreType.CONFIGURATION, ACCEPTED).orElse(null);
            }
        } else {
            // no intent and no accepted-store change since the last run read them (and, after it stored its
            // decision, the store holds exactly that)
            intents = lastIntents;
            storedAccepted = lastAccepted;
        }
        try (ReadTransaction tx = broker.newReadOnlyTransaction()) {
            realization = read(tx, LogicalDatastoreType.OPERATIONAL, REALIZATION);
        }
        final Map<IntentRef, Status> previous = new HashMap<>();
        written.forEach((ref, intent) -> {
            final var status = intent.status();
            if (status != null) {
                previous.put(ref, status);
            }
        });
        final long read = System.nanoTime();
        final var now = TIME.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        // renderer reports change far more often than intents: re-plan only when the intents changed
        if (reread && (!intents.equals(lastIntents) || !java.util.Objects.equals(storedAccepted, lastAccepted))) {
            lastDecision = Acceptance.decide(intents, AcceptedStore.intents(storedAccepted),
                AcceptedStore.acceptedAt(storedAccepted), now);
            lastPlan = Planner.plan(lastDecision.inForce(), lastDecision.rejected(),
                AcceptedStore.allocations(storedAccepted), AcceptedStore.networkIds(storedAccepted));
            lastIntents = intents;
            lastPaths = IntentPaths.of(intents);
            toStore = AcceptedStore.build(lastDecision, lastPlan.allocations(), lastPlan.networkIds());
            lastAccepted = storedAccepted;
        }
        final long planned = System.nanoTime();
        final var plan = lastPlan;
        final var paths = lastPaths;
        final var statuses = StatusCalculator.compute(paths.keySet(), lastDecision, plan,
            StatusCalculator.reports(realization.map(Realization::getHost).orElse(null)), previous,
            new DateAndTime(now));
        final long statused = System.nanoTime();

        if (reread && !toStore.equals(storedAccepted) && !closed) {
            // a transaction is bound to one datastore; the decision is stored before the plan that follows from it
            final var store = broker.newWriteOnlyTransaction();
            store.put(LogicalDatastoreType.CONFIGURATION, ACCEPTED, toStore);
            store.commit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            lastAccepted = toStore;
        }
        final var tx = broker.newWriteOnlyTransaction();
        int changes = 0;
        final Map<String, Host> hosts;
        final Map<String, Network> networks;
        final boolean planChanged;
        int planChanges = 0;
        if (generation == 0) {
            // epoch, generation and every host and network in one transaction: a reader that sees the epoch sees
            // it all
            hosts = new HashMap<>();
            plan.hosts().forEach((id, hostPlan) -> hosts.put(id, PlanBinding.toBinding(hostPlan)));
            networks = new HashMap<>();
            plan.networks().forEach((ref, networkPlan) -> networks.put(ref, PlanBinding.toBinding(networkPlan)));
            tx.put(LogicalDatastoreType.OPERATIONAL, PLAN, new PlanBuilder().setEpoch(epoch)
                .setGeneration(Uint64.valueOf(1))
                .setHost(hosts.isEmpty() ? null : BindingMap.of(hosts.values()))
                .setNetwork(networks.isEmpty() ? null : BindingMap.of(networks.values()))
                .build());
            changes++;
            // host-agent reports of hosts no longer planned, left by an earlier planner instance
            reportedByHostAgent(realization).stream().filter(id -> !hosts.containsKey(id))
                .forEach(id -> tx.delete(LogicalDatastoreType.OPERATIONAL, hostAgentReport(id)));
            planChanges += hosts.values().stream().mapToInt(PlanWrites::size).sum()
                + networks.values().stream().mapToInt(PlanWrites::size).sum();
            planChanged = true;
        } else {
            // only what changed, with the new generation, in one transaction: a host whose digest is unchanged is
            // not touched, and of a changed one only the entries that differ are written (a new tunnel endpoint
            // in a full mesh adds one port per host, not every host's every port)
            hosts = new HashMap<>(writtenHosts);
            networks = new HashMap<>(writtenNetworks);
            planChanges += writeDelta(tx, HOSTS, plan.hosts(), writtenHosts, hosts, id -> {
                // the host agent reports through the RPC and cannot remove its own entry: ours to sweep
                if (reportedByHostAgent(realization).contains(id)) {
                    tx.delete(LogicalDatastoreType.OPERATIONAL, hostAgentReport(id));
                }
            });
            planChanges += writeDelta(tx, NETWORKS, plan.networks(), writtenNetworks, networks, ref -> { });
            planChanged = planChanges > 0;
            if (planChanged) {
                tx.merge(LogicalDatastoreType.OPERATIONAL, PLAN, new PlanBuilder().setEpoch(epoch)
                    .setGeneration(Uint64.valueOf(generation + 1)).build());
                changes += planChanges;
            }
        }
        final Map<IntentRef, IntentPaths.Intent> entries = new HashMap<>();
        for (var entry : paths.entrySet()) {
            final var intent = entry.getValue();
            final var withStatus = new IntentPaths.Intent(intent.path(),
                IntentPaths.withStatus(intent.entry(), statuses.get(entry.getKey())));
            entries.put(entry.getKey(), withStatus);
            if (!withStatus.equals(written.get(entry.getKey()))) {
                put(tx, withStatus);
                changes++;
            }
        }
        for (var entry : written.entrySet()) {
            if (!paths.containsKey(entry.getKey())) {
                tx.delete(LogicalDatastoreType.OPERATIONAL, entry.getValue().path());
                changes++;
            }
        }
        if (changes == 0) {
            tx.cancel();
            slowRun(begin, read, planned, statused, 0);
            return;
        }
        if (closed) {
            // a member that lost ownership must not write over its successor
            tx.cancel();
            return;
        }
        tx.commit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (planChanged) {
            generation++;
            lastPublished = new Published(generation, planChanges);
        }
        LOG.debug("Plan written: generation {}, {} changes", generation, changes);
        slowRun(begin, read, planned, statused, changes);
        writtenHosts = hosts;
        writtenNetworks = networks;
        written = entries;
        runs.incrementAndGet();
    }

    /** Where a slow run's time went: at 10000 ports every report of a renderer makes a run. */
    private static void slowRun(final long begin, final long read, final long planned, final long statused,
            final int changes) {
        final long end = System.nanoTime();
        if (end - begin > SLOW_RUN_NANOS) {
            LOG.info("Planner run took {} ms (read {} ms, plan {} ms, statuses {} ms, write {} ms; {} changes)",
                TimeUnit.NANOSECONDS.toMillis(end - begin), TimeUnit.NANOSECONDS.toMillis(read - begin),
                TimeUnit.NANOSECONDS.toMillis(planned - read), TimeUnit.NANOSECONDS.toMillis(statused - planned),
                TimeUnit.NANOSECONDS.toMillis(end - statused), changes);
        }
    }

    /**
     * Write the planned entries of one kind whose digest differs from what was written, and delete the written
     * entries that are no longer planned.
     *
     * @param tx the transaction
     * @param kind the kind of entry (host or network)
     * @param planned the planned entries by key
     * @param written the entries in the datastore by key
     * @param result the entries in the datastore after the transaction, updated here (starts as a copy of written)
     * @param onDelete what else to do in the transaction when an entry is deleted, given its key
     * @return how many entries were written or deleted
     */
    private static <P, B extends DataObject> int writeDelta(final WriteTransaction tx, final EntryKind<P, B> kind,
            final Map<String, P> planned, final Map<String, B> written, final Map<String, B> result,
            final Consumer<String> onDelete) {
        int writes = 0;
        for (var entry : planned.entrySet()) {
            final var before = written.get(entry.getKey());
            if (before == null || !kind.plannedDigest().apply(entry.getValue()).equals(
                    kind.writtenDigest().apply(before))) {
                final var after = kind.toBinding().apply(entry.getValue());
                writes += kind.writer().write(tx, kind.path().apply(entry.getKey()), before, after);
                result.put(entry.getKey(), after);
            }
        }
        for (var key : written.keySet()) {
            if (!planned.containsKey(key)) {
                tx.delete(LogicalDatastoreType.OPERATIONAL, kind.path().apply(key));
                onDelete.accept(key);
                result.remove(key);
                writes++;
            }
        }
        return writes;
    }

    /**
     * Writes a changed plan entry, returning how many entries it wrote or deleted (see {@link PlanWrites}).
     *
     * @param <B> the binding type of the entry
     */
    @FunctionalInterface
    private interface EntryWriter<B extends DataObject> {
        int write(WriteTransaction tx, InstanceIdentifier<B> path, @Nullable B before, B after);
    }

    /**
     * A kind of plan entry written by {@link #writeDelta}: a host or a network.
     *
     * @param plannedDigest the digest of a planned entry
     * @param writtenDigest the digest of a written entry
     * @param toBinding the binding form of a planned entry
     * @param path the path of the entry with a key
     * @param writer how a changed entry is written
     * @param <P> the planner's type of the entry
     * @param <B> the binding type of the entry
     */
    private record EntryKind<P, B extends DataObject>(Function<P, String> plannedDigest,
            Function<B, String> writtenDigest, Function<P, B> toBinding, Function<String, InstanceIdentifier<B>> path,
            EntryWriter<B> writer) {
        // value
    }

    /** What a previous owner (or this member before a restart) left in the operational datastore. */
    private void loadWritten() throws InterruptedException, ExecutionException, TimeoutException {
        try (ReadTransaction tx = broker.newReadOnlyTransaction()) {
            final var plan = read(tx, LogicalDatastoreType.OPERATIONAL, PLAN);
            final Map<String, Host> hosts = new HashMap<>();
            final Map<String, Network> networks = new HashMap<>();
            plan.ifPresent(p -> {
                p.nonnullHost().values().forEach(h -> hosts.put(h.getHostId().getValue(), h));
                p.nonnullNetwork().values().forEach(n -> networks.put(n.getNetwork().getValue(), n));
            });
            final var operational = Intents.of(
                read(tx, LogicalDatastoreType.OPERATIONAL, IntentPaths.PROVIDER).orElse(null),
                read(tx, LogicalDatastoreType.OPERATIONAL, IntentPaths.TUNNELING).orElse(null),
                read(tx, LogicalDatastoreType.OPERATIONAL, IntentPaths.BGP).orElse(null));
            writtenHosts = hosts;
            writtenNetworks = networks;
            written = new HashMap<>(IntentPaths.of(operational));
        }
    }

    private static <T extends DataObject> Optional<T> read(final ReadTransaction tx,
            final LogicalDatastoreType store, final InstanceIdentifier<T> path)
            throws InterruptedException, ExecutionException, TimeoutException {
        return tx.read(store, path).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    // a delete below a list entry that does not exist fails the whole transaction: delete only what is there
    private static Set<String> reportedByHostAgent(final Optional<Realization> realization) {
        return realization.map(Realization::nonnullHost).orElse(Map.of()).values().stream()
            .filter(host -> host.nonnullRenderer().containsKey(new RendererKey(Renderer.Name.HostAgent)))
            .map(host -> host.getHostId().getValue()).collect(Collectors.toSet());
    }

    private static InstanceIdentifier<Renderer> hostAgentReport(final String hostId) {
        return REALIZATION.child(
            org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.Host.class,
            new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.HostKey(
                new HostId(hostId)))
            .child(Renderer.class, new RendererKey(Renderer.Name.HostAgent));
    }

    private static InstanceIdentifier<Host> hostPath(final String hostId) {
        return PLAN.child(Host.class, new HostKey(
            new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.HostId(hostId)));
    }

    private static InstanceIdentifier<Network> networkPath(final String ref) {
        return PLAN.child(Network.class, new NetworkKey(
            new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentRef(ref)));
    }

    @SuppressWarnings("unchecked")
    private static <T extends IntentStatus> void put(final WriteTransaction tx, final IntentPaths.Intent intent) {
        final var path = (InstanceIdentifier<T>) intent.path();
        tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL, path, (T) intent.entry());
    }

    /**
     * A published plan generation and how many entries it wrote or deleted (host and network entries' own leaves,
     * list entries inside them; see {@link PlanWrites}).
     *
     * @param generation the generation
     * @param writes the entries written or deleted
     */
    record Published(long generation, int writes) {
        // value
    }

    /** The last plan this loop published (for tests). */
    Published lastPublished() {
        return lastPublished;
    }

    /** How many recomputations ran to completion (for tests). */
    long completedRuns() {
        return runs.get();
    }

    /**
     * Stop: no new run starts, a run in progress finishes (its commit included) before the future completes, so a
     * new owner never races with a late commit of this one.
     *
     * @return completes once the loop has quiesced
     */
    ListenableFuture<Void> closeGracefully() {
        closed = true;
        registrations.forEach(Registration::close);
        registrations.clear();
        final SettableFuture<Void> done = SettableFuture.create();
        executor.execute(() -> done.set(null));
        executor.shutdown();
        return done;
    }

    @Override
    public void close() {
        closeGracefully();
    }
}
