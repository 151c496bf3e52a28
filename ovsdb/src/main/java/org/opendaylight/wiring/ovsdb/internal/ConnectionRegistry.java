/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.internal;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opendaylight.wiring.ovsdb.OvsdbConnection;

/**
 * The set of open connections of a manager.
 */
public final class ConnectionRegistry implements ConnectionObserver {
    private final Set<OvsdbConnection> connections = ConcurrentHashMap.newKeySet();

    /**
     * Returns the open connections.
     *
     * @return an unmodifiable live view
     */
    public Collection<OvsdbConnection> connections() {
        return Collections.unmodifiableSet(connections);
    }

    @Override
    public void connectionUp(final OvsdbConnectionImpl connection) {
        connections.add(connection);
    }

    @Override
    public void replicaReady(final OvsdbConnectionImpl connection) {
        // nothing to do
    }

    @Override
    public void connectionDown(final OvsdbConnectionImpl connection) {
        connections.remove(connection);
    }
}
