/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline.flow;

/**
 * The integration bridge's tables. The numbers are Dragonflow's where Dragonflow has the same stage, so that
 * docs/openflow.md can set them side by side.
 */
public enum Table {
    /** Where a packet came from: VM port, tunnel (+ VNI) or provider patch (+ VLAN); sets network and source. */
    CLASSIFICATION(0),
    /** Anti-spoofing for VM ports with port security: own MAC with fixed IPs / allowed address pairs. */
    PORT_SECURITY(1),
    /** Pass-through: where egress connection tracking will go. */
    EGRESS_CONNTRACK(3),
    /** Pass-through: where service classification (ARP/ND responder, DHCP, routing) will go. */
    SERVICES(9),
    /** (network, destination MAC) to destination port key; everything else to {@link #FLOOD}. */
    L2_LOOKUP(17),
    /** BUM and unknown unicast: the network's ALL group, chosen by the split-horizon bit. */
    FLOOD(18),
    /** Destination port key: local ports on to ingress; remote ones out of their tunnel or patch port. */
    EGRESS(64),
    /** Pass-through: where ingress connection tracking (security groups) will go. */
    INGRESS_CONNTRACK(72),
    /** Local destination port key to its output. */
    INGRESS_DISPATCH(78);

    private final short id;

    Table(final int id) {
        this.id = (short) id;
    }

    /**
     * The OpenFlow table id.
     *
     * @return the table id
     */
    public short id() {
        return id;
    }
}
