/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline.input;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * MAC and IP literal handling: validation, normalisation, IPv6 link-local addresses from MACs. Never resolves
 * names.
 */
public final class Addresses {
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final Pattern IPV4 = Pattern.compile(
        "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private Addresses() {
        // utility
    }

    /**
     * A unicast MAC in lower case.
     *
     * @param mac the MAC
     * @return its normal form
     * @throws IllegalArgumentException when it is no unicast MAC
     */
    public static String normalizeMac(final String mac) {
        final String lower = mac.toLowerCase(Locale.ROOT);
        if (!MAC.matcher(lower).matches()) {
            throw new IllegalArgumentException("invalid MAC " + mac);
        }
        if ((Integer.parseInt(lower.substring(0, 2), 16) & 1) != 0) {
            throw new IllegalArgumentException("MAC " + mac + " is a multicast address");
        }
        return lower;
    }

    /**
     * An IPv4 or IPv6 address literal in normal form (IPv6 compressed as in RFC 5952).
     *
     * @param address the literal
     * @return its normal form
     * @throws IllegalArgumentException when it is no address literal
     */
    public static String normalizeAddress(final String address) {
        if (IPV4.matcher(address).matches()) {
            return address;
        }
        if (!IPV6.matcher(address).matches()) {
            throw new IllegalArgumentException("invalid IP address " + address);
        }
        final InetAddress parsed;
        try {
            // a literal containing ':' is parsed, never resolved
            parsed = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("invalid IP address " + address, e);
        }
        if (!(parsed instanceof Inet6Address)) {
            throw new IllegalArgumentException("invalid IPv6 address " + address);
        }
        return compress(parsed.getAddress());
    }

    /**
     * An address or prefix ({@code a/len}) in normal form; a full-length prefix becomes the bare address.
     *
     * @param prefix the address or prefix
     * @return its normal form
     */
    public static String normalizePrefix(final String prefix) {
        final int slash = prefix.indexOf('/');
        if (slash < 0) {
            return normalizeAddress(prefix);
        }
        final String address = normalizeAddress(prefix.substring(0, slash));
        final int max = isIpv6(address) ? 128 : 32;
        final int len;
        try {
            len = Integer.parseInt(prefix.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid prefix " + prefix, e);
        }
        if (len < 0 || len > max) {
            throw new IllegalArgumentException("invalid prefix length in " + prefix);
        }
        return len == max ? address : address + "/" + len;
    }

    /**
     * Whether a normalised address or prefix is IPv6.
     *
     * @param address the address or prefix
     * @return true for IPv6
     */
    public static boolean isIpv6(final String address) {
        return address.indexOf(':') >= 0;
    }

    /**
     * The IPv6 link-local address a host derives from a MAC (modified EUI-64).
     *
     * @param mac a normalised MAC
     * @return the link-local address in normal form
     */
    public static String linkLocal(final String mac) {
        final String[] parts = mac.split(":");
        final byte[] bytes = new byte[16];
        bytes[0] = (byte) 0xfe;
        bytes[1] = (byte) 0x80;
        bytes[8] = (byte) (Integer.parseInt(parts[0], 16) ^ 0x02);
        bytes[9] = (byte) Integer.parseInt(parts[1], 16);
        bytes[10] = (byte) Integer.parseInt(parts[2], 16);
        bytes[11] = (byte) 0xff;
        bytes[12] = (byte) 0xfe;
        bytes[13] = (byte) Integer.parseInt(parts[3], 16);
        bytes[14] = (byte) Integer.parseInt(parts[4], 16);
        bytes[15] = (byte) Integer.parseInt(parts[5], 16);
        return compress(bytes);
    }

    private static String compress(final byte[] bytes) {
        final int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        // the longest run of two or more zero groups (the first one on a tie) becomes "::"
        int bestStart = -1;
        int bestLen = 1;
        int index = 0;
        while (index < 8) {
            if (groups[index] != 0) {
                index++;
                continue;
            }
            int end = index;
            while (end < 8 && groups[end] == 0) {
                end++;
            }
            if (end - index > bestLen) {
                bestStart = index;
                bestLen = end - index;
            }
            index = end;
        }
        final StringBuilder sb = new StringBuilder();
        index = 0;
        while (index < 8) {
            if (index == bestStart) {
                sb.append("::");
                index += bestLen;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[index]));
            index++;
        }
        return sb.toString();
    }
}
