/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.intent;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.wiring.impl.net.IpPrefix;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.logical.port.list.LogicalPort;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.logical.port.list.logical.port.network.OverlayNetwork;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.logical.port.list.logical.port.network.ProviderNetwork;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.Address;

/**
 * The network a logical port is on, read from the port's {@code network} choice.
 *
 * @param overlay whether it is an overlay network (else a provider network)
 * @param name network name
 */
public record PortNetwork(boolean overlay, String name) {

    /**
     * The network of a logical port, or null if the choice is empty.
     *
     * @param port the port
     * @return the network
     */
    public static @Nullable PortNetwork of(final LogicalPort port) {
        final var network = port.getNetwork();
        if (network instanceof OverlayNetwork overlay && overlay.getOverlayNetwork() != null) {
            return new PortNetwork(true, overlay.getOverlayNetwork().getValue());
        }
        if (network instanceof ProviderNetwork provider && provider.getProviderNetwork() != null) {
            return new PortNetwork(false, provider.getProviderNetwork().getValue());
        }
        return null;
    }

    /**
     * The addresses of an address leaf-list in numeric order.
     *
     * @param ips the leaf-list value, possibly null
     * @return sorted addresses
     */
    public static List<Address> sortedIps(final @Nullable Set<Address> ips) {
        if (ips == null) {
            return List.of();
        }
        return ips.stream().sorted(Comparator.comparing(ip -> IpPrefix.host(ip.getValue()).value())).toList();
    }
}
