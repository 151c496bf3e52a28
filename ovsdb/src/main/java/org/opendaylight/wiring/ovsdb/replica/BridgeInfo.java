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
 * A typed view of a {@code Bridge} row.
 *
 * @param uuid the row UUID
 * @param name the bridge name
 * @param datapathId the OpenFlow datapath id as 16 hex digits, once ovs-vswitchd has set it
 * @param datapathType the datapath type ({@code netdev} for the userspace datapath, empty for the default)
 * @param failMode {@code standalone} or {@code secure}, if set
 * @param protocols the allowed OpenFlow versions, for instance {@code OpenFlow13}
 * @param externalIds the {@code external_ids} column
 * @param otherConfig the {@code other_config} column
 * @param controllers references to {@code Controller} rows
 * @param ports references to {@code Port} rows
 */
public record BridgeInfo(Uuid uuid, String name, Optional<String> datapathId, String datapathType,
        Optional<String> failMode, List<String> protocols, Map<String, String> externalIds,
        Map<String, String> otherConfig, List<Uuid> controllers, List<Uuid> ports) {
    /**
     * Creates a bridge view.
     *
     * @param uuid row UUID
     * @param name name
     * @param datapathId datapath id
     * @param datapathType datapath type
     * @param failMode fail mode
     * @param protocols OpenFlow versions
     * @param externalIds external ids
     * @param otherConfig other config
     * @param controllers controller references
     * @param ports port references
     */
    public BridgeInfo {
        requireNonNull(uuid);
        requireNonNull(name);
        requireNonNull(datapathId);
        requireNonNull(datapathType);
        requireNonNull(failMode);
        protocols = List.copyOf(protocols);
        externalIds = Map.copyOf(externalIds);
        otherConfig = Map.copyOf(otherConfig);
        controllers = List.copyOf(controllers);
        ports = List.copyOf(ports);
    }

    /**
     * Reads a {@code Bridge} row.
     *
     * @param uuid the row UUID
     * @param row the row
     * @return the view
     * @throws IllegalArgumentException if a column has an unexpected type
     */
    public static BridgeInfo from(final Uuid uuid, final Row row) {
        return new BridgeInfo(uuid, row.string(OvsdbTables.NAME, ""), row.optionalString("datapath_id"),
            row.string("datapath_type", ""), row.optionalString("fail_mode"), row.stringSet("protocols"),
            row.stringMap(OvsdbTables.EXTERNAL_IDS), row.stringMap(OvsdbTables.OTHER_CONFIG),
            row.uuidSet("controller"), row.uuidSet("ports"));
    }
}
