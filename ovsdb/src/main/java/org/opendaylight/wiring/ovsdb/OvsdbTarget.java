/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb;

import static java.util.Objects.requireNonNull;

/**
 * A connection target in Open vSwitch syntax.
 *
 * <ul>
 *   <li>{@code tcp:HOST:PORT}, {@code ssl:HOST:PORT}: connect actively (the switch runs {@code ptcp:}/{@code pssl:});
 *       the port defaults to 6640</li>
 *   <li>{@code ptcp:[PORT][:IP]}, {@code pssl:[PORT][:IP]}: listen for switches that connect to us
 *       ({@code set-manager tcp:...}); the port defaults to 6640 (0 picks a free port), the address to all
 *       addresses</li>
 * </ul>
 * IPv6 addresses are written in brackets, as in {@code tcp:[::1]:6640}.
 *
 * @param kind the kind of target
 * @param host the host to connect to, or the address to listen on ({@code 0.0.0.0} for all)
 * @param port the port
 */
public record OvsdbTarget(Kind kind, String host, int port) {
    /** The IANA-assigned OVSDB port. */
    public static final int DEFAULT_PORT = 6640;

    /**
     * The kinds of target.
     */
    public enum Kind {
        /** Active, plain TCP. */
        TCP("tcp", false, false),
        /** Active, TLS. */
        SSL("ssl", false, true),
        /** Passive, plain TCP. */
        PTCP("ptcp", true, false),
        /** Passive, TLS. */
        PSSL("pssl", true, true);

        private final String prefix;
        private final boolean passive;
        private final boolean tls;

        Kind(final String prefix, final boolean passive, final boolean tls) {
            this.prefix = prefix;
            this.passive = passive;
            this.tls = tls;
        }

        /**
         * Returns the target prefix.
         *
         * @return for instance {@code ptcp}
         */
        public String prefix() {
            return prefix;
        }

        /**
         * Tells whether we listen.
         *
         * @return true for ptcp and pssl
         */
        public boolean isPassive() {
            return passive;
        }

        /**
         * Tells whether TLS is used.
         *
         * @return true for ssl and pssl
         */
        public boolean isTls() {
            return tls;
        }
    }

    /**
     * Creates a target.
     *
     * @param kind the kind
     * @param host host or listen address
     * @param port port (0 allowed for passive targets)
     */
    public OvsdbTarget {
        requireNonNull(kind, "kind");
        requireNonNull(host, "host");
        if (port < 0 || port > 65535 || port == 0 && !kind.isPassive()) {
            throw new IllegalArgumentException("invalid port " + port + " for " + kind.prefix() + " target");
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty host in " + kind.prefix() + " target");
        }
    }

    /**
     * Parses a target string.
     *
     * @param target for instance {@code tcp:192.0.2.1:6640} or {@code ptcp:6640:127.0.0.1}
     * @return the target
     * @throws IllegalArgumentException if the syntax is wrong
     */
    public static OvsdbTarget parse(final String target) {
        requireNonNull(target, "target");
        final int colon = target.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("invalid OVSDB target \"" + target
                + "\": expected tcp:HOST[:PORT], ssl:HOST[:PORT], ptcp:[PORT][:IP] or pssl:[PORT][:IP]");
        }
        final String prefix = target.substring(0, colon);
        final String rest = target.substring(colon + 1);
        try {
            for (Kind kind : Kind.values()) {
                if (kind.prefix().equals(prefix)) {
                    return kind.isPassive() ? parsePassive(kind, rest) : parseActive(kind, rest);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid OVSDB target \"" + target + "\": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("invalid OVSDB target \"" + target + "\": unknown type \"" + prefix
            + "\" (tcp, ssl, ptcp or pssl)");
    }

    private static OvsdbTarget parseActive(final Kind kind, final String rest) {
        final String[] hostPort = splitHostPort(rest);
        return new OvsdbTarget(kind, hostPort[0], hostPort[1] == null ? DEFAULT_PORT : parsePort(hostPort[1]));
    }

    private static OvsdbTarget parsePassive(final Kind kind, final String rest) {
        if (rest.isEmpty()) {
            return new OvsdbTarget(kind, "0.0.0.0", DEFAULT_PORT);
        }
        final int colon = rest.indexOf(':');
        final String portText = colon < 0 ? rest : rest.substring(0, colon);
        final int port = portText.isEmpty() ? DEFAULT_PORT : parsePort(portText);
        String address = colon < 0 ? "0.0.0.0" : rest.substring(colon + 1);
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        return new OvsdbTarget(kind, address, port);
    }

    private static String[] splitHostPort(final String text) {
        if (text.startsWith("[")) {
            final int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unterminated [");
            }
            final String host = text.substring(1, close);
            final String after = text.substring(close + 1);
            if (after.isEmpty()) {
                return new String[] {host, null};
            }
            if (!after.startsWith(":")) {
                throw new IllegalArgumentException("expected :PORT after ]");
            }
            return new String[] {host, after.substring(1)};
        }
        final int colon = text.lastIndexOf(':');
        if (colon < 0) {
            return new String[] {text, null};
        }
        if (text.indexOf(':') != colon) {
            throw new IllegalArgumentException("IPv6 addresses must be in brackets");
        }
        return new String[] {text.substring(0, colon), text.substring(colon + 1)};
    }

    private static int parsePort(final String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid port \"" + text + "\"", e);
        }
    }

    /**
     * Tells whether this is a listening target.
     *
     * @return true for ptcp and pssl
     */
    public boolean isPassive() {
        return kind.isPassive();
    }

    @Override
    public String toString() {
        final String shownHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return kind.isPassive() ? kind.prefix() + ":" + port + ":" + shownHost
            : kind.prefix() + ":" + shownHost + ":" + port;
    }
}
