/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb;

import org.opendaylight.wiring.ovsdb.replica.OvsdbReplica;
import org.opendaylight.wiring.ovsdb.replica.ReplicaChange;

/**
 * Receives connection and replica events of an {@link OvsdbManager}.
 *
 * <p>Callbacks run one at a time, in event order, on the manager's notification thread (not an I/O thread), so a
 * listener may call connection methods; it should not block for long, since that delays every later event. An
 * exception thrown by a callback is logged and otherwise ignored.
 */
public interface OvsdbConnectionListener {
    /**
     * A connection is up (TLS handshake done, if any); the replica is not loaded yet.
     *
     * @param connection the connection
     */
    default void onConnected(final OvsdbConnection connection) {
        // nothing by default
    }

    /**
     * The replica's initial contents are loaded: the switch's state is known.
     *
     * @param connection the connection
     * @param replica the initial snapshot
     */
    default void onReplicaReady(final OvsdbConnection connection, final OvsdbReplica replica) {
        // nothing by default
    }

    /**
     * Rows of the replica changed (one {@code update} notification).
     *
     * @param connection the connection
     * @param change the change, with snapshots before and after
     */
    default void onReplicaChanged(final OvsdbConnection connection, final ReplicaChange change) {
        // nothing by default
    }

    /**
     * The connection closed.
     *
     * @param connection the connection
     * @param reason why, for instance {@code connection closed by peer}
     */
    default void onDisconnected(final OvsdbConnection connection, final String reason) {
        // nothing by default
    }
}
