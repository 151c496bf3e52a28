/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.ovsdb.desired;

import com.google.common.net.InetAddresses;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The OpenFlow controller targets of one host's integration bridge: the configured ones, unless the host names its
 * own in its {@code Open_vSwitch} row, {@code external_ids:odl-wiring-controller} (a comma-separated list, like
 * OVN's {@code external_ids:ovn-remote}). A lab host in a network namespace, say, reaches ODL's OpenFlow port only
 * through an address of its own link ({@code tcp:169.254.1.5:6653}).
 *
 * <p>The host's value is used only when every element is a valid active target: {@code tcp:IP:PORT} or
 * {@code ssl:IP:PORT}, IPv4 in dotted quads, IPv6 in brackets ({@code tcp:[2001:db8::1]:6653}), port 1 to 65535.
 * Otherwise the configured targets stay and the selection carries the reason.
 */
public final class ControllerTargets {
    /** The external_ids key of the Open_vSwitch row naming the host's own controller targets. */
    public static final String KEY = "odl-wiring-controller";

    private static final Pattern TARGET = Pattern.compile("(tcp|ssl):(?:\\[([^\\]]*)\\]|([^:\\[\\]]*)):([0-9]{1,5})");

    /**
     * The targets chosen for a host.
     *
     * @param targets the controller targets of the integration bridge
     * @param problem why the host's own value was not used, or null if it was used or there is none
     */
    public record Selection(List<String> targets, @Nullable String problem) {
        public Selection {
            targets = List.copyOf(targets);
        }
    }

    private ControllerTargets() {
        // utility
    }

    /**
     * Chooses the targets of a host from its Open_vSwitch external_ids.
     *
     * @param hostId the host (for the message)
     * @param externalIds external_ids of the host's Open_vSwitch row, empty if unknown
     * @param configured the configured controller targets
     * @return the targets, and the reason if the host's value is invalid
     */
    public static Selection select(final String hostId, final Map<String, String> externalIds,
            final List<String> configured) {
        final var value = externalIds.get(KEY);
        if (value == null) {
            return new Selection(configured, null);
        }
        final var parsed = new LinkedHashSet<String>();
        final List<String> invalid = new ArrayList<>();
        for (var element : value.split(",", -1)) {
            final var target = element.strip();
            final var why = invalidReason(target);
            if (why.isPresent()) {
                invalid.add(why.orElseThrow());
            } else {
                parsed.add(target);
            }
        }
        if (!invalid.isEmpty()) {
            return new Selection(configured, "host " + hostId + ": Open_vSwitch external_ids:" + KEY + "=\"" + value
                + "\" is invalid (" + String.join("; ", invalid) + "); the configured controllers " + configured
                + " are used");
        }
        return new Selection(List.copyOf(parsed), null);
    }

    /**
     * Why a string is not a valid active OpenFlow controller target.
     *
     * @param target the target, e.g. {@code tcp:192.0.2.1:6653}
     * @return the reason, or empty if it is valid
     */
    public static Optional<String> invalidReason(final String target) {
        if (target.isEmpty()) {
            return Optional.of("empty target");
        }
        final var matcher = TARGET.matcher(target);
        if (!matcher.matches()) {
            return Optional.of("'" + target + "' is not tcp:IP:PORT or ssl:IP:PORT (IPv6 in brackets)");
        }
        final var v6 = matcher.group(2);
        final var v4 = matcher.group(3);
        if (v6 != null) {
            if (!v6.contains(":") || v6.contains("%") || !InetAddresses.isInetAddress(v6)) {
                return Optional.of("'" + target + "': '" + v6 + "' is not an IPv6 address");
            }
        } else if (!v4.matches("[0-9.]+") || !InetAddresses.isInetAddress(v4)) {
            return Optional.of("'" + target + "': '" + v4 + "' is not an IPv4 address (IPv6 goes in brackets)");
        }
        final int port = Integer.parseInt(matcher.group(4));
        if (port < 1 || port > 65535) {
            return Optional.of("'" + target + "': port " + matcher.group(4) + " is out of range 1-65535");
        }
        return Optional.empty();
    }
}
