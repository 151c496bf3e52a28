/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How the agent marks and finds what it owns, and where it works.
 *
 * @param protocol the routing protocol number on every route, rule, neighbour and proxy entry the agent creates
 * @param protocolName the name registered for it in {@code protosFile}
 * @param protosFile the agent's file under {@code /etc/iproute2/rt_protos.d/}
 * @param tablesFile the agent's file under {@code /etc/iproute2/rt_tables.d/} (removed when no table is used)
 * @param stateFile where the agent records the addresses it added to devices that are not wholly its own
 * @param netns the network namespace to work in (empty: the agent's own)
 * @param exposureKind how the expose device is made
 * @param deviceMark the alias ({@code ip link set alias}) that marks a device the agent created
 * @param cookie the cookie of the provider-bridge flows
 * @param announce whether to send gratuitous ARP / unsolicited NA for addresses that arrive on this host
 * @param ovsEnvironment extra environment for ovs-vsctl/ovs-ofctl (e.g. OVS_RUNDIR of a private OVS)
 */
public record AgentConfig(int protocol, String protocolName, Path protosFile, Path tablesFile, Path stateFile,
        Optional<String> netns, ExposureKind exposureKind, String deviceMark, long cookie, boolean announce,
        Map<String, String> ovsEnvironment) {

    /** Default protocol number: not used by the kernel, iproute2, FRR (186..197) nor OVN (84). */
    public static final int DEFAULT_PROTOCOL = 216;
    /** Default flow cookie, as ovn-bgp-agent (seed 000). */
    public static final long DEFAULT_COOKIE = 0x3e7;

    /**
     * How exposed addresses are made visible to FRR.
     */
    public enum ExposureKind {
        /** A dummy device enslaved to a VRF (seed 001); needs the dummy and vrf link kinds. */
        VRF,
        /**
         * A Linux bridge device without ports in the default VRF, for kernels without dummy/vrf links. The kernel's
         * {@code local} routes for exposed addresses are removed so the host does not swallow traffic meant for
         * the provider bridge.
         */
        BRIDGE
    }

    /**
     * Validates.
     */
    public AgentConfig {
        if (protocol < 1 || protocol > 255) {
            throw new IllegalArgumentException("protocol must be 1..255: " + protocol);
        }
        if (!protocolName.matches("[A-Za-z][A-Za-z0-9_-]{0,30}")) {
            throw new IllegalArgumentException("invalid protocol name: " + protocolName);
        }
        if (!deviceMark.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("invalid device mark: " + deviceMark);
        }
        netns.ifPresent(ns -> {
            if (!ns.matches("[A-Za-z0-9_.-]{1,64}")) {
                throw new IllegalArgumentException("invalid namespace name: " + ns);
            }
        });
        ovsEnvironment = Map.copyOf(ovsEnvironment);
    }

    /**
     * The defaults for a real host: protocol 216 "odl-wiring", files under /etc/iproute2 and /var/lib, VRF
     * exposure, cookie 0x3e7, announcements on.
     *
     * @return the defaults
     */
    public static AgentConfig defaults() {
        return new AgentConfig(DEFAULT_PROTOCOL, "odl-wiring", Path.of("/etc/iproute2/rt_protos.d/odl-wiring.conf"),
            Path.of("/etc/iproute2/rt_tables.d/odl-wiring.conf"),
            Path.of("/var/lib/odl-wiring/host-agent-addresses.json"), Optional.empty(), ExposureKind.VRF,
            "odl-wiring-host-agent", DEFAULT_COOKIE, true, Map.of());
    }
}
