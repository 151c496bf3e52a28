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
import org.opendaylight.mdsal.binding.api.RpcConsumerRegistry;
import org.opendaylight.wiring.renderer.openflow.inventory.InventoryConverter;
import org.opendaylight.wiring.renderer.openflow.inventory.InventoryText;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNode;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.RemoveFlow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.RemoveFlowInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowCookie;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.service.rev130918.RemoveGroup;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.service.rev130918.RemoveGroupInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stale removal through openflowplugin's {@code sal-flow:remove-flow} and {@code sal-group:remove-group} RPCs, routed
 * to the cluster member that holds the switch's connection. A flow delete is strict, with the switch's own match and
 * priority, our exact cookie and a full cookie mask: it can only hit that one flow of ours.
 */
final class RpcStaleRemover implements StaleRemover {
    private static final Logger LOG = LoggerFactory.getLogger(RpcStaleRemover.class);

    private final RemoveFlow removeFlow;
    private final RemoveGroup removeGroup;

    RpcStaleRemover(final RpcConsumerRegistry rpcs) {
        removeFlow = rpcs.getRpc(RemoveFlow.class);
        removeGroup = rpcs.getRpc(RemoveGroup.class);
    }

    @Override
    public void removeFlow(final InstanceIdentifier<FlowCapableNode> node, final Flow flow) {
        final var input = new RemoveFlowInputBuilder(flow).setNode(new NodeRef(node.firstIdentifierOf(Node.class)))
            .setStrict(true).setCookieMask(new FlowCookie(InventoryConverter.COOKIE_MASK_EXACT)).build();
        log(removeFlow.invoke(input), "flow " + InventoryText.flow(flow));
    }

    @Override
    public void removeGroup(final InstanceIdentifier<FlowCapableNode> node, final Group group) {
        final var input = new RemoveGroupInputBuilder(group).setNode(new NodeRef(node.firstIdentifierOf(Node.class)))
            .build();
        log(removeGroup.invoke(input), "group " + group.getGroupId().getValue());
    }

    private static <T> void log(final ListenableFuture<RpcResult<T>> result, final String what) {
        Futures.addCallback(result, new FutureCallback<>() {
            @Override
            public void onSuccess(final RpcResult<T> rpcResult) {
                if (!rpcResult.isSuccessful()) {
                    LOG.warn("Removing the stale {} failed: {}", what, rpcResult.getErrors());
                }
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("Removing the stale {} failed", what, cause);
            }
        }, MoreExecutors.directExecutor());
    }
}
