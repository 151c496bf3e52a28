/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline.compile;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Action;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.CompiledPipeline;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Cookies;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Flow;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Group;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Instructions;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Masked;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Match;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Metadata;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Purpose;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Table;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.AddressPair;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.Addresses;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.HostPipeline;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.LocalPort;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.Network;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.ProviderPort;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.RemotePort;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.TunnelPort;

/**
 * Compiles one host's integration bridge pipeline (docs/openflow.md). Pure and deterministic: the same input, in
 * any order, gives the same flows and groups; every flow is unique by (table, priority, match).
 */
public final class PipelineCompiler {
    /** Group kind: flood from a VM port (local ports, tunnels, provider). */
    public static final int GROUP_FROM_LOCAL = 1;
    /** Group kind: flood from a tunnel or provider network (local ports only: split horizon). */
    public static final int GROUP_FROM_UPLINK = 2;

    static final int PRIO_MISS = 0;
    static final int PRIO_CLASSIFY = 100;
    static final int PRIO_L2 = 100;
    static final int PRIO_FLOOD = 100;
    static final int PRIO_EGRESS = 100;
    static final int PRIO_DISPATCH = 100;
    static final int PRIO_PORTSEC_ALLOW = 200;
    static final int PRIO_PORTSEC_ND_DROP = 250;
    static final int PRIO_PORTSEC_ND_ALLOW = 300;

    private static final String NO_MAC = "00:00:00:00:00:00";
    private static final String UNSPECIFIED_V6 = "::";
    /** ICMPv6 types a VM port may only send as checked by the ND allow flows (NS, NA) or never (RA, redirect). */
    private static final int[] ND_GUARDED_TYPES = {134, 135, 136, 137};
    private static final int ICMPV6_NS = 135;
    private static final int ICMPV6_NA = 136;
    private static final int ICMPV6_MLD2_REPORT = 143;

    private final CompilerConfig config;

    /**
     * A compiler.
     *
     * @param config cookie and group id bases
     */
    public PipelineCompiler(final CompilerConfig config) {
        this.config = requireNonNull(config);
    }

    /**
     * The group id of a network's flood group.
     *
     * @param kind {@link #GROUP_FROM_LOCAL} or {@link #GROUP_FROM_UPLINK}
     * @param networkId the network's local id
     * @return the group id
     */
    public long groupId(final int kind, final int networkId) {
        return config.groupBase() | (long) kind << 16 | networkId;
    }

    /**
     * The actions toward a local port: its flood bucket.
     *
     * @param ofport the port
     * @return the actions
     */
    public static List<Action> localOutput(final long ofport) {
        return List.of(new Action.Output(ofport));
    }

    /**
     * The actions toward a remote host of an overlay network: its flood bucket and egress.
     *
     * @param net the network
     * @param tunnelOfport the tunnel port toward the host
     * @return the actions
     */
    public static List<Action> tunnelOutput(final Network net, final long tunnelOfport) {
        return List.of(new Action.SetTunnelId(net.vni()), new Action.Output(tunnelOfport));
    }

    /**
     * The actions toward a provider network: its flood bucket and egress (tagged for a VLAN network).
     *
     * @param net the network
     * @param patch the patch port toward the provider bridge
     * @return the actions
     */
    public static List<Action> providerOutput(final Network net, final long patch) {
        return net.vlanId() != 0
            ? List.of(new Action.PushVlan(), new Action.SetVlanVid(net.vlanId()), new Action.Output(patch))
            : List.of(new Action.Output(patch));
    }

    /**
     * Compile one host's pipeline.
     *
     * @param host the host's networks and ports
     * @return its flows and groups
     * @throws IllegalArgumentException when the input is inconsistent (duplicate names, ids, ports or MACs,
     *     unknown networks)
     */
    public CompiledPipeline compile(final HostPipeline host) {
        return new Run(host).compile();
    }

    private final class Run {
        private final Map<String, Network> networks = new TreeMap<>();
        private final Map<String, ProviderPort> providers = new TreeMap<>();
        private final Map<String, TunnelPort> tunnels = new TreeMap<>();
        private final List<LocalPort> locals;
        private final List<RemotePort> remotes;
        private final Map<String, List<LocalPort>> localsByNetwork = new HashMap<>();
        private final Map<String, List<RemotePort>> remotesByNetwork = new HashMap<>();
        private final Map<String, Flow> flows = new HashMap<>();
        private final List<Group> groups = new ArrayList<>();

        Run(final HostPipeline host) {
            final Set<Integer> ids = new TreeSet<>();
            for (Network net : host.networks()) {
                if (networks.put(net.name(), net) != null) {
                    throw new IllegalArgumentException("network " + net.name() + " given twice");
                }
                if (!ids.add(net.localId())) {
                    throw new IllegalArgumentException("network " + net.name() + ": local id " + net.localId()
                        + " used twice");
                }
            }
            final Map<Long, String> ofports = new HashMap<>();
            for (ProviderPort port : host.providerPorts()) {
                claim(ofports, port.ofport(), "patch port of " + port.physicalNetwork());
                if (providers.put(port.physicalNetwork(), port) != null) {
                    throw new IllegalArgumentException("physical network " + port.physicalNetwork()
                        + " has two patch ports");
                }
            }
            for (TunnelPort port : host.tunnelPorts()) {
                claim(ofports, port.ofport(), "tunnel port to " + port.remoteHost());
                if (tunnels.put(port.remoteHost(), port) != null) {
                    throw new IllegalArgumentException("host " + port.remoteHost() + " has two tunnel ports");
                }
            }
            locals = host.localPorts().stream().sorted(Comparator.comparingLong(LocalPort::ofport)).toList();
            for (LocalPort port : locals) {
                claim(ofports, port.ofport(), "port " + port.ifaceId());
                network(port.network(), "port " + port.ifaceId());
                localsByNetwork.computeIfAbsent(port.network(), name -> new ArrayList<>()).add(port);
            }
            remotes = host.remotePorts().stream()
                .sorted(Comparator.comparing(RemotePort::network).thenComparing(RemotePort::mac)).toList();
            for (RemotePort port : remotes) {
                network(port.network(), "remote port " + port.mac());
                remotesByNetwork.computeIfAbsent(port.network(), name -> new ArrayList<>()).add(port);
            }
        }

        private static void claim(final Map<Long, String> ofports, final long ofport, final String what) {
            final String previous = ofports.putIfAbsent(ofport, what);
            if (previous != null) {
                throw new IllegalArgumentException(what + ": ofport " + ofport + " already used by " + previous);
            }
        }

        private Network network(final String name, final String user) {
            final Network net = networks.get(name);
            if (net == null) {
                throw new IllegalArgumentException(user + ": unknown network " + name);
            }
            return net;
        }

        CompiledPipeline compile() {
            pipelineDefaults();
            for (LocalPort port : locals) {
                localPort(port);
            }
            for (Network net : networks.values()) {
                networkFlows(net);
            }
            for (RemotePort port : remotes) {
                remotePort(port);
            }
            // by table, priority (highest first) and canonical match; the key ends with the match text and is built
            // once per flow, not once per comparison (50000 flows a host)
            final List<Flow> sorted = flows.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Flow> entry) -> entry.getValue().table().id())
                    .thenComparing(Comparator.comparingInt((Map.Entry<String, Flow> entry) -> entry.getValue()
                        .priority()).reversed())
                    .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getValue)
                .toList();
            groups.sort(Comparator.comparingLong(Group::groupId));
            return new CompiledPipeline(sorted, groups);
        }

        private void add(final Table table, final int priority, final Match match, final Purpose purpose,
                final int networkId, final Instructions instructions) {
            final Flow flow = new Flow(table, priority, match, Cookies.cookie(config.cookieBase(), purpose,
                networkId), instructions);
            final Flow previous = flows.putIfAbsent(flow.key(), flow);
            if (previous != null && !previous.equals(flow)) {
                throw new IllegalArgumentException("two flows with table/priority/match " + flow.key());
            }
        }

        private void pipelineDefaults() {
            final Match any = Match.ANY;
            add(Table.CLASSIFICATION, PRIO_MISS, any, Purpose.PIPELINE, 0, Instructions.DROP);
            add(Table.PORT_SECURITY, PRIO_MISS, any, Purpose.PIPELINE, 0, Instructions.DROP);
            add(Table.EGRESS_CONNTRACK, PRIO_MISS, any, Purpose.PIPELINE, 0,
                Instructions.gotoTable(Table.SERVICES));
            add(Table.SERVICES, PRIO_MISS, any, Purpose.PIPELINE, 0, Instructions.gotoTable(Table.L2_LOOKUP));
            add(Table.L2_LOOKUP, PRIO_MISS, any, Purpose.PIPELINE, 0, Instructions.gotoTable(Table.FLOOD));
            add(Table.FLOOD, PRIO_MISS, any, Purpose.PIPELINE, 0, Instructions.DROP);
            add(Table.EGRESS, PRIO_MISS, any, Purpose.PIPELINE, 0, Instructions.DROP);
            add(Table.INGRESS_CONNTRACK, PRIO_MISS, any, Purpose.PIPELINE, 0,
                Instructions.gotoTable(Table.INGRESS_DISPATCH));
            add(Table.INGRESS_DISPATCH, PRIO_MISS, any, Purpose.PIPELINE, 0, Instructions.DROP);
        }

        private void localPort(final LocalPort port) {
            final Network net = networks.get(port.network());
            final int id = net.localId();
            final long key = port.ofport();
            // classification: untagged frames of the VM port; tagged ones fall to the table-miss drop
            add(Table.CLASSIFICATION, PRIO_CLASSIFY, Match.builder().inPort(key).noVlan().build(),
                Purpose.CLASSIFY_LOCAL, id, new Instructions(List.of(),
                    Metadata.srcPort(key).and(Metadata.network(id)).and(Metadata.uplink(false)),
                    port.portSecurity() ? Table.PORT_SECURITY : Table.EGRESS_CONNTRACK));
            if (port.portSecurity()) {
                portSecurity(port, id);
            }
            // L2 lookup: the port's MAC and the MACs of its allowed address pairs
            final Set<String> macs = new LinkedHashSet<>();
            macs.add(port.mac());
            port.allowedAddressPairs().stream().map(AddressPair::mac).sorted().forEach(macs::add);
            for (String mac : macs) {
                add(Table.L2_LOOKUP, PRIO_L2, Match.builder().metadata(Metadata.network(id)).ethDst(mac).build(),
                    Purpose.L2_LOCAL, id, new Instructions(List.of(), Metadata.dstPort(key), Table.EGRESS));
            }
            final Match dst = Match.builder().metadata(Metadata.dstPort(key)).build();
            add(Table.EGRESS, PRIO_EGRESS, dst, Purpose.EGRESS_LOCAL, id,
                Instructions.gotoTable(Table.INGRESS_CONNTRACK));
            add(Table.INGRESS_DISPATCH, PRIO_DISPATCH, dst, Purpose.EGRESS_LOCAL, id,
                Instructions.apply(new Action.Output(key)));
        }

        private void portSecurity(final LocalPort port, final int id) {
            // MAC -> the addresses it may send from: fixed IPs with the port's MAC, pairs with theirs
            final Map<String, Set<String>> allowed = new LinkedHashMap<>();
            allowed.computeIfAbsent(port.mac(), mac -> new LinkedHashSet<>()).addAll(port.fixedIps());
            port.allowedAddressPairs().stream()
                .sorted(Comparator.comparing(AddressPair::mac).thenComparing(AddressPair::ipPrefix))
                .forEach(pair -> allowed.computeIfAbsent(pair.mac(), mac -> new LinkedHashSet<>())
                    .add(pair.ipPrefix()));
            final long in = port.ofport();
            final Instructions pass = Instructions.gotoTable(Table.EGRESS_CONNTRACK);
            for (Map.Entry<String, Set<String>> entry : allowed.entrySet()) {
                final String mac = entry.getKey();
                final Set<String> v6 = new LinkedHashSet<>();
                v6.add(Addresses.linkLocal(mac));
                for (String ip : entry.getValue()) {
                    if (Addresses.isIpv6(ip)) {
                        v6.add(ip);
                        continue;
                    }
                    add(Table.PORT_SECURITY, PRIO_PORTSEC_ALLOW, from(in, mac).ethType(Match.ETH_IPV4).ipv4Src(ip)
                        .build(), Purpose.PORT_SECURITY, id, pass);
                    add(Table.PORT_SECURITY, PRIO_PORTSEC_ALLOW, from(in, mac).ethType(Match.ETH_ARP).arpSpa(ip)
                        .arpSha(mac).build(), Purpose.PORT_SECURITY, id, pass);
                }
                // DHCPv4 before the VM has its address
                add(Table.PORT_SECURITY, PRIO_PORTSEC_ALLOW, from(in, mac).ethType(Match.ETH_IPV4)
                    .ipProto(Match.PROTO_UDP).ipv4Src("0.0.0.0").udp(68, 67).build(), Purpose.PORT_SECURITY, id,
                    pass);
                for (String ip : v6) {
                    add(Table.PORT_SECURITY, PRIO_PORTSEC_ALLOW, from(in, mac).ethType(Match.ETH_IPV6).ipv6Src(ip)
                        .build(), Purpose.PORT_SECURITY, id, pass);
                    // NA only for its own target (OF 1.3 cannot mask ND targets: a prefix checks the source)
                    final Match.Builder na = icmp6(in, mac).icmpv6(ICMPV6_NA, 0);
                    add(Table.PORT_SECURITY, PRIO_PORTSEC_ND_ALLOW,
                        (ip.indexOf('/') < 0 ? na.ndTarget(ip) : na.ipv6Src(ip)).build(), Purpose.PORT_SECURITY,
                        id, pass);
                    // NS from its own address, announcing its own MAC (or none)
                    for (String sll : List.of(mac, NO_MAC)) {
                        add(Table.PORT_SECURITY, PRIO_PORTSEC_ND_ALLOW, icmp6(in, mac).ipv6Src(ip)
                            .icmpv6(ICMPV6_NS, 0).ndSll(sll).build(), Purpose.PORT_SECURITY, id, pass);
                    }
                }
                // duplicate address detection: NS and MLD reports from the unspecified address, no SLL option
                add(Table.PORT_SECURITY, PRIO_PORTSEC_ND_ALLOW, icmp6(in, mac).ipv6Src(UNSPECIFIED_V6)
                    .icmpv6(ICMPV6_NS, 0).ndSll(NO_MAC).build(), Purpose.PORT_SECURITY, id, pass);
                add(Table.PORT_SECURITY, PRIO_PORTSEC_ND_ALLOW, icmp6(in, mac).ipv6Src(UNSPECIFIED_V6)
                    .icmpv6(ICMPV6_MLD2_REPORT, 0).build(), Purpose.PORT_SECURITY, id, pass);
            }
            for (int type : ND_GUARDED_TYPES) {
                add(Table.PORT_SECURITY, PRIO_PORTSEC_ND_DROP, Match.builder().inPort(in).ethType(Match.ETH_IPV6)
                    .ipProto(Match.PROTO_ICMPV6).icmpv6Type(type).build(), Purpose.PORT_SECURITY, id,
                    Instructions.DROP);
            }
        }

        private static Match.Builder from(final long in, final String mac) {
            return Match.builder().inPort(in).ethSrc(mac);
        }

        private static Match.Builder icmp6(final long in, final String mac) {
            return from(in, mac).ethType(Match.ETH_IPV6).ipProto(Match.PROTO_ICMPV6);
        }

        private void networkFlows(final Network net) {
            final int id = net.localId();
            final List<List<Action>> fromLocal = new ArrayList<>();
            final List<List<Action>> fromUplink = new ArrayList<>();
            for (LocalPort port : localsByNetwork.getOrDefault(net.name(), List.of())) {
                fromLocal.add(localOutput(port.ofport()));
                fromUplink.add(localOutput(port.ofport()));
            }
            final Masked uplinkMeta = Metadata.network(id).and(Metadata.uplink(true));
            if (net.isProvider()) {
                final ProviderPort patch = providers.get(net.physicalNetwork());
                if (patch != null) {
                    final long key = patch.ofport();
                    final Match.Builder classify = Match.builder().inPort(key);
                    final List<Action> pop;
                    if (net.vlanId() != 0) {
                        classify.vlan(net.vlanId());
                        pop = List.of(new Action.PopVlan());
                    } else {
                        classify.noVlan();
                        pop = List.of();
                    }
                    add(Table.CLASSIFICATION, PRIO_CLASSIFY, classify.build(), Purpose.CLASSIFY_PROVIDER, id,
                        new Instructions(pop, Metadata.srcPort(key).and(uplinkMeta), Table.L2_LOOKUP));
                    final List<Action> out = providerOutput(net, key);
                    fromLocal.add(out);
                    add(Table.EGRESS, PRIO_EGRESS, Match.builder().metadata(Metadata.dstPort(key)
                        .and(Metadata.network(id)).and(Metadata.uplink(false))).build(), Purpose.EGRESS_PROVIDER, id,
                        new Instructions(out, null, null));
                }
            } else {
                if (!tunnels.isEmpty()) {
                    add(Table.CLASSIFICATION, PRIO_CLASSIFY, Match.builder().tunnelId(net.vni()).build(),
                        Purpose.CLASSIFY_TUNNEL, id, new Instructions(List.of(), uplinkMeta, Table.L2_LOOKUP));
                }
                // one bucket and one egress flow per remote host with ports in the network
                final Set<TunnelPort> hosts = new TreeSet<>(Comparator.comparingLong(TunnelPort::ofport));
                for (RemotePort port : remotesByNetwork.getOrDefault(net.name(), List.of())) {
                    final TunnelPort tunnel = tunnels.get(port.remoteHost());
                    if (tunnel != null) {
                        hosts.add(tunnel);
                    }
                }
                for (TunnelPort tunnel : hosts) {
                    final List<Action> out = tunnelOutput(net, tunnel.ofport());
                    fromLocal.add(out);
                    add(Table.EGRESS, PRIO_EGRESS, Match.builder().metadata(Metadata.dstPort(tunnel.ofport())
                        .and(Metadata.network(id)).and(Metadata.uplink(false))).build(), Purpose.EGRESS_TUNNEL, id,
                        new Instructions(out, null, null));
                }
            }
            final long localGroup = groupId(GROUP_FROM_LOCAL, id);
            final long uplinkGroup = groupId(GROUP_FROM_UPLINK, id);
            groups.add(new Group(localGroup, fromLocal));
            groups.add(new Group(uplinkGroup, fromUplink));
            add(Table.FLOOD, PRIO_FLOOD, Match.builder().metadata(Metadata.network(id).and(Metadata.uplink(false)))
                .build(), Purpose.FLOOD, id, Instructions.apply(new Action.ToGroup(localGroup)));
            add(Table.FLOOD, PRIO_FLOOD, Match.builder().metadata(uplinkMeta).build(), Purpose.FLOOD, id,
                Instructions.apply(new Action.ToGroup(uplinkGroup)));
        }

        private void remotePort(final RemotePort port) {
            final Network net = networks.get(port.network());
            final long key;
            if (net.isProvider()) {
                final ProviderPort patch = providers.get(net.physicalNetwork());
                if (patch == null) {
                    return;
                }
                key = patch.ofport();
            } else {
                final TunnelPort tunnel = tunnels.get(port.remoteHost());
                if (tunnel == null) {
                    return;
                }
                key = tunnel.ofport();
            }
            add(Table.L2_LOOKUP, PRIO_L2, Match.builder().metadata(Metadata.network(net.localId()))
                .ethDst(port.mac()).build(), Purpose.L2_REMOTE, net.localId(),
                new Instructions(List.of(), Metadata.dstPort(key), Table.EGRESS));
        }
    }
}
