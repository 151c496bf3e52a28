/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.validation;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Collection;
import java.util.function.BiConsumer;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.wiring.impl.intent.IntentKind;
import org.opendaylight.wiring.impl.intent.IntentRef;
import org.opendaylight.wiring.impl.intent.Intents;
import org.opendaylight.wiring.impl.net.IpPrefix;

/**
 * Per-intent checks of every address and prefix, run before anything else reads them. The YANG patterns accept
 * some strings no component can use (an IPv4-mapped IPv6 address is read as IPv4, so {@code ::ffff:10.9.0.0/104}
 * has a length out of range); and multicast, loopback or unspecified addresses cannot be exposed or tunnelled to.
 * A bad value rejects its own intent only: every check of one intent is contained, whatever it throws.
 */
final class Sanity {
    /** Where an address is used: exposed addresses must also be unicast and routable beyond the link. */
    private enum Use {
        ENDPOINT, PORT, EXPOSED
    }

    private final BiConsumer<IntentRef, String> reject;

    private Sanity(final BiConsumer<IntentRef, String> reject) {
        this.reject = reject;
    }

    static void check(final Intents intents, final BiConsumer<IntentRef, String> reject) {
        new Sanity(reject).run(intents);
    }

    private void run(final Intents intents) {
        for (var ep : intents.tunnelEndpoints()) {
            guard(IntentRef.of(IntentKind.TUNNEL_ENDPOINT, Intents.endpointKey(ep)),
                () -> address("local-ip", ep.getLocalIp().getValue(), Use.ENDPOINT));
        }
        for (var port : intents.logicalPorts()) {
            guard(IntentRef.of(IntentKind.LOGICAL_PORT, port.getId().getValue()), () -> {
                for (var ip : nonnull(port.getFixedIp())) {
                    final var problem = address("fixed-ip", ip.getValue(), Use.PORT);
                    if (problem != null) {
                        return problem;
                    }
                }
                for (var pair : port.nonnullAllowedAddressPair().values()) {
                    final var problem = prefix("allowed-address-pair/ip-prefix", pair.getIpPrefix().getValue());
                    if (problem != null) {
                        return problem;
                    }
                }
                return null;
            });
        }
        for (var router : intents.routers()) {
            guard(IntentRef.of(IntentKind.ROUTER, router.getName().getValue()), () -> {
                final var gw = router.getGatewayPort();
                if (gw != null) {
                    for (var ip : nonnull(gw.getIpAddress())) {
                        final var problem = address("gateway-port/ip-address", ip.getValue(), Use.EXPOSED);
                        if (problem != null) {
                            return problem;
                        }
                    }
                }
                for (var subnet : router.nonnullSubnet().values()) {
                    final var field = "subnet[" + subnet.getCidr().getValue() + "]/";
                    var problem = prefix(field + "cidr", subnet.getCidr().getValue());
                    if (problem == null && subnet.getGatewayIp() != null) {
                        problem = address(field + "gateway-ip", subnet.getGatewayIp().getValue(), Use.PORT);
                    }
                    if (problem != null) {
                        return problem;
                    }
                }
                return null;
            });
        }
        for (var fip : intents.floatingIps()) {
            guard(IntentRef.of(IntentKind.FLOATING_IP, fip.getAddress().getValue()), () -> {
                final var problem = address("address", fip.getAddress().getValue(), Use.EXPOSED);
                return problem != null || fip.getFixedIp() == null ? problem
                    : address("fixed-ip", fip.getFixedIp().getValue(), Use.PORT);
            });
        }
    }

    /** A check that returns a reason or null; whatever it throws rejects its intent, not the run. */
    private interface Check {
        @Nullable String run();
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private void guard(final IntentRef ref, final Check check) {
        String problem;
        try {
            problem = check.run();
        } catch (RuntimeException e) {
            problem = "invalid value: " + e.getMessage();
        }
        if (problem != null) {
            reject.accept(ref, problem);
        }
    }

    private static <T> Collection<T> nonnull(final @Nullable Collection<T> values) {
        return values == null ? java.util.List.of() : values;
    }

    private static @Nullable String address(final String field, final String text, final Use use) {
        final IpPrefix ip;
        try {
            ip = IpPrefix.host(text);
        } catch (IllegalArgumentException e) {
            return field + ": " + text + " is not an IPv4 or IPv6 address";
        }
        if (ip.isIpv4() && text.indexOf(':') >= 0) {
            return field + ": " + text + " is an IPv4-mapped IPv6 address; give the IPv4 address";
        }
        final var addr = ip.address();
        if (addr.isAnyLocalAddress()) {
            return field + ": " + text + " is the unspecified address";
        }
        if (addr.isLoopbackAddress()) {
            return field + ": " + text + " is a loopback address";
        }
        if (addr.isMulticastAddress()) {
            return field + ": " + text + " is a multicast address";
        }
        if (addr instanceof Inet4Address && "255.255.255.255".equals(ip.addressString())) {
            return field + ": " + text + " is the broadcast address";
        }
        if (use == Use.EXPOSED && addr.isLinkLocalAddress()) {
            return field + ": " + text + " is link-local and cannot be advertised";
        }
        if (use == Use.EXPOSED && addr instanceof Inet6Address && ip.addressString().startsWith("fe80:")) {
            return field + ": " + text + " is link-local and cannot be advertised";
        }
        return null;
    }

    private static @Nullable String prefix(final String field, final String text) {
        final int slash = text.indexOf('/');
        if (slash < 0) {
            return field + ": " + text + " has no prefix length";
        }
        final String problem = address(field, text.substring(0, slash), Use.PORT);
        if (problem != null && !problem.endsWith("unspecified address")) {
            return problem;
        }
        try {
            IpPrefix.parse(text);
        } catch (IllegalArgumentException e) {
            return field + ": " + text + " is not a valid prefix (" + e.getMessage() + ")";
        }
        return null;
    }
}
