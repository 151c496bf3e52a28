/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.service;

import java.util.Map;
import java.util.Objects;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.HostBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Network;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.NetworkBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.Bridge;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.Kernel;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.LogicalPort;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.ProviderPort;
import org.opendaylight.yangtools.yang.binding.ChildOf;
import org.opendaylight.yangtools.yang.binding.DataObject;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.binding.Key;
import org.opendaylight.yangtools.yang.binding.KeyAware;

/**
 * Writes a changed plan/host or plan/network entry as the difference to what was written before: the entry's own
 * leaves and only the list entries that were added, changed or removed. One new tunnel endpoint in a full mesh of
 * N hosts then writes N tunnel ports and N digests, not N hosts with N ports each.
 *
 * <p>Each method returns how many entries it wrote or deleted: a list entry, a host or network entry's own leaves,
 * the kernel container each count one, a whole entry counts everything in it.
 */
final class PlanWrites {
    private PlanWrites() {
        // utility
    }

    /**
     * Write a host entry.
     *
     * @param tx the transaction
     * @param path the entry's path
     * @param before what the datastore holds, null if nothing
     * @param after the new entry
     * @return how many entries were written or deleted
     */
    static int host(final WriteTransaction tx, final InstanceIdentifier<Host> path, final @Nullable Host before,
            final Host after) {
        if (before == null || !Objects.equals(before.getIntegrationBridge(), after.getIntegrationBridge())) {
            tx.put(LogicalDatastoreType.OPERATIONAL, path, after);
            return size(after);
        }
        // the entry's leaves are always present, so a merge replaces them all
        tx.merge(LogicalDatastoreType.OPERATIONAL, path, new HostBuilder().setHostId(after.getHostId())
            .setIntegrationBridge(after.getIntegrationBridge()).setDigest(after.getDigest()).build());
        int writes = 1;
        writes += list(tx, path, Bridge.class, before.getBridge(), after.getBridge());
        writes += list(tx, path, Port.class, before.getPort(), after.getPort());
        writes += list(tx, path,
            org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.Network.class,
            before.getNetwork(), after.getNetwork());
        writes += list(tx, path, LogicalPort.class, before.getLogicalPort(), after.getLogicalPort());
        writes += list(tx, path, ProviderPort.class, before.getProviderPort(), after.getProviderPort());
        if (!Objects.equals(before.getKernel(), after.getKernel())) {
            final var kernel = path.child(Kernel.class);
            if (after.getKernel() == null) {
                tx.delete(LogicalDatastoreType.OPERATIONAL, kernel);
            } else {
                tx.put(LogicalDatastoreType.OPERATIONAL, kernel, after.getKernel());
            }
            writes += after.getKernel() == null ? 1 : size(after.getKernel());
        }
        return writes;
    }

    /**
     * Write a network entry.
     *
     * @param tx the transaction
     * @param path the entry's path
     * @param before what the datastore holds, null if nothing
     * @param after the new entry
     * @return how many entries were written or deleted
     */
    static int network(final WriteTransaction tx, final InstanceIdentifier<Network> path,
            final @Nullable Network before, final Network after) {
        if (before == null || !sameLeaves(before, after)) {
            // an edited network (rare) may drop a leaf, which a merge would keep: write it whole
            tx.put(LogicalDatastoreType.OPERATIONAL, path, after);
            return size(after);
        }
        tx.merge(LogicalDatastoreType.OPERATIONAL, path, new NetworkBuilder().setNetwork(after.getNetwork())
            .setDigest(after.getDigest()).build());
        int writes = 1;
        writes += list(tx, path,
            org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.network.Port.class,
            before.getPort(), after.getPort());
        writes += list(tx, path,
            org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.network.Host.class,
            before.getHost(), after.getHost());
        return writes;
    }

    /**
     * How many entries a host entry holds: itself and every list entry (and the kernel container) in it.
     *
     * @param host the entry
     * @return the count
     */
    static int size(final Host host) {
        return 1 + host.nonnullBridge().size() + host.nonnullPort().size() + host.nonnullNetwork().size()
            + host.nonnullLogicalPort().size() + host.nonnullProviderPort().size()
            + (host.getKernel() == null ? 0 : size(host.getKernel()));
    }

    /**
     * How many entries a network entry holds: itself, its ports and its hosts.
     *
     * @param network the entry
     * @return the count
     */
    static int size(final Network network) {
        return 1 + network.nonnullPort().size() + network.nonnullHost().size();
    }

    private static int size(final Kernel kernel) {
        return 1 + kernel.nonnullRoutingTable().size() + kernel.nonnullAddress().size() + kernel.nonnullSysctl().size()
            + kernel.nonnullRule().size() + kernel.nonnullRoute().size() + kernel.nonnullNeighbour().size()
            + kernel.nonnullProxyNdp().size() + kernel.nonnullProviderFlow().size() + kernel.nonnullExposed().size();
    }

    private static boolean sameLeaves(final Network before, final Network after) {
        return Objects.equals(before.getName(), after.getName()) && before.getKind() == after.getKind()
            && Objects.equals(before.getSegmentationId(), after.getSegmentationId())
            && before.getTunnelType() == after.getTunnelType()
            && Objects.equals(before.getPhysicalNetwork(), after.getPhysicalNetwork())
            && Objects.equals(before.getVlanId(), after.getVlanId())
            && Objects.equals(before.getIntent(), after.getIntent());
    }

    private static <P extends DataObject, T extends KeyAware<K> & ChildOf<? super P>, K extends Key<T>> int list(
            final WriteTransaction tx, final InstanceIdentifier<P> parent, final Class<T> type,
            final @Nullable Map<K, T> before, final @Nullable Map<K, T> after) {
        final Map<K, T> old = before == null ? Map.of() : before;
        final Map<K, T> now = after == null ? Map.of() : after;
        int writes = 0;
        for (var entry : now.entrySet()) {
            if (!entry.getValue().equals(old.get(entry.getKey()))) {
                tx.put(LogicalDatastoreType.OPERATIONAL, parent.child(type, entry.getKey()), entry.getValue());
                writes++;
            }
        }
        for (var key : old.keySet()) {
            if (!now.containsKey(key)) {
                tx.delete(LogicalDatastoreType.OPERATIONAL, parent.child(type, key));
                writes++;
            }
        }
        return writes;
    }
}
