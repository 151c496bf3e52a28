/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.service;

import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNode;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;

/**
 * Deletes a flow or group of ours that is on a switch but no longer in the config inventory (the forwarding-rules
 * manager never deletes those). Fire and forget: the next statistics show whether it worked.
 */
interface StaleRemover {
    /**
     * Strictly delete one flow, as the switch reported it, with its exact cookie.
     *
     * @param node the switch
     * @param flow the flow
     */
    void removeFlow(InstanceIdentifier<FlowCapableNode> node, Flow flow);

    /**
     * Delete one group.
     *
     * @param node the switch
     * @param group the group
     */
    void removeGroup(InstanceIdentifier<FlowCapableNode> node, Group group);
}
