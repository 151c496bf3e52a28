/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.ovsdb.service;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.wiring.impl.TestIntents;
import org.opendaylight.wiring.ovsdb.ConnectionMode;
import org.opendaylight.wiring.ovsdb.OvsdbConfig;
import org.opendaylight.wiring.ovsdb.replica.OvsdbReplica;
import org.opendaylight.wiring.renderer.ovsdb.testing.FakeConnection;
import org.opendaylight.wiring.renderer.ovsdb.testing.FakeEos;
import org.opendaylight.wiring.renderer.ovsdb.testing.FakeSwitch;
import org.opendaylight.wiring.renderer.ovsdb.testing.Plans;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.OvsdbState;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.Realization;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.HostKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.Renderer;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.RendererKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.ProviderNetworks;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.HostId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentState;
import org.opendaylight.yangtools.yang.binding.DataObject;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;

/**
 * The renderer service against MD-SAL's in-memory data broker, a single-member ownership service and in-memory
 * switches: the epoch gate, ownership, double sessions, active-mode identity, per-host workers, disconnect reports,
 * clean-up of gone hosts and the periodic resync.
 */
public class OvsdbRendererServiceTest extends AbstractConcurrentDataBrokerTest {
    private static final long RESYNC_MILLIS = 1_000;
    private final FakeEos eos = new FakeEos();
    private OvsdbRendererService service;
    private int port = 40000;

    public OvsdbRendererServiceTest() {
        super(true);
    }

    @Before
    public void start() {
        service = new OvsdbRendererService(getDataBroker(), eos, new OvsdbRendererService.Settings("",
            List.of("tcp:127.0.0.1:6653"), new OvsdbConfig(), RESYNC_MILLIS, new HostRenderer.Timing(50, 1_000, 300)));
    }

    @After
    public void stop() {
        service.close();
    }

    private FakeConnection connect(final FakeSwitch sw) {
        return connect(sw, ConnectionMode.PASSIVE, new InetSocketAddress("127.0.0.1", port++));
    }

    private FakeConnection connect(final FakeSwitch sw, final ConnectionMode mode, final InetSocketAddress address) {
        final var connection = new FakeConnection(sw, mode, address).listener(service);
        service.onConnected(connection);
        service.onReplicaReady(connection, connection.replica());
        return connection;
    }

    private static TestIntents intents(final String... hosts) {
        final var intents = new TestIntents().flat("public", "public");
        for (var host : hosts) {
            intents.hostWith(Plans.host(host, null, null, "public", "br-ex"));
        }
        return intents;
    }

    private static void await(final String what, final Supplier<Boolean> condition) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private <T extends DataObject> Optional<T> read(final InstanceIdentifier<T> path) {
        try (var tx = getDataBroker().newReadOnlyTransaction()) {
            return tx.read(LogicalDatastoreType.OPERATIONAL, path).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Renderer> realization(final String host) {
        return read(InstanceIdentifier.create(Realization.class).child(
            org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.Host.class,
            new HostKey(new HostId(host))).child(Renderer.class, new RendererKey(Renderer.Name.Ovsdb)));
    }

    private Optional<org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.Host>
            ovsdbState(final String host) {
        return read(InstanceIdentifier.create(OvsdbState.class).child(
            org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.Host.class,
            new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.HostKey(
                new HostId(host))));
    }

    private static boolean has(final OvsdbReplica replica, final String port) {
        return replica.port(port).isPresent();
    }

    private void awaitProgrammed(final String host, final Host plan) throws InterruptedException {
        await(host + " programmed", () -> realization(host).filter(r -> r.getState() == IntentState.Programmed
            && Boolean.TRUE.equals(r.getConnected()) && plan.getDigest().equals(r.getAppliedDigest())).isPresent());
    }

    /** A switch as an earlier run of the renderer left it for plan. */
    private static FakeSwitch programmed(final String host, final Host plan) throws Exception {
        final var sw = new FakeSwitch(host);
        final var desired = org.opendaylight.wiring.renderer.ovsdb.desired.DesiredSwitch.of(plan,
            List.of("tcp:127.0.0.1:6653"));
        sw.apply(org.opendaylight.wiring.renderer.ovsdb.reconcile.SwitchReconciler.reconcile(desired, sw.replica(),
            java.util.Set.of()).transaction());
        return sw;
    }

    @Test
    public void beforeAnEpochNothingIsChangedEvenWithHostsInThePlan() throws Exception {
        final var plans = Plans.plan(intents("h1"));
        final var sw = programmed("h1", plans.get("h1"));
        // an owned port the plan does not have: the first pass after the epoch removes it, not before
        sw.port("br-int", "vxlan-stale", "vxlan", Map.of("remote_ip", "192.0.2.9"), true);
        // a plan container without epoch (a half-written or foreign plan), with no entry for h1
        Plans.publish(getDataBroker(), null, Map.of());
        final var conn = connect(sw);
        Thread.sleep(RESYNC_MILLIS * 2);
        assertEquals("no transaction before the plan has an epoch", List.of(), conn.sent());
        assertTrue(has(conn.replica(), "vxlan-stale"));
        assertTrue(has(conn.replica(), "int-br-ex"));

        // the planner publishes: the switch is converged to the plan, removing only the stale port
        Plans.publish(getDataBroker(), "epoch-1", plans);
        await("stale port removed", () -> !has(conn.replica(), "vxlan-stale"));
        awaitProgrammed("h1", plans.get("h1"));
        assertTrue(has(conn.replica(), "int-br-ex"));
        assertEquals(1, conn.removals());
    }

    @Test
    public void switchConnectingBeforeAnyPlanKeepsEverything() throws Exception {
        final var plans = Plans.plan(intents("h1"));
        final var sw = programmed("h1", plans.get("h1"));
        final var conn = connect(sw);
        Thread.sleep(RESYNC_MILLIS * 2);
        assertEquals(List.of(), conn.sent());
        // once an epoch exists, a host absent from the plan really has nothing planned
        Plans.publish(getDataBroker(), "epoch-1", Map.of());
        await("owned objects removed", () -> conn.replica().bridges().isEmpty());
        await("reported", () -> realization("h1").filter(r -> r.getState() == IntentState.Programmed).isPresent());
    }

    @Test
    public void notOwnerSendsNothingUntilOwnershipComes() throws Exception {
        final var plans = Plans.plan(intents("h1"));
        Plans.publish(getDataBroker(), "epoch-1", plans);
        eos.otherMemberOwns("h1", true);
        final var conn = connect(new FakeSwitch("h1"));
        Thread.sleep(500);
        assertEquals(List.of(), conn.sent());
        assertFalse(realization("h1").isPresent());
        eos.otherMemberOwns("h1", false);
        awaitProgrammed("h1", plans.get("h1"));
        assertTrue(has(conn.replica(), "phy-br-ex"));
    }

    @Test
    public void disconnectIsReportedWithinSecondsAndReconnectRestores() throws Exception {
        final var plans = Plans.plan(intents("h1"));
        Plans.publish(getDataBroker(), "epoch-1", plans);
        final var sw = new FakeSwitch("h1");
        final var conn = connect(sw);
        awaitProgrammed("h1", plans.get("h1"));
        conn.close();
        await("disconnect reported", () -> realization("h1").filter(r -> Boolean.FALSE.equals(r.getConnected())
            && r.getState() == IntentState.Failed && r.getReason().startsWith("OVSDB session to h1 lost at "))
            .isPresent());
        await("ovsdb-state says disconnected", () -> ovsdbState("h1").filter(h -> h.getConnection().getState()
            == org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.host.Connection
                .State.Disconnected).isPresent());
        final var again = connect(sw);
        awaitProgrammed("h1", plans.get("h1"));
        assertEquals("a converged switch needs nothing after a reconnect", List.of(), again.sent());
    }

    @Test
    public void liveDuplicateSessionIsRefusedWithAReason() throws Exception {
        final var plans = Plans.plan(intents("h1"));
        Plans.publish(getDataBroker(), "epoch-1", plans);
        final var first = connect(new FakeSwitch("h1"));
        awaitProgrammed("h1", plans.get("h1"));
        final var clone = connect(new FakeSwitch("h1"));
        await("refusal reported", () -> realization("h1").filter(r -> r.getState() == IntentState.Failed
            && r.getReason().contains("second OVSDB session with system-id h1")).isPresent());
        Plans.publish(getDataBroker(), "epoch-1", Plans.plan(intents("h1").endpoint("h1",
            org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.TunnelType.Vxlan, "192.0.2.1")
            .endpoint("h2", org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.TunnelType.Vxlan,
                "192.0.2.2")));
        await("first session still used", () -> first.sent().size() >= 2);
        assertEquals(List.of(), clone.sent());
        clone.close();
        await("refusal cleared", () -> realization("h1").filter(r -> r.getState() == IntentState.Programmed)
            .isPresent());
    }

    @Test
    public void secondSessionTakesOverFromADeadOne() throws Exception {
        final var plans = Plans.plan(intents("h1"));
        Plans.publish(getDataBroker(), "epoch-1", plans);
        final var sw = new FakeSwitch("h1");
        final var old = connect(sw);
        awaitProgrammed("h1", plans.get("h1"));
        // the old session is dead (no answer) but not yet noticed; the switch reconnects
        old.freeze();
        final var fresh = connect(sw);
        await("old session closed", () -> !old.isConnected());
        fresh.byHand(s -> s.deletePort("phy-br-ex"), true);
        await("new session repairs", () -> has(fresh.replica(), "phy-br-ex"));
        assertFalse(fresh.sent().isEmpty());
        await("programmed again", () -> realization("h1").filter(r -> r.getState() == IntentState.Programmed
            && Boolean.TRUE.equals(r.getConnected())).isPresent());
    }

    @Test
    public void activeRemoteReportingAnotherSystemIdIsRefused() throws Exception {
        final int remotePort = org.opendaylight.wiring.ovsdb.it.LabHost.freePort();
        final var intents = intents("intruder").hostWith(Plans.host("h1", null, "tcp:127.0.0.1:" + remotePort,
            "public", "br-ex"));
        final var tx = getDataBroker().newWriteOnlyTransaction();
        tx.put(LogicalDatastoreType.CONFIGURATION, InstanceIdentifier.create(ProviderNetworks.class),
            intents.providerContainer());
        tx.commit().get(10, TimeUnit.SECONDS);
        Plans.publish(getDataBroker(), "epoch-1", Plans.plan(intents));
        Thread.sleep(300);
        final var conn = connect(new FakeSwitch("intruder"), ConnectionMode.ACTIVE,
            new InetSocketAddress("127.0.0.1", remotePort));
        await("refusal on h1", () -> realization("h1").filter(r -> r.getState() == IntentState.Failed
            && Boolean.FALSE.equals(r.getConnected()) && r.getReason().contains("reports system-id 'intruder'"))
            .isPresent());
        Thread.sleep(500);
        assertEquals("nothing is sent to a refused switch", List.of(), conn.sent());
        assertFalse(realization("intruder").isPresent());
    }

    @Test
    public void frozenSwitchDoesNotStallAnotherHost() throws Exception {
        Plans.publish(getDataBroker(), "epoch-1", Plans.plan(intents("h1", "h2")));
        final var c1 = connect(new FakeSwitch("h1"));
        final var c2 = connect(new FakeSwitch("h2"));
        await("both built", () -> has(c1.replica(), "phy-br-ex") && has(c2.replica(), "phy-br-ex"));
        c1.freeze();
        final var vxlan = org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.TunnelType.Vxlan;
        final var plans = Plans.plan(intents("h1", "h2").endpoint("h1", vxlan, "192.0.2.1")
            .endpoint("h2", vxlan, "192.0.2.2"));
        final long start = System.nanoTime();
        Plans.publish(getDataBroker(), "epoch-1", plans);
        final var toH1 = org.opendaylight.wiring.impl.plan.Names.tunnelPort("vxlan", "h1");
        final var toH2 = org.opendaylight.wiring.impl.plan.Names.tunnelPort("vxlan", "h2");
        await("h2 gets its tunnel port", () -> has(c2.replica(), toH1));
        final long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue("h2 applied in " + millis + " ms", millis < 3_000);
        assertFalse(has(c1.replica(), toH2));
        c1.thaw();
        await("h1 converges after the thaw", () -> has(c1.replica(), toH2));
        awaitProgrammed("h1", plans.get("h1"));
    }

    @Test
    public void goneHostsAreCleanedUp() throws Exception {
        final var plans = Plans.plan(intents("h1", "h2"));
        Plans.publish(getDataBroker(), "epoch-1", plans);
        final var c1 = connect(new FakeSwitch("h1"));
        connect(new FakeSwitch("h2"));
        awaitProgrammed("h1", plans.get("h1"));
        awaitProgrammed("h2", plans.get("h2"));
        await("mirror", () -> ovsdbState("h1").isPresent());
        Plans.publish(getDataBroker(), "epoch-1", Plans.plan(intents("h2")));
        c1.close();
        await("realization of h1 removed", () -> realization("h1").isEmpty());
        await("ovsdb-state of h1 removed", () -> ovsdbState("h1").isEmpty());
        assertTrue(realization("h2").isPresent());
        assertTrue(ovsdbState("h2").isPresent());
    }

    @Test
    public void resyncRepairsDriftTheMonitorDidNotReport() throws Exception {
        final var plans = Plans.plan(intents("h1"));
        Plans.publish(getDataBroker(), "epoch-1", plans);
        final var conn = connect(new FakeSwitch("h1"));
        awaitProgrammed("h1", plans.get("h1"));
        // deleted by hand, and the notification is lost: only the periodic resync can notice
        final long start = System.nanoTime();
        conn.byHand(s -> s.deletePort("phy-br-ex"), false);
        assertFalse(has(conn.switchState(), "phy-br-ex"));
        await("port back within one resync", () -> has(conn.switchState(), "phy-br-ex"));
        final long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue("back after " + millis + " ms", millis < RESYNC_MILLIS * 3);
    }

    private static List<String> controllersOfBrInt(final OvsdbReplica replica) {
        return replica.bridge("br-int").map(b -> replica.controllersOf(b).stream().map(c -> c.target()).sorted()
            .toList()).orElse(List.of());
    }

    @Test
    public void hostNamesItsOwnControllersInExternalIds() throws Exception {
        final var plans = Plans.plan(intents("h1"));
        Plans.publish(getDataBroker(), "epoch-1", plans);
        final var sw = new FakeSwitch("h1").systemExternalId("odl-wiring-controller", "tcp:169.254.1.5:6653");
        final var conn = connect(sw);
        awaitProgrammed("h1", plans.get("h1"));
        assertEquals(List.of("tcp:169.254.1.5:6653"), controllersOfBrInt(conn.switchState()));
        assertEquals(List.of(), conn.switchState().bridge("br-ex").map(b -> conn.switchState().controllersOf(b))
            .orElseThrow());

        // changed at runtime: br-int follows
        conn.byHand(s -> s.systemExternalId("odl-wiring-controller", "tcp:192.0.2.1:6653, ssl:[2001:db8::1]:6653"),
            true);
        await("controllers follow", () -> controllersOfBrInt(conn.switchState())
            .equals(List.of("ssl:[2001:db8::1]:6653", "tcp:192.0.2.1:6653")));

        // invalid: the configured controllers, and the host's report says why
        conn.byHand(s -> s.systemExternalId("odl-wiring-controller", "tcp:192.0.2.1"), true);
        await("configured controllers", () -> controllersOfBrInt(conn.switchState())
            .equals(List.of("tcp:127.0.0.1:6653")));
        await("invalid value reported", () -> realization("h1").filter(r -> r.getState() == IntentState.Failed
            && Boolean.TRUE.equals(r.getConnected()) && r.getReason().contains(
                "external_ids:odl-wiring-controller=\"tcp:192.0.2.1\" is invalid")).isPresent());
        assertTrue(realization("h1").orElseThrow().nonnullFailedIntent().isEmpty());

        // valid again, then removed: the report is clean again and the configured controllers come back
        conn.byHand(s -> s.systemExternalId("odl-wiring-controller", "tcp:169.254.1.5:6653"), true);
        await("valid again", () -> controllersOfBrInt(conn.switchState()).equals(List.of("tcp:169.254.1.5:6653")));
        awaitProgrammed("h1", plans.get("h1"));
        conn.byHand(s -> s.systemExternalId("odl-wiring-controller", null), true);
        await("configured again", () -> controllersOfBrInt(conn.switchState())
            .equals(List.of("tcp:127.0.0.1:6653")));
        awaitProgrammed("h1", plans.get("h1"));
    }
}
