/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opendaylight.wiring.impl.intent.Intents;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.MacAddress;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.BgpRedirect;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.BgpRedirectBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.bgp.redirect.SettingsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.floating.ip.list.FloatingIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.floating.ip.list.FloatingIpBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.router.list.Router;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.router.list.RouterBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.router.list.router.GatewayPortBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.router.list.router.Subnet;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.router.list.router.SubnetBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.ProviderNetworks;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.ProviderNetworksBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.host.list.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.host.list.HostBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.host.list.host.BridgeMapping;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.host.list.host.BridgeMappingBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.provider.network.list.ProviderNetwork;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.provider.network.list.ProviderNetworkBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.Tunneling;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.TunnelingBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.logical.port.list.LogicalPort;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.logical.port.list.LogicalPortBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.logical.port.list.logical.port.AllowedAddressPair;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.logical.port.list.logical.port.AllowedAddressPairBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.overlay.network.list.OverlayNetwork;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.overlay.network.list.OverlayNetworkBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.tunnel.endpoint.list.TunnelEndpoint;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.tunnel.endpoint.list.TunnelEndpointBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.Address;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.DeviceName;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.HostId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.Name;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.PhysicalNetwork;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.Prefix;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.TunnelType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.VlanId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.Vni;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * Terse builders for intents in tests.
 */
public final class TestIntents {
    public final List<ProviderNetwork> networks = new ArrayList<>();
    public final List<Host> hosts = new ArrayList<>();
    public final List<TunnelEndpoint> endpoints = new ArrayList<>();
    public final List<OverlayNetwork> overlays = new ArrayList<>();
    public final List<LogicalPort> ports = new ArrayList<>();
    public final List<Router> routers = new ArrayList<>();
    public final List<FloatingIp> fips = new ArrayList<>();
    public boolean bgp;
    public boolean exposeTenants;
    public Long flowCookie;
    /** Physical networks BGP redirect leaves alone. */
    public final java.util.Set<String> excludedPhysicalNetworks = new java.util.TreeSet<>();

    public TestIntents flat(final String name, final String physnet) {
        networks.add(new ProviderNetworkBuilder().setName(new Name(name)).setType(ProviderNetwork.Type.Flat)
            .setPhysicalNetwork(new PhysicalNetwork(physnet)).build());
        return this;
    }

    public TestIntents vlan(final String name, final String physnet, final Integer vlan) {
        networks.add(new ProviderNetworkBuilder().setName(new Name(name)).setType(ProviderNetwork.Type.Vlan)
            .setPhysicalNetwork(new PhysicalNetwork(physnet))
            .setVlanId(vlan == null ? null : new VlanId(Uint16.valueOf(vlan))).build());
        return this;
    }

    /** A host with mappings given as physnet, bridge pairs. */
    public TestIntents host(final String id, final String... mappings) {
        final List<BridgeMapping> list = new ArrayList<>();
        for (int i = 0; i < mappings.length; i += 2) {
            list.add(new BridgeMappingBuilder().setPhysicalNetwork(new PhysicalNetwork(mappings[i]))
                .setBridge(new DeviceName(mappings[i + 1])).build());
        }
        hosts.add(new HostBuilder().setHostId(new HostId(id))
            .setBridgeMapping(list.isEmpty() ? null : BindingMap.ordered(list)).build());
        return this;
    }

    public TestIntents hostWith(final Host host) {
        hosts.add(host);
        return this;
    }

    public TestIntents endpoint(final String host, final TunnelType type, final String ip) {
        endpoints.add(new TunnelEndpointBuilder().setHostId(new HostId(host)).setTunnelType(type)
            .setLocalIp(address(ip)).build());
        return this;
    }

    public TestIntents overlay(final String name, final long vni) {
        overlays.add(new OverlayNetworkBuilder().setName(new Name(name)).setSegmentationId(new Vni(Uint32.valueOf(vni)))
            .build());
        return this;
    }

    public TestIntents providerPort(final String id, final String network, final String host, final String mac,
            final String... ips) {
        ports.add(new LogicalPortBuilder().setId(new Name(id))
            .setNetwork(new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.logical.port.list
                .logical.port.network.ProviderNetworkBuilder().setProviderNetwork(new Name(network)).build())
            .setHost(host == null ? null : new HostId(host)).setMacAddress(new MacAddress(mac))
            .setFixedIp(addresses(ips)).build());
        return this;
    }

    public TestIntents overlayPort(final String id, final String network, final String host, final String mac,
            final String... ips) {
        ports.add(new LogicalPortBuilder().setId(new Name(id))
            .setNetwork(new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.logical.port.list
                .logical.port.network.OverlayNetworkBuilder().setOverlayNetwork(new Name(network)).build())
            .setHost(host == null ? null : new HostId(host)).setMacAddress(new MacAddress(mac))
            .setFixedIp(addresses(ips)).build());
        return this;
    }

    /**
     * Amends the last added logical port: its allowed address pairs (ip-prefix, mac pairs) and port security.
     */
    public TestIntents pairs(final boolean portSecurity, final String... ipMacPairs) {
        final List<AllowedAddressPair> list = new ArrayList<>();
        for (int i = 0; i < ipMacPairs.length; i += 2) {
            list.add(new AllowedAddressPairBuilder().setIpPrefix(prefix(ipMacPairs[i]))
                .setMacAddress(new MacAddress(ipMacPairs[i + 1])).build());
        }
        final var last = ports.remove(ports.size() - 1);
        ports.add(new LogicalPortBuilder(last).setPortSecurity(portSecurity)
            .setAllowedAddressPair(list.isEmpty() ? null : BindingMap.ordered(list)).build());
        return this;
    }

    /** Amends a logical port: its interface-id. */
    public TestIntents interfaceId(final String portId, final String ifaceId) {
        ports.replaceAll(port -> port.getId().getValue().equals(portId)
            ? new LogicalPortBuilder(port).setInterfaceId(ifaceId).build() : port);
        return this;
    }

    /** A router with a gateway port and subnets given as cidr, gateway-ip pairs. */
    public TestIntents router(final String name, final String network, final String host, final String mac,
            final List<String> gatewayIps, final String... subnets) {
        final List<Subnet> list = new ArrayList<>();
        for (int i = 0; i < subnets.length; i += 2) {
            // "cidr@overlay-network" names the subnet's network
            final var at = subnets[i].indexOf('@');
            list.add(new SubnetBuilder().setCidr(prefix(at < 0 ? subnets[i] : subnets[i].substring(0, at)))
                .setOverlayNetwork(at < 0 ? null : new Name(subnets[i].substring(at + 1)))
                .setGatewayIp(subnets[i + 1] == null ? null : address(subnets[i + 1])).build());
        }
        routers.add(new RouterBuilder().setName(new Name(name))
            .setGatewayPort(new GatewayPortBuilder().setProviderNetwork(new Name(network))
                .setHost(host == null ? null : new HostId(host)).setMacAddress(new MacAddress(mac))
                .setIpAddress(addresses(gatewayIps.toArray(new String[0]))).build())
            .setSubnet(list.isEmpty() ? null : BindingMap.ordered(list)).build());
        return this;
    }

    public TestIntents fip(final String address, final String network, final String port, final String fixedIp) {
        fips.add(new FloatingIpBuilder().setAddress(address(address)).setProviderNetwork(new Name(network))
            .setPort(port == null ? null : new Name(port)).setFixedIp(fixedIp == null ? null : address(fixedIp))
            .build());
        return this;
    }

    public TestIntents bgp(final boolean exposeTenantNetworks) {
        bgp = true;
        exposeTenants = exposeTenantNetworks;
        return this;
    }

    public ProviderNetworks providerContainer() {
        return new ProviderNetworksBuilder()
            .setProviderNetwork(networks.isEmpty() ? null : BindingMap.ordered(networks))
            .setHost(hosts.isEmpty() ? null : BindingMap.ordered(hosts)).build();
    }

    public Tunneling tunnelingContainer() {
        return new TunnelingBuilder()
            .setTunnelEndpoint(endpoints.isEmpty() ? null : BindingMap.ordered(endpoints))
            .setOverlayNetwork(overlays.isEmpty() ? null : BindingMap.ordered(overlays))
            .setLogicalPort(ports.isEmpty() ? null : BindingMap.ordered(ports)).build();
    }

    public BgpRedirect bgpContainer() {
        return !bgp ? null : new BgpRedirectBuilder().setEnabled(true)
            .setSettings(new SettingsBuilder().setExposeTenantNetworks(exposeTenants)
                .setFlowCookie(flowCookie == null ? null : Uint64.valueOf(flowCookie))
                .setExcludedPhysicalNetwork(excludedPhysicalNetworks.isEmpty() ? null
                    : excludedPhysicalNetworks.stream().map(org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types
                        .rev261121.PhysicalNetwork::new).collect(java.util.stream.Collectors.toSet()))
                .build())
            .setRouter(routers.isEmpty() ? null : BindingMap.ordered(routers))
            .setFloatingIp(fips.isEmpty() ? null : BindingMap.ordered(fips)).build();
    }

    public Intents build() {
        return Intents.of(providerContainer(), tunnelingContainer(), bgpContainer());
    }

    public static Address address(final String text) {
        return new Address(text);
    }

    public static Prefix prefix(final String text) {
        return new Prefix(text);
    }

    private static Set<Address> addresses(final String... ips) {
        final Set<Address> result = new LinkedHashSet<>();
        for (var ip : ips) {
            result.add(address(ip));
        }
        return result.isEmpty() ? null : result;
    }

    /**
     * The scenario of seed 001 (OVN BGP agent traffic flow inspection): a provider VM on rack-1-host-2, a router
     * with its gateway on rack-1-host-1 and subnet 10.0.0.64/26, a tenant VM on rack-2-host-1 with a floating IP.
     *
     * @return the intents
     */
    public static TestIntents seed001() {
        return new TestIntents()
            .flat("public", "public")
            .host("rack-1-host-1", "public", "br-ex")
            .host("rack-1-host-2", "public", "br-ex")
            .host("rack-2-host-1", "public", "br-ex")
            .endpoint("rack-1-host-1", TunnelType.Geneve, "192.168.121.78")
            .endpoint("rack-1-host-2", TunnelType.Geneve, "192.168.121.79")
            .endpoint("rack-2-host-1", TunnelType.Geneve, "192.168.121.135")
            .overlay("private-test", 73)
            .providerPort("vm1-port", "public", "rack-1-host-2", "fa:16:3e:11:22:33", "172.24.4.92", "2001:db8::21c")
            .overlayPort("vm-tenant-port", "private-test", "rack-2-host-1", "fa:16:3e:0b:99:2b", "10.0.0.95")
            .router("router-test", "public", "rack-1-host-1", "fa:16:3e:bf:93:93",
                List.of("172.24.4.163", "2001:db8::20"), "10.0.0.64/26@private-test", "10.0.0.65")
            .fip("172.24.4.79", "public", "vm-tenant-port", "10.0.0.95")
            .bgp(true);
    }
}
