/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.wiring.impl.intent.BgpSettings;
import org.opendaylight.wiring.impl.intent.IntentKind;
import org.opendaylight.wiring.impl.intent.IntentRef;
import org.opendaylight.wiring.impl.intent.Intents;
import org.opendaylight.wiring.impl.intent.PortNetwork;
import org.opendaylight.wiring.impl.net.IpPrefix;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.TenantAdvertisement;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.host.list.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.provider.network.list.ProviderNetwork;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.logical.port.list.LogicalPort;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.overlay.network.list.OverlayNetwork;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.tunnel.endpoint.list.TunnelEndpoint;

/**
 * Turns the accepted intents into the desired state of every host. Pure and deterministic: the same intents always
 * give the same plan, whatever the order they were written in.
 *
 * <p>Exposure follows ovn-bgp-agent's underlay method: a provider port's and a floating IP's addresses are exposed
 * on the host of the port, a router gateway port's addresses (and, with expose-tenant-networks, its subnets and the
 * tenant ports in them) on the gateway's host.
 */
public final class Planner {
    private static final String BRIDGE_V4 = "169.254.%d.%d/32";
    private static final String BRIDGE_V6 = "fd53:d91e:400:7f17::%x:%x/128";
    private static final int MAX_DEVICE_INDEX = 15;
    private static final long FIRST_RESERVED_TABLE = 253;
    private static final long LAST_RESERVED_TABLE = 255;
    private static final int MAX_NETWORK_ID = 0xffff;

    /** Host settings of an accepted provider-host intent, or defaults. */
    private record HostSettings(String integrationBridge, String datapathType, List<Mapping> mappings,
            @Nullable IntentRef ref) {
        @Nullable Mapping mapping(final String physnet) {
            return mappings.stream().filter(m -> m.physnet.equals(physnet)).findFirst().orElse(null);
        }
    }

    /** One bridge mapping with the routing table and index the plan gives it. */
    private record Mapping(String physnet, String bridge, @Nullable String uplink, @Nullable Long pinnedTable,
            int index) {
        // value
    }

    private final Intents intents;
    private final Map<IntentRef, String> rejected;
    private final SortedMap<String, HostPlan> hosts = new TreeMap<>();
    private final Map<IntentRef, SortedMap<String, String>> hostRejections = new HashMap<>();
    private final Map<IntentRef, String> unplaced = new HashMap<>();
    private final Map<String, HostSettings> settings = new HashMap<>();
    private final Set<String> blockedHosts = new HashSet<>();
    private final Map<String, ProviderNetwork> networks = new LinkedHashMap<>();
    private final Map<String, LogicalPort> ports = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> tablesByHost = new HashMap<>();
    private final Map<String, Map<String, Allocation>> previousAllocations;
    private final SortedMap<String, SortedMap<String, Allocation>> allocations = new TreeMap<>();
    private final Map<String, OverlayNetwork> overlays = new HashMap<>();
    // per host, the networks present and the ports that make them present
    private final SortedMap<String, SortedMap<IntentRef, List<IntentRef>>> present = new TreeMap<>();
    private final Map<IntentRef, NetworkIdentity> identities = new HashMap<>();
    private final SortedMap<String, NetworkPlan> networkPlans = new TreeMap<>();
    private final Map<String, Map<String, Integer>> previousNetworkIds;
    private final SortedMap<String, SortedMap<String, Integer>> networkIds = new TreeMap<>();

    private Planner(final Intents intents, final Map<IntentRef, String> rejected,
            final Map<String, Map<String, Allocation>> previousAllocations,
            final Map<String, Map<String, Integer>> previousNetworkIds) {
        this.intents = intents;
        this.rejected = rejected;
        this.previousAllocations = previousAllocations;
        this.previousNetworkIds = previousNetworkIds;
    }

    /**
     * Plan all hosts.
     *
     * @param intents all intents
     * @param rejected intents the validator rejected; they are ignored
     * @return the plan
     */
    public static PlanResult plan(final Intents intents, final Map<IntentRef, String> rejected) {
        return plan(intents, rejected, Map.of());
    }

    /**
     * Plan all hosts, keeping the numbers handed out before.
     *
     * @param intents all intents
     * @param rejected intents the validator rejected; they are ignored
     * @param previousAllocations per host and provider bridge, the routing table and device index handed out by an
     *     earlier run; a bridge keeps them while it stays mapped
     * @return the plan
     */
    public static PlanResult plan(final Intents intents, final Map<IntentRef, String> rejected,
            final Map<String, Map<String, Allocation>> previousAllocations) {
        return plan(intents, rejected, previousAllocations, Map.of());
    }

    /**
     * Plan all hosts, keeping the numbers handed out before.
     *
     * @param intents all intents
     * @param rejected intents the validator rejected; they are ignored
     * @param previousAllocations per host and provider bridge, the routing table and device index handed out by an
     *     earlier run; a bridge keeps them while it stays mapped
     * @param previousNetworkIds per host and network reference, the local id handed out by an earlier run; a
     *     network keeps it while it stays present on the host
     * @return the plan
     */
    public static PlanResult plan(final Intents intents, final Map<IntentRef, String> rejected,
            final Map<String, Map<String, Allocation>> previousAllocations,
            final Map<String, Map<String, Integer>> previousNetworkIds) {
        final var planner = new Planner(intents, rejected, previousAllocations, previousNetworkIds);
        planner.run();
        // a host where nothing could be placed gets no plan at all, not an empty integration bridge
        planner.hosts.values().removeIf(plan -> plan.allOrigins().isEmpty());
        return new PlanResult(planner.hosts, planner.hostRejections, planner.unplaced, planner.allocations,
            planner.networkPlans, planner.networkIds);
    }

    private boolean accepted(final IntentRef ref) {
        return !rejected.containsKey(ref);
    }

    private void run() {
        for (var net : intents.providerNetworks()) {
            if (accepted(ref(IntentKind.PROVIDER_NETWORK, net.getName().getValue()))) {
                networks.put(net.getName().getValue(), net);
            }
        }
        for (var port : intents.logicalPorts()) {
            if (accepted(ref(IntentKind.LOGICAL_PORT, port.getId().getValue()))) {
                ports.put(port.getId().getValue(), port);
            }
        }
        for (var net : intents.overlayNetworks()) {
            if (accepted(ref(IntentKind.OVERLAY_NETWORK, net.getName().getValue()))) {
                overlays.put(net.getName().getValue(), net);
            }
        }
        hostSettings();
        providerBridges();
        tunnels();
        logicalPorts();
        networksPresent();
        if (intents.bgpEnabled()) {
            bgpRedirect();
        }
        unplacedReasons();
    }

    private static IntentRef ref(final IntentKind kind, final String key) {
        return IntentRef.of(kind, key);
    }

    private void hostSettings() {
        for (Host host : intents.providerHosts()) {
            final var hostId = host.getHostId().getValue();
            final var ref = ref(IntentKind.PROVIDER_HOST, hostId);
            if (!accepted(ref)) {
                blockedHosts.add(hostId);
                continue;
            }
            final var mappings = new ArrayList<Mapping>();
            final var sorted = host.nonnullBridgeMapping().values().stream()
                .sorted(java.util.Comparator.comparing(m -> m.getBridge().getValue())).toList();
            final var indexes = deviceIndexes(hostId, sorted.stream().map(m -> m.getBridge().getValue()).toList());
            for (var mapping : sorted) {
                mappings.add(new Mapping(mapping.getPhysicalNetwork().getValue(), mapping.getBridge().getValue(),
                    mapping.getUplinkInterface() == null ? null : mapping.getUplinkInterface().getValue(),
                    mapping.getRoutingTable() == null ? null : mapping.getRoutingTable().toJava(),
                    indexes.get(mapping.getBridge().getValue())));
                final var old = previousAllocations.getOrDefault(hostId, Map.of()).get(mapping.getBridge().getValue());
                allocations.computeIfAbsent(hostId, k -> new TreeMap<>()).put(mapping.getBridge().getValue(),
                    new Allocation(old == null ? 0 : old.table(), indexes.get(mapping.getBridge().getValue())));
            }
            settings.put(hostId, new HostSettings(
                host.getIntegrationBridge() == null ? "br-int" : host.getIntegrationBridge().getValue(),
                host.getDatapathType() == null ? "system" : host.getDatapathType().getName(),
                List.copyOf(mappings), ref));
        }
    }

    /**
     * Device indexes 1..15 of a host's provider bridges: kept from the previous allocation, new bridges get the
     * smallest free index. The index decides the bridge's link-local addresses, so it must not move when another
     * bridge is added or removed.
     */
    private Map<String, Integer> deviceIndexes(final String hostId, final List<String> bridges) {
        final var previous = previousAllocations.getOrDefault(hostId, Map.of());
        final Map<String, Integer> result = new HashMap<>();
        final Set<Integer> taken = new HashSet<>();
        for (var bridge : bridges) {
            final var old = previous.get(bridge);
            if (old != null && old.deviceIndex() >= 1 && old.deviceIndex() <= MAX_DEVICE_INDEX
                    && taken.add(old.deviceIndex())) {
                result.put(bridge, old.deviceIndex());
            }
        }
        int next = 1;
        for (var bridge : bridges) {
            if (!result.containsKey(bridge)) {
                while (taken.contains(next)) {
                    next++;
                }
                taken.add(next);
                result.put(bridge, next);
            }
        }
        return result;
    }

    /**
     * The host's plan, created on first use. Returns null (and records a per-host rejection for the origin) when
     * the host's own settings are rejected: nothing is planned on such a host.
     */
    private @Nullable HostPlan host(final String hostId, final IntentRef origin) {
        if (blockedHosts.contains(hostId)) {
            rejectOnHost(origin, hostId, "host: settings provider-host/" + hostId + " are rejected");
            return null;
        }
        return hosts.computeIfAbsent(hostId, id -> {
            final var hs = settingsOf(id);
            final var plan = new HostPlan(id, hs.integrationBridge(), hs.datapathType());
            if (hs.ref() != null) {
                plan.useIntegrationBridge(List.of(hs.ref()));
            }
            return plan;
        });
    }

    private HostSettings settingsOf(final String hostId) {
        return settings.getOrDefault(hostId, new HostSettings("br-int", "system", List.of(), null));
    }

    private void rejectOnHost(final IntentRef ref, final String hostId, final String reason) {
        hostRejections.computeIfAbsent(ref, k -> new TreeMap<>()).putIfAbsent(hostId, reason);
    }

    private List<IntentRef> networksOn(final String physnet) {
        return networks.values().stream()
            .filter(net -> net.getPhysicalNetwork().getValue().equals(physnet))
            .map(net -> ref(IntentKind.PROVIDER_NETWORK, net.getName().getValue()))
            .toList();
    }

    private void providerBridges() {
        for (var entry : new TreeMap<>(settings).entrySet()) {
            final var hs = entry.getValue();
            final var plan = host(entry.getKey(), hs.ref());
            if (plan == null) {
                continue;
            }
            for (var mapping : hs.mappings()) {
                final var origins = new ArrayList<IntentRef>();
                origins.add(hs.ref());
                origins.addAll(networksOn(mapping.physnet()));
                check(hs.ref(), entry.getKey(), plan.addBridge(
                    new HostPlan.Bridge(mapping.bridge(), false, hs.datapathType(), mapping.physnet()), origins));
                check(hs.ref(), entry.getKey(), plan.addPort(new HostPlan.Port(
                    Names.integrationPatch(mapping.bridge()), hs.integrationBridge(), "patch",
                    Names.providerPatch(mapping.bridge()), null, null, null, null), origins));
                check(hs.ref(), entry.getKey(), plan.addPort(new HostPlan.Port(
                    Names.providerPatch(mapping.bridge()), mapping.bridge(), "patch",
                    Names.integrationPatch(mapping.bridge()), null, null, null, null), origins));
                if (mapping.uplink() != null) {
                    check(hs.ref(), entry.getKey(), plan.addPort(new HostPlan.Port(mapping.uplink(),
                        mapping.bridge(), "system", null, null, null, null, null), origins));
                }
            }
        }
    }

    private void check(final IntentRef origin, final String hostId, final @Nullable String conflict) {
        if (conflict != null) {
            rejectOnHost(origin, hostId, conflict);
        }
    }

    private void tunnels() {
        final Map<String, List<TunnelEndpoint>> byType = new TreeMap<>();
        for (var ep : intents.tunnelEndpoints()) {
            if (accepted(ref(IntentKind.TUNNEL_ENDPOINT, Intents.endpointKey(ep)))) {
                byType.computeIfAbsent(ep.getTunnelType().getName(), k -> new ArrayList<>()).add(ep);
            }
        }
        for (var entry : byType.entrySet()) {
            final var type = entry.getKey();
            for (var local : entry.getValue()) {
                final var localHost = local.getHostId().getValue();
                final var localRef = ref(IntentKind.TUNNEL_ENDPOINT, Intents.endpointKey(local));
                final var plan = host(localHost, localRef);
                if (plan == null) {
                    continue;
                }
                plan.useIntegrationBridge(List.of(localRef));
                final var localIp = IpPrefix.host(local.getLocalIp().getValue());
                for (var remote : entry.getValue()) {
                    final var remoteHost = remote.getHostId().getValue();
                    if (remoteHost.equals(localHost) || blockedHosts.contains(remoteHost)) {
                        continue;
                    }
                    final var remoteIp = IpPrefix.host(remote.getLocalIp().getValue());
                    final var portType = "gre".equals(type) && !localIp.isIpv4() ? "ip6gre" : type;
                    final var remoteRef = ref(IntentKind.TUNNEL_ENDPOINT, Intents.endpointKey(remote));
                    check(localRef, localHost, plan.addPort(new HostPlan.Port(Names.tunnelPort(type, remoteHost),
                        plan.integrationBridge(), portType, null, null, localIp.addressString(),
                        remoteIp.addressString(), remoteHost), List.of(localRef, remoteRef)));
                }
            }
        }
    }

    private void logicalPorts() {
        for (var port : ports.values()) {
            if (port.getHost() == null) {
                continue;
            }
            final var hostId = port.getHost().getValue();
            final var ref = ref(IntentKind.LOGICAL_PORT, port.getId().getValue());
            final var network = PortNetwork.of(port);
            final var netRef = ref(network.overlay() ? IntentKind.OVERLAY_NETWORK : IntentKind.PROVIDER_NETWORK,
                network.name());
            if (!network.overlay() && !blockedHosts.contains(hostId)) {
                final var physnet = networks.get(network.name()).getPhysicalNetwork().getValue();
                if (settingsOf(hostId).mapping(physnet) == null) {
                    rejectOnHost(ref, hostId, "host: " + hostId + " has no bridge-mapping for physical network "
                        + physnet);
                    continue;
                }
            }
            final var plan = host(hostId, ref);
            if (plan == null) {
                continue;
            }
            final var identity = identity(network, netRef);
            if (identity == null) {
                // the validator rejects a port whose network is not accepted; nothing to place without it
                continue;
            }
            final var mac = port.getMacAddress().getValue().toLowerCase(Locale.ROOT);
            final var conflict = plan.addLogicalPort(logicalPort(port, netRef, mac), List.of(ref, netRef));
            if (conflict != null) {
                rejectOnHost(ref, hostId, "interface-id: " + conflict);
                continue;
            }
            plan.useIntegrationBridge(List.of(ref, netRef));
            present.computeIfAbsent(hostId, k -> new TreeMap<>()).computeIfAbsent(netRef, k -> new ArrayList<>())
                .add(ref);
            networkPlans.computeIfAbsent(netRef.toString(), k -> new NetworkPlan(identity))
                .addPort(new NetworkPlan.Port(port.getId().getValue(), mac, hostId), ref);
            if (identity.physicalNetwork() != null) {
                final var mapping = settingsOf(hostId).mapping(identity.physicalNetwork());
                check(ref, hostId, plan.addProviderPort(new HostPlan.ProviderPort(identity.physicalNetwork(),
                    Names.integrationPatch(mapping.bridge()), mapping.bridge()), List.of(ref, netRef)));
            }
        }
    }

    private @Nullable NetworkIdentity identity(final PortNetwork network, final IntentRef netRef) {
        return identities.computeIfAbsent(netRef, k -> {
            if (network.overlay()) {
                final var overlay = overlays.get(network.name());
                return overlay == null ? null : NetworkIdentity.overlay(netRef, network.name(),
                    overlay.getSegmentationId().getValue().toJava(),
                    overlay.getTunnelType() == null ? "vxlan" : overlay.getTunnelType().getName());
            }
            final var provider = networks.get(network.name());
            return provider == null ? null : NetworkIdentity.provider(netRef, network.name(),
                provider.getPhysicalNetwork().getValue(), provider.getType() == ProviderNetwork.Type.Vlan
                    ? provider.getVlanId().getValue().toJava() : null);
        });
    }

    private static HostPlan.LogicalPort logicalPort(final LogicalPort port, final IntentRef netRef,
            final String mac) {
        final var id = port.getId().getValue();
        final var pairs = port.nonnullAllowedAddressPair().values().stream()
            .map(pair -> new HostPlan.AddressPair(IpPrefix.parse(pair.getIpPrefix().getValue()).toString(),
                pair.getMacAddress().getValue().toLowerCase(Locale.ROOT)))
            .sorted(Comparator.comparing(HostPlan.AddressPair::ipPrefix).thenComparing(HostPlan.AddressPair::mac))
            .distinct()
            .toList();
        return new HostPlan.LogicalPort(port.getInterfaceId() != null ? port.getInterfaceId() : id, id,
            netRef.toString(), mac,
            PortNetwork.sortedIps(port.getFixedIp()).stream().map(ip -> IpPrefix.host(ip.getValue()).addressString())
                .toList(),
            !Boolean.FALSE.equals(port.getPortSecurity()), pairs);
    }

    /**
     * The networks present on each host, with their local ids: kept from the previous allocation while present,
     * new ones get the smallest free id in network order. The id is in every flow of the network on the host, so
     * it must not move when another network comes or goes, and is never handed to another network while in use.
     */
    private void networksPresent() {
        for (var entry : present.entrySet()) {
            final var hostId = entry.getKey();
            final var plan = hosts.get(hostId);
            final var previous = previousNetworkIds.getOrDefault(hostId, Map.of());
            final Map<IntentRef, Integer> ids = new HashMap<>();
            final Set<Integer> taken = new HashSet<>();
            for (var net : entry.getValue().keySet()) {
                final var old = previous.get(net.toString());
                if (old != null && old >= 1 && old <= MAX_NETWORK_ID && taken.add(old)) {
                    ids.put(net, old);
                }
            }
            int next = 1;
            for (var net : entry.getValue().entrySet()) {
                if (!ids.containsKey(net.getKey())) {
                    while (taken.contains(next)) {
                        next++;
                    }
                    if (next > MAX_NETWORK_ID) {
                        net.getValue().forEach(port -> rejectOnHost(port, hostId, "network: " + net.getKey()
                            + " does not fit: host " + hostId + " already has " + MAX_NETWORK_ID + " networks"));
                        continue;
                    }
                    taken.add(next);
                    ids.put(net.getKey(), next);
                }
                final int id = ids.get(net.getKey());
                final var origins = new ArrayList<IntentRef>();
                origins.add(net.getKey());
                origins.addAll(net.getValue());
                plan.addNetwork(new HostPlan.Network(identities.get(net.getKey()), id), origins);
                networkIds.computeIfAbsent(hostId, k -> new TreeMap<>()).put(net.getKey().toString(), id);
            }
        }
    }

    private void bgpRedirect() {
        final var bgp = intents.bgpSettings();
        for (var entry : new TreeMap<>(settings).entrySet()) {
            final var hs = entry.getValue();
            final var mappings = hs.mappings().stream()
                .filter(mapping -> !bgp.excludedPhysicalNetworks().contains(mapping.physnet())).toList();
            if (mappings.isEmpty()) {
                continue;
            }
            final var plan = host(entry.getKey(), hs.ref());
            if (plan == null) {
                continue;
            }
            plan.setExpose(new HostPlan.Expose(bgp.exposeDevice(), bgp.vrfName(), bgp.vrfTable()));
            final var origin = List.of(hs.ref());
            plan.addSysctl(new HostPlan.Sysctl("net.ipv4.ip_forward", "1"), origin);
            plan.addSysctl(new HostPlan.Sysctl("net.ipv6.conf.all.forwarding", "1"), origin);
            final var tables = allocateTables(mappings, bgp,
                previousAllocations.getOrDefault(entry.getKey(), Map.of()));
            tablesByHost.put(entry.getKey(), tables);
            for (var mapping : mappings) {
                final long table = tables.get(mapping.bridge());
                allocations.computeIfAbsent(entry.getKey(), k -> new TreeMap<>())
                    .put(mapping.bridge(), new Allocation(table, mapping.index()));
                plan.addTable(new HostPlan.RoutingTable(table, mapping.bridge()), origin);
                deviceBasics(plan, mapping.bridge(), mapping.index(), 0, origin);
                plan.addRoute(new HostPlan.Route(table, "0.0.0.0/0", mapping.bridge(), null), origin);
                plan.addRoute(new HostPlan.Route(table, "::/0", mapping.bridge(), null), origin);
                plan.addProviderFlow(new HostPlan.ProviderFlow(mapping.bridge(), Names.providerPatch(mapping.bridge()),
                    bgp.flowCookie()), origin);
            }
        }
        exposeProviderPorts();
        exposeFloatingIps();
        exposeRouters(bgp);
    }

    /**
     * Tables for every mapping: the pinned ones, then the ones handed out before (a table id, once the kernel holds
     * routes and rules for it, must not move because another bridge came or went), then consecutive free ids from
     * the base in bridge name order, never the VRF table nor the kernel's reserved 253..255.
     */
    private static Map<String, Long> allocateTables(final List<Mapping> mappings, final BgpSettings bgp,
            final Map<String, Allocation> previous) {
        final Map<String, Long> result = new HashMap<>();
        final Set<Long> taken = new HashSet<>();
        taken.add(bgp.vrfTable());
        for (var mapping : mappings) {
            if (mapping.pinnedTable() != null) {
                result.put(mapping.bridge(), mapping.pinnedTable());
                taken.add(mapping.pinnedTable());
            }
        }
        for (var mapping : mappings) {
            final var old = previous.get(mapping.bridge());
            if (mapping.pinnedTable() == null && old != null && old.table() >= bgp.routingTableBase()
                    && !(old.table() >= FIRST_RESERVED_TABLE && old.table() <= LAST_RESERVED_TABLE)
                    && taken.add(old.table())) {
                result.put(mapping.bridge(), old.table());
            }
        }
        long next = bgp.routingTableBase();
        for (var mapping : mappings) {
            if (!result.containsKey(mapping.bridge())) {
                while (taken.contains(next) || next >= FIRST_RESERVED_TABLE && next <= LAST_RESERVED_TABLE) {
                    next++;
                }
                result.put(mapping.bridge(), next);
                taken.add(next);
            }
        }
        return result;
    }

    /**
     * Link-local addresses so the device answers ARP/NDP, and proxy ARP/NDP on it. Unique per host for every
     * (device index 1..15, VLAN 0..4095; 0 = the bridge itself): 169.254.(16 * (index - 1) + vlan / 256 + 1).
     * (vlan % 256), third octet 1..240, so never 169.254.0.x nor 169.254.255.x (RFC 3927 reserved).
     */
    private static void deviceBasics(final HostPlan plan, final String device, final int index, final int vlan,
            final List<IntentRef> origin) {
        plan.addAddress(new HostPlan.Address(device, linkLocalV4(index, vlan)), origin);
        plan.addAddress(new HostPlan.Address(device, String.format(BRIDGE_V6, index, vlan)), origin);
        plan.addSysctl(new HostPlan.Sysctl(Names.deviceSysctl("ipv4", device, "proxy_arp"), "1"), origin);
        plan.addSysctl(new HostPlan.Sysctl(Names.deviceSysctl("ipv6", device, "proxy_ndp"), "1"), origin);
    }

    static String linkLocalV4(final int index, final int vlan) {
        return String.format(BRIDGE_V4, 16 * (index - 1) + (vlan >> 8) + 1, vlan & 0xff);
    }

    /** The device and table through which addresses of a provider network are reached on a host. */
    private record Via(HostPlan plan, String device, long table) {
        // value
    }

    private @Nullable Via via(final String hostId, final String networkName, final List<IntentRef> origins) {
        final var owner = origins.get(0);
        final var plan = host(hostId, owner);
        if (plan == null) {
            return null;
        }
        final var net = networks.get(networkName);
        final var physnet = net.getPhysicalNetwork().getValue();
        if (intents.bgpSettings().excludedPhysicalNetworks().contains(physnet)) {
            // switched, not routed: nothing of this network is exposed
            return null;
        }
        final var mapping = settingsOf(hostId).mapping(physnet);
        if (mapping == null) {
            rejectOnHost(owner, hostId, "host: " + hostId + " has no bridge-mapping for physical network " + physnet);
            return null;
        }
        final long table = tablesByHost.get(hostId).get(mapping.bridge());
        final var netRef = ref(IntentKind.PROVIDER_NETWORK, networkName);
        final var all = new ArrayList<>(origins);
        all.add(netRef);
        if (net.getType() != ProviderNetwork.Type.Vlan) {
            return new Via(plan, mapping.bridge(), table);
        }
        final int vlan = net.getVlanId().getValue().toJava();
        final var device = Names.vlanDevice(mapping.bridge(), vlan);
        final var conflict = plan.addPort(new HostPlan.Port(device, mapping.bridge(), "internal", null, vlan, null,
            null, null), all);
        if (conflict != null) {
            rejectOnHost(owner, hostId, "provider-network: VLAN device " + device + " clashes: " + conflict);
            return null;
        }
        deviceBasics(plan, device, mapping.index(), vlan, all);
        return new Via(plan, device, table);
    }

    /** Expose a host address: on the expose device, ip rule into the bridge table, and a route into the bridge. */
    private void exposeAddress(final Via via, final IpPrefix address, final List<IntentRef> origins, final long prio) {
        final var prefix = address.toString();
        via.plan().addExposed(prefix, origins);
        via.plan().addRule(new HostPlan.Rule(prefix, via.table(), prio), origins);
        final var conflict = via.plan().addRoute(new HostPlan.Route(via.table(), prefix, via.device(), null),
            origins);
        if (conflict != null) {
            rejectOnHost(origins.get(0), via.plan().hostId(), "address: " + conflict);
        }
    }

    private void exposeProviderPorts() {
        final long prio = intents.bgpSettings().ipRulePriority();
        for (var port : ports.values()) {
            final var network = PortNetwork.of(port);
            if (network.overlay() || port.getHost() == null) {
                continue;
            }
            final var origins = List.of(ref(IntentKind.LOGICAL_PORT, port.getId().getValue()));
            final var fixed = PortNetwork.sortedIps(port.getFixedIp());
            if (fixed.isEmpty()) {
                continue;
            }
            final var via = via(port.getHost().getValue(), network.name(), origins);
            if (via != null) {
                fixed.forEach(ip -> exposeAddress(via, IpPrefix.host(ip.getValue()), origins, prio));
            }
        }
    }

    private void exposeFloatingIps() {
        final long prio = intents.bgpSettings().ipRulePriority();
        for (var fip : intents.floatingIps()) {
            final var ref = ref(IntentKind.FLOATING_IP, fip.getAddress().getValue());
            if (!accepted(ref) || fip.getPort() == null) {
                continue;
            }
            final var port = ports.get(fip.getPort().getValue());
            if (port.getHost() == null) {
                continue;
            }
            final var origins = List.of(ref, ref(IntentKind.LOGICAL_PORT, port.getId().getValue()));
            final var via = via(port.getHost().getValue(), fip.getProviderNetwork().getValue(), origins);
            if (via != null) {
                exposeAddress(via, IpPrefix.host(fip.getAddress().getValue()), origins, prio);
            }
        }
    }

    private void exposeRouters(final BgpSettings bgp) {
        for (var router : intents.routers()) {
            final var ref = ref(IntentKind.ROUTER, router.getName().getValue());
            final var gw = router.getGatewayPort();
            if (!accepted(ref) || gw == null || gw.getHost() == null) {
                continue;
            }
            final var origins = List.of(ref);
            final var via = via(gw.getHost().getValue(), gw.getProviderNetwork().getValue(), origins);
            if (via == null) {
                continue;
            }
            final var mac = gw.getMacAddress().getValue().toLowerCase(java.util.Locale.ROOT);
            final Map<Boolean, IpPrefix> gatewayByFamily = new HashMap<>();
            for (var ip : PortNetwork.sortedIps(gw.getIpAddress())) {
                final var address = IpPrefix.host(ip.getValue());
                gatewayByFamily.put(address.isIpv4(), address);
                exposeAddress(via, address, origins, bgp.ipRulePriority());
                // OVN does not answer ARP/NDP from outside its L2 domain, so the kernel must know the MAC
                if (address.isIpv4()) {
                    via.plan().addNeighbour(new HostPlan.Neighbour(via.device(), address.addressString(), mac),
                        origins);
                } else {
                    via.plan().addProxyNdp(new HostPlan.ProxyNdp(via.device(), address.addressString()), origins);
                }
            }
            if (bgp.exposeTenantNetworks()) {
                exposeSubnets(router, via, gatewayByFamily, bgp);
            }
        }
    }

    private void exposeSubnets(final org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.router.list
            .Router router, final Via via, final Map<Boolean, IpPrefix> gatewayByFamily, final BgpSettings bgp) {
        final var ref = ref(IntentKind.ROUTER, router.getName().getValue());
        for (var subnet : router.nonnullSubnet().values().stream()
                .sorted(java.util.Comparator.comparing(s -> s.getCidr().getValue())).toList()) {
            final var cidr = IpPrefix.parse(subnet.getCidr().getValue());
            final var gateway = gatewayByFamily.get(cidr.isIpv4());
            if (gateway == null) {
                // no gateway address of the subnet's family: the fabric cannot reach it through this router
                continue;
            }
            via.plan().addRule(new HostPlan.Rule(cidr.toString(), via.table(), bgp.ipRulePriority()), List.of(ref));
            final var conflict = via.plan().addRoute(new HostPlan.Route(via.table(), cidr.toString(), via.device(),
                gateway.addressString()), List.of(ref));
            if (conflict != null) {
                rejectOnHost(ref, via.plan().hostId(), "subnet[" + cidr + "]/cidr: " + conflict);
                continue;
            }
            if (bgp.tenantAdvertisement() == TenantAdvertisement.Subnet) {
                via.plan().addExposed(cidr.toString(), List.of(ref));
                continue;
            }
            if (subnet.getOverlayNetwork() == null) {
                // without its network no port is known to be in the subnet: a same CIDR elsewhere is not it
                continue;
            }
            final var network = subnet.getOverlayNetwork().getValue();
            for (var port : ports.values()) {
                final var portNet = PortNetwork.of(port);
                // seed 001: a tenant address is exposed once its VM exists, i.e. the port is bound
                if (!portNet.overlay() || !network.equals(portNet.name()) || port.getHost() == null) {
                    continue;
                }
                for (var ip : PortNetwork.sortedIps(port.getFixedIp())) {
                    final var address = IpPrefix.host(ip.getValue());
                    if (cidr.contains(address.address())) {
                        via.plan().addExposed(address.toString(),
                            List.of(ref, ref(IntentKind.LOGICAL_PORT, port.getId().getValue())));
                    }
                }
            }
        }
    }

    private void unplacedReasons() {
        final Set<IntentRef> placed = new HashSet<>(hostRejections.keySet());
        hosts.values().forEach(plan -> placed.addAll(plan.allOrigins()));
        for (var net : networks.values()) {
            final var ref = ref(IntentKind.PROVIDER_NETWORK, net.getName().getValue());
            if (!placed.contains(ref)) {
                unplaced.put(ref, "no host maps physical network " + net.getPhysicalNetwork().getValue());
            }
        }
        for (var net : intents.overlayNetworks()) {
            final var ref = ref(IntentKind.OVERLAY_NETWORK, net.getName().getValue());
            if (accepted(ref) && !placed.contains(ref)) {
                unplaced.put(ref, "no logical port of the network is bound to a host");
            }
        }
        for (var port : ports.values()) {
            final var ref = ref(IntentKind.LOGICAL_PORT, port.getId().getValue());
            if (!placed.contains(ref)) {
                unplaced.put(ref, port.getHost() == null ? "not bound to a host" : "nothing to program");
            }
        }
        for (var router : intents.routers()) {
            final var ref = ref(IntentKind.ROUTER, router.getName().getValue());
            if (accepted(ref) && !placed.contains(ref)) {
                unplaced.put(ref, !intents.bgpEnabled() ? "bgp-redirect is not enabled"
                    : router.getGatewayPort() == null ? "no gateway-port"
                        : router.getGatewayPort().getHost() == null ? "gateway-port has no host" : "nothing to expose");
            }
        }
        for (var fip : intents.floatingIps()) {
            final var ref = ref(IntentKind.FLOATING_IP, fip.getAddress().getValue());
            if (accepted(ref) && !placed.contains(ref)) {
                unplaced.put(ref, !intents.bgpEnabled() ? "bgp-redirect is not enabled"
                    : fip.getPort() == null ? "not associated to a port" : "the port is not bound to a host");
            }
        }
    }
}
