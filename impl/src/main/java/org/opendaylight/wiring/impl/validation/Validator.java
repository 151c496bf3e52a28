/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.wiring.impl.intent.IntentKind;
import org.opendaylight.wiring.impl.intent.IntentRef;
import org.opendaylight.wiring.impl.intent.Intents;
import org.opendaylight.wiring.impl.intent.PortNetwork;
import org.opendaylight.wiring.impl.net.IpPrefix;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.floating.ip.list.FloatingIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.router.list.Router;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.router.list.router.Subnet;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.host.list.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.host.list.host.BridgeMapping;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.provider.network.list.ProviderNetwork;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.logical.port.list.LogicalPort;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.overlay.network.list.OverlayNetwork;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.tunnel.endpoint.list.TunnelEndpoint;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.Address;

/**
 * Semantic validation of all intents together: the YANG {@code must} rules (which MD-SAL does not evaluate) and
 * the cross-intent rules no YANG construct can express. Pure function of its input.
 *
 * <p>When two intents conflict, the one with the better rank keeps working (see
 * {@link org.opendaylight.wiring.impl.acceptance.Acceptance}: unchanged accepted versions, then edits, then new
 * intents); within a rank the first by key wins. Every reason starts with the offending field. Values that the
 * YANG patterns let through but that are no usable address (IPv4-mapped, multicast, loopback, unspecified) are
 * rejected first, so no later step and no planner run can fail on them.
 */
public final class Validator {
    private final Intents intents;
    private final Map<IntentRef, Integer> rank;
    private final Map<IntentRef, String> rejected = new LinkedHashMap<>();

    private Validator(final Intents intents, final Map<IntentRef, Integer> rank) {
        this.intents = intents;
        this.rank = rank;
    }

    /**
     * Validate a snapshot.
     *
     * @param intents all intents
     * @param rank preference per intent, lower wins conflicts; absent means last
     * @return the rejected intents with their reasons
     */
    public static Map<IntentRef, String> validate(final Intents intents, final Map<IntentRef, Integer> rank) {
        final var validator = new Validator(intents, rank);
        validator.run();
        return Map.copyOf(validator.rejected);
    }

    /**
     * Validate a snapshot where all intents rank the same.
     *
     * @param intents all intents
     * @return the rejected intents with their reasons
     */
    public static Map<IntentRef, String> validate(final Intents intents) {
        return validate(intents, Map.of());
    }

    private void run() {
        Sanity.check(intents, this::reject);
        final var networks = providerNetworks();
        providerHosts();
        tunnelEndpoints();
        final var overlays = overlayNetworks();
        final var ports = logicalPorts(networks, overlays);
        routers(networks, overlays, ports);
        floatingIps(networks, ports);
    }

    private <T> List<T> ordered(final List<T> items, final Function<T, IntentRef> ref) {
        final var result = new ArrayList<>(items);
        // stable sort by rank, each rank keeps key order; intents found insane are skipped
        result.removeIf(item -> rejected.containsKey(ref.apply(item)));
        result.sort(Comparator.comparing(item -> rank.getOrDefault(ref.apply(item), Integer.MAX_VALUE)));
        return result;
    }

    private boolean reject(final IntentRef ref, final String reason) {
        rejected.putIfAbsent(ref, reason);
        return false;
    }

    private static IntentRef ref(final ProviderNetwork net) {
        return IntentRef.of(IntentKind.PROVIDER_NETWORK, net.getName().getValue());
    }

    private Map<String, ProviderNetwork> providerNetworks() {
        final Map<String, ProviderNetwork> accepted = new HashMap<>();
        final Map<String, String> flatByPhysnet = new HashMap<>();
        final Map<String, String> vlanOwner = new HashMap<>();
        for (var net : ordered(intents.providerNetworks(), Validator::ref)) {
            final var ref = ref(net);
            final var physnet = net.getPhysicalNetwork().getValue();
            final boolean vlan = net.getType() == ProviderNetwork.Type.Vlan;
            if (vlan && net.getVlanId() == null) {
                reject(ref, "vlan-id: mandatory when type is vlan");
                continue;
            }
            if (!vlan && net.getVlanId() != null) {
                reject(ref, "vlan-id: not allowed when type is flat");
                continue;
            }
            if (vlan) {
                final var key = physnet + "#" + net.getVlanId().getValue();
                final var owner = vlanOwner.putIfAbsent(key, net.getName().getValue());
                if (owner != null) {
                    reject(ref, "vlan-id: " + net.getVlanId().getValue() + " on physical network " + physnet
                        + " is already used by provider network " + owner);
                    continue;
                }
            } else {
                final var owner = flatByPhysnet.putIfAbsent(physnet, net.getName().getValue());
                if (owner != null) {
                    reject(ref, "physical-network: " + physnet + " already carries flat provider network " + owner);
                    continue;
                }
            }
            accepted.put(net.getName().getValue(), net);
        }
        return accepted;
    }

    private void providerHosts() {
        final long vrfTable = intents.bgpSettings().vrfTable();
        for (Host host : intents.providerHosts()) {
            final var ref = IntentRef.of(IntentKind.PROVIDER_HOST, host.getHostId().getValue());
            if (rejected.containsKey(ref)) {
                continue;
            }
            final var integration = host.getIntegrationBridge() == null ? "br-int"
                : host.getIntegrationBridge().getValue();
            final Map<String, String> bridgeOwner = new HashMap<>();
            final Map<String, String> uplinkOwner = new HashMap<>();
            final Map<Long, String> tableOwner = new HashMap<>();
            for (BridgeMapping mapping : host.nonnullBridgeMapping().values().stream()
                    .sorted(Comparator.comparing(m -> m.getPhysicalNetwork().getValue())).toList()) {
                final var physnet = mapping.getPhysicalNetwork().getValue();
                final var field = "bridge-mapping[" + physnet + "]/";
                final var bridge = mapping.getBridge().getValue();
                if (bridge.equals(integration)) {
                    reject(ref, field + "bridge: " + bridge + " is the integration bridge");
                    break;
                }
                final var other = bridgeOwner.putIfAbsent(bridge, physnet);
                if (other != null) {
                    reject(ref, field + "bridge: " + bridge + " already carries physical network " + other);
                    break;
                }
                if (mapping.getUplinkInterface() != null) {
                    final var uplink = mapping.getUplinkInterface().getValue();
                    if (uplink.equals(integration) || bridgeOwner.containsKey(uplink)) {
                        reject(ref, field + "uplink-interface: " + uplink + " is a bridge name");
                        break;
                    }
                    final var uplinkUser = uplinkOwner.putIfAbsent(uplink, physnet);
                    if (uplinkUser != null) {
                        reject(ref, field + "uplink-interface: " + uplink + " is already the uplink of physical "
                            + "network " + uplinkUser);
                        break;
                    }
                }
                if (mapping.getRoutingTable() != null) {
                    final long table = mapping.getRoutingTable().toJava();
                    if (intents.bgpEnabled() && table == vrfTable) {
                        reject(ref, field + "routing-table: " + table + " is the BGP VRF table");
                        break;
                    }
                    final var tableUser = tableOwner.putIfAbsent(table, physnet);
                    if (tableUser != null) {
                        reject(ref, field + "routing-table: " + table + " is already used for physical network "
                            + tableUser);
                        break;
                    }
                }
            }
        }
    }

    private void tunnelEndpoints() {
        final Map<String, String> ipOwner = new HashMap<>();
        final Map<String, Boolean> familyOfType = new HashMap<>();
        for (TunnelEndpoint ep : ordered(intents.tunnelEndpoints(),
                e -> IntentRef.of(IntentKind.TUNNEL_ENDPOINT, Intents.endpointKey(e)))) {
            final var ref = IntentRef.of(IntentKind.TUNNEL_ENDPOINT, Intents.endpointKey(ep));
            final var type = ep.getTunnelType().getName();
            final var ip = IpPrefix.host(ep.getLocalIp().getValue());
            final var family = familyOfType.putIfAbsent(type, ip.isIpv4());
            if (family != null && family != ip.isIpv4()) {
                reject(ref, "local-ip: " + ip.addressString() + " is " + familyName(ip.isIpv4()) + " but the other "
                    + type + " endpoints are " + familyName(family));
                continue;
            }
            final var owner = ipOwner.putIfAbsent(type + "#" + ip.addressString(), ep.getHostId().getValue());
            if (owner != null) {
                reject(ref, "local-ip: " + ip.addressString() + " is already the " + type + " endpoint of host "
                    + owner);
            }
        }
    }

    private Map<String, OverlayNetwork> overlayNetworks() {
        final Map<String, OverlayNetwork> accepted = new HashMap<>();
        final Map<String, String> vniOwner = new HashMap<>();
        for (OverlayNetwork net : ordered(intents.overlayNetworks(),
                n -> IntentRef.of(IntentKind.OVERLAY_NETWORK, n.getName().getValue()))) {
            final var ref = IntentRef.of(IntentKind.OVERLAY_NETWORK, net.getName().getValue());
            final var type = net.getTunnelType() == null ? "vxlan" : net.getTunnelType().getName();
            final var vni = net.getSegmentationId().getValue();
            final var owner = vniOwner.putIfAbsent(type + "#" + vni, net.getName().getValue());
            if (owner != null) {
                reject(ref, "segmentation-id: " + vni + " is already used by overlay network " + owner + " ("
                    + type + ")");
                continue;
            }
            accepted.put(net.getName().getValue(), net);
        }
        return accepted;
    }

    private Map<String, LogicalPort> logicalPorts(final Map<String, ProviderNetwork> networks,
            final Map<String, OverlayNetwork> overlays) {
        final Map<String, LogicalPort> accepted = new HashMap<>();
        final Map<String, String> macOwner = new HashMap<>();
        final Map<String, String> ipOwner = new HashMap<>();
        final Map<String, String> ifaceOwner = new HashMap<>();
        // gateway addresses of routers accepted before and unchanged win over ports that are new or edited
        final Map<String, String> incumbentGateways = new HashMap<>();
        for (var router : intents.routers()) {
            final var ref = IntentRef.of(IntentKind.ROUTER, router.getName().getValue());
            final var gw = router.getGatewayPort();
            if (gw != null && !rejected.containsKey(ref) && rank.getOrDefault(ref, Integer.MAX_VALUE) == 0) {
                for (var ip : PortNetwork.sortedIps(gw.getIpAddress())) {
                    incumbentGateways.put("p#" + gw.getProviderNetwork().getValue() + "#"
                        + IpPrefix.host(ip.getValue()).addressString(), router.getName().getValue());
                }
            }
        }
        for (LogicalPort port : ordered(intents.logicalPorts(),
                p -> IntentRef.of(IntentKind.LOGICAL_PORT, p.getId().getValue()))) {
            final var ref = IntentRef.of(IntentKind.LOGICAL_PORT, port.getId().getValue());
            final var network = PortNetwork.of(port);
            if (network == null) {
                reject(ref, "network: no overlay-network or provider-network given");
                continue;
            }
            final String netKey;
            if (network.overlay()) {
                if (!overlays.containsKey(network.name())) {
                    reject(ref, "overlay-network: " + unknownOrRejected(IntentKind.OVERLAY_NETWORK, network.name(),
                        "overlay network"));
                    continue;
                }
                netKey = "o#" + network.name();
            } else {
                if (!networks.containsKey(network.name())) {
                    reject(ref, "provider-network: " + unknownOrRejected(IntentKind.PROVIDER_NETWORK,
                        network.name(), "provider network"));
                    continue;
                }
                netKey = "p#" + network.name();
            }
            final var mac = port.getMacAddress().getValue().toLowerCase(java.util.Locale.ROOT);
            if (isMulticast(mac)) {
                reject(ref, "mac-address: " + mac + " is a multicast address");
                continue;
            }
            final var macUser = macOwner.get(netKey + "#" + mac);
            if (macUser != null) {
                reject(ref, "mac-address: " + mac + " is already used on network " + network.name() + " by port "
                    + macUser);
                continue;
            }
            final var reason = portAddressConflict(port, network.name(), netKey, ipOwner, incumbentGateways);
            if (reason != null) {
                reject(ref, reason);
                continue;
            }
            String ifaceKey = null;
            if (port.getHost() != null) {
                final var iface = port.getInterfaceId() != null ? port.getInterfaceId() : port.getId().getValue();
                ifaceKey = port.getHost().getValue() + "#" + iface;
                final var ifaceUser = ifaceOwner.get(ifaceKey);
                if (ifaceUser != null) {
                    reject(ref, "interface-id: " + iface + " is already used on host " + port.getHost().getValue()
                        + " by port " + ifaceUser);
                    continue;
                }
            }
            // a port claims its MAC, addresses and interface only once it is accepted as a whole
            final var id = port.getId().getValue();
            macOwner.put(netKey + "#" + mac, id);
            PortNetwork.sortedIps(port.getFixedIp())
                .forEach(ip -> ipOwner.put(netKey + "#" + IpPrefix.host(ip.getValue()).addressString(), id));
            if (ifaceKey != null) {
                ifaceOwner.put(ifaceKey, id);
            }
            accepted.put(id, port);
        }
        return accepted;
    }

    private static @Nullable String portAddressConflict(final LogicalPort port, final String network,
            final String netKey, final Map<String, String> ipOwner, final Map<String, String> gateways) {
        for (Address ip : PortNetwork.sortedIps(port.getFixedIp())) {
            final var text = IpPrefix.host(ip.getValue()).addressString();
            final var owner = ipOwner.get(netKey + "#" + text);
            if (owner != null) {
                return "fixed-ip: " + text + " is already used on network " + network + " by port " + owner;
            }
            final var router = gateways.get(netKey + "#" + text);
            if (router != null) {
                return "fixed-ip: " + text + " is the gateway-port address of router " + router;
            }
        }
        return null;
    }

    private void routers(final Map<String, ProviderNetwork> networks, final Map<String, OverlayNetwork> overlays,
            final Map<String, LogicalPort> ports) {
        final Map<String, String> gatewayIpOwner = new HashMap<>();
        final Map<String, String> portIps = new HashMap<>();
        for (var port : ports.values()) {
            final var network = PortNetwork.of(port);
            if (!network.overlay()) {
                PortNetwork.sortedIps(port.getFixedIp()).forEach(ip -> portIps.put(network.name() + "#"
                    + IpPrefix.host(ip.getValue()).addressString(), port.getId().getValue()));
            }
        }
        final Map<IpPrefix, String> exposedSubnets = new LinkedHashMap<>();
        final boolean exposesSubnets = intents.bgpEnabled() && intents.bgpSettings().exposeTenantNetworks();
        for (Router router : ordered(intents.routers(), r -> IntentRef.of(IntentKind.ROUTER, r.getName().getValue()))) {
            final var ref = IntentRef.of(IntentKind.ROUTER, router.getName().getValue());
            if (!validRouter(ref, router, networks, overlays, gatewayIpOwner, portIps)) {
                continue;
            }
            final var name = router.getName().getValue();
            if (exposesSubnets && router.getGatewayPort() != null) {
                final var clash = subnetClash(router, exposedSubnets);
                if (clash != null) {
                    reject(ref, clash);
                    continue;
                }
                router.nonnullSubnet().values().forEach(s -> exposedSubnets.put(IpPrefix.parse(s.getCidr()
                    .getValue()), name));
            }
            final var gw = router.getGatewayPort();
            if (gw != null && gw.getIpAddress() != null) {
                for (var ip : gw.getIpAddress()) {
                    gatewayIpOwner.put(IpPrefix.host(ip.getValue()).addressString(), name);
                }
            }
        }
    }

    /** Two routers exposing overlapping tenant subnets to the same fabric: one of the routes would be lost. */
    private static @Nullable String subnetClash(final Router router, final Map<IpPrefix, String> exposed) {
        for (var subnet : router.nonnullSubnet().values()) {
            final var cidr = IpPrefix.parse(subnet.getCidr().getValue());
            for (var entry : exposed.entrySet()) {
                if (entry.getKey().overlaps(cidr)) {
                    return "subnet[" + subnet.getCidr().getValue() + "]/cidr: overlaps subnet " + entry.getKey()
                        + " of router " + entry.getValue() + "; both would be exposed (expose-tenant-networks)";
                }
            }
        }
        return null;
    }

    private boolean validRouter(final IntentRef ref, final Router router, final Map<String, ProviderNetwork> networks,
            final Map<String, OverlayNetwork> overlays, final Map<String, String> gatewayIpOwner,
            final Map<String, String> portIps) {
        final var gw = router.getGatewayPort();
        if (gw != null) {
            final var net = gw.getProviderNetwork().getValue();
            if (!networks.containsKey(net)) {
                return reject(ref, "gateway-port/provider-network: "
                    + unknownOrRejected(IntentKind.PROVIDER_NETWORK, net, "provider network"));
            }
            final var mac = gw.getMacAddress().getValue().toLowerCase(java.util.Locale.ROOT);
            if (isMulticast(mac)) {
                return reject(ref, "gateway-port/mac-address: " + mac + " is a multicast address");
            }
            int v4 = 0;
            int v6 = 0;
            for (var ip : PortNetwork.sortedIps(gw.getIpAddress())) {
                final var addr = IpPrefix.host(ip.getValue());
                if (addr.isIpv4()) {
                    v4++;
                } else {
                    v6++;
                }
                final var owner = gatewayIpOwner.get(addr.addressString());
                if (owner != null) {
                    return reject(ref, "gateway-port/ip-address: " + addr.addressString()
                        + " is already the gateway address of router " + owner);
                }
                final var port = portIps.get(net + "#" + addr.addressString());
                if (port != null) {
                    return reject(ref, "gateway-port/ip-address: " + addr.addressString()
                        + " is already a fixed IP of logical port " + port);
                }
            }
            if (v4 > 1 || v6 > 1) {
                return reject(ref, "gateway-port/ip-address: at most one IPv4 and one IPv6 address");
            }
        }
        final List<IpPrefix> seen = new ArrayList<>();
        for (Subnet subnet : router.nonnullSubnet().values().stream()
                .sorted(Comparator.comparing(s -> s.getCidr().getValue())).toList()) {
            final var text = subnet.getCidr().getValue();
            final var field = "subnet[" + text + "]/";
            final var cidr = IpPrefix.parse(text);
            if (cidr.hasHostBits()) {
                return reject(ref, field + "cidr: host bits are set; use " + cidr.network());
            }
            for (var other : seen) {
                if (other.overlaps(cidr)) {
                    return reject(ref, field + "cidr: overlaps subnet " + other + " of the same router");
                }
            }
            seen.add(cidr);
            if (subnet.getGatewayIp() != null) {
                final var gwIp = IpPrefix.host(subnet.getGatewayIp().getValue());
                if (gwIp.isIpv4() != cidr.isIpv4()) {
                    return reject(ref, field + "gateway-ip: " + gwIp.addressString() + " is "
                        + familyName(gwIp.isIpv4()) + " but the cidr is " + familyName(cidr.isIpv4()));
                }
                if (!cidr.contains(gwIp.address())) {
                    return reject(ref, field + "gateway-ip: " + gwIp.addressString() + " is not in " + cidr);
                }
            }
            if (subnet.getOverlayNetwork() != null
                    && !overlays.containsKey(subnet.getOverlayNetwork().getValue())) {
                return reject(ref, field + "overlay-network: " + unknownOrRejected(IntentKind.OVERLAY_NETWORK,
                    subnet.getOverlayNetwork().getValue(), "overlay network"));
            }
        }
        return true;
    }

    private void floatingIps(final Map<String, ProviderNetwork> networks, final Map<String, LogicalPort> ports) {
        final Map<String, String> used = new HashMap<>();
        for (var port : ports.values()) {
            for (var ip : PortNetwork.sortedIps(port.getFixedIp())) {
                used.put(IpPrefix.host(ip.getValue()).addressString(), "a fixed IP of logical port "
                    + port.getId().getValue());
            }
        }
        for (var router : intents.routers()) {
            final var gw = router.getGatewayPort();
            if (gw != null && gw.getIpAddress() != null && !rejected.containsKey(IntentRef.of(IntentKind.ROUTER,
                    router.getName().getValue()))) {
                gw.getIpAddress().forEach(ip -> used.put(IpPrefix.host(ip.getValue()).addressString(),
                    "the gateway-port address of router " + router.getName().getValue()));
            }
        }
        for (FloatingIp fip : ordered(intents.floatingIps(),
                f -> IntentRef.of(IntentKind.FLOATING_IP, f.getAddress().getValue()))) {
            final var address = IpPrefix.host(fip.getAddress().getValue());
            final var ref = IntentRef.of(IntentKind.FLOATING_IP, fip.getAddress().getValue());
            final var net = fip.getProviderNetwork().getValue();
            if (!networks.containsKey(net)) {
                reject(ref, "provider-network: " + unknownOrRejected(IntentKind.PROVIDER_NETWORK, net,
                    "provider network"));
                continue;
            }
            final var user = used.get(address.addressString());
            if (user != null) {
                reject(ref, "address: " + address.addressString() + " is already " + user);
                continue;
            }
            if (fip.getPort() == null) {
                if (fip.getFixedIp() != null) {
                    reject(ref, "fixed-ip: given without port");
                    continue;
                }
                used.put(address.addressString(), "floating IP " + fip.getAddress().getValue());
                continue;
            }
            final var portId = fip.getPort().getValue();
            final var port = ports.get(portId);
            if (port == null) {
                reject(ref, "port: " + unknownOrRejected(IntentKind.LOGICAL_PORT, portId, "logical port"));
                continue;
            }
            if (!PortNetwork.of(port).overlay()) {
                reject(ref, "port: " + portId + " is on provider network " + PortNetwork.of(port).name()
                    + "; a floating IP is associated to a port on an overlay network");
                continue;
            }
            if (fip.getFixedIp() != null) {
                final var fixed = IpPrefix.host(fip.getFixedIp().getValue());
                if (fixed.isIpv4() != address.isIpv4()) {
                    reject(ref, "fixed-ip: " + fixed.addressString() + " is " + familyName(fixed.isIpv4())
                        + " but the floating address is " + familyName(address.isIpv4()));
                    continue;
                }
                final boolean onPort = PortNetwork.sortedIps(port.getFixedIp()).stream()
                    .anyMatch(ip -> IpPrefix.host(ip.getValue()).equals(fixed));
                if (!onPort) {
                    reject(ref, "fixed-ip: " + fixed.addressString() + " is not a fixed IP of port " + portId);
                    continue;
                }
            }
            used.put(address.addressString(), "floating IP " + fip.getAddress().getValue());
        }
    }

    private String unknownOrRejected(final IntentKind kind, final String name, final String what) {
        return rejected.containsKey(IntentRef.of(kind, name)) ? what + " " + name + " is rejected"
            : "unknown " + what + " " + name;
    }

    private static boolean isMulticast(final String mac) {
        return (Integer.parseInt(mac.substring(0, 2), 16) & 1) != 0;
    }

    private static String familyName(final boolean ipv4) {
        return ipv4 ? "IPv4" : "IPv6";
    }
}
