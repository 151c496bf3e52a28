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
    public Group {
        buckets = buckets.stream().map(List::copyOf).toList();
    }
}
