/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.ovsdb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendaylight.wiring.impl.TestIntents;
import org.opendaylight.wiring.impl.plan.Names;
import org.opendaylight.wiring.impl.plan.PlanBinding;
import org.opendaylight.wiring.impl.plan.Planner;
import org.opendaylight.wiring.impl.validation.Validator;
import org.opendaylight.wiring.ovsdb.OvsdbConfig;
import org.opendaylight.wiring.ovsdb.OvsdbConnection;
import org.opendaylight.wiring.ovsdb.OvsdbManager;
import org.opendaylight.wiring.ovsdb.it.LabHost;
import org.opendaylight.wiring.renderer.ovsdb.desired.DesiredSwitch;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.host.list.HostBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.host.list.host.BridgeMappingBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.DatapathType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.DeviceName;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.HostId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentState;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.PhysicalNetwork;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.TunnelType;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;

/**
 * The OVSDB renderer against two real Open vSwitch hosts (ovs-vswitchd with the userspace datapath in a network
 * namespace each): plans from the real planner, checked with ovs-vsctl.
 */
class SwitchRendererIT {
    private static final String CONTROLLER = "tcp:127.0.0.1:6653";
    private static LabHost h1;
    private static LabHost h2;
    private static OvsdbManager manager;

    private static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(2);
    private final List<HostRenderer.Report> reports = new CopyOnWriteArrayList<>();
    private final List<HostRenderer> renderers = new ArrayList<>();
    private final AtomicInteger transactions = new AtomicInteger();
    private final HostRenderer.Sink sink = new HostRenderer.Sink() {
        @Override
        public void report(final String hostId, final HostRenderer.Report report) {
            reports.add(report);
        }

        @Override
        public void transactionSent(final String hostId) {
            transactions.incrementAndGet();
        }
    };

    @BeforeAll
    static void startHosts() throws Exception {
        LabHost.assumeAvailable();
        final int p1 = LabHost.freePort();
        final int p2 = LabHost.freePort();
        h1 = LabHost.start(null, "ptcp:" + p1 + ":127.0.0.1");
        h2 = LabHost.start(null, "ptcp:" + p2 + ":127.0.0.1");
        manager = new OvsdbManager(new OvsdbConfig().setReconnectInitialDelayMillis(200)
            .setReconnectMaxDelayMillis(1000));
        manager.start().get(10, TimeUnit.SECONDS);
        manager.open("tcp:127.0.0.1:" + p1);
        manager.open("tcp:127.0.0.1:" + p2);
    }

    @AfterAll
    static void stopHosts() {
        if (manager != null) {
            manager.close();
        }
        if (h1 != null) {
            h1.close();
        }
        if (h2 != null) {
            h2.close();
        }
        SCHEDULER.shutdownNow();
    }

    @BeforeEach
    @AfterEach
    void cleanSwitches() throws InterruptedException {
        // the renderers of the previous test stop writing before the switches are emptied
        renderers.forEach(renderer -> renderer.setOwner(false));
        renderers.clear();
        Thread.sleep(200);
        for (var host : List.of(h1, h2)) {
            for (var bridge : host.vsctl("list-br").lines().filter(line -> !line.isBlank()).toList()) {
                host.vsctl("--if-exists", "del-br", bridge);
            }
        }
    }

    private static void await(final String what, final BooleanSupplier condition) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static OvsdbConnection connection(final LabHost host) throws InterruptedException {
        await("session to " + host.id(), () -> manager.connectionBySystemId(host.id())
            .filter(c -> c.isConnected() && c.replicaReady().isDone()).isPresent());
        return manager.connectionBySystemId(host.id()).orElseThrow();
    }

    /** Both hosts map public -> br-ex; h1 also physnet1 -> br-vlan with a VLAN 100 port exposed there. */
    private static TestIntents intents(final String uplink, final boolean tunnels) {
        final var intents = new TestIntents().flat("public", "public").vlan("ext100", "physnet1", 100)
            .hostWith(host(h1.id(), null, "public", "br-ex", "physnet1", "br-vlan"))
            .hostWith(host(h2.id(), uplink, "public", "br-ex"))
            .providerPort("vm1", "ext100", h1.id(), "fa:16:3e:00:00:01", "203.0.113.10")
            .bgp(false);
        if (tunnels) {
            intents.endpoint(h1.id(), TunnelType.Vxlan, "192.0.2.1").endpoint(h2.id(), TunnelType.Vxlan, "192.0.2.2");
        }
        return intents;
    }

    private static org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.host.list.Host
            host(final String id, final String uplink, final String... mappings) {
        final var list = new ArrayList<org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121
            .host.list.host.BridgeMapping>();
        for (int i = 0; i < mappings.length; i += 2) {
            list.add(new BridgeMappingBuilder().setPhysicalNetwork(new PhysicalNetwork(mappings[i]))
                .setBridge(new DeviceName(mappings[i + 1]))
                .setUplinkInterface(uplink == null ? null : new DeviceName(uplink)).build());
        }
        return new HostBuilder().setHostId(new HostId(id)).setDatapathType(DatapathType.Netdev)
            .setBridgeMapping(BindingMap.ordered(list)).build();
    }

    private static Map<String, Host> plan(final TestIntents intents) {
        final var snapshot = intents.build();
        final var rejected = Validator.validate(snapshot);
        assertEquals(Map.of(), rejected);
        final var result = Planner.plan(snapshot, rejected);
        final var hosts = new java.util.HashMap<String, Host>();
        result.hosts().forEach((id, hostPlan) -> hosts.put(id, PlanBinding.toBinding(hostPlan)));
        return hosts;
    }

    private HostRenderer renderer(final LabHost host, final Host plan) throws InterruptedException {
        final var renderer = new HostRenderer(host.id(), sink, List.of(CONTROLLER), SCHEDULER, SCHEDULER,
            new HostRenderer.Timing(100, 2_000, 300));
        renderer.setConnection(connection(host));
        renderer.setOwner(true);
        renderer.setPlan(true, plan);
        renderers.add(renderer);
        return renderer;
    }

    /** Waits for a report of the given plan (digest; null: no plan) made after the given number of reports. */
    private HostRenderer.Report awaitReport(final int after, final Host plan) throws InterruptedException {
        final var digest = plan == null ? null : plan.getDigest();
        await("report of " + digest, () -> reports.stream().skip(after)
            .anyMatch(r -> java.util.Objects.equals(digest, r.digest())));
        return reports.stream().skip(after).filter(r -> java.util.Objects.equals(digest, r.digest()))
            .reduce((a, b) -> b).orElseThrow();
    }

    private static void awaitReplica(final LabHost host, final String port) throws InterruptedException {
        await(port + " in the replica of " + host.id(),
            () -> manager.connectionBySystemId(host.id()).flatMap(c -> c.replica().port(port)).isPresent());
    }

    @Test
    void seedScenarioBuildsBridgesPatchVlanAndTunnelPorts() throws Exception {
        final var plans = plan(intents(null, true));
        final var r1 = renderer(h1, plans.get(h1.id()));
        awaitReport(0, plans.get(h1.id()));
        final int before = reports.size();
        renderer(h2, plans.get(h2.id()));
        awaitReport(before, plans.get(h2.id()));

        for (var bridge : List.of("br-int", "br-ex", "br-vlan")) {
            assertEquals("netdev", h1.vsctl("get", "bridge", bridge, "datapath_type"));
            assertEquals("\"true\"", h1.vsctl("get", "bridge", bridge, "other_config:disable-in-band"));
            assertEquals(DesiredSwitch.datapathId(h1.id(), bridge),
                h1.vsctl("get", "bridge", bridge, "other_config:datapath-id").replace("\"", ""));
        }
        // only the integration bridge is the controller's; provider bridges switch on their own
        assertEquals("secure", h1.vsctl("get", "bridge", "br-int", "fail_mode"));
        assertEquals("[OpenFlow13]", h1.vsctl("get", "bridge", "br-int", "protocols"));
        assertEquals(CONTROLLER, h1.vsctl("get-controller", "br-int"));
        for (var bridge : List.of("br-ex", "br-vlan")) {
            assertEquals("standalone", h1.vsctl("get", "bridge", bridge, "fail_mode"));
            assertEquals("", h1.vsctl("get-controller", bridge));
        }
        assertTrue(r1.hostId().equals(h1.id()));
        assertEquals("patch", h1.vsctl("get", "interface", "int-br-ex", "type"));
        assertEquals("phy-br-ex", h1.vsctl("get", "interface", "int-br-ex", "options:peer"));
        assertEquals("br-ex", h1.vsctl("port-to-br", "phy-br-ex"));
        assertEquals("br-int", h1.vsctl("port-to-br", "int-br-vlan"));
        // the VLAN device of the exposed VLAN network: an internal port tagged 100, a kernel device in the netns
        assertEquals("100", h1.vsctl("get", "port", "br-vlan.100", "tag"));
        assertEquals("internal", h1.vsctl("get", "interface", "br-vlan.100", "type"));
        assertTrue(h1.exec("ip", "link", "show", "br-vlan.100").contains("br-vlan.100"));
        // a tunnel port toward each other
        final var t12 = Names.tunnelPort("vxlan", h2.id());
        final var t21 = Names.tunnelPort("vxlan", h1.id());
        assertEquals("vxlan", h1.vsctl("get", "interface", t12, "type"));
        assertEquals("{key=flow, local_ip=\"192.0.2.1\", remote_ip=\"192.0.2.2\"}",
            h1.vsctl("get", "interface", t12, "options"));
        assertEquals("{key=flow, local_ip=\"192.0.2.2\", remote_ip=\"192.0.2.1\"}",
            h2.vsctl("get", "interface", t21, "options"));
        assertEquals("owned", h1.vsctl("get", "interface", t12, "external_ids:odl-wiring").replace("\"", ""));

        final var last = reports.get(reports.size() - 1);
        assertEquals(plans.get(h2.id()).getDigest(), last.digest());
        assertEquals(Map.of(), last.failedIntents());
        assertEquals(IntentState.Programmed, last.state());
        assertTrue(last.connected());
    }

    @Test
    void reapplyingAConvergedSwitchSendsNothing() throws Exception {
        final var plans = plan(intents(null, true));
        final var r1 = renderer(h1, plans.get(h1.id()));
        awaitReport(0, plans.get(h1.id()));
        awaitReplica(h1, Names.tunnelPort("vxlan", h2.id()));
        final int before = transactions.get();
        r1.reconcile();
        r1.resync();
        Thread.sleep(1_000);
        assertEquals(before, transactions.get(), "a converged switch needs no transaction");
    }

    @Test
    void removingIntentsRemovesOnlyOwnedObjects() throws Exception {
        final var first = plan(intents(null, true)).get(h1.id());
        final var r1 = renderer(h1, first);
        awaitReport(0, first);
        awaitReplica(h1, Names.tunnelPort("vxlan", h2.id()));
        h1.vsctl("add-br", "br-user", "--", "set", "bridge", "br-user", "datapath_type=netdev");
        h1.vsctl("add-port", "br-int", "tap-user", "--", "set", "interface", "tap-user", "type=internal");
        h1.vsctl("add-port", "br-ex", "eth-user", "--", "set", "interface", "eth-user", "type=internal");
        awaitReplica(h1, "tap-user");
        awaitReplica(h1, "eth-user");

        final var second = plan(intents(null, false)).get(h1.id());
        int before = reports.size();
        r1.setPlan(true, second);
        awaitReport(before, second);
        final var ports = h1.vsctl("list-ports", "br-int");
        assertTrue(!ports.contains(Names.tunnelPort("vxlan", h2.id())), ports);
        assertTrue(ports.contains("tap-user"), ports);

        // nothing planned for the host (the plan has an epoch): every owned object goes, except a bridge that
        // carries someone else's port
        before = reports.size();
        r1.setPlan(true, null);
        awaitReport(before, null);
        final var bridges = h1.vsctl("list-br");
        assertTrue(bridges.contains("br-user"), bridges);
        assertTrue(bridges.contains("br-int"), "br-int carries tap-user: " + bridges);
        assertTrue(bridges.contains("br-ex"), "br-ex carries eth-user: " + bridges);
        assertTrue(!bridges.contains("br-vlan"), bridges);
        assertEquals("tap-user", h1.vsctl("list-ports", "br-int"));
        assertEquals("eth-user", h1.vsctl("list-ports", "br-ex"));
    }

    @Test
    void ovsdbRestartConvergesWithoutRecreating() throws Exception {
        final var plans = plan(intents(null, true));
        final var r1 = renderer(h1, plans.get(h1.id()));
        awaitReport(0, plans.get(h1.id()));
        awaitReplica(h1, Names.tunnelPort("vxlan", h2.id()));
        final var uuid = h1.vsctl("get", "bridge", "br-int", "_uuid");
        final var old = connection(h1);
        h1.restartOvsdb();
        await("reconnect", () -> manager.connectionBySystemId(h1.id())
            .filter(c -> c != old && c.isConnected() && c.replicaReady().isDone()).isPresent());
        final int before = transactions.get();
        final int reported = reports.size();
        r1.setConnection(connection(h1));
        awaitReport(reported, plans.get(h1.id()));
        assertEquals(before, transactions.get(), "nothing to redo after a restart");
        assertEquals(uuid, h1.vsctl("get", "bridge", "br-int", "_uuid"));
    }

    @Test
    void failuresAreReportedWithTheOvsdbErrorAndDoNotBlockTheRest() throws Exception {
        // someone else's interface already has the name of a port we need, on a bridge of theirs
        h2.vsctl("add-br", "br-user", "--", "set", "bridge", "br-user", "datapath_type=netdev");
        h2.vsctl("--", "--id=@i", "create", "interface", "name=int-br-ex", "type=internal",
            "--", "--id=@p", "create", "port", "name=p-user", "interfaces=@i",
            "--", "add", "bridge", "br-user", "ports", "@p");
        awaitReplica(h2, "p-user");
        final var plans = plan(intents("eth-missing", true));
        final var r2 = renderer(h2, plans.get(h2.id()));
        await("failure reported", () -> reports.stream().anyMatch(r -> r.failedIntents()
            .containsKey("provider-host/" + h2.id())));

        var report = reports.stream().filter(r -> r.failedIntents().containsKey("provider-host/" + h2.id()))
            .reduce((a, b) -> b).orElseThrow();
        assertEquals(IntentState.Failed, report.state());
        final var reason = report.failedIntents().get("provider-host/" + h2.id());
        assertNotNull(reason, report.toString());
        // ovs-vswitchd may already have flagged the missing uplink too; each failing object is listed
        assertTrue(java.util.Arrays.stream(reason.split("; ")).anyMatch(part -> part.startsWith("port:int-br-ex: ")
            && part.contains("constraint violation")), reason);
        // the rest of the host is programmed
        assertEquals("vxlan", h2.vsctl("get", "interface", Names.tunnelPort("vxlan", h1.id()), "type"));

        // ovs-vswitchd's own complaint about a missing uplink is reported too
        await("interface error of eth-missing", () -> !h2.vsctl("get", "interface", "eth-missing", "error")
            .equals("[]"));
        await("replica sees the error", () -> manager.connectionBySystemId(h2.id())
            .flatMap(c -> c.replica().interfaceNamed("eth-missing")).flatMap(i -> i.error()).isPresent());
        r2.reconcile();
        await("eth-missing reported", () -> reports.stream().anyMatch(rep -> rep.failedIntents().values().stream()
            .anyMatch(r -> r.contains("port:eth-missing: ") && r.contains("eth-missing"))));
    }
}
