/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb;

import java.util.Optional;

/**
 * A connecting remote ({@code tcp:} or {@code ssl:}): keeps one connection to the switch, reconnecting with
 * exponential backoff (capped) whenever it fails or closes, until closed.
 */
public interface ActiveRemote extends OvsdbRemote {
    /**
     * Returns the current connection.
     *
     * @return the connection, empty while (re)connecting
     */
    Optional<OvsdbConnection> connection();
}
