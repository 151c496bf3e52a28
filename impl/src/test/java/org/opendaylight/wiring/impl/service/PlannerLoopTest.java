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

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.wiring.impl.TestIntents;
import org.opendaylight.wiring.impl.intent.IntentPaths;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.accepted.rev261121.Accepted;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.Plan;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.Realization;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.HostKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.HostBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.Renderer;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.RendererBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.renderer.FailedIntentBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.provider.network.list.ProviderNetwork;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.provider.network.list.ProviderNetworkKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.logical.port.list.LogicalPort;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.logical.port.list.LogicalPortKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.HostId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentState;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.Name;
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
        assertEquals("planned on 1 host(s); waiting for rack-1-host-2 (ovsdb, host-agent)", port.getReason());
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
        final var tx = getDataBroker().newWriteOnlyTransaction();
        tx.put(LogicalDatastoreType.OPERATIONAL, InstanceIdentifier.create(Realization.class)
            .child(org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.Host.class,
                new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.HostKey(
                    new HostId("rack-1-host-2"))),
            new HostBuilder().setHostId(new HostId("rack-1-host-2")).setRenderer(BindingMap.of(
                new RendererBuilder().setName(Renderer.Name.Ovsdb).setAppliedDigest(digest).build(),
                new RendererBuilder().setName(Renderer.Name.HostAgent).setAppliedDigest(digest).build())).build());
        tx.commit().get(10, TimeUnit.SECONDS);
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
