/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.internal;

/**
 * Internal life-cycle hooks of connections, used by remotes and the connection registry. Called on I/O threads.
 */
public interface ConnectionObserver {
    /**
     * The connection is up.
     *
     * @param connection the connection
     */
    void connectionUp(OvsdbConnectionImpl connection);

    /**
     * The replica is loaded (or, with replicas disabled, the connection is up).
     *
     * @param connection the connection
     */
    void replicaReady(OvsdbConnectionImpl connection);

    /**
     * The connection closed.
     *
     * @param connection the connection
     */
    void connectionDown(OvsdbConnectionImpl connection);
}
