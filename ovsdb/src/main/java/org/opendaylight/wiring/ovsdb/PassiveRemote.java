/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * A listening remote ({@code ptcp:} or {@code pssl:}): switches connect to it.
 */
public interface PassiveRemote extends OvsdbRemote {
    /**
     * Returns the bound address, once listening (useful with port 0).
     *
     * @return a future of the local address, failed if binding failed
     */
    CompletableFuture<InetSocketAddress> localAddress();
}
