/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.plan;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.wiring.impl.intent.IntentRef;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IpAddressNoZone;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IpPrefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4AddressNoZone;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Prefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv6AddressNoZone;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv6Prefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.MacAddress;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.NetworkIdentity;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.PortType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.HostBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.Bridge;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.BridgeBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.KernelBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.LogicalPortBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.NetworkBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.PortBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.ProviderPortBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.kernel.AddressBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.kernel.ExposeBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.kernel.ExposedBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.kernel.NeighbourBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.kernel.ProviderFlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.kernel.ProxyNdpBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.kernel.RouteBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.kernel.RoutingTableBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.kernel.RuleBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.kernel.SysctlBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.logical.port.AllowedAddressPairBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.DatapathType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.DeviceName;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.HostId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.Name;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.PhysicalNetwork;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.TunnelType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.VlanId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.Vni;
import org.opendaylight.yangtools.yang.binding.Key;
import org.opendaylight.yangtools.yang.binding.KeyAware;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * Converts a {@link HostPlan} into the {@code wiring-plan} binding objects written to the operational datastore.
 */
public final class PlanBinding {
    private PlanBinding() {
        // utility
    }

    /**
     * The binding form of a host plan.
     *
     * @param plan the plan
     * @return the plan/host list entry
     */
    public static Host toBinding(final HostPlan plan) {
        final var builder = new HostBuilder()
            .setHostId(new HostId(plan.hostId()))
            .setIntegrationBridge(new DeviceName(plan.integrationBridge()))
            .setDigest(plan.digest())
            .setBridge(map(plan.bridges(), PlanBinding::bridge))
            .setPort(map(plan.ports(), p -> new PortBuilder()
                .setName(p.value().name())
                .setBridge(new DeviceName(p.value().bridge()))
                .setType(PortType.ofName(p.value().type()))
                .setPeer(p.value().peer())
                .setVlanTag(p.value().vlanTag() == null ? null : new VlanId(Uint16.valueOf(p.value().vlanTag())))
                .setLocalIp(p.value().localIp() == null ? null : address(p.value().localIp()))
                .setRemoteIp(p.value().remoteIp() == null ? null : address(p.value().remoteIp()))
                .setRemoteHost(p.value().remoteHost() == null ? null : new HostId(p.value().remoteHost()))
                .setIntent(intents(p.origins()))
                .build()))
            .setNetwork(map(plan.networks(), n -> new NetworkBuilder()
                .setNetwork(intentRef(n.value().identity().ref()))
                .setName(new Name(n.value().identity().name()))
                .setKind(kind(n.value().identity()))
                .setSegmentationId(vni(n.value().identity()))
                .setTunnelType(tunnelType(n.value().identity()))
                .setPhysicalNetwork(physicalNetwork(n.value().identity()))
                .setVlanId(vlanId(n.value().identity()))
                .setLocalId(Uint16.valueOf(n.value().localId()))
                .setIntent(intents(n.origins()))
                .build()))
            .setLogicalPort(map(plan.logicalPorts(), p -> new LogicalPortBuilder()
                .setIfaceId(p.value().ifaceId())
                .setId(new Name(p.value().id()))
                .setNetwork(new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentRef(
                    p.value().network()))
                .setMacAddress(new MacAddress(p.value().mac()))
                .setFixedIp(p.value().fixedIps().isEmpty() ? null : p.value().fixedIps().stream()
                    .map(PlanBinding::address).collect(Collectors.toCollection(LinkedHashSet::new)))
                .setPortSecurity(p.value().portSecurity())
                .setAllowedAddressPair(p.value().addressPairs().isEmpty() ? null : BindingMap.ordered(
                    p.value().addressPairs().stream().map(pair -> new AllowedAddressPairBuilder()
                        .setIpPrefix(prefix(pair.ipPrefix())).setMacAddress(new MacAddress(pair.mac())).build())
                        .toList()))
                .setIntent(intents(p.origins()))
                .build()))
            .setProviderPort(map(plan.providerPorts(), p -> new ProviderPortBuilder()
                .setPhysicalNetwork(new PhysicalNetwork(p.value().physicalNetwork()))
                .setPort(p.value().port())
                .setBridge(new DeviceName(p.value().bridge()))
                .setIntent(intents(p.origins()))
                .build()));
        final var expose = plan.expose();
        if (expose != null) {
            builder.setKernel(new KernelBuilder()
                .setExpose(new ExposeBuilder()
                    .setDevice(new DeviceName(expose.device()))
                    .setVrfName(new DeviceName(expose.vrfName()))
                    .setVrfTable(Uint32.valueOf(expose.vrfTable()))
                    .build())
                .setRoutingTable(map(plan.tables(), t -> new RoutingTableBuilder()
                    .setId(Uint32.valueOf(t.value().id())).setName(new DeviceName(t.value().name()))
                    .setIntent(intents(t.origins())).build()))
                .setAddress(map(plan.addresses(), a -> new AddressBuilder()
                    .setDevice(new DeviceName(a.value().device())).setPrefix(prefix(a.value().prefix()))
                    .setIntent(intents(a.origins())).build()))
                .setSysctl(map(plan.sysctls(), s -> new SysctlBuilder()
                    .setName(s.value().name()).setValue(s.value().value()).setIntent(intents(s.origins())).build()))
                .setRule(map(plan.rules(), r -> new RuleBuilder()
                    .setDestination(prefix(r.value().destination())).setTable(Uint32.valueOf(r.value().table()))
                    .setPriority(Uint32.valueOf(r.value().priority())).setIntent(intents(r.origins())).build()))
                .setRoute(map(plan.routes(), r -> new RouteBuilder()
                    .setTable(Uint32.valueOf(r.value().table())).setDestination(prefix(r.value().destination()))
                    .setDevice(new DeviceName(r.value().device()))
                    .setGateway(r.value().gateway() == null ? null : address(r.value().gateway()))
                    .setIntent(intents(r.origins())).build()))
                .setNeighbour(map(plan.neighbours(), n -> new NeighbourBuilder()
                    .setDevice(new DeviceName(n.value().device())).setAddress(address(n.value().address()))
                    .setMacAddress(new MacAddress(n.value().mac())).setIntent(intents(n.origins())).build()))
                .setProxyNdp(map(plan.proxyNdps(), n -> new ProxyNdpBuilder()
                    .setDevice(new DeviceName(n.value().device()))
                    .setAddress(new Ipv6AddressNoZone(n.value().address())).setIntent(intents(n.origins())).build()))
                .setExposed(map(plan.exposed(), e -> new ExposedBuilder()
                    .setPrefix(prefix(e.value())).setIntent(intents(e.origins())).build()))
                .setProviderFlow(map(plan.providerFlows(), f -> new ProviderFlowBuilder()
                    .setBridge(new DeviceName(f.value().bridge())).setPatchPort(f.value().patchPort())
                    .setCookie(Uint64.fromLongBits(f.value().cookie())).setIntent(intents(f.origins())).build()))
                .build());
        }
        return builder.build();
    }

    /**
     * The binding form of a network's placement.
     *
     * @param plan the network plan
     * @return the plan/network list entry
     */
    public static org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Network toBinding(
            final NetworkPlan plan) {
        final var identity = plan.identity();
        return new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.NetworkBuilder()
            .setNetwork(intentRef(identity.ref()))
            .setName(new Name(identity.name()))
            .setKind(kind(identity))
            .setSegmentationId(vni(identity))
            .setTunnelType(tunnelType(identity))
            .setPhysicalNetwork(physicalNetwork(identity))
            .setVlanId(vlanId(identity))
            .setDigest(plan.digest())
            .setHost(plan.hosts().isEmpty() ? null : BindingMap.ordered(plan.hosts().stream()
                .map(host -> new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.network
                    .HostBuilder().setHostId(new HostId(host)).build())
                .toList()))
            .setPort(map(plan.ports(), p -> new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121
                    .plan.network.PortBuilder()
                .setId(new Name(p.value().id()))
                .setMacAddress(new MacAddress(p.value().mac()))
                .setHost(new HostId(p.value().host()))
                .setIntent(intents(p.origins()))
                .build()))
            .setIntent(intents(plan.origins()))
            .build();
    }

    private static NetworkIdentity.Kind kind(final org.opendaylight.wiring.impl.plan.NetworkIdentity identity) {
        return switch (identity.kind()) {
            case OVERLAY -> NetworkIdentity.Kind.Overlay;
            case FLAT -> NetworkIdentity.Kind.Flat;
            case VLAN -> NetworkIdentity.Kind.Vlan;
        };
    }

    private static @Nullable Vni vni(final org.opendaylight.wiring.impl.plan.NetworkIdentity identity) {
        return identity.vni() == null ? null : new Vni(Uint32.valueOf(identity.vni()));
    }

    private static @Nullable TunnelType tunnelType(final org.opendaylight.wiring.impl.plan.NetworkIdentity identity) {
        return identity.tunnelType() == null ? null : TunnelType.ofName(identity.tunnelType());
    }

    private static @Nullable PhysicalNetwork physicalNetwork(
            final org.opendaylight.wiring.impl.plan.NetworkIdentity identity) {
        return identity.physicalNetwork() == null ? null : new PhysicalNetwork(identity.physicalNetwork());
    }

    private static @Nullable VlanId vlanId(final org.opendaylight.wiring.impl.plan.NetworkIdentity identity) {
        return identity.vlanId() == null ? null : new VlanId(Uint16.valueOf(identity.vlanId()));
    }

    private static org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentRef intentRef(
            final IntentRef ref) {
        return new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentRef(ref.toString());
    }

    private static Bridge bridge(final HostPlan.Planned<HostPlan.Bridge> planned) {
        final var value = planned.value();
        return new BridgeBuilder()
            .setName(new DeviceName(value.name()))
            .setRole(value.integration() ? Bridge.Role.Integration : Bridge.Role.Provider)
            .setDatapathType(DatapathType.ofName(value.datapathType()))
            .setPhysicalNetwork(value.physicalNetwork() == null ? null : new PhysicalNetwork(value.physicalNetwork()))
            .setIntent(intents(planned.origins()))
            .build();
    }

    private static <V, K extends Key<T>, T extends KeyAware<K>> java.util.Map<K, T> map(
            final Collection<HostPlan.Planned<V>> values,
                final Function<HostPlan.Planned<V>, T> mapper) {
        return values.isEmpty() ? null : BindingMap.ordered(values.stream().map(mapper).toList());
    }

    private static Set<org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentRef> intents(
            final Collection<IntentRef> refs) {
        return refs.stream()
            .map(ref -> new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentRef(
                ref.toString()))
            .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    static IpAddressNoZone address(final String text) {
        return text.indexOf(':') >= 0 ? new IpAddressNoZone(new Ipv6AddressNoZone(text))
            : new IpAddressNoZone(new Ipv4AddressNoZone(text));
    }

    static IpPrefix prefix(final String text) {
        return text.indexOf(':') >= 0 ? new IpPrefix(new Ipv6Prefix(text)) : new IpPrefix(new Ipv4Prefix(text));
    }
}
