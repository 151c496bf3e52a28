/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.ovsdb.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.wiring.ovsdb.data.NamedUuid;
import org.opendaylight.wiring.ovsdb.data.Uuid;
import org.opendaylight.wiring.ovsdb.replica.BridgeInfo;
import org.opendaylight.wiring.ovsdb.replica.InterfaceInfo;
import org.opendaylight.wiring.ovsdb.replica.OvsdbReplica;
import org.opendaylight.wiring.ovsdb.replica.PortInfo;
import org.opendaylight.wiring.ovsdb.transact.Condition;
import org.opendaylight.wiring.ovsdb.transact.Transaction;
import org.opendaylight.wiring.renderer.ovsdb.desired.DesiredSwitch;

/**
 * Computes the one OVSDB transaction that turns a host's switch, as its replica shows it, into the desired switch.
 * A pure function of (desired switch, replica, excluded objects). The ownership rules:
 * <ul>
 *   <li>ODL Wiring modifies or deletes only rows marked {@code external_ids:odl-wiring=owned} (bridges, ports,
 *       interfaces and controllers it created);</li>
 *   <li>a provider bridge that exists without the mark is an operator's bridge: its row (fail_mode, datapath,
 *       controllers, protocols, other_config, external_ids) is never written; only our own marked ports are added
 *       to and removed from it;</li>
 *   <li>an integration bridge that exists without the mark is left alone entirely and reported, with the command
 *       that hands it over ({@link #foreignIntegrationBridge(String)});</li>
 *   <li>bridges ODL Wiring creates: the integration bridge gets fail_mode secure and the OpenFlow controllers;
 *       provider bridges get fail_mode standalone and no controller, so they keep switching without ODL;</li>
 *   <li>a foreign port is never removed, and an owned bridge that carries foreign ports is never deleted.</li>
 * </ul>
 * When nothing differs the transaction is empty, which is what makes re-applying after a reconnect or restart free.
 */
public final class SwitchReconciler {
    private static final String BRIDGE = "Bridge";
    private static final String PORT = "Port";
    private static final String INTERFACE = "Interface";
    private static final String CONTROLLER = "Controller";
    /**
     * The integration bridge's inactivity probe towards ODL (OVS's default is 5 s). A controller busy with a large
     * change (10000 ports: 50000 flows per switch and their statistics) can miss a 5 s probe; the switch then drops
     * the connection and the forwarding-rules manager replays every flow on the reconnect, adding to the load
     * (docs/benchmarks.md). openflowplugin checks the switch on its own (echo after 15 s idle).
     */
    static final long CONTROLLER_INACTIVITY_PROBE_MILLIS = 30_000;
    private static final String OPEN_VSWITCH = "Open_vSwitch";
    private static final Map<String, String> MARK = Map.of(DesiredSwitch.OWNER_KEY, DesiredSwitch.OWNER_VALUE);
    private static final List<String> PROTOCOLS = List.of("OpenFlow13");

    /**
     * The result of a reconciliation.
     *
     * @param transaction operations to send; empty when the switch is as desired
     * @param objectOfOperation per operation index, the desired object it is for ("bridge:X", "port:Y")
     * @param conflicts desired objects that cannot be applied without touching foreign objects, with the reason
     */
    public record Result(Transaction transaction, List<String> objectOfOperation, Map<String, String> conflicts) {
        public boolean isEmpty() {
            return transaction.size() == 0;
        }
    }

    private final DesiredSwitch desired;
    private final OvsdbReplica replica;
    private final Set<String> excluded;
    private final Transaction tx = Transaction.create();
    private final List<String> owners = new ArrayList<>();
    private final Map<String, String> conflicts = new TreeMap<>();
    private final Map<String, Object> bridgeRefs = new HashMap<>();
    private final Set<String> handsOff = new HashSet<>();
    private int names;

    private SwitchReconciler(final DesiredSwitch desired, final OvsdbReplica replica, final Set<String> excluded) {
        this.desired = desired;
        this.replica = replica;
        this.excluded = excluded;
    }

    /**
     * Reconcile.
     *
     * @param desired what the host should have
     * @param replica what it has
     * @param excluded desired objects to leave out (they failed before)
     * @return the transaction and bookkeeping
     */
    public static Result reconcile(final DesiredSwitch desired, final OvsdbReplica replica,
            final Set<String> excluded) {
        final var reconciler = new SwitchReconciler(desired, replica, excluded);
        reconciler.run();
        return new Result(reconciler.tx, java.util.Collections.unmodifiableList(new ArrayList<>(reconciler.owners)),
            Map.copyOf(reconciler.conflicts));
    }

    /**
     * Whether an OVSDB object carries ODL Wiring's ownership mark.
     *
     * @param externalIds its external_ids
     * @return true if owned
     */
    public static boolean owned(final Map<String, String> externalIds) {
        return DesiredSwitch.OWNER_VALUE.equals(externalIds.get(DesiredSwitch.OWNER_KEY));
    }

    /**
     * The reason reported for an integration bridge that exists but was not created by ODL Wiring.
     *
     * @param name the bridge name
     * @return the reason, naming the bridge and the command that hands it over
     */
    public static String foreignIntegrationBridge(final String name) {
        return "bridge " + name + " exists and was not created by ODL Wiring; it is left untouched (no controller, "
            + "fail mode or port is changed). To let ODL Wiring manage it as the integration bridge: ovs-vsctl set "
            + "Bridge " + name + " external_ids:" + DesiredSwitch.OWNER_KEY + "=" + DesiredSwitch.OWNER_VALUE;
    }

    private void own(final String object) {
        while (owners.size() < tx.size()) {
            owners.add(object);
        }
    }

    private NamedUuid newName(final String prefix) {
        return NamedUuid.of(prefix + names++);
    }

    private void run() {
        // monitored rows do not carry _uuid as a column: the replica keys them by it
        final Optional<Uuid> root = replica.rows(OPEN_VSWITCH).keySet().stream().findFirst();
        if (root.isEmpty()) {
            return;
        }
        final Set<String> deletedBridges = new HashSet<>();
        // bridges
        for (var bridge : desired.bridges().values()) {
            final var object = "bridge:" + bridge.name();
            if (excluded.contains(object)) {
                continue;
            }
            final var found = replica.bridge(bridge.name());
            if (found.isEmpty()) {
                insertBridge(root.orElseThrow(), bridge);
                own(object);
                continue;
            }
            final var existing = found.orElseThrow();
            if (owned(existing.externalIds())) {
                bridgeRefs.put(bridge.name(), existing.uuid());
                updateOwnedBridge(existing, bridge);
                own(object);
            } else if (bridge.integration()) {
                // someone else's bridge under the integration bridge's name: hands off, and say how to hand it over
                conflicts.put(object, foreignIntegrationBridge(bridge.name()));
                handsOff.add(bridge.name());
            } else {
                // an operator's provider bridge (br-ex made by the installer): only our own ports go on it
                bridgeRefs.put(bridge.name(), existing.uuid());
            }
        }
        for (var existing : replica.bridges()) {
            if (!desired.bridges().containsKey(existing.name()) && owned(existing.externalIds())
                    && !carriesForeignPorts(existing)) {
                tx.mutate(OPEN_VSWITCH).deleteFrom("bridges", List.of(existing.uuid()))
                    .where(Condition.uuidIs(root.orElseThrow()));
                own("bridge:" + existing.name());
                deletedBridges.add(existing.name());
            }
        }
        // ports
        for (var port : desired.ports().values()) {
            final var object = "port:" + port.name();
            if (excluded.contains(object) || excluded.contains("bridge:" + port.bridge())) {
                continue;
            }
            if (handsOff.contains(port.bridge())) {
                conflicts.put(object, "bridge " + port.bridge() + " is not managed by ODL Wiring; port not added");
                continue;
            }
            reconcilePort(port, object);
            own(object);
        }
        for (var existing : replica.ports()) {
            if (desired.ports().containsKey(existing.name()) || desired.isBridgeLocalPort(existing.name())
                    || !owned(existing.externalIds())) {
                continue;
            }
            final var bridge = replica.bridgeOf(existing);
            if (bridge.isPresent() && !deletedBridges.contains(bridge.orElseThrow().name())
                    && !handsOff.contains(bridge.orElseThrow().name())) {
                tx.mutate(BRIDGE).deleteFrom("ports", List.of(existing.uuid()))
                    .where(Condition.uuidIs(bridge.orElseThrow().uuid()));
                own("port:" + existing.name());
            }
        }
        if (tx.size() > 0) {
            tx.comment("odl-wiring: reconcile " + replica.systemId().orElse("?"));
            own(null);
        }
    }

    /** A bridge we created but someone else attached ports to (VM taps, say) stays; only our ports leave it. */
    private boolean carriesForeignPorts(final BridgeInfo bridge) {
        return replica.portsOf(bridge).stream()
            .anyMatch(port -> !owned(port.externalIds()) && !port.name().equals(bridge.name()));
    }

    private void insertBridge(final Uuid root, final DesiredSwitch.Bridge bridge) {
        final var localIface = newName("iface");
        tx.insert(INTERFACE, localIface.name()).value("name", bridge.name()).value("type", "internal")
            .value("external_ids", MARK);
        final var localPort = newName("port");
        tx.insert(PORT, localPort.name()).value("name", bridge.name()).value("interfaces", List.of(localIface))
            .value("external_ids", MARK);
        final var name = newName("bridge");
        final var insert = tx.insert(BRIDGE, name.name()).value("name", bridge.name())
            .value("datapath_type", bridge.datapathType())
            .value("fail_mode", failMode(bridge))
            .value("other_config", bridge.otherConfig())
            .value("ports", List.of(localPort))
            .value("external_ids", MARK);
        if (bridge.integration()) {
            insert.value("protocols", PROTOCOLS).value("controller", insertControllers(bridge.controllers()));
        }
        tx.mutate(OPEN_VSWITCH).insertInto("bridges", List.of(name))
            .where(Condition.uuidIs(root));
        bridgeRefs.put(bridge.name(), name);
    }

    /** The integration bridge is the controller's (secure); provider bridges switch on their own (standalone). */
    private static String failMode(final DesiredSwitch.Bridge bridge) {
        return bridge.integration() ? "secure" : "standalone";
    }

    private List<NamedUuid> insertControllers(final List<String> targets) {
        final List<NamedUuid> refs = new ArrayList<>();
        for (var target : targets) {
            final var ref = newName("ctl");
            tx.insert(CONTROLLER, ref.name()).value("target", target).value("connection_mode", "out-of-band")
                .value("inactivity_probe", CONTROLLER_INACTIVITY_PROBE_MILLIS).value("external_ids", MARK);
            refs.add(ref);
        }
        return refs;
    }

    /** A bridge we created: its settings are ours to keep right. */
    private void updateOwnedBridge(final BridgeInfo existing, final DesiredSwitch.Bridge bridge) {
        final Map<String, Object> changes = new LinkedHashMap<>();
        if (!bridge.datapathType().equals(existing.datapathType())) {
            changes.put("datapath_type", bridge.datapathType());
        }
        final var failMode = failMode(bridge);
        if (!existing.failMode().equals(Optional.of(failMode))) {
            changes.put("fail_mode", failMode);
        }
        if (bridge.integration() && !existing.protocols().equals(PROTOCOLS)) {
            changes.put("protocols", PROTOCOLS);
        }
        final var otherConfig = new TreeMap<>(existing.otherConfig());
        otherConfig.putAll(bridge.otherConfig());
        if (!otherConfig.equals(new TreeMap<>(existing.otherConfig()))) {
            changes.put("other_config", otherConfig);
        }
        final var controllers = replica.controllersOf(existing);
        final var targets = controllers.stream().map(c -> c.target()).sorted().toList();
        if (!targets.equals(bridge.controllers().stream().sorted().toList())) {
            changes.put("controller", insertControllers(bridge.controllers()));
        } else {
            // in place: a new Controller row would make the switch reconnect
            final var probe = Optional.of(CONTROLLER_INACTIVITY_PROBE_MILLIS);
            controllers.stream().filter(c -> !c.inactivityProbe().equals(probe))
                .forEach(c -> tx.update(CONTROLLER).value("inactivity_probe", CONTROLLER_INACTIVITY_PROBE_MILLIS)
                    .where(Condition.uuidIs(c.uuid())));
        }
        if (!changes.isEmpty()) {
            final var update = tx.update(BRIDGE);
            changes.forEach(update::value);
            update.where(Condition.uuidIs(existing.uuid()));
        }
    }

    private void reconcilePort(final DesiredSwitch.Port port, final String object) {
        final var existing = replica.port(port.name());
        final Object bridgeRef = bridgeRefs.get(port.bridge());
        if (bridgeRef == null) {
            return;
        }
        if (existing.isEmpty()) {
            insertPort(port, bridgeRef);
            return;
        }
        final var current = existing.orElseThrow();
        final var currentBridge = replica.bridgeOf(current).map(BridgeInfo::name).orElse(null);
        if (!owned(current.externalIds())) {
            if (!port.bridge().equals(currentBridge)) {
                conflicts.put(object, "port " + port.name() + " exists on bridge " + currentBridge
                    + " and is not owned by ODL Wiring");
            }
            // a user's own port of the wanted name on the wanted bridge (an uplink added by hand) is fine as is
            return;
        }
        if (!port.bridge().equals(currentBridge)) {
            // moved between bridges: the old row goes away when no bridge references it any more
            replica.bridgeOf(current).ifPresent(old -> tx.mutate(BRIDGE).deleteFrom("ports", List.of(current.uuid()))
                .where(Condition.uuidIs(old.uuid())));
            insertPort(port, bridgeRef);
            return;
        }
        updatePort(port, current);
    }

    private void insertPort(final DesiredSwitch.Port port, final Object bridgeRef) {
        final var iface = newName("iface");
        final var insertIface = tx.insert(INTERFACE, iface.name()).value("name", port.name())
            .value("external_ids", MARK);
        if (!port.type().isEmpty()) {
            insertIface.value("type", port.type());
        }
        if (!port.options().isEmpty()) {
            insertIface.value("options", port.options());
        }
        final var portRef = newName("port");
        final var insertPort = tx.insert(PORT, portRef.name()).value("name", port.name())
            .value("interfaces", List.of(iface)).value("external_ids", MARK);
        if (port.tag() != null) {
            insertPort.value("tag", port.tag());
        }
        final var mutate = tx.mutate(BRIDGE).insertInto("ports", List.of(portRef));
        if (bridgeRef instanceof Uuid uuid) {
            mutate.where(Condition.uuidIs(uuid));
        } else {
            // a bridge inserted in this transaction: address it by name
            mutate.where(Condition.equalTo("name", port.bridge()));
        }
    }

    private void updatePort(final DesiredSwitch.Port port, final PortInfo current) {
        final var wantTag = Optional.ofNullable(port.tag());
        if (!wantTag.equals(current.tag())) {
            tx.update(PORT).value("tag", wantTag.map(List::of).orElse(List.of()))
                .where(Condition.uuidIs(current.uuid()));
        }
        final @Nullable InterfaceInfo iface = replica.interfacesOf(current).stream()
            .filter(i -> i.name().equals(port.name())).findFirst().orElse(null);
        if (iface == null) {
            return;
        }
        final Map<String, Object> changes = new LinkedHashMap<>();
        if (!port.type().equals(iface.type()) && !(port.type().isEmpty() && "system".equals(iface.type()))) {
            changes.put("type", port.type());
        }
        if (!port.options().equals(iface.options())) {
            changes.put("options", port.options());
        }
        if (!changes.isEmpty()) {
            final var update = tx.update(INTERFACE);
            changes.forEach(update::value);
            update.where(Condition.uuidIs(iface.uuid()));
        }
    }
}
