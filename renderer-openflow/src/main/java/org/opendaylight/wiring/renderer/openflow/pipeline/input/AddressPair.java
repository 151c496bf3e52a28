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
 * An allowed address pair, keyed by (address, MAC) as in Neutron.
 *
 * @param ipPrefix an IPv4 or IPv6 address or prefix ({@code 192.168.0.5}, {@code 10.1.0.0/24}, {@code 2001:db8::/64})
 * @param mac the MAC the address may be used with, normalised to lower case
 */
public record AddressPair(String ipPrefix, String mac) {
    public AddressPair {
        ipPrefix = Addresses.normalizePrefix(requireNonNull(ipPrefix, "ipPrefix"));
        mac = Addresses.normalizeMac(requireNonNull(mac, "mac"));
    }
}
