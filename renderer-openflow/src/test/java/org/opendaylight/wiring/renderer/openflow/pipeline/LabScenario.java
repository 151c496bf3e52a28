/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.AddressPair;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.HostPipeline;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.LocalPort;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.Network;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.ProviderPort;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.RemotePort;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.TunnelPort;

/**
 * The seed scenarios as a small cloud of three hosts: seed 004's overlay networks (admin-private VNI 0x13 with
 * network id 3, private VNI 0x49 with network id 1, Dragonflow's metadata values) and seed 002's provider networks
 * (public: flat on physical network "public"; ext-vlan100: VLAN 100 on physnet1). Each host's pipeline input is
 * derived from the whole cloud the way the plan will: the networks with local ports, the ports of other hosts in
 * them, one tunnel port per other host, one patch port per mapped physical network.
 */
public final class LabScenario {
    /**
     * One logical port of the cloud.
     *
     * @param id its id (the iface-id)
     * @param host the host it is bound on
     * @param network its network
     * @param ofport its OpenFlow port on that host's br-int
     * @param mac its MAC
     * @param ips its fixed IPs
     * @param portSecurity whether port security is on
     * @param pairs its allowed address pairs
     */
    public record Port(String id, String host, String network, long ofport, String mac, List<String> ips,
            boolean portSecurity, List<AddressPair> pairs) {
        /**
         * The port's first IPv4 address.
         *
         * @return the address
         */
        public String ipv4() {
            return ips.stream().filter(ip -> ip.indexOf(':') < 0).findFirst().orElseThrow();
        }

        /**
         * The port's first IPv6 address.
         *
         * @return the address
         */
        public String ipv6() {
            return ips.stream().filter(ip -> ip.indexOf(':') >= 0).findFirst().orElseThrow();
        }
    }

    /** Seed 004's "private": VNI 73 (0x49), network id 1. */
    public static final Network PRIVATE = Network.overlay("private", 1, 0x49);
    /** Seed 004's "admin-private": VNI 19 (0x13), network id 3. */
    public static final Network ADMIN_PRIVATE = Network.overlay("admin-private", 3, 0x13);
    /** Seed 002's flat network on physical network "public", network id 5. */
    public static final Network PUBLIC = Network.flat("public", 5, "public");
    /** Seed 002's VLAN 100 on physnet1, network id 6. */
    public static final Network EXT_VLAN100 = Network.vlan("ext-vlan100", 6, "physnet1", 100);

    /** Patch port numbers on br-int per physical network, the same on every host that maps it. */
    public static final Map<String, Long> PATCH_OFPORTS = Map.of("public", 1L, "physnet1", 2L);
    /** Physical networks mapped per host. */
    public static final Map<String, Set<String>> MAPPINGS = Map.of(
        "h1", Set.of("public", "physnet1"),
        "h2", Set.of("public", "physnet1"),
        "h3", Set.of());
    /** The hosts. */
    public static final List<String> HOSTS = List.of("h1", "h2", "h3");

    private final List<Network> networks;
    private final List<Port> ports;

    private LabScenario(final List<Network> networks, final List<Port> ports) {
        this.networks = List.copyOf(networks);
        this.ports = List.copyOf(ports);
    }

    /**
     * The tunnel port on every host toward host hN: ofport 20 + N.
     *
     * @param remoteHost the remote host
     * @return the ofport
     */
    public static long tunnelOfport(final String remoteHost) {
        return 20 + Long.parseLong(remoteHost.substring(1));
    }

    /**
     * Seed 004: the two overlay networks, ports on three hosts.
     *
     * @return the scenario
     */
    public static LabScenario seed004() {
        return new LabScenario(List.of(PRIVATE, ADMIN_PRIVATE), overlayPorts());
    }

    /**
     * Seed 002: a flat and a VLAN provider network, ports on two hosts.
     *
     * @return the scenario
     */
    public static LabScenario seed002() {
        return new LabScenario(List.of(PUBLIC, EXT_VLAN100), providerPorts());
    }

    /**
     * Both seeds together: what the integration test wires.
     *
     * @return the scenario
     */
    public static LabScenario lab() {
        final List<Port> all = new ArrayList<>(overlayPorts());
        all.addAll(providerPorts());
        return new LabScenario(List.of(PRIVATE, ADMIN_PRIVATE, PUBLIC, EXT_VLAN100), all);
    }

    private static List<Port> overlayPorts() {
        return List.of(
            new Port("vm-priv1", "h1", "private", 8, "fa:16:3e:95:bf:e9", List.of("10.0.0.5", "2001:db8:49::5"),
                true, List.of(new AddressPair("10.0.0.100", "fa:16:3e:95:bf:e9"))),
            new Port("vm-priv2", "h1", "private", 7, "fa:16:3e:bc:5b:08", List.of("10.0.0.6"), true, List.of()),
            new Port("vm-admin1", "h1", "admin-private", 9, "fa:16:3e:4d:a9:26", List.of("10.10.0.4"), false,
                List.of()),
            new Port("vm-priv3", "h2", "private", 8, "fa:16:3e:2d:cc:cd", List.of("10.0.0.7", "2001:db8:49::7"),
                true, List.of()),
            new Port("vm-admin2", "h2", "admin-private", 9, "fa:16:3e:4d:a9:27", List.of("10.10.0.5"), true,
                List.of()),
            new Port("vm-admin3", "h3", "admin-private", 9, "fa:16:3e:4d:a9:28", List.of("10.10.0.6"), true,
                List.of()),
            new Port("vm-priv4", "h3", "private", 8, "fa:16:3e:2d:cc:ce", List.of("10.0.0.8"), true, List.of()));
    }

    private static List<Port> providerPorts() {
        return List.of(
            new Port("vm-vlan1", "h1", "ext-vlan100", 10, "fa:16:3e:00:64:01", List.of("172.16.100.11"), true,
                List.of()),
            new Port("vm-vlan3", "h1", "ext-vlan100", 12, "fa:16:3e:00:64:03", List.of("172.16.100.13"), true,
                List.of()),
            new Port("vm-pub1", "h1", "public", 11, "fa:16:3e:6a:2e:01", List.of("172.24.4.92", "2001:db8::21c"),
                true, List.of(new AddressPair("172.24.4.200", "fa:16:3e:6a:2e:ff"),
                    new AddressPair("2001:db8::/64", "fa:16:3e:6a:2e:01"))),
            new Port("vm-vlan2", "h2", "ext-vlan100", 10, "fa:16:3e:00:64:02", List.of("172.16.100.12"), true,
                List.of()),
            new Port("vm-pub2", "h2", "public", 11, "fa:16:3e:6a:2e:02", List.of("172.24.4.93", "2001:db8::21d"),
                true, List.of()));
    }

    /**
     * All ports.
     *
     * @return the ports
     */
    public List<Port> ports() {
        return ports;
    }

    /**
     * One port.
     *
     * @param id its id
     * @return the port
     */
    public Port port(final String id) {
        return ports.stream().filter(port -> port.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * The ports bound on a host.
     *
     * @param host the host
     * @return its ports
     */
    public List<Port> portsOn(final String host) {
        return ports.stream().filter(port -> port.host().equals(host)).toList();
    }

    /**
     * The networks with local ports on a host.
     *
     * @param host the host
     * @return the networks
     */
    public List<Network> networksOn(final String host) {
        final Set<String> names = new TreeSet<>();
        portsOn(host).forEach(port -> names.add(port.network()));
        return networks.stream().filter(net -> names.contains(net.name())).toList();
    }

    /**
     * The compiler's input for one host.
     *
     * @param host the host
     * @return the input
     */
    public HostPipeline pipeline(final String host) {
        final List<Network> nets = networksOn(host);
        final Set<String> netNames = new TreeSet<>();
        nets.forEach(net -> netNames.add(net.name()));
        final List<LocalPort> locals = portsOn(host).stream()
            .map(port -> new LocalPort(port.id(), port.network(), port.ofport(), port.mac(), port.ips(),
                port.portSecurity(), port.pairs()))
            .toList();
        final List<RemotePort> remotes = ports.stream()
            .filter(port -> !port.host().equals(host) && netNames.contains(port.network()))
            .map(port -> new RemotePort(port.mac(), port.host(), port.network()))
            .toList();
        final List<TunnelPort> tunnels = HOSTS.stream().filter(other -> !other.equals(host))
            .map(other -> new TunnelPort(other, tunnelOfport(other))).toList();
        final Map<String, Long> patches = new TreeMap<>();
        MAPPINGS.get(host).forEach(physnet -> patches.put(physnet, PATCH_OFPORTS.get(physnet)));
        final List<ProviderPort> providers = patches.entrySet().stream()
            .map(entry -> new ProviderPort(entry.getKey(), entry.getValue())).toList();
        return new HostPipeline(host, nets, locals, remotes, tunnels, providers);
    }
}
