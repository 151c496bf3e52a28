/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.replica;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import org.opendaylight.wiring.ovsdb.OvsdbTables;
import org.opendaylight.wiring.ovsdb.data.Row;
import org.opendaylight.wiring.ovsdb.data.Uuid;

/**
 * A typed view of an {@code Interface} row.
 *
 * @param uuid the row UUID
 * @param name the interface name
 * @param type the interface type ({@code internal}, {@code vxlan}, {@code patch}, ...; empty for a system device)
 * @param options the {@code options} column (for instance {@code remote_ip} of tunnels, {@code peer} of patches)
 * @param ofport the OpenFlow port number once ovs-vswitchd has assigned it; -1 when it failed
 * @param macInUse the MAC address in use, if known
 * @param linkState {@code up} or {@code down}, if known
 * @param adminState {@code up} or {@code down}, if known
 * @param externalIds the {@code external_ids} column
 * @param error why ovs-vswitchd could not create the interface, if it could not
 */
public record InterfaceInfo(Uuid uuid, String name, String type, Map<String, String> options, Optional<Long> ofport,
        Optional<String> macInUse, Optional<String> linkState, Optional<String> adminState,
        Map<String, String> externalIds, Optional<String> error) {
    /**
     * Creates an interface view.
     *
     * @param uuid row UUID
     * @param name name
     * @param type type
     * @param options options
     * @param ofport OpenFlow port
     * @param macInUse MAC in use
     * @param linkState link state
     * @param adminState admin state
     * @param externalIds external ids
     * @param error error
     */
    public InterfaceInfo {
        requireNonNull(uuid);
        requireNonNull(name);
        requireNonNull(type);
        options = Map.copyOf(options);
        requireNonNull(ofport);
        requireNonNull(macInUse);
        requireNonNull(linkState);
        requireNonNull(adminState);
        externalIds = Map.copyOf(externalIds);
        requireNonNull(error);
    }

    /**
     * Reads an {@code Interface} row.
     *
     * @param uuid the row UUID
     * @param row the row
     * @return the view
     * @throws IllegalArgumentException if a column has an unexpected type
     */
    public static InterfaceInfo from(final Uuid uuid, final Row row) {
        return new InterfaceInfo(uuid, row.string(OvsdbTables.NAME, ""), row.string("type", ""),
            row.stringMap("options"), row.optionalLong("ofport"), row.optionalString("mac_in_use"),
            row.optionalString("link_state"), row.optionalString("admin_state"),
            row.stringMap(OvsdbTables.EXTERNAL_IDS), row.optionalString("error"));
    }
}
