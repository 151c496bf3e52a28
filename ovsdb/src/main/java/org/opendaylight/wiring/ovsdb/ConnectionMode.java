/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb;

/**
 * Who opened an OVSDB connection.
 */
public enum ConnectionMode {
    /** We connected to the switch ({@code tcp:}/{@code ssl:} targets; the switch listens with {@code ptcp:}). */
    ACTIVE,
    /** The switch connected to our listener ({@code ovs-vsctl set-manager tcp:<our-ip>:6640}). */
    PASSIVE
}
