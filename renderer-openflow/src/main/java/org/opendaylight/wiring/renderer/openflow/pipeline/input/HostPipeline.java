/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline.input;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Everything the compiler needs for one host's integration bridge.
 *
 * @param hostId the host
 * @param networks the networks present on the host
 * @param localPorts the logical ports bound on the host
 * @param remotePorts the logical ports of other hosts in those networks
 * @param tunnelPorts one tunnel port per remote host
 * @param providerPorts one patch port per physical network
 */
public record HostPipeline(String hostId, List<Network> networks, List<LocalPort> localPorts,
        List<RemotePort> remotePorts, List<TunnelPort> tunnelPorts, List<ProviderPort> providerPorts) {
    public HostPipeline {
        requireNonNull(hostId, "hostId");
        networks = List.copyOf(networks);
        localPorts = List.copyOf(localPorts);
        remotePorts = List.copyOf(remotePorts);
        tunnelPorts = List.copyOf(tunnelPorts);
        providerPorts = List.copyOf(providerPorts);
    }
}
