/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.intent;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.BgpRedirect;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.floating.ip.list.FloatingIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.floating.ip.list.FloatingIpBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.router.list.Router;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.router.list.RouterBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.ProviderNetworks;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.host.list.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.host.list.HostBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.provider.network.list.ProviderNetwork;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.provider.network.list.ProviderNetworkBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.Tunneling;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.logical.port.list.LogicalPort;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.logical.port.list.LogicalPortBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.overlay.network.list.OverlayNetwork;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.overlay.network.list.OverlayNetworkBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.tunnel.endpoint.list.TunnelEndpoint;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.tunnel.endpoint.list.TunnelEndpointBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentStatus;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.intent.status.Status;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;

/**
 * Every intent of a snapshot with the path of its list entry.
 *
 * <p>In the operational datastore each intent's entry is a copy of the configured intent carrying its status: the
 * datastore enforces the intent's mandatory leaves there too, and a reader of the operational entry sees exactly
 * which version of the intent the status is about.
 */
public final class IntentPaths {
    public static final InstanceIdentifier<ProviderNetworks> PROVIDER = InstanceIdentifier.create(
        ProviderNetworks.class);
    public static final InstanceIdentifier<Tunneling> TUNNELING = InstanceIdentifier.create(Tunneling.class);
    public static final InstanceIdentifier<BgpRedirect> BGP = InstanceIdentifier.create(BgpRedirect.class);

    /**
     * One intent: where it lives and its list entry.
     *
     * @param path path of the list entry
     * @param entry the entry (in operational, with its status)
     */
    public record Intent(InstanceIdentifier<? extends IntentStatus> path, IntentStatus entry) {
        public @Nullable Status status() {
            return entry.getStatus();
        }
    }

    private IntentPaths() {
        // utility
    }

    /**
     * All intents of a snapshot, by reference, in reference order.
     *
     * @param intents the snapshot
     * @return the intents
     */
    public static Map<IntentRef, Intent> of(final Intents intents) {
        final Map<IntentRef, Intent> result = new TreeMap<>();
        for (var net : intents.providerNetworks()) {
            result.put(IntentRef.of(IntentKind.PROVIDER_NETWORK, net.getName().getValue()),
                new Intent(PROVIDER.child(ProviderNetwork.class, net.key()), net));
        }
        for (var host : intents.providerHosts()) {
            result.put(IntentRef.of(IntentKind.PROVIDER_HOST, host.getHostId().getValue()),
                new Intent(PROVIDER.child(Host.class, host.key()), host));
        }
        for (var ep : intents.tunnelEndpoints()) {
            result.put(IntentRef.of(IntentKind.TUNNEL_ENDPOINT, Intents.endpointKey(ep)),
                new Intent(TUNNELING.child(TunnelEndpoint.class, ep.key()), ep));
        }
        for (var net : intents.overlayNetworks()) {
            result.put(IntentRef.of(IntentKind.OVERLAY_NETWORK, net.getName().getValue()),
                new Intent(TUNNELING.child(OverlayNetwork.class, net.key()), net));
        }
        for (var port : intents.logicalPorts()) {
            result.put(IntentRef.of(IntentKind.LOGICAL_PORT, port.getId().getValue()),
                new Intent(TUNNELING.child(LogicalPort.class, port.key()), port));
        }
        for (var router : intents.routers()) {
            result.put(IntentRef.of(IntentKind.ROUTER, router.getName().getValue()),
                new Intent(BGP.child(Router.class, router.key()), router));
        }
        for (var fip : intents.floatingIps()) {
            result.put(IntentRef.of(IntentKind.FLOATING_IP, fip.getAddress().getValue()),
                new Intent(BGP.child(FloatingIp.class, fip.key()), fip));
        }
        return result;
    }

    /**
     * A copy of an intent's list entry carrying the given status.
     *
     * @param entry the configured entry
     * @param status its status
     * @return the operational entry
     */
    public static IntentStatus withStatus(final IntentStatus entry, final Status status) {
        if (entry instanceof ProviderNetwork net) {
            return new ProviderNetworkBuilder(net).setStatus(status).build();
        } else if (entry instanceof Host host) {
            return new HostBuilder(host).setStatus(status).build();
        } else if (entry instanceof TunnelEndpoint ep) {
            return new TunnelEndpointBuilder(ep).setStatus(status).build();
        } else if (entry instanceof OverlayNetwork net) {
            return new OverlayNetworkBuilder(net).setStatus(status).build();
        } else if (entry instanceof LogicalPort port) {
            return new LogicalPortBuilder(port).setStatus(status).build();
        } else if (entry instanceof Router router) {
            return new RouterBuilder(router).setStatus(status).build();
        } else if (entry instanceof FloatingIp fip) {
            return new FloatingIpBuilder(fip).setStatus(status).build();
        }
        throw new IllegalArgumentException("not an intent: " + entry);
    }
}
