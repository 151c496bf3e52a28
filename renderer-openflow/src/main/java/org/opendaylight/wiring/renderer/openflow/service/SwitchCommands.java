/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.service;

import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNode;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;

/**
 * Direct commands to a switch, for what the forwarding-rules manager does not do: delete a flow or group of ours that
 * is no longer in the config inventory, and push again what it failed to push (it only logs such failures). Fire and
 * forget: the next statistics show whether it worked.
 */
interface SwitchCommands {
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

    /**
     * Add (or replace, same table, priority and match) one flow.
     *
     * @param node the switch
     * @param flow the flow, as in the config inventory
     */
    void addFlow(InstanceIdentifier<FlowCapableNode> node, Flow flow);

    /**
     * Add a group the switch lacks, or replace the buckets of one it has.
     *
     * @param node the switch
     * @param original the group as the switch has it, null when it has none
     * @param group the group, as in the config inventory
     */
    void putGroup(InstanceIdentifier<FlowCapableNode> node, @Nullable Group original, Group group);
}
