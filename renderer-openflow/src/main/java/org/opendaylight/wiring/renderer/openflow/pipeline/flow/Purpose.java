/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline.flow;

/**
 * What a flow is for; part of its cookie (docs/openflow.md, cookie layout).
 */
public enum Purpose {
    /** Table-miss and pass-through flows, not tied to a network. */
    PIPELINE(0x01),
    /** VM port classification. */
    CLASSIFY_LOCAL(0x02),
    /** Tunnel classification (tunnel_id to network). */
    CLASSIFY_TUNNEL(0x03),
    /** Provider patch classification (VLAN or untagged to network). */
    CLASSIFY_PROVIDER(0x04),
    /** Port security. */
    PORT_SECURITY(0x05),
    /** L2 lookup of local ports. */
    L2_LOCAL(0x06),
    /** L2 lookup of remote ports. */
    L2_REMOTE(0x07),
    /** BUM flooding. */
    FLOOD(0x08),
    /** Egress to local ports and ingress dispatch. */
    EGRESS_LOCAL(0x09),
    /** Egress into tunnels. */
    EGRESS_TUNNEL(0x0a),
    /** Egress into provider networks. */
    EGRESS_PROVIDER(0x0b);

    private final int code;

    Purpose(final int code) {
        this.code = code;
    }

    /**
     * The purpose's code in cookie bits 31..24.
     *
     * @return the code
     */
    public int code() {
        return code;
    }
}
