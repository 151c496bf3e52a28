/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opendaylight.wiring.ovsdb.OvsdbConnection;
import org.opendaylight.wiring.ovsdb.OvsdbConnectionListener;
import org.opendaylight.wiring.ovsdb.replica.OvsdbReplica;
import org.opendaylight.wiring.ovsdb.replica.ReplicaChange;

/**
 * Records listener events as text lines, for instance {@code changed Bridge INSERT br1}.
 */
final class RecordingListener implements OvsdbConnectionListener {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void onConnected(final OvsdbConnection connection) {
        events.add("connected " + connection.id());
    }

    @Override
    public void onReplicaReady(final OvsdbConnection connection, final OvsdbReplica replica) {
        events.add("ready " + replica.systemId().orElse("?"));
    }

    @Override
    public void onReplicaChanged(final OvsdbConnection connection, final ReplicaChange change) {
        change.changes().forEach(row -> events.add("changed " + row.table() + " " + row.kind() + " "
            + row.newRow().or(row::oldRow).orElseThrow().string("name", "")));
    }

    @Override
    public void onDisconnected(final OvsdbConnection connection, final String reason) {
        events.add("disconnected " + connection.id() + " " + reason);
    }

    boolean has(final String prefix) {
        return events.stream().anyMatch(event -> event.startsWith(prefix));
    }
}
