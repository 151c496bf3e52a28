/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.acceptance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.wiring.impl.intent.BgpSettings;
import org.opendaylight.wiring.impl.intent.IntentPaths;
import org.opendaylight.wiring.impl.intent.IntentRef;
import org.opendaylight.wiring.impl.intent.Intents;
import org.opendaylight.wiring.impl.plan.Allocation;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.accepted.rev261121.Accepted;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.accepted.rev261121.AcceptedBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.accepted.rev261121.accepted.BgpRedirectBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.accepted.rev261121.accepted.Decision;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.accepted.rev261121.accepted.DecisionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.accepted.rev261121.accepted.HostAllocation;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.accepted.rev261121.accepted.HostAllocationBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.accepted.rev261121.accepted.ProviderNetworksBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.accepted.rev261121.accepted.TunnelingBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.accepted.rev261121.accepted.host.allocation.Bridge;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.accepted.rev261121.accepted.host.allocation.BridgeBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.accepted.rev261121.accepted.host.allocation.Network;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.accepted.rev261121.accepted.host.allocation.NetworkBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.DeviceName;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.HostId;
import org.opendaylight.yangtools.yang.binding.DataObject;
import org.opendaylight.yangtools.yang.binding.Key;
import org.opendaylight.yangtools.yang.binding.KeyAware;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * Conversion between the {@code wiring-accepted} container (config datastore: survives restarts and failovers)
 * and the planner's values.
 */
public final class AcceptedStore {
    private AcceptedStore() {
        // utility
    }

    /**
     * The accepted versions as an intent snapshot.
     *
     * @param accepted the container, possibly absent
     * @return the intents (BGP switch off, default settings: those are never taken from here)
     */
    public static Intents intents(final @Nullable Accepted accepted) {
        final List<DataObject> entries = new ArrayList<>();
        if (accepted != null) {
            final var provider = accepted.getProviderNetworks();
            if (provider != null) {
                entries.addAll(provider.nonnullProviderNetwork().values());
                entries.addAll(provider.nonnullHost().values());
            }
            final var tunneling = accepted.getTunneling();
            if (tunneling != null) {
                entries.addAll(tunneling.nonnullTunnelEndpoint().values());
                entries.addAll(tunneling.nonnullOverlayNetwork().values());
                entries.addAll(tunneling.nonnullLogicalPort().values());
            }
            final var bgp = accepted.getBgpRedirect();
            if (bgp != null) {
                entries.addAll(bgp.nonnullRouter().values());
                entries.addAll(bgp.nonnullFloatingIp().values());
            }
        }
        return Intents.ofEntries(entries, false, BgpSettings.DEFAULTS);
    }

    /**
     * When each accepted version was accepted.
     *
     * @param accepted the container, possibly absent
     * @return time stamps by intent
     */
    public static Map<IntentRef, String> acceptedAt(final @Nullable Accepted accepted) {
        final Map<IntentRef, String> result = new HashMap<>();
        if (accepted != null) {
            for (Decision decision : accepted.nonnullDecision().values()) {
                result.put(IntentRef.parse(decision.getIntent().getValue()), decision.getAcceptedAt().getValue());
            }
        }
        return result;
    }

    /**
     * The numbers handed out per host and bridge.
     *
     * @param accepted the container, possibly absent
     * @return allocations
     */
    public static Map<String, Map<String, Allocation>> allocations(final @Nullable Accepted accepted) {
        return perHost(accepted, HostAllocation::nonnullBridge, bridge -> bridge.getName().getValue(),
            bridge -> new Allocation(
                bridge.getRoutingTable() == null ? 0 : bridge.getRoutingTable().toJava(),
                bridge.getDeviceIndex() == null ? 0 : bridge.getDeviceIndex().toJava()),
            true);
    }

    /**
     * The local network ids handed out per host and network reference.
     *
     * @param accepted the container, possibly absent
     * @return local ids
     */
    public static Map<String, Map<String, Integer>> networkIds(final @Nullable Accepted accepted) {
        return perHost(accepted, HostAllocation::nonnullNetwork, network -> network.getNetwork().getValue(),
            network -> network.getLocalId() == null ? null : network.getLocalId().toJava(), false);
    }

    /**
     * A map per host of what the host's allocation entry holds in one of its lists.
     *
     * @param accepted the container, possibly absent
     * @param list the list of a host's allocation entry
     * @param name the key in the map of a list entry
     * @param value the value in the map of a list entry, null to leave the entry out
     * @param keepEmpty whether a host whose map is empty is in the result
     * @return the maps by host id
     */
    private static <E, T> Map<String, Map<String, T>> perHost(final @Nullable Accepted accepted,
            final Function<HostAllocation, Map<?, E>> list, final Function<E, String> name,
            final Function<E, @Nullable T> value, final boolean keepEmpty) {
        final Map<String, Map<String, T>> result = new HashMap<>();
        if (accepted != null) {
            for (HostAllocation host : accepted.nonnullHostAllocation().values()) {
                final Map<String, T> entries = new HashMap<>();
                for (E entry : list.apply(host).values()) {
                    final T entryValue = value.apply(entry);
                    if (entryValue != null) {
                        entries.put(name.apply(entry), entryValue);
                    }
                }
                if (keepEmpty || !entries.isEmpty()) {
                    result.put(host.getHostId().getValue(), entries);
                }
            }
        }
        return result;
    }

    /**
     * The container to store after a decision.
     *
     * @param decision the decision
     * @param allocations the numbers the plan handed out
     * @return the container
     */
    public static Accepted build(final Acceptance.Decision decision,
            final SortedMap<String, SortedMap<String, Allocation>> allocations) {
        return build(decision, allocations, new TreeMap<>());
    }

    /**
     * The container to store after a decision.
     *
     * @param decision the decision
     * @param allocations the numbers the plan handed out to provider bridges
     * @param networkIds the local network ids the plan handed out, per host and network reference
     * @return the container
     */
    public static Accepted build(final Acceptance.Decision decision,
            final SortedMap<String, SortedMap<String, Allocation>> allocations,
            final SortedMap<String, SortedMap<String, Integer>> networkIds) {
        // the versions to keep are exactly those with an acceptance time: in force and not rejected
        final List<DataObject> kept = new ArrayList<>();
        IntentPaths.of(decision.inForce()).forEach((ref, intent) -> {
            if (decision.acceptedAt().containsKey(ref)) {
                kept.add(intent.entry());
            }
        });
        final var in = Intents.ofEntries(kept, false, BgpSettings.DEFAULTS);
        final var provider = new ProviderNetworksBuilder()
            .setProviderNetwork(map(in.providerNetworks()))
            .setHost(map(in.providerHosts())).build();
        final var tunneling = new TunnelingBuilder()
            .setTunnelEndpoint(map(in.tunnelEndpoints()))
            .setOverlayNetwork(map(in.overlayNetworks()))
            .setLogicalPort(map(in.logicalPorts())).build();
        final var bgp = new BgpRedirectBuilder()
            .setRouter(map(in.routers()))
            .setFloatingIp(map(in.floatingIps())).build();
        final List<Decision> decisions = new ArrayList<>();
        decision.acceptedAt().forEach((ref, time) -> decisions.add(new DecisionBuilder()
            .setIntent(new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentRef(
                ref.toString()))
            .setAcceptedAt(new DateAndTime(time)).build()));
        final List<HostAllocation> hosts = new ArrayList<>();
        final var hostIds = new TreeSet<String>(allocations.keySet());
        hostIds.addAll(networkIds.keySet());
        for (var host : hostIds) {
            final List<Bridge> list = new ArrayList<>();
            allocations.getOrDefault(host, new TreeMap<>()).forEach((name, allocation) -> list.add(new BridgeBuilder()
                .setName(new DeviceName(name))
                .setRoutingTable(allocation.table() == 0 ? null : Uint32.valueOf(allocation.table()))
                .setDeviceIndex(Uint8.valueOf(allocation.deviceIndex())).build()));
            final List<Network> networks = new ArrayList<>();
            networkIds.getOrDefault(host, new TreeMap<>()).forEach((ref, id) -> networks.add(new NetworkBuilder()
                .setNetwork(new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentRef(ref))
                .setLocalId(Uint16.valueOf(id)).build()));
            hosts.add(new HostAllocationBuilder().setHostId(new HostId(host)).setBridge(map(list))
                .setNetwork(map(networks)).build());
        }
        return new AcceptedBuilder().setProviderNetworks(provider).setTunneling(tunneling).setBgpRedirect(bgp)
            .setDecision(decisions.isEmpty() ? null : BindingMap.ordered(decisions))
            .setHostAllocation(hosts.isEmpty() ? null : BindingMap.ordered(hosts)).build();
    }

    private static <K extends Key<V>, V extends KeyAware<K>> @Nullable Map<K, V> map(
            final List<V> entries) {
        return entries.isEmpty() ? null : BindingMap.ordered(entries);
    }
}
