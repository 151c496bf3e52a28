/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline.flow;

/**
 * The standard OpenFlow 1.3 actions the pipeline uses.
 */
public sealed interface Action {
    /**
     * Output to a port.
     *
     * @param port the port number
     */
    record Output(long port) implements Action {
    }

    /**
     * Push an 802.1Q tag (ethertype 0x8100).
     */
    record PushVlan() implements Action {
    }

    /**
     * Pop the outermost VLAN tag.
     */
    record PopVlan() implements Action {
    }

    /**
     * Set the VLAN id (set_field OXM VLAN_VID with OFPVID_PRESENT).
     *
     * @param vid the VLAN id
     */
    record SetVlanVid(int vid) implements Action {
    }

    /**
     * Set the tunnel id (set_field OXM TUNNEL_ID).
     *
     * @param tunnelId the tunnel id (VNI)
     */
    record SetTunnelId(long tunnelId) implements Action {
    }

    /**
     * Process the packet through a group.
     *
     * @param groupId the group id
     */
    record ToGroup(long groupId) implements Action {
    }
}
