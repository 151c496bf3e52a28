/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.ovsdb.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opendaylight.wiring.ovsdb.replica.BridgeInfo;
import org.opendaylight.wiring.ovsdb.replica.OvsdbReplica;
import org.opendaylight.wiring.ovsdb.transact.Operation;
import org.opendaylight.wiring.renderer.ovsdb.desired.DesiredSwitch;
import org.opendaylight.wiring.renderer.ovsdb.testing.FakeSwitch;

/**
 * {@link SwitchReconciler} is pure: desired switch + replica -> transaction. Each case starts from a switch state,
 * reconciles, applies the transaction to an in-memory Open_vSwitch database ({@link FakeSwitch}) and checks the
 * result, then checks that a second pass sends nothing.
 */
class SwitchReconcilerTest {
    private static final String HOST = "h1";
    private static final String CONTROLLER = "tcp:127.0.0.1:6653";
    private static final String TUNNEL = "vxlan-0a0b0c0d";

    /** What the plan of h1 asks for: br-int, provider br-ex with uplink eth1, the patch pair and a tunnel. */
    static DesiredSwitch desired(final String remoteIp) {
        final var intents = new TreeSet<>(Set.of("provider-host/h1"));
        return new DesiredSwitch(Map.of(
            "br-int", new DesiredSwitch.Bridge("br-int", true, "netdev", DesiredSwitch.datapathId(HOST, "br-int"),
                List.of(CONTROLLER), intents),
            "br-ex", new DesiredSwitch.Bridge("br-ex", false, "netdev", DesiredSwitch.datapathId(HOST, "br-ex"),
                List.of(), intents)),
            Map.of(
                "int-br-ex", new DesiredSwitch.Port("int-br-ex", "br-int", "patch", Map.of("peer", "phy-br-ex"), null,
                    intents),
                "phy-br-ex", new DesiredSwitch.Port("phy-br-ex", "br-ex", "patch", Map.of("peer", "int-br-ex"), null,
                    intents),
                "eth1", new DesiredSwitch.Port("eth1", "br-ex", "", Map.of(), null, intents),
                TUNNEL, new DesiredSwitch.Port(TUNNEL, "br-int", "vxlan", Map.of("local_ip", "192.0.2.1",
                    "remote_ip", remoteIp, "key", "flow"), null, new TreeSet<>(Set.of("tunnel-endpoint/h1")))));
    }

    static final DesiredSwitch PLAN = desired("192.0.2.2");

    /** The state the renderer leaves on a fresh switch for PLAN. */
    static FakeSwitch converged() {
        final var sw = new FakeSwitch(HOST);
        sw.apply(SwitchReconciler.reconcile(PLAN, sw.replica(), Set.of()).transaction());
        return sw;
    }

    /** An installer's br-ex: standalone, its own controller, settings and uplink port. */
    static FakeSwitch operatorBridge() {
        final var sw = new FakeSwitch(HOST);
        sw.bridge("br-ex", false, "standalone", "system", Map.of("hwaddr", "02:00:00:00:00:01"))
            .set("br-ex", "protocols", List.of("OpenFlow10", "OpenFlow13"))
            .set("br-ex", "external_ids", Map.of("installer", "yes"))
            .controller("br-ex", "tcp:10.0.0.9:6653", false)
            .port("br-ex", "eth-op", "", Map.of(), false);
        return sw;
    }

    record Case(String name, Supplier<FakeSwitch> initial, DesiredSwitch desired,
            Consumer<Outcome> check) {
        // a row of the table
    }

    record Outcome(OvsdbReplica before, OvsdbReplica after, SwitchReconciler.Result result) {
        List<String> operations() {
            return result.transaction().operations().stream().map(Operation::describe).toList();
        }
    }

    private static BridgeInfo withoutPorts(final BridgeInfo bridge) {
        return new BridgeInfo(bridge.uuid(), bridge.name(), bridge.datapathId(), bridge.datapathType(),
            bridge.failMode(), bridge.protocols(), bridge.externalIds(), bridge.otherConfig(), bridge.controllers(),
            List.of());
    }

    private static Set<String> portNames(final OvsdbReplica replica, final String bridge) {
        return replica.bridge(bridge).map(b -> replica.portsOf(b).stream().map(p -> p.name())
            .collect(java.util.stream.Collectors.toCollection(TreeSet::new))).orElseThrow();
    }

    private static boolean ownedPort(final OvsdbReplica replica, final String port) {
        return SwitchReconciler.owned(replica.port(port).orElseThrow().externalIds())
            && SwitchReconciler.owned(replica.interfaceNamed(port).orElseThrow().externalIds());
    }

    static Stream<Case> cases() {
        return Stream.of(
            new Case("create from scratch", () -> new FakeSwitch(HOST), PLAN, o -> {
                final var brInt = o.after().bridge("br-int").orElseThrow();
                assertEquals(Optional.of("secure"), brInt.failMode());
                assertEquals(List.of("OpenFlow13"), brInt.protocols());
                assertEquals(List.of(CONTROLLER), o.after().controllersOf(brInt).stream().map(c -> c.target())
                    .toList());
                assertEquals(List.of(Optional.of(SwitchReconciler.CONTROLLER_INACTIVITY_PROBE_MILLIS)),
                    o.after().controllersOf(brInt).stream().map(c -> c.inactivityProbe()).toList());
                assertEquals("netdev", brInt.datapathType());
                assertEquals(DesiredSwitch.datapathId(HOST, "br-int"), brInt.otherConfig().get("datapath-id"));
                assertTrue(SwitchReconciler.owned(brInt.externalIds()));
                final var brEx = o.after().bridge("br-ex").orElseThrow();
                assertEquals(Optional.of("standalone"), brEx.failMode(), "a provider bridge switches on its own");
                assertEquals(List.of(), brEx.controllers(), "never a controller on a provider bridge");
                assertTrue(SwitchReconciler.owned(brEx.externalIds()));
                assertEquals(Set.of("br-int", "int-br-ex", TUNNEL), portNames(o.after(), "br-int"));
                assertEquals(Set.of("br-ex", "phy-br-ex", "eth1"), portNames(o.after(), "br-ex"));
                for (var port : List.of("br-int", "br-ex", "int-br-ex", "phy-br-ex", "eth1", TUNNEL)) {
                    assertTrue(ownedPort(o.after(), port), port + " is marked");
                }
                assertEquals(Map.of("peer", "phy-br-ex"), o.after().interfaceNamed("int-br-ex").orElseThrow()
                    .options());
            }),
            new Case("our br-int's controller with OVS's default probe gets ours in place (no reconnect)", () -> {
                final var sw = new FakeSwitch(HOST);
                sw.bridge("br-int", true, "secure", "netdev", Map.of()).controller("br-int", CONTROLLER, true);
                return sw;
            }, PLAN, o -> {
                final var before = o.before().controllersOf(o.before().bridge("br-int").orElseThrow());
                final var after = o.after().controllersOf(o.after().bridge("br-int").orElseThrow());
                assertEquals(Optional.empty(), before.get(0).inactivityProbe());
                assertEquals(List.of(before.get(0).uuid()), after.stream().map(c -> c.uuid()).toList(),
                    "the same Controller row");
                assertEquals(Optional.of(SwitchReconciler.CONTROLLER_INACTIVITY_PROBE_MILLIS),
                    after.get(0).inactivityProbe());
            }),
            new Case("converged switch: no operation", SwitchReconcilerTest::converged, PLAN,
                o -> assertEquals(List.of(), o.operations())),
            new Case("foreign integration bridge is left untouched and reported", () -> {
                final var sw = new FakeSwitch(HOST);
                sw.bridge("br-int", false, "standalone", "netdev", Map.of())
                    .port("br-int", "tap-vm", "internal", Map.of(), false);
                return sw;
            }, PLAN, o -> {
                assertEquals(o.before().bridge("br-int"), o.after().bridge("br-int"), "br-int row unchanged");
                assertEquals(Set.of("br-int", "tap-vm"), portNames(o.after(), "br-int"));
                assertTrue(o.result().conflicts().get("bridge:br-int").contains(
                    "ovs-vsctl set Bridge br-int external_ids:odl-wiring=owned"), o.result().conflicts().toString());
                assertTrue(o.result().conflicts().containsKey("port:int-br-ex"));
                assertTrue(o.result().conflicts().containsKey("port:" + TUNNEL));
                // the provider bridge is still built
                assertEquals(Set.of("br-ex", "phy-br-ex", "eth1"), portNames(o.after(), "br-ex"));
            }),
            new Case("operator bridge: only our ports are added, no controller or fail mode change",
                SwitchReconcilerTest::operatorBridge, PLAN, o -> {
                    assertEquals(withoutPorts(o.before().bridge("br-ex").orElseThrow()),
                        withoutPorts(o.after().bridge("br-ex").orElseThrow()),
                        "fail_mode, datapath, controllers, protocols, other_config, external_ids unchanged");
                    assertEquals(List.of("tcp:10.0.0.9:6653"), o.after().controllersOf(
                        o.after().bridge("br-ex").orElseThrow()).stream().map(c -> c.target()).toList());
                    assertEquals(Set.of("br-ex", "eth-op", "phy-br-ex", "eth1"), portNames(o.after(), "br-ex"));
                    assertTrue(ownedPort(o.after(), "phy-br-ex"));
                    assertTrue(ownedPort(o.after(), "eth1"));
                    assertFalse(o.after().bridge("br-int").isEmpty());
                }),
            new Case("operator bridge, plan removed: our ports go, the bridge and its port stay", () -> {
                final var sw = operatorBridge();
                sw.apply(SwitchReconciler.reconcile(PLAN, sw.replica(), Set.of()).transaction());
                return sw;
            }, DesiredSwitch.EMPTY, o -> {
                assertEquals(withoutPorts(o.before().bridge("br-ex").orElseThrow()),
                    withoutPorts(o.after().bridge("br-ex").orElseThrow()));
                assertEquals(Set.of("br-ex", "eth-op"), portNames(o.after(), "br-ex"));
                assertTrue(o.after().bridge("br-int").isEmpty(), "our own br-int is deleted");
            }),
            new Case("stale owned port is removed", () -> converged().port("br-int", "vxlan-old", "vxlan",
                Map.of("remote_ip", "192.0.2.9"), true), PLAN, o -> {
                    assertEquals(List.of("mutate Bridge", "comment"), o.operations());
                    assertTrue(o.after().port("vxlan-old").isEmpty());
                    assertEquals(Set.of("br-int", "int-br-ex", TUNNEL), portNames(o.after(), "br-int"));
                }),
            new Case("foreign port is never removed", () -> converged().port("br-int", "tap-vm", "internal",
                Map.of(), false), PLAN, o -> {
                    assertEquals(List.of(), o.operations());
                    assertTrue(o.after().port("tap-vm").isPresent());
                }),
            new Case("foreign port on an owned bridge keeps the bridge when the plan goes", () -> converged()
                .port("br-int", "tap-vm", "internal", Map.of(), false), DesiredSwitch.EMPTY, o -> {
                    assertEquals(Set.of("tap-vm"), portNames(o.after(), "br-int"));
                    assertTrue(o.after().bridge("br-ex").isEmpty());
                }),
            new Case("tunnel options change: one update of the interface", SwitchReconcilerTest::converged,
                desired("192.0.2.3"), o -> {
                    assertEquals(List.of("update Interface", "comment"), o.operations());
                    assertEquals("192.0.2.3", o.after().interfaceNamed(TUNNEL).orElseThrow().options()
                        .get("remote_ip"));
                }),
            new Case("our own provider bridge made secure with a controller (older version) is set right", () -> {
                final var sw = converged();
                sw.set("br-ex", "fail_mode", "secure").controller("br-ex", CONTROLLER, true);
                return sw;
            }, PLAN, o -> {
                final var brEx = o.after().bridge("br-ex").orElseThrow();
                assertEquals(Optional.of("standalone"), brEx.failMode());
                assertEquals(List.of(), brEx.controllers());
            }));
    }

    @TestFactory
    Stream<DynamicTest> table() {
        return cases().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            final var sw = c.initial().get();
            final var before = sw.replica();
            final var result = SwitchReconciler.reconcile(c.desired(), before, Set.of());
            if (!result.isEmpty()) {
                sw.apply(result.transaction());
            }
            final var after = sw.replica();
            c.check().accept(new Outcome(before, after, result));
            final var second = SwitchReconciler.reconcile(c.desired(), after, Set.of());
            assertEquals(List.of(), second.transaction().operations().stream().map(Operation::describe).toList(),
                "second pass of '" + c.name() + "'");
        }));
    }

    @Test
    void excludedObjectIsLeftOut() {
        final var sw = new FakeSwitch(HOST);
        final var result = SwitchReconciler.reconcile(PLAN, sw.replica(), Set.of("port:eth1"));
        sw.apply(result.transaction());
        assertTrue(sw.replica().port("eth1").isEmpty());
        assertTrue(sw.replica().port("phy-br-ex").isPresent());
    }

    @Test
    void operatorBridgeGetsNoBridgeUpdateAtAll() {
        final var sw = operatorBridge();
        final var result = SwitchReconciler.reconcile(PLAN, sw.replica(), Set.of());
        final var brEx = sw.replica().bridge("br-ex").orElseThrow().uuid().toString();
        for (var op : result.transaction().operations()) {
            final var json = op.toJson();
            if (json.path("where").toString().contains(brEx)) {
                assertEquals("mutate", json.get("op").asText(), json.toString());
                assertEquals("ports", json.get("mutations").get(0).get(0).asText(), json.toString());
            }
        }
    }
}
