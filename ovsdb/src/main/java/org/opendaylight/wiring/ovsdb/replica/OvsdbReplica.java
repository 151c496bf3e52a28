/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.replica;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.wiring.ovsdb.OvsdbTables;
import org.opendaylight.wiring.ovsdb.data.Row;
import org.opendaylight.wiring.ovsdb.data.Uuid;
import org.opendaylight.wiring.ovsdb.monitor.RowUpdate;
import org.opendaylight.wiring.ovsdb.monitor.TableUpdates;

/**
 * An immutable snapshot of the monitored tables of one OVSDB connection: rows by UUID, per table.
 *
 * <p>Each {@code update} notification yields a new snapshot ({@link #applyUpdates(TableUpdates)}); a snapshot never
 * changes, so it can be read from any thread without locking, and typed views read from one snapshot are mutually
 * consistent. Only the monitored columns are present in rows (see {@code OvsdbConfig#setMonitoredColumns}).
 */
public final class OvsdbReplica {
    private static final OvsdbReplica EMPTY = new OvsdbReplica(Map.of());

    private final Map<String, Map<Uuid, Row>> tables;
    // derived from the immutable tables on first use: a switch with thousands of ports asks for the bridge of every
    // port, and parsing every bridge's port set each time made that quadratic
    private volatile List<BridgeInfo> bridges;
    private volatile Map<Uuid, BridgeInfo> bridgeByPort;

    private OvsdbReplica(final Map<String, Map<Uuid, Row>> tables) {
        this.tables = tables;
    }

    /**
     * Returns a replica without rows.
     *
     * @return the empty replica
     */
    public static OvsdbReplica empty() {
        return EMPTY;
    }

    /**
     * Applies table updates (initial contents or an {@code update} notification) and returns the resulting change.
     *
     * @param updates the updates
     * @return the change, whose {@link ReplicaChange#after()} is the new snapshot
     */
    public ReplicaChange applyUpdates(final TableUpdates updates) {
        final Map<String, Map<Uuid, Row>> newTables = new LinkedHashMap<>(tables);
        final List<RowChange> changes = new ArrayList<>();
        for (Map.Entry<String, Map<Uuid, RowUpdate>> tableEntry : updates.tables().entrySet()) {
            final String table = tableEntry.getKey();
            final Map<Uuid, Row> rows = new LinkedHashMap<>(tables.getOrDefault(table, Map.of()));
            for (RowUpdate update : tableEntry.getValue().values()) {
                final Row previous = rows.get(update.uuid());
                if (update.newRow().isPresent()) {
                    // RFC 7047: "new" holds every monitored column; overlaying also copes with partial rows
                    final Row next = previous == null ? update.newRow().orElseThrow()
                        : previous.overlay(update.newRow().orElseThrow());
                    rows.put(update.uuid(), next);
                    if (previous == null) {
                        changes.add(new RowChange(table, update.uuid(), RowChange.Kind.INSERT, Optional.empty(),
                            Optional.of(next)));
                    } else if (!previous.equals(next)) {
                        changes.add(new RowChange(table, update.uuid(), RowChange.Kind.MODIFY, Optional.of(previous),
                            Optional.of(next)));
                    }
                } else if (previous != null) {
                    rows.remove(update.uuid());
                    changes.add(new RowChange(table, update.uuid(), RowChange.Kind.DELETE, Optional.of(previous),
                        Optional.empty()));
                }
            }
            newTables.put(table, Collections.unmodifiableMap(rows));
        }
        return new ReplicaChange(this, changes.isEmpty() ? this
            : new OvsdbReplica(Collections.unmodifiableMap(newTables)), changes);
    }

    /**
     * Returns all tables.
     *
     * @return table name to row UUID to row
     */
    public Map<String, Map<Uuid, Row>> tables() {
        return tables;
    }

    /**
     * Returns the rows of a table.
     *
     * @param table the table name
     * @return row UUID to row, empty if the table is not monitored or empty
     */
    public Map<Uuid, Row> rows(final String table) {
        return tables.getOrDefault(table, Map.of());
    }

    /**
     * Returns one row.
     *
     * @param table the table name
     * @param uuid the row UUID
     * @return the row, if present
     */
    public Optional<Row> row(final String table, final Uuid uuid) {
        return Optional.ofNullable(rows(table).get(uuid));
    }

    /**
     * Returns the single row of the {@code Open_vSwitch} table.
     *
     * @return the row, if present
     */
    public Optional<Row> openVSwitch() {
        return rows(OvsdbTables.OPEN_VSWITCH).values().stream().findFirst();
    }

    /**
     * Returns the system id: {@code external_ids:system-id} of the {@code Open_vSwitch} row, which identifies the
     * host (chassis) across reconnections.
     *
     * @return the system id, if set
     */
    public Optional<String> systemId() {
        return openVSwitch().map(row -> row.stringMap(OvsdbTables.EXTERNAL_IDS).get("system-id"));
    }

    /**
     * Returns the Open vSwitch version ({@code ovs_version} of the {@code Open_vSwitch} row).
     *
     * @return the version, if set
     */
    public Optional<String> ovsVersion() {
        return openVSwitch().flatMap(row -> row.optionalString("ovs_version"));
    }

    /**
     * Returns the bridges, sorted by name.
     *
     * @return the bridges
     */
    public List<BridgeInfo> bridges() {
        var result = bridges;
        if (result == null) {
            result = rows(OvsdbTables.BRIDGE).entrySet().stream()
                .map(entry -> BridgeInfo.from(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(BridgeInfo::name)).toList();
            bridges = result;
        }
        return result;
    }

    /**
     * Looks up a bridge by name.
     *
     * @param name the bridge name
     * @return the bridge, if present
     */
    public Optional<BridgeInfo> bridge(final String name) {
        return bridges().stream().filter(bridge -> bridge.name().equals(name)).findFirst();
    }

    /**
     * Returns the ports, sorted by name.
     *
     * @return the ports
     */
    public List<PortInfo> ports() {
        return rows(OvsdbTables.PORT).entrySet().stream()
            .map(entry -> PortInfo.from(entry.getKey(), entry.getValue()))
            .sorted(Comparator.comparing(PortInfo::name)).toList();
    }

    /**
     * Looks up a port by name.
     *
     * @param name the port name
     * @return the port, if present
     */
    public Optional<PortInfo> port(final String name) {
        return ports().stream().filter(port -> port.name().equals(name)).findFirst();
    }

    /**
     * Returns the ports of a bridge.
     *
     * @param bridge the bridge
     * @return its ports that are present in this snapshot, sorted by name
     */
    public List<PortInfo> portsOf(final BridgeInfo bridge) {
        final Map<Uuid, Row> rows = rows(OvsdbTables.PORT);
        return bridge.ports().stream().filter(rows::containsKey).map(uuid -> PortInfo.from(uuid, rows.get(uuid)))
            .sorted(Comparator.comparing(PortInfo::name)).toList();
    }

    /**
     * Finds the bridge a port belongs to.
     *
     * @param port the port
     * @return the bridge, if any
     */
    public Optional<BridgeInfo> bridgeOf(final PortInfo port) {
        var index = bridgeByPort;
        if (index == null) {
            final Map<Uuid, BridgeInfo> byPort = new HashMap<>();
            // in name order, so a port listed by two bridges (a transient OVSDB state) belongs to the first, as before
            bridges().forEach(bridge -> bridge.ports().forEach(uuid -> byPort.putIfAbsent(uuid, bridge)));
            index = Collections.unmodifiableMap(byPort);
            bridgeByPort = index;
        }
        return Optional.ofNullable(index.get(port.uuid()));
    }

    /**
     * Returns the interfaces, sorted by name.
     *
     * @return the interfaces
     */
    public List<InterfaceInfo> interfaces() {
        return rows(OvsdbTables.INTERFACE).entrySet().stream()
            .map(entry -> InterfaceInfo.from(entry.getKey(), entry.getValue()))
            .sorted(Comparator.comparing(InterfaceInfo::name)).toList();
    }

    /**
     * Looks up an interface by name.
     *
     * @param name the interface name
     * @return the interface, if present
     */
    public Optional<InterfaceInfo> interfaceNamed(final String name) {
        return interfaces().stream().filter(iface -> iface.name().equals(name)).findFirst();
    }

    /**
     * Returns the interfaces of a port.
     *
     * @param port the port
     * @return its interfaces that are present in this snapshot, sorted by name
     */
    public List<InterfaceInfo> interfacesOf(final PortInfo port) {
        final Map<Uuid, Row> rows = rows(OvsdbTables.INTERFACE);
        return port.interfaces().stream().filter(rows::containsKey)
            .map(uuid -> InterfaceInfo.from(uuid, rows.get(uuid)))
            .sorted(Comparator.comparing(InterfaceInfo::name)).toList();
    }

    /**
     * Returns the OpenFlow controllers of a bridge.
     *
     * @param bridge the bridge
     * @return its controllers that are present in this snapshot
     */
    public List<ControllerInfo> controllersOf(final BridgeInfo bridge) {
        final Map<Uuid, Row> rows = rows(OvsdbTables.CONTROLLER);
        return bridge.controllers().stream().filter(rows::containsKey)
            .map(uuid -> ControllerInfo.from(uuid, rows.get(uuid))).toList();
    }

    @Override
    public String toString() {
        final StringBuilder sb = new StringBuilder("OvsdbReplica{");
        tables.forEach((table, rows) -> sb.append(table).append('=').append(rows.size()).append(' '));
        return sb.append('}').toString();
    }
}
