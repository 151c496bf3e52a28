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
 * A network present on the host.
 *
 * @param name the network's name (unique on the host)
 * @param localId the small id the pipeline carries in metadata, 1..65535, unique on the host
 * @param kind overlay, flat or VLAN
 * @param vni the VXLAN/Geneve VNI of an overlay network (1..16777215), 0 otherwise
 * @param physicalNetwork the physical network of a provider network, null for an overlay network
 * @param vlanId the VLAN of a VLAN provider network (1..4094), 0 otherwise
 */
public record Network(String name, int localId, NetworkKind kind, long vni, String physicalNetwork, int vlanId) {
    /** The largest network id the metadata field holds. */
    public static final int MAX_LOCAL_ID = 0xffff;

    public Network {
        requireNonNull(name, "name");
        requireNonNull(kind, "kind");
        if (localId < 1 || localId > MAX_LOCAL_ID) {
            throw new IllegalArgumentException("network " + name + ": local id " + localId + " not in 1.."
                + MAX_LOCAL_ID);
        }
        switch (kind) {
            case OVERLAY -> {
                if (vni < 1 || vni > 0xffffff) {
                    throw new IllegalArgumentException("network " + name + ": VNI " + vni + " not in 1..16777215");
                }
                if (physicalNetwork != null || vlanId != 0) {
                    throw new IllegalArgumentException("network " + name + ": an overlay network has no "
                        + "physical network and no VLAN");
                }
            }
            case FLAT, VLAN -> {
                requireNonNull(physicalNetwork, "physicalNetwork of " + name);
                if (vni != 0) {
                    throw new IllegalArgumentException("network " + name + ": a provider network has no VNI");
                }
                if (kind == NetworkKind.VLAN ? vlanId < 1 || vlanId > 4094 : vlanId != 0) {
                    throw new IllegalArgumentException("network " + name + ": VLAN " + vlanId + " invalid for a "
                        + kind + " network");
                }
            }
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        }
    }

    /**
     * An overlay network.
     *
     * @param name its name
     * @param localId its local id
     * @param vni its VNI
     * @return the network
     */
    public static Network overlay(final String name, final int localId, final long vni) {
        return new Network(name, localId, NetworkKind.OVERLAY, vni, null, 0);
    }

    /**
     * A flat provider network.
     *
     * @param name its name
     * @param localId its local id
     * @param physicalNetwork its physical network
     * @return the network
     */
    public static Network flat(final String name, final int localId, final String physicalNetwork) {
        return new Network(name, localId, NetworkKind.FLAT, 0, physicalNetwork, 0);
    }

    /**
     * A VLAN provider network.
     *
     * @param name its name
     * @param localId its local id
     * @param physicalNetwork its physical network
     * @param vlanId its VLAN
     * @return the network
     */
    public static Network vlan(final String name, final int localId, final String physicalNetwork,
            final int vlanId) {
        return new Network(name, localId, NetworkKind.VLAN, 0, physicalNetwork, vlanId);
    }

    /**
     * Whether other hosts are reached through a provider network's patch port.
     *
     * @return true for flat and VLAN networks
     */
    public boolean isProvider() {
        return kind != NetworkKind.OVERLAY;
    }
}
