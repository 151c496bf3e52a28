/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.internal;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.opendaylight.wiring.ovsdb.OvsdbTlsConfig;

/**
 * Builds Netty TLS contexts from {@link OvsdbTlsConfig}.
 */
public final class TlsContexts {
    private TlsContexts() {
        // utility class
    }

    /**
     * Builds the context of listeners (pssl).
     *
     * @param config the TLS settings
     * @return the context
     * @throws IllegalArgumentException if a store cannot be loaded
     */
    public static SslContext server(final OvsdbTlsConfig config) {
        if (config.getKeyStorePath() == null) {
            throw new IllegalArgumentException("TLS listener needs a key store (our certificate and key)");
        }
        try {
            final SslContextBuilder builder = SslContextBuilder.forServer(keyManagers(config))
                .protocols(config.getProtocols());
            if (config.getTrustStorePath() != null) {
                builder.trustManager(trustManagers(config))
                    .clientAuth(config.isClientAuthRequired() ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL);
            } else if (config.isClientAuthRequired()) {
                throw new IllegalArgumentException("TLS listener requiring client certificates needs a trust store");
            }
            return builder.build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * Builds the context of active connections (ssl).
     *
     * @param config the TLS settings
     * @return the context
     * @throws IllegalArgumentException if a store cannot be loaded
     */
    public static SslContext client(final OvsdbTlsConfig config) {
        if (config.getTrustStorePath() == null) {
            throw new IllegalArgumentException("TLS connections need a trust store (the CA of the switches)");
        }
        try {
            final SslContextBuilder builder = SslContextBuilder.forClient().trustManager(trustManagers(config))
                .protocols(config.getProtocols());
            if (config.getKeyStorePath() != null) {
                builder.keyManager(keyManagers(config));
            }
            return builder.build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static KeyManagerFactory keyManagers(final OvsdbTlsConfig config)
            throws IOException, GeneralSecurityException {
        final KeyStore store = load("key store", config.getKeyStorePath(), config.getKeyStoreType(),
            config.getKeyStorePassword());
        final KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, chars(config.getKeyPassword()));
        return factory;
    }

    private static TrustManagerFactory trustManagers(final OvsdbTlsConfig config)
            throws IOException, GeneralSecurityException {
        final KeyStore store = load("trust store", config.getTrustStorePath(), config.getTrustStoreType(),
            config.getTrustStorePassword());
        final TrustManagerFactory factory = TrustManagerFactory.getInstance(
            TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }

    private static KeyStore load(final String what, final String path, final String type, final String password)
            throws IOException, GeneralSecurityException {
        final KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            store.load(in, chars(password));
        } catch (IOException e) {
            throw new IOException(what + " " + path + " (" + type + "): " + e.getMessage(), e);
        }
        return store;
    }

    private static char[] chars(final String password) {
        return password == null ? new char[0] : password.toCharArray();
    }
}
