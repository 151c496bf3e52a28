/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of the OVS objects and kernel devices ODL Wiring derives from intents. They are stable functions of the
 * intents, so a restart or re-plan never renames anything.
 */
public final class Names {
    /** Linux IFNAMSIZ - 1. */
    public static final int MAX_DEVICE_NAME = 15;

    private Names() {
        // utility
    }

    /**
     * Patch port on the integration bridge toward a provider bridge (Neutron's naming).
     *
     * @param providerBridge provider bridge name
     * @return port name
     */
    public static String integrationPatch(final String providerBridge) {
        return "int-" + providerBridge;
    }

    /**
     * Patch port on a provider bridge toward the integration bridge.
     *
     * @param providerBridge provider bridge name
     * @return port name
     */
    public static String providerPatch(final String providerBridge) {
        return "phy-" + providerBridge;
    }

    /**
     * The internal port (kernel device) carrying one VLAN of a provider bridge: the first ten characters of the
     * bridge, a dot and the VLAN id, which always fits in 15 characters.
     *
     * @param bridge provider bridge name
     * @param vlan VLAN id
     * @return device name
     */
    public static String vlanDevice(final String bridge, final int vlan) {
        return (bridge.length() > 10 ? bridge.substring(0, 10) : bridge) + "." + vlan;
    }

    /**
     * The tunnel port toward a remote host: a two-letter type prefix and ten hex digits of a hash of the remote
     * host id, so the name is stable, unique in practice and short.
     *
     * @param tunnelType vxlan, gre or geneve
     * @param remoteHost remote host id
     * @return port name
     */
    public static String tunnelPort(final String tunnelType, final String remoteHost) {
        final String prefix = switch (tunnelType) {
            case "vxlan" -> "vx";
            case "gre" -> "gr";
            case "geneve" -> "gn";
            default -> throw new IllegalArgumentException("unknown tunnel type " + tunnelType);
        };
        try {
            final byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(remoteHost.getBytes(StandardCharsets.UTF_8));
            return prefix + "-" + HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * A sysctl name for a device, with the dots of the device name written as '/' as sysctl(8) expects.
     *
     * @param family ipv4 or ipv6
     * @param device device name
     * @param key the setting
     * @return dotted sysctl name
     */
    public static String deviceSysctl(final String family, final String device, final String key) {
        return "net." + family + ".conf." + device.replace('.', '/') + "." + key;
    }
}
