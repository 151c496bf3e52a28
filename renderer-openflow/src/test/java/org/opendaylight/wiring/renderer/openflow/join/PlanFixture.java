/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.join;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opendaylight.wiring.renderer.openflow.pipeline.LabScenario;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.AddressPair;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.Network;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IpAddressNoZone;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IpPrefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4AddressNoZone;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Prefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv6AddressNoZone;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv6Prefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.MacAddress;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.host.BridgeBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.NetworkIdentity;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.PortType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.HostBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.LogicalPortBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.PortBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.ProviderPortBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.logical.port.AllowedAddressPairBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.DeviceName;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.HostId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.Name;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.PhysicalNetwork;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.TunnelType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.VlanId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.Vni;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * The {@link LabScenario} as the planner would publish it and the OVSDB module would report it: binding objects of
 * {@code plan/host}, {@code plan/network} and {@code ovsdb-state/host}. Tunnel ports are {@code vxlan-<remote>} with
 * ofport {@link LabScenario#tunnelOfport}, provider patch ports {@code int-br-<physnet>} with
 * {@link LabScenario#PATCH_OFPORTS}, VM interfaces {@code tap-<id>} carrying their iface-id. The switch's ofports are
 * editable ({@link #ofports}) before {@link #state} builds the switch state.
 */
public final class PlanFixture {
    static final String BR_INT = "br-int";

    private final LabScenario lab;
    private final List<Network> networks;
    /** Per host: port name on br-int -> ofport as the switch reports it. */
    final Map<String, Map<String, Long>> ofports = new TreeMap<>();

    public PlanFixture(final LabScenario lab) {
        this.lab = lab;
        final Set<String> names = new TreeSet<>();
        lab.ports().forEach(port -> names.add(port.network()));
        networks = List.of(LabScenario.PRIVATE, LabScenario.ADMIN_PRIVATE, LabScenario.PUBLIC,
            LabScenario.EXT_VLAN100).stream().filter(net -> names.contains(net.name())).toList();
        for (String host : LabScenario.HOSTS) {
            final Map<String, Long> onHost = new TreeMap<>();
            lab.portsOn(host).forEach(port -> onHost.put(tap(port.id()), port.ofport()));
            LabScenario.HOSTS.stream().filter(other -> !other.equals(host))
                .forEach(other -> onHost.put(tunnel(other), LabScenario.tunnelOfport(other)));
            LabScenario.MAPPINGS.get(host).forEach(physnet -> onHost.put(patch(physnet),
                LabScenario.PATCH_OFPORTS.get(physnet)));
            ofports.put(host, onHost);
        }
    }

    static String tap(final String id) {
        return "tap-" + id;
    }

    static String tunnel(final String remote) {
        return "vxlan-" + remote;
    }

    static String patch(final String physnet) {
        return "int-br-" + physnet;
    }

    /**
     * The planner's reference of a scenario network: overlay and provider networks have their own kinds.
     */
    static String ref(final String name) {
        return ref(networkOf(name));
    }

    static String ref(final Network network) {
        return (network.isProvider() ? "provider-network/" : "overlay-network/") + network.name();
    }

    private static Network networkOf(final String name) {
        return List.of(LabScenario.PRIVATE, LabScenario.ADMIN_PRIVATE, LabScenario.PUBLIC, LabScenario.EXT_VLAN100)
            .stream().filter(net -> net.name().equals(name)).findFirst().orElseThrow();
    }

    static Set<IntentRef> intents(final String... refs) {
        final Set<IntentRef> set = new LinkedHashSet<>();
        for (String ref : refs) {
            set.add(new IntentRef(ref));
        }
        return set;
    }

    /**
     * The plan of one host: its networks (with the scenario's local ids), its logical ports, one VXLAN tunnel port
     * per other host, a provider port per physical network its provider networks use.
     */
    public Host host(final String host) {
        final Set<String> present = new TreeSet<>();
        lab.portsOn(host).forEach(port -> present.add(port.network()));
        final var nets = networks.stream().filter(net -> present.contains(net.name()))
            .map(net -> new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host
                .NetworkBuilder()
                .setNetwork(new IntentRef(ref(net)))
                .setName(new Name(net.name()))
                .setKind(kind(net))
                .setSegmentationId(net.isProvider() ? null : new Vni(Uint32.valueOf(net.vni())))
                .setTunnelType(net.isProvider() ? null : TunnelType.Vxlan)
                .setPhysicalNetwork(net.isProvider() ? new PhysicalNetwork(net.physicalNetwork()) : null)
                .setVlanId(net.vlanId() == 0 ? null : new VlanId(Uint16.valueOf(net.vlanId())))
                .setLocalId(Uint16.valueOf(net.localId()))
                .setIntent(intents(ref(net)))
                .build())
            .toList();
        final var logical = lab.portsOn(host).stream().map(port -> new LogicalPortBuilder()
            .setIfaceId(port.id())
            .setId(new Name(port.id()))
            .setNetwork(new IntentRef(ref(port.network())))
            .setMacAddress(new MacAddress(port.mac()))
            .setFixedIp(port.ips().isEmpty() ? null : port.ips().stream().map(PlanFixture::address)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)))
            .setPortSecurity(port.portSecurity())
            .setAllowedAddressPair(port.pairs().isEmpty() ? null : BindingMap.ordered(port.pairs().stream()
                .map(PlanFixture::pair).toList()))
            .setIntent(intents("logical-port/" + port.id()))
            .build()).toList();
        final List<org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.Port> ports =
            new ArrayList<>();
        for (String other : LabScenario.HOSTS) {
            if (!other.equals(host)) {
                ports.add(new PortBuilder().setName(tunnel(other)).setBridge(new DeviceName(BR_INT))
                    .setType(PortType.Vxlan).setRemoteHost(new HostId(other))
                    .setIntent(intents("tunnel-endpoint/" + host, "tunnel-endpoint/" + other)).build());
            }
        }
        final Set<String> physnets = new TreeSet<>();
        networks.stream().filter(net -> present.contains(net.name()) && net.isProvider())
            .forEach(net -> physnets.add(net.physicalNetwork()));
        final var providers = physnets.stream().map(physnet -> {
            ports.add(new PortBuilder().setName(patch(physnet)).setBridge(new DeviceName(BR_INT))
                .setType(PortType.Patch).setPeer("phy-br-" + physnet)
                .setIntent(intents("provider-host/" + host)).build());
            return new ProviderPortBuilder().setPhysicalNetwork(new PhysicalNetwork(physnet))
                .setPort(patch(physnet)).setBridge(new DeviceName("br-" + physnet.substring(0, 3)))
                .setIntent(intents("provider-host/" + host)).build();
        }).toList();
        return new HostBuilder()
            .setHostId(new HostId(host))
            .setIntegrationBridge(new DeviceName(BR_INT))
            .setNetwork(nets.isEmpty() ? null : BindingMap.ordered(nets))
            .setLogicalPort(logical.isEmpty() ? null : BindingMap.ordered(logical))
            .setPort(ports.isEmpty() ? null : BindingMap.ordered(ports))
            .setProviderPort(providers.isEmpty() ? null : BindingMap.ordered(providers))
            .build();
    }

    /**
     * The {@code plan/network} entries: per network its hosts and ports.
     */
    public List<org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Network> networks() {
        return networks.stream().map(net -> {
            final Set<String> hosts = new TreeSet<>();
            final var ports = lab.ports().stream().filter(port -> port.network().equals(net.name()))
                .map(port -> {
                    hosts.add(port.host());
                    return new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.network
                        .PortBuilder().setId(new Name(port.id())).setMacAddress(new MacAddress(port.mac()))
                        .setHost(new HostId(port.host())).setIntent(intents("logical-port/" + port.id())).build();
                }).toList();
            return new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.NetworkBuilder()
                .setNetwork(new IntentRef(ref(net)))
                .setName(new Name(net.name()))
                .setKind(kind(net))
                .setHost(BindingMap.ordered(hosts.stream().map(host -> new org.opendaylight.yang.gen.v1.urn
                    .opendaylight.wiring.plan.rev261121.plan.network.HostBuilder().setHostId(new HostId(host))
                    .build()).toList()))
                .setPort(BindingMap.ordered(ports))
                .setIntent(intents(ref(net)))
                .build();
        }).toList();
    }

    /**
     * The switch state of one host as the OVSDB module reports it, from {@link #ofports} (a null ofport: the
     * interface exists but has none yet).
     */
    public org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.Host state(
            final String host) {
        final Map<String, String> ifaceIds = new TreeMap<>();
        lab.portsOn(host).forEach(port -> ifaceIds.put(tap(port.id()), port.id()));
        final var ports = ofports.get(host).entrySet().stream().map(entry -> new org.opendaylight.yang.gen.v1.urn
            .opendaylight.wiring.ovsdb.rev261121.ovsdb.state.host.PortBuilder()
            .setName(entry.getKey()).setBridge(BR_INT).setOfport(entry.getValue())
            .setIfaceId(ifaceIds.get(entry.getKey()))
            .setError(entry.getValue() != null && entry.getValue() < 0 ? "could not open network device "
                + entry.getKey() : null)
            .build()).toList();
        return new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.HostBuilder()
            .setHostId(new HostId(host))
            .setBridge(BindingMap.of(new BridgeBuilder().setName(BR_INT)
                .setDatapathId("00000000000000" + String.format("%02x", Integer.parseInt(host.substring(1))))
                .setMacAddress("02:00:00:00:00:0" + host.substring(1)).build()))
            .setPort(ports.isEmpty() ? null : BindingMap.ordered(ports))
            .build();
    }

    private static NetworkIdentity.Kind kind(final Network net) {
        return switch (net.kind()) {
            case OVERLAY -> NetworkIdentity.Kind.Overlay;
            case FLAT -> NetworkIdentity.Kind.Flat;
            case VLAN -> NetworkIdentity.Kind.Vlan;
        };
    }

    static IpAddressNoZone address(final String text) {
        return text.indexOf(':') >= 0 ? new IpAddressNoZone(new Ipv6AddressNoZone(text))
            : new IpAddressNoZone(new Ipv4AddressNoZone(text));
    }

    static org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.logical.port
            .AllowedAddressPair pair(final AddressPair pair) {
        final String prefix = pair.ipPrefix().indexOf('/') >= 0 ? pair.ipPrefix()
            : pair.ipPrefix() + (pair.ipPrefix().indexOf(':') >= 0 ? "/128" : "/32");
        return new AllowedAddressPairBuilder()
            .setIpPrefix(prefix.indexOf(':') >= 0 ? new IpPrefix(new Ipv6Prefix(prefix))
                : new IpPrefix(new Ipv4Prefix(prefix)))
            .setMacAddress(new MacAddress(pair.mac()))
            .build();
    }
}
