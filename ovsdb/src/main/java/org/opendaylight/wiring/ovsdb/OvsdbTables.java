/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names of the Open_vSwitch database (vswitch.ovsschema) used by this library, and the default monitored columns.
 */
public final class OvsdbTables {
    /** The database name. */
    public static final String DATABASE = "Open_vSwitch";
    /** The root table (one row). */
    public static final String OPEN_VSWITCH = "Open_vSwitch";
    /** The Bridge table. */
    public static final String BRIDGE = "Bridge";
    /** The Port table. */
    public static final String PORT = "Port";
    /** The Interface table. */
    public static final String INTERFACE = "Interface";
    /** The (OpenFlow) Controller table. */
    public static final String CONTROLLER = "Controller";
    /** The (OVSDB) Manager table. */
    public static final String MANAGER = "Manager";
    /** The common {@code name} column. */
    public static final String NAME = "name";
    /** The common {@code external_ids} column. */
    public static final String EXTERNAL_IDS = "external_ids";
    /** The common {@code other_config} column. */
    public static final String OTHER_CONFIG = "other_config";

    /**
     * The columns monitored by default, per table. Columns that change all the time (statistics, status) are left
     * out on purpose: every change would be a notification.
     */
    public static final Map<String, List<String>> DEFAULT_MONITORED_COLUMNS = defaultColumns();

    private OvsdbTables() {
        // constants
    }

    private static Map<String, List<String>> defaultColumns() {
        final Map<String, List<String>> map = new LinkedHashMap<>();
        map.put(OPEN_VSWITCH, List.of("bridges", "manager_options", "ovs_version", "db_version", "system_type",
            "system_version", "datapath_types", "iface_types", EXTERNAL_IDS, OTHER_CONFIG, "cur_cfg", "next_cfg"));
        map.put(BRIDGE, List.of(NAME, "datapath_id", "datapath_type", "fail_mode", "protocols", EXTERNAL_IDS,
            OTHER_CONFIG, "controller", "ports"));
        map.put(PORT, List.of(NAME, "tag", "trunks", "vlan_mode", "interfaces", EXTERNAL_IDS, OTHER_CONFIG));
        map.put(INTERFACE, List.of(NAME, "type", "options", "ofport", "ofport_request", "mac_in_use", "mac",
            "link_state", "admin_state", EXTERNAL_IDS, OTHER_CONFIG, "error"));
        map.put(CONTROLLER, List.of("target", "is_connected", "role", "inactivity_probe", EXTERNAL_IDS, OTHER_CONFIG));
        return Collections.unmodifiableMap(map);
    }
}
