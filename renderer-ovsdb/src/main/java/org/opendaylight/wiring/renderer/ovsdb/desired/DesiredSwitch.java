/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.ovsdb.desired;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.host.Bridge.Role;

/**
 * What one host's Open vSwitch should contain, as plain data derived from the host's plan: every bridge and port
 * with exactly the columns ODL Wiring owns, and the intents each one serves.
 *
 * @param bridges desired bridges by name
 * @param ports desired ports by name (each with one interface of the same name)
 */
public record DesiredSwitch(Map<String, Bridge> bridges, Map<String, Port> ports) {
    /** external_ids key marking every bridge, port and interface ODL Wiring created. */
    public static final String OWNER_KEY = "odl-wiring";
    /** Its value. */
    public static final String OWNER_VALUE = "owned";
    /** An empty switch: what a host with no plan entry (once a plan epoch exists) should have of ours. */
    public static final DesiredSwitch EMPTY = new DesiredSwitch(Map.of(), Map.of());

    /**
     * A bridge.
     *
     * @param name bridge name
     * @param integration true for the integration bridge (the OpenFlow controller's), false for a provider bridge
     * @param datapathType datapath_type
     * @param datapathId other_config:datapath-id, stable per host and bridge
     * @param controllers controller targets; always empty for a provider bridge, which must keep switching on its
     *        own (OVS flushes a bridge's flow table when its first controller is set)
     * @param intents intents served
     */
    public record Bridge(String name, boolean integration, String datapathType, String datapathId,
            List<String> controllers, SortedSet<String> intents) {
        /** The columns of other_config ODL Wiring sets. */
        public Map<String, String> otherConfig() {
            return Map.of("disable-in-band", "true", "datapath-id", datapathId);
        }
    }

    /**
     * A port with its single interface.
     *
     * @param name port and interface name
     * @param bridge bridge name
     * @param type Interface.type ("" for a system interface)
     * @param options Interface.options
     * @param tag Port.tag or null
     * @param intents intents served
     */
    public record Port(String name, String bridge, String type, Map<String, String> options, @Nullable Long tag,
            SortedSet<String> intents) {
        // value
    }

    /**
     * Design the switch of a host from its plan.
     *
     * @param host the plan of the host
     * @param controllers OpenFlow controller targets, e.g. tcp:192.0.2.1:6653 for each cluster member
     * @return the desired switch
     */
    public static DesiredSwitch of(final Host host, final List<String> controllers) {
        final var hostId = host.getHostId().getValue();
        final var integrationBridge = host.getIntegrationBridge() == null ? null
            : host.getIntegrationBridge().getValue();
        final Map<String, Bridge> bridges = new TreeMap<>();
        for (var bridge : host.nonnullBridge().values()) {
            final var name = bridge.getName().getValue();
            final boolean integration = bridge.getRole() != null ? bridge.getRole() == Role.Integration
                : name.equals(integrationBridge);
            bridges.put(name, new Bridge(name, integration, bridge.getDatapathType() == null ? "system"
                : bridge.getDatapathType().getName(), datapathId(hostId, name),
                integration ? List.copyOf(controllers) : List.of(), intents(bridge.getIntent())));
        }
        final Map<String, Port> ports = new TreeMap<>();
        for (var port : host.nonnullPort().values()) {
            final Map<String, String> options = new LinkedHashMap<>();
            final String type = switch (port.getType()) {
                case Patch -> {
                    options.put("peer", port.getPeer());
                    yield "patch";
                }
                case Internal -> "internal";
                case System -> "";
                case Vxlan, Gre, Ip6gre, Geneve -> {
                    options.put("local_ip", port.getLocalIp().stringValue());
                    options.put("remote_ip", port.getRemoteIp().stringValue());
                    // the VNI is chosen per flow by the OpenFlow pipeline (tun_id)
                    options.put("key", "flow");
                    yield port.getType().getName();
                }
            };
            ports.put(port.getName(), new Port(port.getName(), port.getBridge().getValue(), type, Map.copyOf(options),
                port.getVlanTag() == null ? null : port.getVlanTag().getValue().longValue(),
                intents(port.getIntent())));
        }
        return new DesiredSwitch(bridges, ports);
    }

    /** The integration bridge and provider bridges also need their local port, as ovs-vsctl add-br makes. */
    public boolean isBridgeLocalPort(final String portName) {
        return bridges.containsKey(portName);
    }

    private static SortedSet<String> intents(final java.util.@Nullable Set<? extends org.opendaylight.yang.gen.v1
            .urn.opendaylight.wiring.types.rev261121.IntentRef> refs) {
        final var result = new TreeSet<String>();
        if (refs != null) {
            refs.forEach(ref -> result.add(ref.getValue()));
        }
        return result;
    }

    /**
     * A datapath id that is the same for a host's bridge across restarts and re-creations, and differs between
     * hosts and bridges: the first 64 bits of SHA-256("host/bridge"), never zero.
     *
     * @param hostId host
     * @param bridge bridge name
     * @return 16 hex digits
     */
    public static String datapathId(final String hostId, final String bridge) {
        try {
            final byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((hostId + "/" + bridge).getBytes(StandardCharsets.UTF_8));
            // locally administered, unicast: like a MAC-derived dpid, and never all zeros
            digest[2] = (byte) (digest[2] & 0xfe | 0x02);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
