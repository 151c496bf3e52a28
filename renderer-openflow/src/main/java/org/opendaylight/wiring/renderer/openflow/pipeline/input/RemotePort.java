/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline.input;

import static java.util.Objects.requireNonNull;

/**
 * A logical port bound on another host, reachable through that host's tunnel (overlay network) or through the
 * provider network's patch port (flat/VLAN network).
 *
 * @param mac the port's MAC
 * @param remoteHost the host it is bound on
 * @param network the network's name
 */
public record RemotePort(String mac, String remoteHost, String network) {
    public RemotePort {
        mac = Addresses.normalizeMac(requireNonNull(mac, "mac"));
        requireNonNull(remoteHost, "remoteHost");
        requireNonNull(network, "network");
    }
}
