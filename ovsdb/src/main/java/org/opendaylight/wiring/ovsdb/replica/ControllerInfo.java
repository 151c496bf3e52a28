/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.replica;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.opendaylight.wiring.ovsdb.data.Row;
import org.opendaylight.wiring.ovsdb.data.Uuid;

/**
 * A typed view of a {@code Controller} row (an OpenFlow controller of a bridge).
 *
 * @param uuid the row UUID
 * @param target the connection target, for instance {@code tcp:127.0.0.1:6653}
 * @param connected whether ovs-vswitchd is connected to it, if reported
 * @param role the OpenFlow role ({@code master}, {@code slave}, {@code other}), if reported
 * @param inactivityProbe the inactivity probe in milliseconds, if set (OVS's default is 5000)
 */
public record ControllerInfo(Uuid uuid, String target, Optional<Boolean> connected, Optional<String> role,
        Optional<Long> inactivityProbe) {
    /**
     * Creates a controller view.
     *
     * @param uuid row UUID
     * @param target target
     * @param connected connection state
     * @param role role
     * @param inactivityProbe inactivity probe
     */
    public ControllerInfo {
        requireNonNull(uuid);
        requireNonNull(target);
        requireNonNull(connected);
        requireNonNull(role);
        requireNonNull(inactivityProbe);
    }

    /**
     * Reads a {@code Controller} row.
     *
     * @param uuid the row UUID
     * @param row the row
     * @return the view
     * @throws IllegalArgumentException if a column has an unexpected type
     */
    public static ControllerInfo from(final Uuid uuid, final Row row) {
        return new ControllerInfo(uuid, row.string("target", ""), row.optionalBoolean("is_connected"),
            row.optionalString("role"), row.optionalLong("inactivity_probe"));
    }
}
