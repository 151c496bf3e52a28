/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb;

import java.util.List;

/**
 * TLS settings for {@code ssl:} and {@code pssl:} targets: our certificate and key (key store), and the CA
 * certificates we accept from switches (trust store). A plain, mutable Java object; {@link OvsdbManager} copies it.
 *
 * <p>Like Open vSwitch itself, peers are authenticated by their certificate chain only: there is no host name check.
 * Open vSwitch always presents a certificate and checks ours, so on listeners (pssl) client authentication is
 * required by default.
 */
public final class OvsdbTlsConfig {
    private String keyStorePath;
    private String keyStoreType = "PKCS12";
    private String keyStorePassword = "";
    private String keyPassword;
    private String trustStorePath;
    private String trustStoreType = "PKCS12";
    private String trustStorePassword = "";
    private List<String> protocols = List.of("TLSv1.3", "TLSv1.2");
    private boolean clientAuthRequired = true;

    /**
     * Creates settings with defaults; set at least the key store and trust store paths.
     */
    public OvsdbTlsConfig() {
        // defaults
    }

    /**
     * Copies settings.
     *
     * @return a copy
     */
    public OvsdbTlsConfig copy() {
        final OvsdbTlsConfig copy = new OvsdbTlsConfig();
        copy.keyStorePath = keyStorePath;
        copy.keyStoreType = keyStoreType;
        copy.keyStorePassword = keyStorePassword;
        copy.keyPassword = keyPassword;
        copy.trustStorePath = trustStorePath;
        copy.trustStoreType = trustStoreType;
        copy.trustStorePassword = trustStorePassword;
        copy.protocols = protocols;
        copy.clientAuthRequired = clientAuthRequired;
        return copy;
    }

    public String getKeyStorePath() {
        return keyStorePath;
    }

    /**
     * Sets the key store file holding our private key and certificate chain.
     *
     * @param keyStorePath path of a JKS or PKCS12 file
     * @return this
     */
    public OvsdbTlsConfig setKeyStorePath(final String keyStorePath) {
        this.keyStorePath = keyStorePath;
        return this;
    }

    public String getKeyStoreType() {
        return keyStoreType;
    }

    /**
     * Sets the key store type.
     *
     * @param keyStoreType {@code PKCS12} (default) or {@code JKS}
     * @return this
     */
    public OvsdbTlsConfig setKeyStoreType(final String keyStoreType) {
        this.keyStoreType = keyStoreType;
        return this;
    }

    public String getKeyStorePassword() {
        return keyStorePassword;
    }

    /**
     * Sets the key store password.
     *
     * @param keyStorePassword the password
     * @return this
     */
    public OvsdbTlsConfig setKeyStorePassword(final String keyStorePassword) {
        this.keyStorePassword = keyStorePassword;
        return this;
    }

    /**
     * Returns the private key password (defaults to the key store password).
     *
     * @return the password
     */
    public String getKeyPassword() {
        return keyPassword != null ? keyPassword : keyStorePassword;
    }

    /**
     * Sets the private key password, if it differs from the key store password.
     *
     * @param keyPassword the password
     * @return this
     */
    public OvsdbTlsConfig setKeyPassword(final String keyPassword) {
        this.keyPassword = keyPassword;
        return this;
    }

    public String getTrustStorePath() {
        return trustStorePath;
    }

    /**
     * Sets the trust store file holding the CA certificates that sign the switches' certificates.
     *
     * @param trustStorePath path of a JKS or PKCS12 file
     * @return this
     */
    public OvsdbTlsConfig setTrustStorePath(final String trustStorePath) {
        this.trustStorePath = trustStorePath;
        return this;
    }

    public String getTrustStoreType() {
        return trustStoreType;
    }

    /**
     * Sets the trust store type.
     *
     * @param trustStoreType {@code PKCS12} (default) or {@code JKS}
     * @return this
     */
    public OvsdbTlsConfig setTrustStoreType(final String trustStoreType) {
        this.trustStoreType = trustStoreType;
        return this;
    }

    public String getTrustStorePassword() {
        return trustStorePassword;
    }

    /**
     * Sets the trust store password.
     *
     * @param trustStorePassword the password
     * @return this
     */
    public OvsdbTlsConfig setTrustStorePassword(final String trustStorePassword) {
        this.trustStorePassword = trustStorePassword;
        return this;
    }

    public List<String> getProtocols() {
        return protocols;
    }

    /**
     * Sets the enabled TLS protocol versions.
     *
     * @param protocols for instance {@code TLSv1.3, TLSv1.2} (the default)
     * @return this
     */
    public OvsdbTlsConfig setProtocols(final List<String> protocols) {
        this.protocols = List.copyOf(protocols);
        return this;
    }

    public boolean isClientAuthRequired() {
        return clientAuthRequired;
    }

    /**
     * Sets whether our listeners require a client certificate (default true, as Open vSwitch always sends one).
     *
     * @param clientAuthRequired true to require it
     * @return this
     */
    public OvsdbTlsConfig setClientAuthRequired(final boolean clientAuthRequired) {
        this.clientAuthRequired = clientAuthRequired;
        return this;
    }
}
