/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.plan;

import static java.util.Objects.requireNonNull;

import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.wiring.impl.intent.IntentRef;

/**
 * What identifies a network on the wire: an overlay network by its VNI (and encapsulation), a provider network by
 * its physical network and VLAN (none for flat).
 *
 * @param ref the network intent; overlay and provider networks may share a name, their references never do
 * @param name the network's name
 * @param kind overlay, flat or VLAN
 * @param vni VNI of an overlay network
 * @param tunnelType encapsulation of an overlay network
 * @param physicalNetwork physical network of a provider network
 * @param vlanId VLAN of a VLAN provider network
 */
public record NetworkIdentity(IntentRef ref, String name, Kind kind, @Nullable Long vni, @Nullable String tunnelType,
        @Nullable String physicalNetwork, @Nullable Integer vlanId) {
    /** How a network reaches other hosts. */
    public enum Kind {
        /** Through tunnels, tunnel_id = VNI. */
        OVERLAY,
        /** Untagged on the physical network. */
        FLAT,
        /** Tagged on the physical network. */
        VLAN
    }

    public NetworkIdentity {
        requireNonNull(ref);
        requireNonNull(name);
        requireNonNull(kind);
    }

    /**
     * An overlay network.
     *
     * @param ref its intent
     * @param name its name
     * @param vni its VNI
     * @param tunnelType its encapsulation
     * @return the identity
     */
    public static NetworkIdentity overlay(final IntentRef ref, final String name, final long vni,
            final String tunnelType) {
        return new NetworkIdentity(ref, name, Kind.OVERLAY, vni, tunnelType, null, null);
    }

    /**
     * A provider network.
     *
     * @param ref its intent
     * @param name its name
     * @param physicalNetwork its physical network
     * @param vlanId its VLAN, null for a flat network
     * @return the identity
     */
    public static NetworkIdentity provider(final IntentRef ref, final String name, final String physicalNetwork,
            final @Nullable Integer vlanId) {
        return new NetworkIdentity(ref, name, vlanId == null ? Kind.FLAT : Kind.VLAN, null, null, physicalNetwork,
            vlanId);
    }
}
