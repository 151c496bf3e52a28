/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.join;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Why a plan entry is not (fully) in a host's pipeline input. Each problem names the intents it concerns (the
 * {@code intent} origins of the plan entries involved, sorted), so a renderer can report status per intent and host.
 */
public sealed interface JoinProblem {
    /**
     * The intents this problem concerns, sorted and without duplicates.
     *
     * @return the intent references
     */
    List<String> intents();

    /**
     * Whether the problem only means "not there yet": the switch has not created a planned port (or has not reported
     * its ofport). Such an intent is pending, not failed.
     *
     * @return true when waiting for the switch
     */
    default boolean waiting() {
        return false;
    }

    /**
     * A short human-readable reason, for realization reports.
     *
     * @return the reason
     */
    String reason();

    /**
     * The given names sorted and without duplicates, as an unmodifiable list: how every problem keeps its intents.
     *
     * @param names the names, e.g. intent references
     * @return the names, sorted
     */
    static List<String> sorted(final Collection<String> names) {
        return List.copyOf(new TreeSet<>(names));
    }

    /**
     * A local logical port whose interface (by {@code iface-id}) has no usable ofport on the integration bridge.
     *
     * @param ifaceId the port's iface-id
     * @param portError OVS's error for a failed interface (ofport -1), null when the interface is not there yet
     * @param intents the intents concerned
     */
    record LocalPortWithoutOfport(String ifaceId, @Nullable String portError, List<String> intents)
            implements JoinProblem {
        public LocalPortWithoutOfport {
            requireNonNull(ifaceId);
            intents = sorted(intents);
        }

        @Override
        public boolean waiting() {
            return portError == null;
        }

        @Override
        public String reason() {
            return portError == null
                ? "waiting for an interface with iface-id " + ifaceId + " on the integration bridge"
                : "interface with iface-id " + ifaceId + " failed: " + portError;
        }
    }

    /**
     * A planned tunnel port that has no usable ofport: the ports of its remote host are left out.
     *
     * @param port the tunnel port's name
     * @param remoteHost its remote host
     * @param portError OVS's error for a failed interface, null when not there yet
     * @param intents the intents concerned (the port's and those of the networks using it)
     */
    record TunnelPortWithoutOfport(String port, String remoteHost, @Nullable String portError, List<String> intents)
            implements JoinProblem {
        public TunnelPortWithoutOfport {
            requireNonNull(port);
            requireNonNull(remoteHost);
            intents = sorted(intents);
        }

        @Override
        public boolean waiting() {
            return portError == null;
        }

        @Override
        public String reason() {
            return portError == null ? "waiting for tunnel port " + port + " to " + remoteHost
                : "tunnel port " + port + " to " + remoteHost + " failed: " + portError;
        }
    }

    /**
     * A planned provider patch port that has no usable ofport: its networks switch locally only.
     *
     * @param port the patch port's name
     * @param physicalNetwork its physical network
     * @param portError OVS's error for a failed interface, null when not there yet
     * @param intents the intents concerned (the provider port entry's and those of its networks)
     */
    record ProviderPortWithoutOfport(String port, String physicalNetwork, @Nullable String portError,
            List<String> intents) implements JoinProblem {
        public ProviderPortWithoutOfport {
            requireNonNull(port);
            requireNonNull(physicalNetwork);
            intents = sorted(intents);
        }

        @Override
        public boolean waiting() {
            return portError == null;
        }

        @Override
        public String reason() {
            return portError == null ? "waiting for patch port " + port + " of physical network " + physicalNetwork
                : "patch port " + port + " of physical network " + physicalNetwork + " failed: " + portError;
        }
    }

    /**
     * An overlay network spans a host this host has no tunnel port of the network's tunnel type to: the network's
     * ports there are left out (no L2 entry, no flood bucket).
     *
     * @param network the network reference
     * @param remoteHost the unreachable host
     * @param tunnelType the network's tunnel type
     * @param intents the intents concerned (the network's and the left-out ports')
     */
    record NoTunnelToHost(String network, String remoteHost, String tunnelType, List<String> intents)
            implements JoinProblem {
        public NoTunnelToHost {
            requireNonNull(network);
            requireNonNull(remoteHost);
            requireNonNull(tunnelType);
            intents = sorted(intents);
        }

        @Override
        public String reason() {
            return "network " + network + ": no " + tunnelType + " tunnel port to host " + remoteHost;
        }
    }

    /**
     * A provider network whose physical network has no provider port in the plan: it switches locally only.
     *
     * @param network the network reference
     * @param physicalNetwork its physical network
     * @param intents the network's intents
     */
    record NoProviderPort(String network, String physicalNetwork, List<String> intents) implements JoinProblem {
        public NoProviderPort {
            requireNonNull(network);
            requireNonNull(physicalNetwork);
            intents = sorted(intents);
        }

        @Override
        public String reason() {
            return "network " + network + ": no patch port to physical network " + physicalNetwork;
        }
    }

    /**
     * A local port left out because its network's flood group on this host is full: one group-mod message carries at
     * most 64 KiB of buckets.
     *
     * @param network the network reference
     * @param port the left-out port (iface-id)
     * @param kept how many local ports of the network the group carries
     * @param intents the port's intents
     */
    record FloodGroupFull(String network, String port, int kept, List<String> intents) implements JoinProblem {
        public FloodGroupFull {
            requireNonNull(network);
            requireNonNull(port);
            intents = sorted(intents);
        }

        @Override
        public String reason() {
            return "port " + port + " left out: the flood group of network " + network + " on this host is full with "
                + kept + " local ports (one OpenFlow group message carries at most 64 KiB)";
        }
    }

    /**
     * A network of the host without its {@code plan/network} entry: its remote ports are unknown, only local ports
     * switch.
     *
     * @param network the network reference
     * @param intents the network's intents
     */
    record NetworkNotPlanned(String network, List<String> intents) implements JoinProblem {
        public NetworkNotPlanned {
            requireNonNull(network);
            intents = sorted(intents);
        }

        @Override
        public String reason() {
            return "network " + network + " has no plan/network entry";
        }
    }

    /**
     * A network whose local id is missing, outside 1..65535 or given to another network of the host as well: the
     * network and its local ports are left out (two networks on one id would leak frames into each other).
     *
     * @param network the network reference
     * @param localId the local id, null when missing
     * @param intents the network's intents and its local ports'
     */
    record LocalIdInvalid(String network, @Nullable Integer localId, List<String> intents) implements JoinProblem {
        public LocalIdInvalid {
            requireNonNull(network);
            intents = sorted(intents);
        }

        @Override
        public String reason() {
            return "network " + network + ": local id " + (localId == null ? "missing" : localId + " out of range or"
                + " not unique on the host");
        }
    }

    /**
     * A network entry the compiler cannot use (no kind, an overlay without VNI or tunnel type, a provider network
     * without physical network, a VLAN network without VLAN): it and its local ports are left out.
     *
     * @param network the network reference
     * @param detail what is wrong
     * @param intents the network's intents and its local ports'
     */
    record InvalidNetwork(String network, String detail, List<String> intents) implements JoinProblem {
        public InvalidNetwork {
            requireNonNull(network);
            requireNonNull(detail);
            intents = sorted(intents);
        }

        @Override
        public String reason() {
            return "network " + network + ": " + detail;
        }
    }

    /**
     * A local or remote logical port entry the compiler cannot use (no or invalid MAC, invalid address, unknown
     * network): it is left out.
     *
     * @param port the iface-id of a local port, the id of a remote port
     * @param detail what is wrong
     * @param intents the port's intents
     */
    record InvalidPort(String port, String detail, List<String> intents) implements JoinProblem {
        public InvalidPort {
            requireNonNull(port);
            requireNonNull(detail);
            intents = sorted(intents);
        }

        @Override
        public String reason() {
            return "port " + port + ": " + detail;
        }
    }

    /**
     * A MAC address claimed in one network by two local ports, by a local and a remote port, or by remote ports on
     * two hosts: the remote entries (or the local ports sharing it) are left out, since the L2 lookup has one
     * destination per MAC.
     *
     * @param network the network reference
     * @param mac the MAC
     * @param intents the intents of the ports involved
     */
    record MacConflict(String network, String mac, List<String> intents) implements JoinProblem {
        public MacConflict {
            requireNonNull(network);
            requireNonNull(mac);
            intents = sorted(intents);
        }

        @Override
        public String reason() {
            return "network " + network + ": MAC " + mac + " claimed by more than one port";
        }
    }

    /**
     * One ofport reported for several planned ports, or an ofport outside the port key range 1..0xfeff: all of them
     * are left out (a port key must name one port).
     *
     * @param ofport the OpenFlow port number
     * @param ports the planned ports (iface-ids of local ports, names of tunnel and patch ports), sorted
     * @param intents the intents of those ports
     */
    record OfportConflict(long ofport, List<String> ports, List<String> intents) implements JoinProblem {
        public OfportConflict {
            ports = sorted(ports);
            intents = sorted(intents);
        }

        @Override
        public String reason() {
            return ports.size() > 1 ? "ofport " + ofport + " reported for " + String.join(", ", ports)
                : "ofport " + ofport + " of " + ports.get(0) + " is no usable port key";
        }
    }
}
