/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IP address with a prefix length, validated and printed in the canonical form iproute2 prints
 * (IPv6 compressed as in RFC 5952). Host bits are kept as given: the kernel keeps them in ip rules.
 *
 * @param address the address
 * @param length the prefix length
 */
public record IpPrefix(InetAddress address, int length) {
    private static final Pattern V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern V6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    /**
     * Checks the length.
     *
     * @param address the address
     * @param length the prefix length
     */
    public IpPrefix {
        final int max = address instanceof Inet4Address ? 32 : 128;
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("prefix length " + length + " out of range for " + address);
        }
    }

    /**
     * Parses {@code address[/length]}; without a length it is a host prefix (/32, /128).
     *
     * @param text the text
     * @return the prefix
     * @throws IllegalArgumentException if the text is not an IP address literal with an optional length
     */
    public static IpPrefix parse(final String text) {
        final int slash = text.indexOf('/');
        final InetAddress address = parseAddress(slash < 0 ? text : text.substring(0, slash));
        final int max = address instanceof Inet4Address ? 32 : 128;
        if (slash < 0) {
            return new IpPrefix(address, max);
        }
        try {
            return new IpPrefix(address, Integer.parseInt(text.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid prefix length in " + text, e);
        }
    }

    /**
     * Parses an IP address literal (never a host name: no DNS lookup happens).
     *
     * @param text the literal
     * @return the address
     * @throws IllegalArgumentException if the text is not an IPv4 or IPv6 literal
     */
    public static InetAddress parseAddress(final String text) {
        final boolean v4 = V4.matcher(text).matches();
        if (!v4 && !(text.indexOf(':') >= 0 && V6.matcher(text).matches())) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text, e);
        }
    }

    /**
     * Whether this is an IPv4 prefix.
     *
     * @return true for IPv4
     */
    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    /**
     * Whether this is a host prefix (/32 or /128).
     *
     * @return true for a host prefix
     */
    public boolean isHost() {
        return length == (isIpv4() ? 32 : 128);
    }

    /**
     * Whether the prefix contains an address (of the same family).
     *
     * @param other the address
     * @return true if it does
     */
    public boolean contains(final InetAddress other) {
        final byte[] mine = address.getAddress();
        final byte[] theirs = other.getAddress();
        if (mine.length != theirs.length) {
            return false;
        }
        for (int bit = 0; bit < length; bit++) {
            final int mask = 0x80 >>> (bit % 8);
            if ((mine[bit / 8] & mask) != (theirs[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The canonical text of the address alone.
     *
     * @return the address as iproute2 prints it
     */
    public String addressString() {
        return format(address);
    }

    /**
     * Prints an address as iproute2 does.
     *
     * @param address an IPv4 or IPv6 address
     * @return its canonical text
     */
    public static String format(final InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        final byte[] bytes = address.getAddress();
        final int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; i++) {
            int len = 0;
            while (i + len < 8 && groups[i + len] == 0) {
                len++;
            }
            if (len > bestLen) {
                bestStart = i;
                bestLen = len;
            }
        }
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return addressString() + "/" + length;
    }
}
