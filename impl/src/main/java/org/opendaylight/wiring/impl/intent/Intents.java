/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.intent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.BgpRedirect;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.floating.ip.list.FloatingIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.router.list.Router;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.ProviderNetworks;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.host.list.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.provider.network.list.ProviderNetwork;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.Tunneling;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.logical.port.list.LogicalPort;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.overlay.network.list.OverlayNetwork;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.tunnel.rev261121.tunnel.endpoint.list.TunnelEndpoint;
import org.opendaylight.yangtools.yang.binding.DataObject;

/**
 * An immutable snapshot of all intents read from the configuration datastore, with every list sorted by key so
 * that validation and planning are deterministic.
 *
 * @param providerNetworks provider networks, by name
 * @param providerHosts provider host settings, by host id
 * @param tunnelEndpoints tunnel endpoints, by host id and type
 * @param overlayNetworks overlay networks, by name
 * @param logicalPorts logical ports, by id
 * @param bgpEnabled whether the bgp-redirect presence container exists
 * @param bgpSettings resolved BGP settings
 * @param routers routers, by name
 * @param floatingIps floating IPs, by address
 */
public record Intents(List<ProviderNetwork> providerNetworks, List<Host> providerHosts,
        List<TunnelEndpoint> tunnelEndpoints, List<OverlayNetwork> overlayNetworks, List<LogicalPort> logicalPorts,
        boolean bgpEnabled, BgpSettings bgpSettings, List<Router> routers, List<FloatingIp> floatingIps) {

    public static final Intents EMPTY = of(null, null, null);

    /**
     * Snapshot of the three intent containers, any of which may be absent.
     *
     * @param provider provider networks container
     * @param tunneling tunneling container
     * @param bgp bgp-redirect container
     * @return the snapshot
     */
    public static Intents of(final @Nullable ProviderNetworks provider, final @Nullable Tunneling tunneling,
            final @Nullable BgpRedirect bgp) {
        return new Intents(
            sorted(provider == null ? null : provider.getProviderNetwork(), n -> n.getName().getValue()),
            sorted(provider == null ? null : provider.getHost(), h -> h.getHostId().getValue()),
            sorted(tunneling == null ? null : tunneling.getTunnelEndpoint(), Intents::endpointKey),
            sorted(tunneling == null ? null : tunneling.getOverlayNetwork(), n -> n.getName().getValue()),
            sorted(tunneling == null ? null : tunneling.getLogicalPort(), p -> p.getId().getValue()),
            bgp != null && Boolean.TRUE.equals(bgp.getEnabled()),
            BgpSettings.of(bgp == null ? null : bgp.getSettings()),
            sorted(bgp == null ? null : bgp.getRouter(), r -> r.getName().getValue()),
            sorted(bgp == null ? null : bgp.getFloatingIp(), f -> f.getAddress().getValue()));
    }

    /**
     * A snapshot made of individual intent entries, with the given BGP switch and settings.
     *
     * @param entries list entries of any kind
     * @param bgpEnabled whether BGP redirect is on
     * @param bgpSettings BGP settings
     * @return the snapshot
     */
    public static Intents ofEntries(final Collection<? extends DataObject> entries, final boolean bgpEnabled,
            final BgpSettings bgpSettings) {
        final List<ProviderNetwork> networks = new ArrayList<>();
        final List<Host> hosts = new ArrayList<>();
        final List<TunnelEndpoint> endpoints = new ArrayList<>();
        final List<OverlayNetwork> overlays = new ArrayList<>();
        final List<LogicalPort> ports = new ArrayList<>();
        final List<Router> routers = new ArrayList<>();
        final List<FloatingIp> fips = new ArrayList<>();
        for (var entry : entries) {
            if (entry instanceof ProviderNetwork net) {
                networks.add(net);
            } else if (entry instanceof Host host) {
                hosts.add(host);
            } else if (entry instanceof TunnelEndpoint ep) {
                endpoints.add(ep);
            } else if (entry instanceof OverlayNetwork net) {
                overlays.add(net);
            } else if (entry instanceof LogicalPort port) {
                ports.add(port);
            } else if (entry instanceof Router router) {
                routers.add(router);
            } else if (entry instanceof FloatingIp fip) {
                fips.add(fip);
            } else {
                throw new IllegalArgumentException("not an intent: " + entry);
            }
        }
        return new Intents(
            sortedList(networks, n -> n.getName().getValue()),
            sortedList(hosts, h -> h.getHostId().getValue()),
            sortedList(endpoints, Intents::endpointKey),
            sortedList(overlays, n -> n.getName().getValue()),
            sortedList(ports, p -> p.getId().getValue()),
            bgpEnabled, bgpSettings,
            sortedList(routers, r -> r.getName().getValue()),
            sortedList(fips, f -> f.getAddress().getValue()));
    }

    /**
     * The same intents with the BGP switch and settings of another snapshot.
     *
     * @param other where the switch and settings come from
     * @return the snapshot
     */
    public Intents withBgpOf(final Intents other) {
        return new Intents(providerNetworks, providerHosts, tunnelEndpoints, overlayNetworks, logicalPorts,
            other.bgpEnabled, other.bgpSettings, routers, floatingIps);
    }

    /**
     * The key of a tunnel endpoint as RESTCONF spells it: {@code host-id,tunnel-type}.
     *
     * @param endpoint the endpoint
     * @return the key
     */
    public static String endpointKey(final TunnelEndpoint endpoint) {
        return endpoint.getHostId().getValue() + "," + endpoint.getTunnelType().getName();
    }

    private static <T> List<T> sortedList(final List<T> list, final java.util.function.Function<T, String> key) {
        return list.stream().sorted(Comparator.comparing(key)).toList();
    }

    private static <T> List<T> sorted(final @Nullable Map<?, T> map,
            final java.util.function.Function<T, String> key) {
        if (map == null) {
            return List.of();
        }
        return map.values().stream().sorted(Comparator.comparing(key)).toList();
    }
}
