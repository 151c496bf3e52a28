/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.service;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.wiring.renderer.openflow.inventory.InventoryConverter;
import org.opendaylight.wiring.renderer.openflow.inventory.InventoryText;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatistics;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatisticsInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNode;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.AddFlow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.AddFlowInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.RemoveFlow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.RemoveFlowInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowCookie;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.service.rev130918.AddGroup;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.service.rev130918.AddGroupInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.service.rev130918.RemoveGroup;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.service.rev130918.RemoveGroupInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.service.rev130918.UpdateGroup;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.service.rev130918.UpdateGroupInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.service.rev130918.group.update.OriginalGroupBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.service.rev130918.group.update.UpdatedGroupBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switch commands through openflowplugin's {@code sal-flow} and {@code sal-group} RPCs, routed to the cluster member
 * that holds the switch's connection. A flow delete is strict, with the switch's own match and priority, our exact
 * cookie and a full cookie mask: it can only hit that one flow of ours. Flows are read with
 * {@code opendaylight-direct-statistics:get-flow-statistics}, not stored in the operational inventory.
 */
final class RpcSwitchCommands implements SwitchCommands {
    private static final Logger LOG = LoggerFactory.getLogger(RpcSwitchCommands.class);

    private final RemoveFlow removeFlow;
    private final RemoveGroup removeGroup;
    private final AddFlow addFlow;
    private final AddGroup addGroup;
    private final UpdateGroup updateGroup;
    private final GetFlowStatistics getFlowStatistics;

    RpcSwitchCommands(final RpcConsumerRegistry rpcs) {
        removeFlow = rpcs.getRpc(RemoveFlow.class);
        removeGroup = rpcs.getRpc(RemoveGroup.class);
        addFlow = rpcs.getRpc(AddFlow.class);
        addGroup = rpcs.getRpc(AddGroup.class);
        updateGroup = rpcs.getRpc(UpdateGroup.class);
        getFlowStatistics = rpcs.getRpc(GetFlowStatistics.class);
    }

    @Override
    public ListenableFuture<List<Flow>> readFlows(final InstanceIdentifier<FlowCapableNode> node, final Flow like) {
        final var input = new GetFlowStatisticsInputBuilder()
            .setNode(new NodeRef(node.firstIdentifierOf(Node.class)))
            .setStoreStats(false)
            .setTableId(like.getTableId())
            .setMatch(like.getMatch() == null ? new MatchBuilder().build() : like.getMatch())
            .setCookie(like.getCookie())
            .setCookieMask(new FlowCookie(InventoryConverter.COOKIE_MASK_EXACT))
            .build();
        return Futures.transform(getFlowStatistics.invoke(input), result -> {
            if (!result.isSuccessful() || result.getResult() == null) {
                throw new IllegalStateException("reading flows from the switch failed: " + result.getErrors());
            }
            final List<Flow> flows = new ArrayList<>();
            int index = 0;
            for (var stat : result.getResult().nonnullFlowAndStatisticsMapList()) {
                // the id is openflowplugin's name for the switch flow; only (table, priority, match) identify it
                flows.add(new FlowBuilder(stat).setId(new FlowId(stat.getFlowId() != null
                    ? stat.getFlowId().getValue() : "direct-" + index)).build());
                index++;
            }
            return flows;
        }, MoreExecutors.directExecutor());
    }

    @Override
    public void addFlow(final InstanceIdentifier<FlowCapableNode> node, final Flow flow) {
        log(addFlow.invoke(new AddFlowInputBuilder(flow).setNode(new NodeRef(node.firstIdentifierOf(Node.class)))
            .build()), "adding the flow " + InventoryText.flow(flow));
    }

    @Override
    public void putGroup(final InstanceIdentifier<FlowCapableNode> node, final @Nullable Group original,
            final Group group) {
        final var ref = new NodeRef(node.firstIdentifierOf(Node.class));
        if (original == null) {
            log(addGroup.invoke(new AddGroupInputBuilder(group).setNode(ref).build()),
                "adding the group " + group.getGroupId().getValue());
        } else {
            log(updateGroup.invoke(new UpdateGroupInputBuilder().setNode(ref)
                .setOriginalGroup(new OriginalGroupBuilder(original).build())
                .setUpdatedGroup(new UpdatedGroupBuilder(group).build()).build()),
                "updating the group " + group.getGroupId().getValue());
        }
    }

    @Override
    public ListenableFuture<Boolean> writeGroup(final InstanceIdentifier<FlowCapableNode> node, final Group group) {
        final var ref = new NodeRef(node.firstIdentifierOf(Node.class));
        // OpenFlow 1.3 has no add-or-modify: modify first (the usual case: the switch has the group, its statistics
        // do not show it), add when the switch does not know the group
        return Futures.transformAsync(updateGroup.invoke(new UpdateGroupInputBuilder().setNode(ref)
            .setOriginalGroup(new OriginalGroupBuilder(group).build())
            .setUpdatedGroup(new UpdatedGroupBuilder(group).build()).build()), modified -> {
                if (modified.isSuccessful()) {
                    return Futures.immediateFuture(true);
                }
                LOG.debug("Modifying the group {} failed ({}); adding it", group.getGroupId().getValue(),
                    modified.getErrors());
                return Futures.transform(addGroup.invoke(new AddGroupInputBuilder(group).setNode(ref).build()),
                    added -> {
                        if (!added.isSuccessful()) {
                            LOG.warn("Writing the group {} failed: {}", group.getGroupId().getValue(),
                                added.getErrors());
                        }
                        return added.isSuccessful();
                    }, MoreExecutors.directExecutor());
            }, MoreExecutors.directExecutor());
    }

    @Override
    public void removeFlow(final InstanceIdentifier<FlowCapableNode> node, final Flow flow) {
        final var input = new RemoveFlowInputBuilder(flow).setNode(new NodeRef(node.firstIdentifierOf(Node.class)))
            .setStrict(true).setCookieMask(new FlowCookie(InventoryConverter.COOKIE_MASK_EXACT)).build();
        log(removeFlow.invoke(input), "removing the stale flow " + InventoryText.flow(flow));
    }

    @Override
    public void removeGroup(final InstanceIdentifier<FlowCapableNode> node, final Group group) {
        final var input = new RemoveGroupInputBuilder(group).setNode(new NodeRef(node.firstIdentifierOf(Node.class)))
            .build();
        log(removeGroup.invoke(input), "removing the stale group " + group.getGroupId().getValue());
    }

    private static <T> void log(final ListenableFuture<RpcResult<T>> result, final String what) {
        Futures.addCallback(result, new FutureCallback<>() {
            @Override
            public void onSuccess(final RpcResult<T> rpcResult) {
                if (!rpcResult.isSuccessful()) {
                    LOG.warn("{} failed: {}", what, rpcResult.getErrors());
                }
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("{} failed", what, cause);
            }
        }, MoreExecutors.directExecutor());
    }
}
