/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.replica;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.wiring.ovsdb.OvsdbTables;
import org.opendaylight.wiring.ovsdb.data.Row;
import org.opendaylight.wiring.ovsdb.data.Uuid;

/**
 * A typed view of a {@code Port} row.
 *
 * @param uuid the row UUID
 * @param name the port name
 * @param tag the access VLAN tag, if any
 * @param interfaces references to {@code Interface} rows
 * @param externalIds the {@code external_ids} column
 * @param otherConfig the {@code other_config} column
 */
public record PortInfo(Uuid uuid, String name, Optional<Long> tag, List<Uuid> interfaces,
        Map<String, String> externalIds, Map<String, String> otherConfig) {
    /**
     * Creates a port view.
     *
     * @param uuid row UUID
     * @param name name
     * @param tag VLAN tag
     * @param interfaces interface references
     * @param externalIds external ids
     * @param otherConfig other config
     */
    public PortInfo {
        requireNonNull(uuid);
        requireNonNull(name);
        requireNonNull(tag);
        interfaces = List.copyOf(interfaces);
        externalIds = Map.copyOf(externalIds);
        otherConfig = Map.copyOf(otherConfig);
    }

    /**
     * Reads a {@code Port} row.
     *
     * @param uuid the row UUID
     * @param row the row
     * @return the view
     * @throws IllegalArgumentException if a column has an unexpected type
     */
    public static PortInfo from(final Uuid uuid, final Row row) {
        return new PortInfo(uuid, row.string(OvsdbTables.NAME, ""), row.optionalLong("tag"),
            row.uuidSet("interfaces"), row.stringMap(OvsdbTables.EXTERNAL_IDS),
            row.stringMap(OvsdbTables.OTHER_CONFIG));
    }
}
