/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.join;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.wiring.renderer.openflow.pipeline.compile.PipelineCompiler;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Group;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.AddressPair;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.HostPipeline;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.LocalPort;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.Network;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.PortKeys;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.ProviderPort;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.RemotePort;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.TunnelPort;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IpAddressNoZone;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.NetworkIdentity;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.Origin;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.PortType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.LogicalPort;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentRef;

/**
 * Joins one host's plan ({@code plan/host=<h>} and the {@code plan/network} entries of its networks) with its switch
 * state ({@code ovsdb-state/host=<h>}) into the {@link HostPipeline} the compiler takes, and the {@link JoinProblem}s
 * of what had to be left out. Pure and deterministic: equal inputs give an equal, sorted result, whatever the order
 * of the input collections.
 *
 * <p>Only what can be compiled now goes in: a port without an ofport is left out (and reported, as waiting), and so
 * are the remote ports behind a tunnel port without ofport or behind no tunnel port at all. The result never makes
 * the compiler refuse its input for reasons of the switch state (duplicate or out-of-range ofports) or of
 * inconsistent plan entries the join can see (duplicate local ids, a MAC on two hosts).
 */
public final class PlanJoin {
    /** Plan port types that are tunnels. */
    private static final Set<PortType> TUNNEL_TYPES = Set.of(PortType.Vxlan, PortType.Gre, PortType.Ip6gre,
        PortType.Geneve);

    private PlanJoin() {
        // utility
    }

    /**
     * Join one host's plan with its switch state.
     *
     * @param host the host's plan entry ({@code plan/host=<h>})
     * @param networks the {@code plan/network} entries of the host's networks (others are ignored)
     * @param state the host's switch state ({@code ovsdb-state/host=<h>}), null when the host never connected
     * @return the compiler's input and the problems
     */
    public static JoinResult join(final Host host,
            final Collection<org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Network>
                networks,
            final org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.@Nullable Host
                state) {
        return new Run(host, networks, state).run();
    }

    /** A port whose ofport is known, before ofport uniqueness is checked. */
    private record Claim(long ofport, String name, Set<String> intents) {
    }

    /** Where a planned port stands on the switch. */
    private record SwitchPort(@Nullable Long ofport, @Nullable String error) {
        boolean usable() {
            return ofport != null && ofport > 0;
        }

        long number() {
            return ofport == null ? 0 : ofport;
        }
    }

    private static final class Run {
        private final Host host;
        private final String hostId;
        private final @Nullable String integrationBridge;
        private final Map<String, org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Network>
            placements = new TreeMap<>();
        private final org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.@Nullable Host
            state;
        // switch ports on the integration bridge, by name and by iface-id
        private final Map<String, org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state
            .host.Port> switchByName = new TreeMap<>();
        private final Map<String, List<org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb
            .state.host.Port>> switchByIface = new TreeMap<>();
        private final List<JoinProblem> problems = new ArrayList<>();

        // network reference -> the host's plan entry, its compiled form (when usable), its tunnel type
        private final Map<String, org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host
            .Network> hostNetworks = new TreeMap<>();
        private final Map<String, Network> usable = new TreeMap<>();
        private final Map<String, String> tunnelTypes = new TreeMap<>();
        private final Map<String, List<LogicalPort>> logicalByNetwork = new TreeMap<>();

        private final Map<String, LocalPort> locals = new TreeMap<>();
        private final Map<String, Set<String>> localIntents = new TreeMap<>();
        private final Map<String, ProviderPort> providers = new TreeMap<>();
        // remote host -> chosen tunnel port (usable ofport), and its type family
        private final Map<String, TunnelPort> tunnels = new TreeMap<>();
        private final Map<String, String> tunnelFamilies = new TreeMap<>();
        private final List<Claim> claims = new ArrayList<>();

        Run(final Host host,
                final Collection<org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Network>
                    networks,
                final org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.@Nullable Host
                    state) {
            this.host = host;
            hostId = host.requireHostId().getValue();
            integrationBridge = host.getIntegrationBridge() == null ? null : host.getIntegrationBridge().getValue();
            this.state = state;
            for (var network : networks) {
                if (network.getNetwork() != null) {
                    placements.put(network.getNetwork().getValue(), network);
                }
            }
            if (state != null && integrationBridge != null) {
                for (var port : state.nonnullPort().values()) {
                    if (integrationBridge.equals(port.getBridge()) && port.getName() != null) {
                        switchByName.put(port.getName(), port);
                        if (port.getIfaceId() != null) {
                            switchByIface.computeIfAbsent(port.getIfaceId(), id -> new ArrayList<>()).add(port);
                        }
                    }
                }
            }
        }

        JoinResult run() {
            for (var network : host.nonnullNetwork().values()) {
                hostNetworks.put(network.requireNetwork().getValue(), network);
            }
            for (var port : host.nonnullLogicalPort().values()) {
                final String network = port.getNetwork() == null ? "" : port.getNetwork().getValue();
                logicalByNetwork.computeIfAbsent(network, ref -> new ArrayList<>()).add(port);
            }
            logicalByNetwork.values().forEach(ports -> ports.sort((a, b) -> a.requireIfaceId()
                .compareTo(b.requireIfaceId())));
            networks();
            localPorts();
            providerPorts();
            tunnelPorts();
            resolveOfports();
            final List<RemotePort> remotes = remotePorts();
            floodGroups(remotes);
            final var pipeline = new HostPipeline(hostId, List.copyOf(usable.values()), List.copyOf(locals.values()),
                remotes, List.copyOf(tunnels.values()), List.copyOf(providers.values()));
            String dpid = null;
            String mac = null;
            if (state != null && integrationBridge != null) {
                for (var bridge : state.nonnullBridge().values()) {
                    if (integrationBridge.equals(bridge.getName())) {
                        dpid = bridge.getDatapathId();
                        mac = bridge.getMacAddress();
                    }
                }
            }
            return new JoinResult(pipeline, problems, dpid, mac);
        }

        private void networks() {
            final Map<Integer, List<String>> byLocalId = new TreeMap<>();
            for (var entry : hostNetworks.entrySet()) {
                final String ref = entry.getKey();
                final var network = entry.getValue();
                final Set<String> intents = networkAndPortIntents(ref);
                if (network.getLocalId() == null) {
                    problems.add(new JoinProblem.LocalIdInvalid(ref, null, list(intents)));
                    continue;
                }
                final int localId = network.getLocalId().intValue();
                if (localId < 1 || localId > Network.MAX_LOCAL_ID) {
                    problems.add(new JoinProblem.LocalIdInvalid(ref, localId, list(intents)));
                    continue;
                }
                final Network compiled;
                try {
                    compiled = toNetwork(ref, localId, network);
                } catch (IllegalArgumentException e) {
                    problems.add(new JoinProblem.InvalidNetwork(ref, String.valueOf(e.getMessage()), list(intents)));
                    continue;
                }
                usable.put(ref, compiled);
                byLocalId.computeIfAbsent(localId, id -> new ArrayList<>()).add(ref);
                if (!placements.containsKey(ref)) {
                    problems.add(new JoinProblem.NetworkNotPlanned(ref, list(intents(network))));
                }
            }
            // two networks on one id would share flood groups and L2 entries: neither is safe to program
            for (var entry : byLocalId.entrySet()) {
                if (entry.getValue().size() > 1) {
                    for (String ref : entry.getValue()) {
                        usable.remove(ref);
                        problems.add(new JoinProblem.LocalIdInvalid(ref, entry.getKey(),
                            list(networkAndPortIntents(ref))));
                    }
                }
            }
        }

        private Network toNetwork(final String ref, final int localId,
                final org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.Network network) {
            final NetworkIdentity.Kind kind = network.getKind();
            if (kind == null) {
                throw new IllegalArgumentException("no kind");
            }
            return switch (kind) {
                case Overlay -> {
                    if (network.getSegmentationId() == null) {
                        throw new IllegalArgumentException("overlay network without segmentation-id");
                    }
                    if (network.getTunnelType() == null) {
                        throw new IllegalArgumentException("overlay network without tunnel-type");
                    }
                    tunnelTypes.put(ref, network.getTunnelType().getName());
                    yield Network.overlay(ref, localId, network.getSegmentationId().getValue().longValue());
                }
                case Flat -> Network.flat(ref, localId, physicalNetwork(network));
                case Vlan -> {
                    if (network.getVlanId() == null) {
                        throw new IllegalArgumentException("vlan network without vlan-id");
                    }
                    yield Network.vlan(ref, localId, physicalNetwork(network),
                        network.getVlanId().getValue().intValue());
                }
            };
        }

        private static String physicalNetwork(
                final org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.Network network) {
            if (network.getPhysicalNetwork() == null) {
                throw new IllegalArgumentException("provider network without physical-network");
            }
            return network.getPhysicalNetwork().getValue();
        }

        private void localPorts() {
            for (var entry : logicalByNetwork.entrySet()) {
                final Network network = usable.get(entry.getKey());
                for (LogicalPort port : entry.getValue()) {
                    final String ifaceId = port.requireIfaceId();
                    final Set<String> intents = intents(port);
                    if (network == null) {
                        // a network that is on the host but unusable was reported with this port's intents
                        if (!hostNetworks.containsKey(entry.getKey())) {
                            problems.add(new JoinProblem.InvalidPort(ifaceId, "unknown network " + entry.getKey(),
                                list(intents)));
                        }
                        continue;
                    }
                    if (port.getMacAddress() == null) {
                        problems.add(new JoinProblem.InvalidPort(ifaceId, "no MAC address", list(intents)));
                        continue;
                    }
                    final SwitchPort onSwitch = byIface(ifaceId);
                    if (onSwitch == null) {
                        continue;
                    }
                    if (!onSwitch.usable()) {
                        problems.add(new JoinProblem.LocalPortWithoutOfport(ifaceId, onSwitch.error(), list(intents)));
                        continue;
                    }
                    if (!fitsPortKey(onSwitch.number(), ifaceId, intents)) {
                        continue;
                    }
                    final LocalPort local;
                    try {
                        local = new LocalPort(ifaceId, network.name(), onSwitch.number(),
                            port.getMacAddress().getValue(),
                            fixedIps(port).stream().map(ip -> ip.stringValue()).sorted().toList(),
                            !Boolean.FALSE.equals(port.getPortSecurity()),
                            port.nonnullAllowedAddressPair().values().stream()
                                .map(pair -> new AddressPair(pair.requireIpPrefix().stringValue(),
                                    pair.requireMacAddress().getValue()))
                                .distinct()
                                .sorted((a, b) -> (a.ipPrefix() + " " + a.mac()).compareTo(b.ipPrefix() + " "
                                    + b.mac()))
                                .toList());
                    } catch (IllegalArgumentException e) {
                        problems.add(new JoinProblem.InvalidPort(ifaceId, String.valueOf(e.getMessage()),
                            list(intents)));
                        continue;
                    }
                    locals.put(ifaceId, local);
                    localIntents.put(ifaceId, intents);
                    claims.add(new Claim(local.ofport(), ifaceId, intents));
                }
            }
            // one MAC twice among the local ports of a network: the L2 lookup cannot tell them apart
            final Map<String, List<String>> byMac = new TreeMap<>();
            locals.values().forEach(port -> byMac.computeIfAbsent(port.network() + " " + port.mac(),
                key -> new ArrayList<>()).add(port.ifaceId()));
            for (var ifaceIds : byMac.values()) {
                if (ifaceIds.size() > 1) {
                    final Set<String> intents = new TreeSet<>();
                    ifaceIds.forEach(id -> intents.addAll(localIntents.get(id)));
                    final LocalPort first = locals.get(ifaceIds.get(0));
                    problems.add(new JoinProblem.MacConflict(first.network(), first.mac(), list(intents)));
                    ifaceIds.forEach(locals::remove);
                }
            }
        }

        /**
         * The switch port carrying an iface-id, or null (and a problem) when there is no single one.
         */
        private @Nullable SwitchPort byIface(final String ifaceId) {
            final var found = switchByIface.getOrDefault(ifaceId, List.of());
            if (found.size() > 1) {
                final var usableOnes = found.stream().filter(port -> port.getOfport() != null
                    && port.getOfport() > 0).toList();
                if (usableOnes.size() == 1) {
                    // a failed leftover next to the working interface: the working one carries the port
                    return new SwitchPort(usableOnes.get(0).getOfport(), null);
                }
                problems.add(new JoinProblem.InvalidPort(ifaceId, "iface-id on several interfaces: "
                    + String.join(", ", found.stream().map(port -> port.getName()).sorted().toList()),
                    list(intents(logicalPort(ifaceId)))));
                return null;
            }
            return found.isEmpty() ? new SwitchPort(null, null) : switchPort(found.get(0));
        }

        private @Nullable LogicalPort logicalPort(final String ifaceId) {
            return host.nonnullLogicalPort().values().stream().filter(port -> ifaceId.equals(port.getIfaceId()))
                .findFirst().orElse(null);
        }

        private SwitchPort byName(final String name) {
            final var port = switchByName.get(name);
            return port == null ? new SwitchPort(null, null) : switchPort(port);
        }

        private static SwitchPort switchPort(
                final org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.host.Port port) {
            final Long ofport = port.getOfport();
            if (ofport != null && ofport < 0) {
                // ofport -1: ovs-vswitchd could not create the interface
                return new SwitchPort(ofport, port.getError() == null ? "ofport " + ofport : port.getError());
            }
            return new SwitchPort(ofport == null || ofport == 0 ? null : ofport, null);
        }

        private void providerPorts() {
            final Map<String, Set<String>> networksByPhysnet = new TreeMap<>();
            for (Network network : usable.values()) {
                if (network.isProvider()) {
                    networksByPhysnet.computeIfAbsent(network.physicalNetwork(), p -> new TreeSet<>())
                        .add(network.name());
                }
            }
            final Set<String> planned = new HashSet<>();
            final var entries = new TreeMap<String, org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan
                .rev261121.plan.host.ProviderPort>();
            host.nonnullProviderPort().values().forEach(entry -> entries.put(entry.requirePhysicalNetwork()
                .getValue(), entry));
            for (var entry : entries.entrySet()) {
                final String physnet = entry.getKey();
                final var provider = entry.getValue();
                final Set<String> intents = intents(provider);
                networksByPhysnet.getOrDefault(physnet, Set.of()).forEach(ref -> intents.addAll(intents(
                    hostNetworks.get(ref))));
                final String name = provider.getPort();
                if (name == null) {
                    continue;
                }
                planned.add(physnet);
                final Port planPort = host.nonnullPort().values().stream().filter(port -> name.equals(
                    port.getName())).findFirst().orElse(null);
                if (planPort != null) {
                    intents.addAll(intents(planPort));
                }
                final SwitchPort onSwitch = byName(name);
                if (!onSwitch.usable()) {
                    problems.add(new JoinProblem.ProviderPortWithoutOfport(name, physnet, onSwitch.error(),
                        list(intents)));
                    continue;
                }
                if (fitsPortKey(onSwitch.number(), name, intents)) {
                    providers.put(physnet, new ProviderPort(physnet, onSwitch.number()));
                    claims.add(new Claim(onSwitch.number(), name, intents));
                }
            }
            for (var entry : networksByPhysnet.entrySet()) {
                if (!planned.contains(entry.getKey())) {
                    for (String ref : entry.getValue()) {
                        problems.add(new JoinProblem.NoProviderPort(ref, entry.getKey(),
                            list(intents(hostNetworks.get(ref)))));
                    }
                }
            }
        }

        private void tunnelPorts() {
            // the tunnel type families the host's overlay networks use (gre covers IPv4 and IPv6 GRE ports)
            final Set<String> families = new TreeSet<>();
            tunnelTypes.forEach((ref, type) -> {
                if (usable.containsKey(ref)) {
                    families.add(type);
                }
            });
            final Map<String, List<Port>> byRemote = new TreeMap<>();
            for (Port port : host.nonnullPort().values()) {
                if (port.getType() != null && TUNNEL_TYPES.contains(port.getType()) && port.getRemoteHost() != null
                        && !hostId.equals(port.getRemoteHost().getValue())
                        && families.contains(family(port.getType()))) {
                    byRemote.computeIfAbsent(port.getRemoteHost().getValue(), h -> new ArrayList<>()).add(port);
                }
            }
            // remote host -> the overlay networks with ports (or flood targets) there, in reference order
            final Map<String, List<String>> needed = new TreeMap<>();
            for (String ref : tunnelTypes.keySet()) {
                if (usable.containsKey(ref)) {
                    remoteHosts(ref).forEach(remote -> needed.computeIfAbsent(remote, h -> new ArrayList<>())
                        .add(ref));
                }
            }
            final Set<String> remotes = new TreeSet<>(byRemote.keySet());
            remotes.addAll(needed.keySet());
            for (String remote : remotes) {
                final List<String> nets = needed.getOrDefault(remote, List.of());
                final List<Port> candidates = byRemote.getOrDefault(remote, List.of()).stream()
                    .sorted((a, b) -> a.requireName().compareTo(b.requireName())).toList();
                // one tunnel port per remote host: the family of the first network needing it, else any
                final String preferred = nets.isEmpty() ? null : tunnelTypes.get(nets.get(0));
                final Port chosen = candidates.stream().filter(port -> preferred == null
                    || preferred.equals(family(port.getType()))).findFirst()
                    .orElse(candidates.isEmpty() ? null : candidates.get(0));
                final String chosenFamily = chosen == null ? null : family(chosen.getType());
                final Set<String> waitingIntents = chosen == null ? new TreeSet<>() : intents(chosen);
                for (String ref : nets) {
                    final String type = tunnelTypes.get(ref);
                    if (!type.equals(chosenFamily)) {
                        final Set<String> intents = intents(hostNetworks.get(ref));
                        intents.addAll(remotePortIntents(ref, remote));
                        problems.add(new JoinProblem.NoTunnelToHost(ref, remote, type, list(intents)));
                    } else {
                        waitingIntents.addAll(intents(hostNetworks.get(ref)));
                        waitingIntents.addAll(remotePortIntents(ref, remote));
                    }
                }
                if (chosen == null) {
                    continue;
                }
                final SwitchPort onSwitch = byName(chosen.requireName());
                if (!onSwitch.usable()) {
                    problems.add(new JoinProblem.TunnelPortWithoutOfport(chosen.requireName(), remote,
                        onSwitch.error(), list(waitingIntents)));
                    continue;
                }
                if (fitsPortKey(onSwitch.number(), chosen.requireName(), waitingIntents)) {
                    tunnels.put(remote, new TunnelPort(remote, onSwitch.number()));
                    tunnelFamilies.put(remote, chosenFamily);
                    claims.add(new Claim(onSwitch.number(), chosen.requireName(), waitingIntents));
                }
            }
        }

        private static String family(final PortType type) {
            return type == PortType.Ip6gre ? PortType.Gre.getName() : type.getName();
        }

        /**
         * The other hosts a network spans: its flood targets and the hosts of its ports.
         */
        private Set<String> remoteHosts(final String ref) {
            final Set<String> hosts = new TreeSet<>();
            final var placement = placements.get(ref);
            if (placement != null) {
                placement.nonnullHost().values().forEach(entry -> hosts.add(entry.requireHostId().getValue()));
                placement.nonnullPort().values().stream().filter(port -> port.getHost() != null)
                    .forEach(port -> hosts.add(port.getHost().getValue()));
            }
            hosts.remove(hostId);
            return hosts;
        }

        private Set<String> remotePortIntents(final String ref, final String remote) {
            final Set<String> intents = new TreeSet<>();
            final var placement = placements.get(ref);
            if (placement != null) {
                placement.nonnullPort().values().stream()
                    .filter(port -> port.getHost() != null && remote.equals(port.getHost().getValue()))
                    .forEach(port -> intents.addAll(intents(port)));
            }
            return intents;
        }

        /**
         * Whether an ofport fits a port key (OVS numbers ports up to 0xfeff; beyond, metadata cannot carry it).
         */
        private boolean fitsPortKey(final long ofport, final String name, final Set<String> intents) {
            if (ofport <= PortKeys.MAX) {
                return true;
            }
            problems.add(new JoinProblem.OfportConflict(ofport, List.of(name), list(intents)));
            return false;
        }

        /**
         * Drops every port whose ofport is shared with another planned port: a port key must name one port.
         */
        private void resolveOfports() {
            final Map<Long, List<Claim>> byOfport = new TreeMap<>();
            claims.forEach(claim -> byOfport.computeIfAbsent(claim.ofport(), o -> new ArrayList<>()).add(claim));
            for (var entry : byOfport.entrySet()) {
                final List<Claim> users = entry.getValue();
                if (users.size() == 1) {
                    continue;
                }
                final long ofport = entry.getKey();
                final Set<String> intents = new TreeSet<>();
                users.forEach(claim -> intents.addAll(claim.intents()));
                problems.add(new JoinProblem.OfportConflict(ofport, users.stream().map(Claim::name).toList(),
                    list(intents)));
                locals.values().removeIf(port -> port.ofport() == ofport);
                tunnels.values().removeIf(port -> port.ofport() == ofport);
                providers.values().removeIf(port -> port.ofport() == ofport);
            }
        }

        /**
         * Leaves out the local ports a network's flood group cannot carry: the group goes to the switch in one
         * OpenFlow message of at most 64 KiB (about 2000 local ports), and a larger one would not fail alone but reset
         * the switch's connection, for every network on it. The ports with the highest ofports (the last plugged) are
         * the ones left out, so a new port never displaces one that works.
         */
        private void floodGroups(final List<RemotePort> remotes) {
            final Map<String, Set<String>> remoteHosts = new TreeMap<>();
            remotes.forEach(remote -> remoteHosts.computeIfAbsent(remote.network(), n -> new TreeSet<>())
                .add(remote.remoteHost()));
            // the compiler's buckets (any port number: an output action has one size)
            final int localBucket = Group.bucketBytes(PipelineCompiler.localOutput(1));
            for (Network network : usable.values()) {
                // the group from a local port: the other local ports, one bucket per remote host or the provider
                int bytes = Group.GROUP_MOD_BYTES;
                if (!network.isProvider()) {
                    bytes += remoteHosts.getOrDefault(network.name(), Set.of()).size()
                        * Group.bucketBytes(PipelineCompiler.tunnelOutput(network, 1));
                } else if (providers.containsKey(network.physicalNetwork())) {
                    bytes += Group.bucketBytes(PipelineCompiler.providerOutput(network, 1));
                }
                final List<LocalPort> ports = locals.values().stream()
                    .filter(port -> port.network().equals(network.name()))
                    .sorted(Comparator.comparingLong(LocalPort::ofport)).toList();
                int kept = 0;
                for (LocalPort port : ports) {
                    bytes += localBucket;
                    if (bytes > Group.MAX_MESSAGE_BYTES) {
                        problems.add(new JoinProblem.FloodGroupFull(network.name(), port.ifaceId(), kept,
                            list(localIntents.getOrDefault(port.ifaceId(), Set.of()))));
                        locals.remove(port.ifaceId());
                    } else {
                        kept++;
                    }
                }
            }
        }

        private List<RemotePort> remotePorts() {
            final List<RemotePort> remotes = new ArrayList<>();
            for (Network network : usable.values()) {
                final var placement = placements.get(network.name());
                if (placement == null) {
                    continue;
                }
                // MACs the network's local ports answer to (own and pair MACs): a remote entry may not shadow them
                final Map<String, Set<String>> localMacs = new TreeMap<>();
                for (LocalPort local : locals.values()) {
                    if (local.network().equals(network.name())) {
                        localMacs.computeIfAbsent(local.mac(), m -> new TreeSet<>())
                            .addAll(localIntents.get(local.ifaceId()));
                        local.allowedAddressPairs().forEach(pair -> localMacs.computeIfAbsent(pair.mac(),
                            m -> new TreeSet<>()).addAll(localIntents.get(local.ifaceId())));
                    }
                }
                final Map<String, List<RemotePort>> byMac = new TreeMap<>();
                final Map<String, Set<String>> macIntents = new TreeMap<>();
                final var ports = new TreeMap<String, org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan
                    .rev261121.plan.network.Port>();
                placement.nonnullPort().values().forEach(port -> ports.put(port.requireId().getValue(), port));
                for (var port : ports.values()) {
                    final String id = port.requireId().getValue();
                    if (port.getHost() == null || port.getMacAddress() == null) {
                        problems.add(new JoinProblem.InvalidPort(id, "no host or no MAC in plan/network "
                            + network.name(), list(intents(port))));
                        continue;
                    }
                    final String remoteHost = port.getHost().getValue();
                    if (hostId.equals(remoteHost) || !reachable(network, remoteHost)) {
                        // our own ports come from plan/host; unreachable ones were reported per host
                        continue;
                    }
                    final RemotePort remote;
                    try {
                        remote = new RemotePort(port.getMacAddress().getValue(), remoteHost, network.name());
                    } catch (IllegalArgumentException e) {
                        problems.add(new JoinProblem.InvalidPort(id, String.valueOf(e.getMessage()),
                            list(intents(port))));
                        continue;
                    }
                    byMac.computeIfAbsent(remote.mac(), m -> new ArrayList<>()).add(remote);
                    macIntents.computeIfAbsent(remote.mac(), m -> new TreeSet<>()).addAll(intents(port));
                }
                for (var entry : byMac.entrySet()) {
                    final String mac = entry.getKey();
                    final long hosts = entry.getValue().stream().map(RemotePort::remoteHost).distinct().count();
                    if (hosts > 1 || localMacs.containsKey(mac)) {
                        final Set<String> intents = new TreeSet<>(macIntents.get(mac));
                        intents.addAll(localMacs.getOrDefault(mac, Set.of()));
                        problems.add(new JoinProblem.MacConflict(network.name(), mac, list(intents)));
                        continue;
                    }
                    remotes.add(entry.getValue().get(0));
                }
            }
            return remotes;
        }

        private boolean reachable(final Network network, final String remoteHost) {
            if (network.isProvider()) {
                return providers.containsKey(network.physicalNetwork());
            }
            return tunnels.containsKey(remoteHost)
                && tunnelTypes.get(network.name()).equals(tunnelFamilies.get(remoteHost));
        }

        private Set<String> networkAndPortIntents(final String ref) {
            final Set<String> intents = intents(hostNetworks.get(ref));
            logicalByNetwork.getOrDefault(ref, List.of()).forEach(port -> intents.addAll(intents(port)));
            return intents;
        }

        private static Set<IpAddressNoZone> fixedIps(final LogicalPort port) {
            final var ips = port.getFixedIp();
            return ips == null ? Set.of() : ips;
        }

        private static List<String> list(final Set<String> intents) {
            return List.copyOf(intents);
        }

        private static Set<String> intents(final @Nullable Origin origin) {
            final Set<String> intents = new TreeSet<>();
            if (origin != null && origin.getIntent() != null) {
                origin.getIntent().stream().map(IntentRef::getValue).forEach(intents::add);
            }
            return intents;
        }
    }
}
