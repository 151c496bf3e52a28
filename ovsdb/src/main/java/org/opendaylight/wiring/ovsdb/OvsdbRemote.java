/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb;

import java.util.Collection;

/**
 * A remote opened by an {@link OvsdbManager}: a listener (ptcp/pssl) or a reconnecting client (tcp/ssl).
 */
public interface OvsdbRemote extends AutoCloseable {
    /**
     * Returns the target.
     *
     * @return the target
     */
    OvsdbTarget target();

    /**
     * Returns the open connections of this remote (at most one for an active remote).
     *
     * @return the connections
     */
    Collection<OvsdbConnection> connections();

    /**
     * Stops listening or reconnecting and closes the connections of this remote.
     */
    @Override
    void close();
}
