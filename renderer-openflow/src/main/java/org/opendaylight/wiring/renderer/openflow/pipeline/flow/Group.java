/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline.flow;

import java.util.List;

/**
 * An ALL group: every bucket gets a copy of the packet.
 *
 * @param groupId the group id
 * @param buckets the buckets, each a list of actions (an action set: set fields before output)
 */
public record Group(long groupId, List<List<Action>> buckets) {
    /** The largest OpenFlow message (its length field has 16 bits): a group-mod must fit in it. */
    public static final int MAX_MESSAGE_BYTES = 0xffff;
    /** An OpenFlow 1.3 group-mod without buckets: header, command, type, padding, group id. */
    public static final int GROUP_MOD_BYTES = 16;
    private static final int BUCKET_HEADER_BYTES = 16;

    public Group {
        buckets = buckets.stream().map(List::copyOf).toList();
    }

    /**
     * The size of one bucket in an OpenFlow 1.3 group-mod (ofp_bucket, its actions padded to 8 bytes).
     *
     * @param actions the bucket's actions
     * @return its bytes
     */
    public static int bucketBytes(final List<Action> actions) {
        int bytes = BUCKET_HEADER_BYTES;
        for (Action action : actions) {
            if (action instanceof Action.PushVlan || action instanceof Action.PopVlan
                    || action instanceof Action.ToGroup) {
                // ofp_action_push, ofp_action_generic, ofp_action_group
                bytes += 8;
            } else {
                // ofp_action_output; ofp_action_set_field: 4 + OXM header 4 + a value of up to 8, padded to 8
                bytes += 16;
            }
        }
        return bytes;
    }

    /**
     * The size of this group's group-mod message.
     *
     * @return its bytes; more than {@link #MAX_MESSAGE_BYTES} cannot be sent
     */
    public int messageBytes() {
        return GROUP_MOD_BYTES + buckets.stream().mapToInt(Group::bucketBytes).sum();
    }
}
