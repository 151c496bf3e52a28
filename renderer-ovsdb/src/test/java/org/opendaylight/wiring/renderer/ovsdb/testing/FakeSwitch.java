/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.ovsdb.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opendaylight.wiring.ovsdb.data.NamedUuid;
import org.opendaylight.wiring.ovsdb.data.OvsdbCodec;
import org.opendaylight.wiring.ovsdb.data.OvsdbMap;
import org.opendaylight.wiring.ovsdb.data.OvsdbSet;
import org.opendaylight.wiring.ovsdb.data.Row;
import org.opendaylight.wiring.ovsdb.data.Uuid;
import org.opendaylight.wiring.ovsdb.monitor.RowUpdate;
import org.opendaylight.wiring.ovsdb.monitor.TableUpdates;
import org.opendaylight.wiring.ovsdb.replica.OvsdbReplica;
import org.opendaylight.wiring.ovsdb.transact.Operation;
import org.opendaylight.wiring.ovsdb.transact.Transaction;
import org.opendaylight.wiring.renderer.ovsdb.desired.DesiredSwitch;

/**
 * An in-memory Open_vSwitch database for tests: rows of the monitored tables, a builder for the state an operator
 * or an earlier run left, and an interpreter of the OVSDB transactions the renderer sends (insert, update, mutate,
 * delete; named UUIDs; garbage collection of unreferenced non-root rows; unique names), so that a reconciliation
 * can be applied and the next one checked.
 */
public final class FakeSwitch {
    /** An OVSDB constraint violation found while applying a transaction. */
    public static final class ConstraintViolation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConstraintViolation(final String message) {
            super(message);
        }
    }

    private static final Map<String, String> MARK = Map.of(DesiredSwitch.OWNER_KEY, DesiredSwitch.OWNER_VALUE);
    private Map<String, Map<Uuid, Map<String, Object>>> tables = new LinkedHashMap<>();
    private final Uuid root = newUuid();

    /**
     * A switch with its Open_vSwitch row.
     *
     * @param systemId external_ids:system-id
     */
    public FakeSwitch(final String systemId) {
        final Map<String, Object> row = new HashMap<>();
        row.put("bridges", OvsdbSet.empty());
        row.put("external_ids", OvsdbMap.copyOf(Map.of("system-id", systemId)));
        row.put("ovs_version", "3.1.0");
        table("Open_vSwitch").put(root, row);
        for (var name : List.of("Bridge", "Port", "Interface", "Controller")) {
            table(name);
        }
    }

    /**
     * Sets (or, with a null value, removes) one external_ids key of the Open_vSwitch row.
     *
     * @param key key
     * @param value value or null
     * @return this
     */
    public FakeSwitch systemExternalId(final String key, final String value) {
        final var row = table("Open_vSwitch").get(root);
        final Map<String, String> ids = new HashMap<>();
        ((OvsdbMap) row.get("external_ids")).entries().forEach((k, v) -> ids.put((String) k, (String) v));
        if (value == null) {
            ids.remove(key);
        } else {
            ids.put(key, value);
        }
        row.put("external_ids", OvsdbMap.copyOf(ids));
        return this;
    }

    private static Uuid newUuid() {
        return Uuid.of(UUID.randomUUID());
    }

    private Map<Uuid, Map<String, Object>> table(final String name) {
        return tables.computeIfAbsent(name, n -> new LinkedHashMap<>());
    }

    private static Map<String, String> ids(final boolean owned) {
        return owned ? MARK : Map.of();
    }

    /**
     * Adds a bridge with its local internal port, as ovs-vsctl add-br makes it.
     *
     * @param name name
     * @param owned whether it carries ODL Wiring's mark
     * @param failMode fail_mode or null
     * @param datapathType datapath_type
     * @param otherConfig other_config
     * @return this
     */
    public FakeSwitch bridge(final String name, final boolean owned, final String failMode,
            final String datapathType, final Map<String, String> otherConfig) {
        final Map<String, Object> row = new HashMap<>();
        row.put("name", name);
        row.put("datapath_type", datapathType);
        row.put("fail_mode", failMode == null ? OvsdbSet.empty() : failMode);
        row.put("protocols", OvsdbSet.empty());
        row.put("external_ids", OvsdbMap.copyOf(ids(owned)));
        row.put("other_config", OvsdbMap.copyOf(otherConfig));
        row.put("controller", OvsdbSet.empty());
        row.put("ports", OvsdbSet.empty());
        final var uuid = newUuid();
        table("Bridge").put(uuid, row);
        addTo("Open_vSwitch", root, "bridges", uuid);
        return port(name, name, "internal", Map.of(), owned);
    }

    /**
     * Sets a bridge column.
     *
     * @param bridge bridge name
     * @param column column
     * @param value value (Java form)
     * @return this
     */
    public FakeSwitch set(final String bridge, final String column, final Object value) {
        rowNamed("Bridge", bridge).put(column, OvsdbCodec.normalizeValue(value));
        return this;
    }

    /**
     * Adds a controller to a bridge.
     *
     * @param bridge bridge name
     * @param target target
     * @param owned whether marked
     * @return this
     */
    public FakeSwitch controller(final String bridge, final String target, final boolean owned) {
        final Map<String, Object> row = new HashMap<>();
        row.put("target", target);
        row.put("external_ids", OvsdbMap.copyOf(ids(owned)));
        final var uuid = newUuid();
        table("Controller").put(uuid, row);
        addTo("Bridge", uuidNamed("Bridge", bridge), "controller", uuid);
        return this;
    }

    /**
     * Adds a port with one interface of the same name.
     *
     * @param bridge bridge name
     * @param name port name
     * @param type interface type
     * @param options interface options
     * @param owned whether marked
     * @return this
     */
    public FakeSwitch port(final String bridge, final String name, final String type,
            final Map<String, String> options, final boolean owned) {
        final Map<String, Object> iface = new HashMap<>();
        iface.put("name", name);
        iface.put("type", type);
        iface.put("options", OvsdbMap.copyOf(options));
        iface.put("external_ids", OvsdbMap.copyOf(ids(owned)));
        final var ifaceUuid = newUuid();
        table("Interface").put(ifaceUuid, iface);
        final Map<String, Object> port = new HashMap<>();
        port.put("name", name);
        port.put("tag", OvsdbSet.empty());
        port.put("interfaces", OvsdbSet.of(ifaceUuid));
        port.put("external_ids", OvsdbMap.copyOf(ids(owned)));
        port.put("other_config", OvsdbMap.empty());
        final var portUuid = newUuid();
        table("Port").put(portUuid, port);
        addTo("Bridge", uuidNamed("Bridge", bridge), "ports", portUuid);
        return this;
    }

    /**
     * Removes a port by hand (ovs-vsctl del-port).
     *
     * @param name port name
     * @return this
     */
    public FakeSwitch deletePort(final String name) {
        final var uuid = uuidNamed("Port", name);
        for (var bridge : table("Bridge").values()) {
            final var ports = new ArrayList<>(elements(bridge.get("ports")));
            ports.remove(uuid);
            bridge.put("ports", OvsdbSet.copyOf(ports));
        }
        collectGarbage();
        return this;
    }

    private void addTo(final String table, final Uuid row, final String column, final Uuid ref) {
        final var values = new ArrayList<>(elements(table(table).get(row).get(column)));
        values.add(ref);
        table(table).get(row).put(column, OvsdbSet.copyOf(values));
    }

    private Uuid uuidNamed(final String table, final String name) {
        return table(table).entrySet().stream().filter(e -> name.equals(e.getValue().get("name")))
            .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new IllegalArgumentException(table + " " + name));
    }

    private Map<String, Object> rowNamed(final String table, final String name) {
        return table(table).get(uuidNamed(table, name));
    }

    private static List<Object> elements(final Object value) {
        if (value instanceof OvsdbSet set) {
            return set.elements();
        }
        return value == null ? List.of() : List.of(value);
    }

    /**
     * The replica a monitor of this switch would show now.
     *
     * @return a snapshot
     */
    public OvsdbReplica replica() {
        final Map<String, Map<Uuid, RowUpdate>> updates = new LinkedHashMap<>();
        tables.forEach((name, rows) -> {
            final Map<Uuid, RowUpdate> table = new LinkedHashMap<>();
            rows.forEach((uuid, row) -> table.put(uuid, new RowUpdate(uuid, Optional.empty(),
                Optional.of(Row.of(row)))));
            updates.put(name, table);
        });
        return OvsdbReplica.empty().applyUpdates(TableUpdates.of(updates)).after();
    }

    /**
     * Applies a transaction atomically, as ovsdb-server would.
     *
     * @param tx the transaction
     * @return per operation, the UUID of the inserted row (null for other operations)
     * @throws ConstraintViolation if it would leave two rows of a table with one name; nothing is applied then
     */
    public List<Uuid> apply(final Transaction tx) {
        final var saved = deepCopy(tables);
        boolean applied = false;
        try {
            final List<Uuid> result = applyAll(tx);
            collectGarbage();
            checkUniqueNames();
            applied = true;
            return result;
        } finally {
            if (!applied) {
                tables = saved;
            }
        }
    }

    private static Map<String, Map<Uuid, Map<String, Object>>> deepCopy(
            final Map<String, Map<Uuid, Map<String, Object>>> source) {
        final Map<String, Map<Uuid, Map<String, Object>>> copy = new LinkedHashMap<>();
        source.forEach((name, rows) -> {
            final Map<Uuid, Map<String, Object>> table = new LinkedHashMap<>();
            rows.forEach((uuid, row) -> table.put(uuid, new HashMap<>(row)));
            copy.put(name, table);
        });
        return copy;
    }

    private List<Uuid> applyAll(final Transaction tx) {
        final Map<String, Uuid> named = new HashMap<>();
        for (Operation op : tx.operations()) {
            final JsonNode json = op.toJson();
            if (json.has("uuid-name")) {
                named.put(json.get("uuid-name").asText(), newUuid());
            }
        }
        final List<Uuid> result = new ArrayList<>();
        for (Operation op : tx.operations()) {
            final JsonNode json = op.toJson();
            final String table = json.path("table").asText();
            Uuid inserted = null;
            switch (json.get("op").asText()) {
                case "insert" -> {
                    inserted = json.has("uuid-name") ? named.get(json.get("uuid-name").asText()) : newUuid();
                    table(table).put(inserted, new HashMap<>(row(json.get("row"), named)));
                }
                case "update" -> {
                    final var values = row(json.get("row"), named);
                    where(table, json.get("where"), named).forEach(uuid -> table(table).get(uuid).putAll(values));
                }
                case "mutate" -> {
                    for (var uuid : where(table, json.get("where"), named)) {
                        final var row = table(table).get(uuid);
                        for (var mutation : json.get("mutations")) {
                            final String column = mutation.get(0).asText();
                            final var values = new LinkedHashSet<>(elements(row.get(column)));
                            final var operand = elements(resolve(OvsdbCodec.decode(mutation.get(2)), named));
                            switch (mutation.get(1).asText()) {
                                case "insert" -> values.addAll(operand);
                                case "delete" -> values.removeAll(operand);
                                default -> throw new IllegalArgumentException("mutator " + mutation);
                            }
                            row.put(column, OvsdbSet.copyOf(values));
                        }
                    }
                }
                case "delete" -> where(table, json.get("where"), named).forEach(table(table)::remove);
                case "comment" -> {
                    // nothing
                }
                default -> throw new IllegalArgumentException("unsupported operation " + json);
            }
            result.add(inserted);
        }
        return result;
    }

    private static Map<String, Object> row(final JsonNode json, final Map<String, Uuid> named) {
        final Map<String, Object> result = new HashMap<>();
        OvsdbCodec.decodeRow(json).columns().forEach((column, value) -> result.put(column, resolve(value, named)));
        return result;
    }

    private static Object resolve(final Object value, final Map<String, Uuid> named) {
        if (value instanceof NamedUuid ref) {
            return named.get(ref.name());
        }
        if (value instanceof OvsdbSet set) {
            return OvsdbSet.copyOf(set.stream().map(atom -> resolve(atom, named)).toList());
        }
        return value;
    }

    private List<Uuid> where(final String table, final JsonNode where, final Map<String, Uuid> named) {
        final List<Uuid> result = new ArrayList<>();
        table(table).forEach((uuid, row) -> {
            boolean match = true;
            for (var clause : where) {
                final String column = clause.get(0).asText();
                final Object value = resolve(OvsdbCodec.decode(clause.get(2)), named);
                match &= "_uuid".equals(column) ? uuid.equals(value) : value.equals(row.get(column));
            }
            if (match) {
                result.add(uuid);
            }
        });
        return result;
    }

    private void collectGarbage() {
        boolean changed = true;
        while (changed) {
            changed = false;
            changed |= keepReferenced("Bridge", "Open_vSwitch", "bridges");
            changed |= keepReferenced("Port", "Bridge", "ports");
            changed |= keepReferenced("Interface", "Port", "interfaces");
            changed |= keepReferenced("Controller", "Bridge", "controller");
        }
    }

    private boolean keepReferenced(final String table, final String parent, final String column) {
        final Set<Object> referenced = new HashSet<>();
        table(parent).values().forEach(row -> referenced.addAll(elements(row.get(column))));
        return table(table).keySet().removeIf(uuid -> !referenced.contains(uuid));
    }

    private void checkUniqueNames() {
        for (var table : List.of("Bridge", "Port", "Interface")) {
            final Set<Object> names = new HashSet<>();
            for (var row : table(table).values()) {
                if (!names.add(row.get("name"))) {
                    throw new ConstraintViolation("Transaction causes multiple rows in \"" + table
                        + "\" table to have identical values (\"" + row.get("name") + "\") for index on column "
                        + "\"name\"");
                }
            }
        }
    }
}
