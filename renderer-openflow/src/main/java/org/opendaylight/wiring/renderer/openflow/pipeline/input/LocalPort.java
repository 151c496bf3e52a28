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
 * A logical port bound on this host (a VM interface on the integration bridge).
 *
 * @param ifaceId the OVS {@code external_ids:iface-id}
 * @param network the network's name
 * @param ofport the OpenFlow port number on the integration bridge (also the port key in metadata)
 * @param mac the port's MAC
 * @param fixedIps the port's fixed IPv4/IPv6 addresses
 * @param portSecurity whether the port may only send from its own addresses
 * @param allowedAddressPairs further (address, MAC) pairs the port may send from
 */
public record LocalPort(String ifaceId, String network, long ofport, String mac, List<String> fixedIps,
        boolean portSecurity, List<AddressPair> allowedAddressPairs) {
    public LocalPort {
        requireNonNull(ifaceId, "ifaceId");
        requireNonNull(network, "network of " + ifaceId);
        PortKeys.check(ofport, "port " + ifaceId);
        mac = Addresses.normalizeMac(requireNonNull(mac, "mac of " + ifaceId));
        fixedIps = fixedIps.stream().map(Addresses::normalizeAddress).toList();
        allowedAddressPairs = List.copyOf(allowedAddressPairs);
    }
}
