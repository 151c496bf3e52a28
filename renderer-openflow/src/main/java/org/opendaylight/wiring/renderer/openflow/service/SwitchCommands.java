/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.service;

import com.google.common.util.concurrent.ListenableFuture;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNode;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;

/**
 * Direct commands to a switch, for what the forwarding-rules manager does not do: delete a flow or group of ours that
 * is no longer in the config inventory, and push again what it failed to push (it only logs such failures). Fire and
 * forget: the next statistics show whether it worked. And read a few flows straight from the switch, when the periodic
 * statistics are too slow to tell whether a small change arrived.
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

    /**
     * Write one group and learn whether the switch took it, without openflowplugin's statistics: a group-mod that
     * modifies the group (adds it, should the switch not have it), answered once the switch's barrier reply or error
     * shows how it went.
     *
     * @param node the switch
     * @param group the group, as in the config inventory
     * @return true once the switch holds the group as given, false when it refused it; fails when it did not answer
     */
    ListenableFuture<Boolean> writeGroup(InstanceIdentifier<FlowCapableNode> node, Group group);

    /**
     * Read from the switch itself (not the periodic statistics) its flows in the table of the given flow, with the
     * given flow's exact cookie and a match that includes the given flow's (an OpenFlow flow-statistics request,
     * non-strict: the flow itself, if the switch has it, and any more specific one; with no match, every flow of that
     * table and cookie).
     *
     * @param node the switch
     * @param like the flow, as in the config inventory, or only its table and cookie
     * @return the flows as the switch reports them; fails when the switch does not answer
     */
    ListenableFuture<List<Flow>> readFlows(InstanceIdentifier<FlowCapableNode> node, Flow like);
}
