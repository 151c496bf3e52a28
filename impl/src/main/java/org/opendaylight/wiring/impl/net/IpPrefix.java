/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.net;

import com.google.common.net.InetAddresses;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * A parsed IP prefix (address and length) with the arithmetic the validator and planner need. Plain value, no
 * name resolution ever happens.
 *
 * @param address the address as given (host bits may be set)
 * @param length the prefix length
 */
public record IpPrefix(InetAddress address, int length) {

    /**
     * Parse {@code a.b.c.d/len}, {@code x::y/len} or a bare address (full-length prefix).
     *
     * @param text the prefix
     * @return the prefix
     * @throws IllegalArgumentException if the text is not an IP address or prefix
     */
    public static IpPrefix parse(final String text) {
        final int slash = text.indexOf('/');
        final InetAddress addr = InetAddresses.forString(slash < 0 ? text : text.substring(0, slash));
        final int max = addr.getAddress().length * 8;
        final int len = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
        if (len < 0 || len > max) {
            throw new IllegalArgumentException("prefix length " + len + " out of range for " + text);
        }
        return new IpPrefix(addr, len);
    }

    /**
     * The host prefix (/32 or /128) of an address.
     *
     * @param address textual address
     * @return the host prefix
     */
    public static IpPrefix host(final String address) {
        final InetAddress addr = InetAddresses.forString(address);
        return new IpPrefix(addr, addr.getAddress().length * 8);
    }

    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    public int maxLength() {
        return isIpv4() ? 32 : 128;
    }

    public boolean isHost() {
        return length == maxLength();
    }

    /**
     * The prefix with host bits cleared.
     *
     * @return the network prefix
     */
    public IpPrefix network() {
        final byte[] bytes = address.getAddress();
        for (int bit = length; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return new IpPrefix(InetAddress.getByAddress(bytes), length);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean hasHostBits() {
        return !network().address.equals(address);
    }

    /**
     * Whether this prefix contains the given address (same family only).
     *
     * @param other an address
     * @return true if inside
     */
    public boolean contains(final InetAddress other) {
        if (other.getAddress().length != address.getAddress().length) {
            return false;
        }
        return new IpPrefix(other, length).network().address.equals(network().address);
    }

    /**
     * Whether two prefixes share at least one address.
     *
     * @param other the other prefix
     * @return true if they overlap
     */
    public boolean overlaps(final IpPrefix other) {
        if (isIpv4() != other.isIpv4()) {
            return false;
        }
        final int shorter = Math.min(length, other.length);
        return new IpPrefix(address, shorter).network().equals(new IpPrefix(other.address, shorter).network());
    }

    /**
     * Big-endian integer value of the address, for ordering.
     *
     * @return the value
     */
    public BigInteger value() {
        return new BigInteger(1, address.getAddress());
    }

    public String addressString() {
        return InetAddresses.toAddrString(address);
    }

    @Override
    public String toString() {
        return addressString() + "/" + length;
    }
}
