/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline.input;

/**
 * How a network reaches other hosts.
 */
public enum NetworkKind {
    /** An overlay network: other hosts through tunnels, identified there by its VNI ({@code tunnel_id}). */
    OVERLAY,
    /** A flat provider network: untagged frames on the physical network's patch port. */
    FLAT,
    /** A VLAN provider network: frames tagged with its VLAN on the physical network's patch port. */
    VLAN
}
