/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.service;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.DataObjectModification;
import org.opendaylight.mdsal.binding.api.DataTreeChangeListener;
import org.opendaylight.mdsal.binding.api.DataTreeIdentifier;
import org.opendaylight.mdsal.binding.api.ReadTransaction;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.wiring.impl.TestIntents;
import org.opendaylight.wiring.impl.acceptance.AcceptedStore;
import org.opendaylight.wiring.impl.intent.IntentPaths;
import org.opendaylight.wiring.impl.plan.PlanBinding;
import org.opendaylight.wiring.impl.plan.PlanResult;
import org.opendaylight.wiring.impl.plan.Planner;
import org.opendaylight.wiring.impl.validation.Validator;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.accepted.rev261121.Accepted;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.accepted.rev261121.accepted.HostAllocationKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.Plan;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.Realization;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.HostKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Network;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.NetworkKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.HostBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.Renderer;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.RendererBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.renderer.FailedIntentBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.renderer.PendingIntentBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.provider.network.list.ProviderNetwork;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.provider.network.list.ProviderNetworkKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.logical.port.list.LogicalPort;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.logical.port.list.LogicalPortKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.HostId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentState;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.Name;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.TunnelType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.intent.status.Status;
import org.opendaylight.yangtools.yang.binding.DataObject;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;

/**
 * The planner loop against MD-SAL's in-memory data broker: intents in, plan and status out.
 */
public class PlannerLoopTest extends AbstractConcurrentDataBrokerTest {
    private static final InstanceIdentifier<Plan> PLAN = InstanceIdentifier.create(Plan.class);
    private static final InstanceIdentifier<Accepted> ACCEPTED = InstanceIdentifier.create(Accepted.class);

    private PlannerLoop loop;

    public PlannerLoopTest() {
        super(true);
    }

    @Before
    public void startLoop() {
        loop = new PlannerLoop(getDataBroker());
        loop.start();
    }

    @After
    public void stopLoop() {
        loop.close();
    }

    private void writeConfig(final TestIntents intents) throws Exception {
        final var tx = getDataBroker().newWriteOnlyTransaction();
        tx.put(LogicalDatastoreType.CONFIGURATION, IntentPaths.PROVIDER, intents.providerContainer());
        tx.put(LogicalDatastoreType.CONFIGURATION, IntentPaths.TUNNELING, intents.tunnelingContainer());
        if (intents.bgpContainer() != null) {
            tx.put(LogicalDatastoreType.CONFIGURATION, IntentPaths.BGP, intents.bgpContainer());
        }
        tx.commit().get(10, TimeUnit.SECONDS);
    }

    private <T extends DataObject> Optional<T> read(final LogicalDatastoreType store, final InstanceIdentifier<T> path)
            throws Exception {
        try (var tx = getDataBroker().newReadOnlyTransaction()) {
            return tx.read(store, path).get(10, TimeUnit.SECONDS);
        }
    }

    private static <T> T await(final Callable<T> probe, final java.util.function.Predicate<T> done) throws Exception {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        T value = probe.call();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            value = probe.call();
        }
        assertTrue("condition not reached, last value: " + value, done.test(value));
        return value;
    }

    private static InstanceIdentifier<Status> networkStatus(final String name) {
        return IntentPaths.PROVIDER.child(ProviderNetwork.class, new ProviderNetworkKey(new Name(name)))
            .child(Status.class);
    }

    private static InstanceIdentifier<Status> portStatus(final String id) {
        return IntentPaths.TUNNELING.child(LogicalPort.class, new LogicalPortKey(new Name(id))).child(Status.class);
    }

    private static InstanceIdentifier<Status> hostStatus(final String id) {
        return IntentPaths.PROVIDER.child(
            org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.host.list.Host.class,
            new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.host.list.HostKey(
                new HostId(id))).child(Status.class);
    }

    private static InstanceIdentifier<Host> planHost(final String host) {
        return InstanceIdentifier.create(Plan.class).child(Host.class, new HostKey(new HostId(host)));
    }

    private Status awaitStatus(final InstanceIdentifier<Status> path, final IntentState state) throws Exception {
        return await(() -> read(LogicalDatastoreType.OPERATIONAL, path).orElse(null),
            status -> status != null && status.getState() == state);
    }

    @Test
    public void planAndStatusFollowIntents() throws Exception {
        writeConfig(TestIntents.seed001());
        final var host = await(() -> read(LogicalDatastoreType.OPERATIONAL, planHost("rack-1-host-1")),
            Optional::isPresent).orElseThrow();
        assertEquals(1, host.getKernel().nonnullNeighbour().size());
        assertNotNull(host.getDigest());
        final var status = awaitStatus(networkStatus("public"), IntentState.Pending);
        assertEquals(3, status.nonnullHost().size());
        assertNotNull(status.getLastChange());
        final var port = awaitStatus(portStatus("vm1-port"), IntentState.Pending);
        assertEquals("planned on 1 host(s); waiting for rack-1-host-2 (ovsdb, host-agent, openflow)", port.getReason());
    }

    @Test
    public void conflictRejectsOnlyTheNewcomerAndKeepsConfig() throws Exception {
        final var intents = TestIntents.seed001();
        writeConfig(intents);
        awaitStatus(networkStatus("public"), IntentState.Pending);
        // a second flat network on the same physical network, sorting before the existing one
        writeConfig(intents.flat("a-public-dup", "public"));
        final var rejected = awaitStatus(networkStatus("a-public-dup"), IntentState.Rejected);
        assertEquals("physical-network: public already carries flat provider network public", rejected.getReason());
        assertEquals(IntentState.Pending, read(LogicalDatastoreType.OPERATIONAL, networkStatus("public"))
            .orElseThrow().getState());
        final var stored = read(LogicalDatastoreType.CONFIGURATION, IntentPaths.PROVIDER.child(ProviderNetwork.class,
            new ProviderNetworkKey(new Name("a-public-dup"))));
        assertTrue("the user's data is never dropped", stored.isPresent());
    }

    @Test
    public void rendererReportsMakeIntentsProgrammedOrFailed() throws Exception {
        writeConfig(TestIntents.seed001());
        final var host = await(() -> read(LogicalDatastoreType.OPERATIONAL, planHost("rack-1-host-2")),
            Optional::isPresent).orElseThrow();
        final var digest = host.getDigest();
        // the OpenFlow pipeline applied, but the VM's interface is not on the switch yet
        reportOpenflow(digest, "no interface with iface-id vm1-port on br-int yet");
        final var waitingFor = "planned on 1 host(s); waiting for rack-1-host-2 (openflow: no interface with iface-id "
            + "vm1-port on br-int yet)";
        final var waiting = await(() -> read(LogicalDatastoreType.OPERATIONAL, portStatus("vm1-port")),
            status -> status.isPresent() && waitingFor.equals(status.orElseThrow().getReason())).orElseThrow();
        assertEquals(IntentState.Pending, waiting.getState());
        final var plugged = getDataBroker().newWriteOnlyTransaction();
        plugged.put(LogicalDatastoreType.OPERATIONAL, InstanceIdentifier.create(Realization.class)
            .child(org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.Host.class,
                new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.HostKey(
                    new HostId("rack-1-host-2")))
            .child(Renderer.class, new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121
                .realization.host.RendererKey(Renderer.Name.Openflow)),
            new RendererBuilder().setName(Renderer.Name.Openflow).setAppliedDigest(digest).build());
        plugged.commit().get(10, TimeUnit.SECONDS);
        final var programmed = awaitStatus(portStatus("vm1-port"), IntentState.Programmed);
        assertEquals("programmed on 1 host(s)", programmed.getReason());

        final var fail = getDataBroker().newWriteOnlyTransaction();
        fail.merge(LogicalDatastoreType.OPERATIONAL, InstanceIdentifier.create(Realization.class)
            .child(org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.Host.class,
                new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.HostKey(
                    new HostId("rack-1-host-2")))
            .child(Renderer.class, new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121
                .realization.host.RendererKey(Renderer.Name.HostAgent)),
            new RendererBuilder().setName(Renderer.Name.HostAgent).setAppliedDigest(digest)
                .setFailedIntent(BindingMap.of(new FailedIntentBuilder()
                    .setIntent(new IntentRef("logical-port/vm1-port")).setReason("RTNETLINK answers: File exists")
                    .build())).build());
        fail.commit().get(10, TimeUnit.SECONDS);
        final var failed = awaitStatus(portStatus("vm1-port"), IntentState.Failed);
        assertEquals("rack-1-host-2: host-agent: RTNETLINK answers: File exists", failed.getReason());
    }

    /** The broker, counting the planner's reads of the tunneling intents in the config datastore. */
    private static DataBroker countingIntentReads(final DataBroker broker, final AtomicInteger reads) {
        return (DataBroker) Proxy.newProxyInstance(PlannerLoopTest.class.getClassLoader(),
            new Class<?>[] { DataBroker.class }, (proxy, method, args) -> {
                final Object result = method.invoke(broker, args);
                if (!"newReadOnlyTransaction".equals(method.getName())) {
                    return result;
                }
                return Proxy.newProxyInstance(PlannerLoopTest.class.getClassLoader(),
                    new Class<?>[] { ReadTransaction.class }, (txProxy, txMethod, txArgs) -> {
                        if ("read".equals(txMethod.getName()) && txArgs[0] == LogicalDatastoreType.CONFIGURATION
                                && IntentPaths.TUNNELING.equals(txArgs[1])) {
                            reads.incrementAndGet();
                        }
                        return txMethod.invoke(result, txArgs);
                    });
            });
    }

    private void reportOpenflow(final String digest, final String pendingReason) throws Exception {
        final var tx = getDataBroker().newWriteOnlyTransaction();
        tx.put(LogicalDatastoreType.OPERATIONAL, InstanceIdentifier.create(Realization.class)
            .child(org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.Host.class,
                new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.HostKey(
                    new HostId("rack-1-host-2"))),
            new HostBuilder().setHostId(new HostId("rack-1-host-2")).setRenderer(BindingMap.of(
                new RendererBuilder().setName(Renderer.Name.Ovsdb).setAppliedDigest(digest).build(),
                new RendererBuilder().setName(Renderer.Name.HostAgent).setAppliedDigest(digest).build(),
                new RendererBuilder().setName(Renderer.Name.Openflow).setAppliedDigest(digest)
                    .setPendingIntent(pendingReason == null ? null : BindingMap.of(new PendingIntentBuilder()
                        .setIntent(new IntentRef("logical-port/vm1-port")).setReason(pendingReason).build()))
                    .build())).build());
        tx.commit().get(10, TimeUnit.SECONDS);
    }

    /**
     * Reports change far more often than intents (every switch's every step while thousands of ports converge), and
     * reading and comparing 10000 intents costs seconds: a run for reports alone uses the intents the last run read.
     * An intent change is still read at once.
     */
    @Test
    public void rendererReportsAloneDoNotReadTheIntentsAgain() throws Exception {
        loop.close();
        final AtomicInteger intentReads = new AtomicInteger();
        loop = new PlannerLoop(countingIntentReads(getDataBroker(), intentReads));
        loop.start();
        writeConfig(TestIntents.seed001());
        final var digest = await(() -> read(LogicalDatastoreType.OPERATIONAL, planHost("rack-1-host-2")),
            Optional::isPresent).orElseThrow().getDigest();
        reportOpenflow(digest, "no interface yet");
        await(() -> read(LogicalDatastoreType.OPERATIONAL, portStatus("vm1-port")).orElse(null),
            status -> status != null && status.getReason().contains("no interface yet"));
        final int before = intentReads.get();
        assertTrue(before > 0);

        reportOpenflow(digest, "still no interface");
        await(() -> read(LogicalDatastoreType.OPERATIONAL, portStatus("vm1-port")).orElse(null),
            status -> status != null && status.getReason().contains("still no interface"));
        reportOpenflow(digest, null);
        awaitStatus(portStatus("vm1-port"), IntentState.Programmed);
        assertEquals(before, intentReads.get());

        // an intent change is read and planned
        final var tx = getDataBroker().newWriteOnlyTransaction();
        tx.delete(LogicalDatastoreType.CONFIGURATION, IntentPaths.TUNNELING.child(LogicalPort.class,
            new LogicalPortKey(new Name("vm1-port"))));
        tx.commit().get(10, TimeUnit.SECONDS);
        await(() -> read(LogicalDatastoreType.OPERATIONAL, portStatus("vm1-port")), Optional::isEmpty);
        assertTrue(intentReads.get() > before);
    }

    @Test
    public void aHostLeavingThePlanLosesItsHostAgentReport() throws Exception {
        writeConfig(TestIntents.seed001());
        final var host = await(() -> read(LogicalDatastoreType.OPERATIONAL, planHost("rack-1-host-2")),
            Optional::isPresent).orElseThrow();
        final var report = InstanceIdentifier.create(Realization.class)
            .child(org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.Host.class,
                new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.HostKey(
                    new HostId("rack-1-host-2")))
            .child(Renderer.class, new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121
                .realization.host.RendererKey(Renderer.Name.HostAgent));
        final var tx = getDataBroker().newWriteOnlyTransaction();
        tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL, report, new RendererBuilder()
            .setName(Renderer.Name.HostAgent).setAppliedDigest(host.getDigest()).build());
        tx.commit().get(10, TimeUnit.SECONDS);
        awaitStatus(portStatus("vm1-port"), IntentState.Pending);
        writeConfig(new TestIntents());
        await(() -> read(LogicalDatastoreType.OPERATIONAL, planHost("rack-1-host-2")), Optional::isEmpty);
        await(() -> read(LogicalDatastoreType.OPERATIONAL, report), Optional::isEmpty);
    }

    @Test
    public void deletingAnIntentRemovesItsStatusAndPlan() throws Exception {
        final var intents = new TestIntents().flat("public", "public").host("c1", "public", "br-ex");
        writeConfig(intents);
        awaitStatus(networkStatus("public"), IntentState.Pending);
        writeConfig(new TestIntents());
        await(() -> read(LogicalDatastoreType.OPERATIONAL, networkStatus("public")), Optional::isEmpty);
        await(() -> read(LogicalDatastoreType.OPERATIONAL, planHost("c1")), Optional::isEmpty);
    }

    @Test
    public void restartConvergesWithoutRewriting() throws Exception {
        writeConfig(TestIntents.seed001());
        final var before = awaitStatus(networkStatus("public"), IntentState.Pending);
        final var planBefore = await(() -> read(LogicalDatastoreType.OPERATIONAL, planHost("rack-1-host-1")),
            Optional::isPresent).orElseThrow();
        final var epochBefore = read(LogicalDatastoreType.OPERATIONAL, PLAN).orElseThrow().getEpoch();
        loop.closeGracefully().get(10, TimeUnit.SECONDS);
        Thread.sleep(1100);
        loop = new PlannerLoop(getDataBroker());
        loop.start();
        // the new owner has run (and published its own epoch) before anything is compared
        await(() -> loop.completedRuns(), runs -> runs > 0);
        final var plan = read(LogicalDatastoreType.OPERATIONAL, PLAN).orElseThrow();
        assertNotNull(plan.getEpoch());
        assertNotEquals(epochBefore, plan.getEpoch());
        final var after = read(LogicalDatastoreType.OPERATIONAL, networkStatus("public")).orElseThrow();
        assertEquals("the time stamp of an unchanged status survives a takeover", before, after);
        assertEquals(planBefore, read(LogicalDatastoreType.OPERATIONAL, planHost("rack-1-host-1")).orElseThrow());
        assertFalse(after.nonnullHost().isEmpty());
    }

    @Test
    public void rejectedEditKeepsTheAcceptedVersionAcrossARestart() throws Exception {
        writeConfig(TestIntents.seed001());
        awaitStatus(hostStatus("rack-1-host-2"), IntentState.Pending);
        final var planBefore = await(() -> read(LogicalDatastoreType.OPERATIONAL, planHost("rack-1-host-2")),
            Optional::isPresent).orElseThrow();
        // the accepted versions are kept in the config datastore, which survives a restart
        await(() -> read(LogicalDatastoreType.CONFIGURATION, ACCEPTED), Optional::isPresent);
        loop.closeGracefully().get(10, TimeUnit.SECONDS);

        final var edited = TestIntents.seed001();
        edited.hosts.removeIf(h -> h.getHostId().getValue().equals("rack-1-host-2"));
        edited.host("rack-1-host-2", "public", "br-ex", "other", "br-int");
        writeConfig(edited);
        loop = new PlannerLoop(getDataBroker());
        loop.start();
        final var status = awaitStatus(hostStatus("rack-1-host-2"), IntentState.Rejected);
        assertTrue(status.getReason(), status.getReason().startsWith(
            "edit rejected: bridge-mapping[other]/bridge: br-int is the integration bridge; the version accepted at "));
        assertNotNull(status.getInForce());
        assertEquals(Boolean.FALSE, status.getInForce().getLatest());
        assertEquals(IntentState.Pending, status.getInForce().getState());
        assertEquals("the host keeps its plan", planBefore,
            read(LogicalDatastoreType.OPERATIONAL, planHost("rack-1-host-2")).orElseThrow());
        assertEquals("the VM on that host is unaffected", IntentState.Pending,
            read(LogicalDatastoreType.OPERATIONAL, portStatus("vm1-port")).orElseThrow().getState());
    }

    /** The plan/host and plan/network entries one plan notification wrote or deleted, and its generation. */
    private record Publication(long generation, Set<String> hosts, Set<String> networks) {
        // value
    }

    private static Publication publication(final DataObjectModification<Plan> root) {
        final Set<String> hosts = new TreeSet<>();
        final Set<String> networks = new TreeSet<>();
        for (var child : root.getModifiedChildren(Host.class)) {
            hosts.add(((HostKey) ((InstanceIdentifier.IdentifiableItem<?, ?>) child.getIdentifier()).getKey())
                .getHostId().getValue());
        }
        for (var child : root.getModifiedChildren(Network.class)) {
            networks.add(((NetworkKey) ((InstanceIdentifier.IdentifiableItem<?, ?>) child.getIdentifier())
                .getKey()).getNetwork().getValue());
        }
        final var after = root.getDataAfter();
        return new Publication(after == null || after.getGeneration() == null ? 0
            : after.getGeneration().longValue(), hosts, networks);
    }

    /** How many entries the loop wrote or deleted for a generation (its commit may complete after listeners saw it). */
    private int writesOf(final long generation) throws Exception {
        return await(() -> loop.lastPublished(), p -> p.generation() >= generation).writes();
    }

    /** The plan the pure planner makes of the intents, with the local ids the loop stored. */
    private PlanResult lastPlanOf(final TestIntents intents) throws Exception {
        final var snapshot = intents.build();
        final var accepted = read(LogicalDatastoreType.CONFIGURATION, ACCEPTED).orElse(null);
        return Planner.plan(snapshot, Validator.validate(snapshot), AcceptedStore.allocations(accepted),
            AcceptedStore.networkIds(accepted));
    }

    @Test
    public void onlyChangedHostsAndNetworksAreRewritten() throws Exception {
        final int count = 6;
        final var intents = new TestIntents().overlay("blue", 0x13).overlay("green", 0x49);
        for (int i = 1; i <= count; i++) {
            intents.endpoint("h" + i, TunnelType.Vxlan, "192.0.2." + i)
                .overlayPort("p" + i, "blue", "h" + i, String.format("fa:16:3e:00:00:%02x", i));
        }
        intents.overlayPort("g1", "green", "h2", "fa:16:3e:00:01:01");
        writeConfig(intents);
        final var first = await(() -> read(LogicalDatastoreType.OPERATIONAL, PLAN).orElse(null),
            plan -> plan != null && plan.nonnullHost().size() == count && plan.nonnullNetwork().size() == 2);
        final var blue = first.nonnullNetwork().get(new NetworkKey(new IntentRef("overlay-network/blue")));
        assertEquals(count, blue.nonnullPort().size());
        assertEquals(count, blue.getHost().size());
        assertEquals(1, read(LogicalDatastoreType.OPERATIONAL, planHost("h1")).orElseThrow().nonnullLogicalPort()
            .size());

        final List<Publication> seen = new CopyOnWriteArrayList<>();
        final DataTreeChangeListener<Plan> listener = changes -> changes.forEach(change -> seen.add(
            publication(change.getRootNode())));
        try (var reg = getDataBroker().registerDataTreeChangeListener(
                DataTreeIdentifier.create(LogicalDatastoreType.OPERATIONAL, PLAN), listener)) {
            final long generation = await(() -> read(LogicalDatastoreType.OPERATIONAL, PLAN).orElseThrow()
                .getGeneration().longValue(), g -> g > 0);
            await(() -> seen.size(), n -> n > 0);
            seen.clear();
            // one more port on h1 in blue: h1 and blue change, no other host and not green
            writeConfig(intents.overlayPort("q1", "blue", "h1", "fa:16:3e:00:02:01"));
            final var next = await(() -> seen.stream().filter(p -> p.generation() > generation).findFirst()
                .orElse(null), java.util.Objects::nonNull);
            assertEquals("one publication", generation + 1, next.generation());
            assertEquals("only the host whose plan changed is written", Set.of("h1"), next.hosts());
            assertEquals(Set.of("overlay-network/blue"), next.networks());
            // h1: its leaves, the new logical port, its blue entry and br-int (one more origin each); blue: its
            // leaves and the new port. No tunnel port, no other host.
            assertEquals(6, writesOf(next.generation()));

            // green loses its last port (g1 on h2): h2 is rewritten, green's entry deleted, nothing else
            seen.clear();
            intents.ports.removeIf(p -> p.getId().getValue().equals("g1"));
            writeConfig(intents);
            final var removal = await(() -> seen.stream().filter(p -> p.generation() > generation + 1).findFirst()
                .orElse(null), java.util.Objects::nonNull);
            assertEquals(Set.of("h2"), removal.hosts());
            assertEquals(Set.of("overlay-network/green"), removal.networks());
            // h2: its leaves, g1 and its green entry deleted, br-int (one origin less); green deleted
            assertEquals(5, writesOf(removal.generation()));

            // a new tunnel endpoint in the full mesh: every host gets one tunnel port, and only that is written
            seen.clear();
            writeConfig(intents.endpoint("h" + (count + 1), TunnelType.Vxlan, "192.0.2.99"));
            final var joined = await(() -> seen.stream().filter(p -> p.generation() > generation + 2).findFirst()
                .orElse(null), java.util.Objects::nonNull);
            assertEquals(count + 1, joined.hosts().size());
            assertEquals(Set.of(), joined.networks());
            // per existing host its leaves (digest) and the new port; the new host whole (itself, br-int and a
            // tunnel port to each of the others)
            assertEquals(2 * count + 1 + 1 + count, writesOf(joined.generation()));
            final var h3 = read(LogicalDatastoreType.OPERATIONAL, planHost("h3")).orElseThrow();
            assertEquals(count, h3.nonnullPort().size());
            assertEquals(PlanBinding.toBinding(lastPlanOf(intents).hosts().get("h3")), h3);
        }
        final var plan = read(LogicalDatastoreType.OPERATIONAL, PLAN).orElseThrow();
        assertEquals(first.getEpoch(), plan.getEpoch());
        assertEquals(Set.of(new NetworkKey(new IntentRef("overlay-network/blue"))), plan.nonnullNetwork().keySet());
        assertEquals(count + 1, plan.nonnullNetwork().values().iterator().next().nonnullPort().size());
        // the local ids are kept with the accepted intents, so a restart renumbers nothing
        final var accepted = await(() -> read(LogicalDatastoreType.CONFIGURATION, ACCEPTED).orElse(null),
            a -> a != null && a.nonnullHostAllocation().size() == count);
        final var h2 = accepted.nonnullHostAllocation().get(new HostAllocationKey(new HostId("h2")));
        assertEquals(Set.of("overlay-network/blue"), h2.nonnullNetwork().values().stream()
            .map(n -> n.getNetwork().getValue()).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    public void disconnectedRendererMakesItsIntentsFail() throws Exception {
        writeConfig(TestIntents.seed001());
        final var host = await(() -> read(LogicalDatastoreType.OPERATIONAL, planHost("rack-1-host-2")),
            Optional::isPresent).orElseThrow();
        final var tx = getDataBroker().newWriteOnlyTransaction();
        tx.put(LogicalDatastoreType.OPERATIONAL, InstanceIdentifier.create(Realization.class)
            .child(org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.Host.class,
                new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.HostKey(
                    new HostId("rack-1-host-2"))),
            new HostBuilder().setHostId(new HostId("rack-1-host-2")).setRenderer(BindingMap.of(
                new RendererBuilder().setName(Renderer.Name.Ovsdb).setAppliedDigest(host.getDigest())
                    .setConnected(false).setReason("OVSDB session lost").build(),
                new RendererBuilder().setName(Renderer.Name.HostAgent).setAppliedDigest(host.getDigest()).build()))
                .build());
        tx.commit().get(10, TimeUnit.SECONDS);
        final var failed = awaitStatus(portStatus("vm1-port"), IntentState.Failed);
        assertEquals("rack-1-host-2: ovsdb: OVSDB session lost", failed.getReason());
    }
}
