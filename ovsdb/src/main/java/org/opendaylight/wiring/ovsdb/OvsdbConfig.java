/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of an {@link OvsdbManager}: a plain, mutable Java object with defaults, meant to be filled from a
 * configuration source. The manager copies it when created.
 *
 * <p>Remotes use Open vSwitch syntax (see {@link OvsdbTarget}): {@code ptcp:6640} listens for switches configured
 * with {@code ovs-vsctl set-manager tcp:<controller-ip>:6640}; {@code tcp:HOST:PORT} connects to a switch whose
 * ovsdb-server listens with {@code ptcp:PORT}, reconnecting with exponential backoff.
 */
public final class OvsdbConfig {
    private List<String> remotes = new ArrayList<>();
    private OvsdbTlsConfig tls;
    private String database = OvsdbTables.DATABASE;
    private boolean replicaEnabled = true;
    private Map<String, List<String>> monitoredColumns = new LinkedHashMap<>(OvsdbTables.DEFAULT_MONITORED_COLUMNS);
    private long requestTimeoutMillis = 30_000;
    private long echoIntervalMillis = 5_000;
    private int maxMissedEchoes = 3;
    private long connectTimeoutMillis = 10_000;
    private long reconnectInitialDelayMillis = 1_000;
    private long reconnectMaxDelayMillis = 30_000;
    private int maxMessageBytes = 64 * 1024 * 1024;
    private int ioThreads;

    /**
     * Creates settings with defaults and no remote.
     */
    public OvsdbConfig() {
        // defaults
    }

    /**
     * Copies settings.
     *
     * @return a deep copy
     */
    public OvsdbConfig copy() {
        final OvsdbConfig copy = new OvsdbConfig();
        copy.remotes = new ArrayList<>(remotes);
        copy.tls = tls == null ? null : tls.copy();
        copy.database = database;
        copy.replicaEnabled = replicaEnabled;
        copy.monitoredColumns = new LinkedHashMap<>(monitoredColumns);
        copy.requestTimeoutMillis = requestTimeoutMillis;
        copy.echoIntervalMillis = echoIntervalMillis;
        copy.maxMissedEchoes = maxMissedEchoes;
        copy.connectTimeoutMillis = connectTimeoutMillis;
        copy.reconnectInitialDelayMillis = reconnectInitialDelayMillis;
        copy.reconnectMaxDelayMillis = reconnectMaxDelayMillis;
        copy.maxMessageBytes = maxMessageBytes;
        copy.ioThreads = ioThreads;
        return copy;
    }

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException naming the first invalid setting
     */
    public void validate() {
        remotes.forEach(OvsdbTarget::parse);
        if (remotes.stream().map(OvsdbTarget::parse).anyMatch(target -> target.kind().isTls()) && tls == null) {
            throw new IllegalArgumentException("ssl:/pssl: remotes need TLS settings (keystore, truststore)");
        }
        check(requestTimeoutMillis > 0, "requestTimeoutMillis must be > 0");
        check(echoIntervalMillis >= 0, "echoIntervalMillis must be >= 0 (0 disables the keepalive)");
        check(maxMissedEchoes >= 1, "maxMissedEchoes must be >= 1");
        check(connectTimeoutMillis > 0, "connectTimeoutMillis must be > 0");
        check(reconnectInitialDelayMillis > 0, "reconnectInitialDelayMillis must be > 0");
        check(reconnectMaxDelayMillis >= reconnectInitialDelayMillis,
            "reconnectMaxDelayMillis must be >= reconnectInitialDelayMillis");
        check(maxMessageBytes >= 4096, "maxMessageBytes must be >= 4096");
        check(ioThreads >= 0, "ioThreads must be >= 0");
        check(database != null && !database.isEmpty(), "database must be set");
    }

    private static void check(final boolean condition, final String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public List<String> getRemotes() {
        return Collections.unmodifiableList(remotes);
    }

    /**
     * Sets the remotes opened by {@link OvsdbManager#start()}.
     *
     * @param remotes targets such as {@code ptcp:6640} or {@code tcp:192.0.2.10:6640}
     * @return this
     */
    public OvsdbConfig setRemotes(final List<String> remotes) {
        this.remotes = new ArrayList<>(remotes);
        return this;
    }

    /**
     * Adds a remote.
     *
     * @param remote a target such as {@code ptcp:6640}
     * @return this
     */
    public OvsdbConfig addRemote(final String remote) {
        remotes.add(remote);
        return this;
    }

    /**
     * Returns a copy of the TLS settings.
     *
     * @return the TLS settings, or null if not set
     */
    public OvsdbTlsConfig getTls() {
        return tls == null ? null : tls.copy();
    }

    /**
     * Sets the TLS settings (needed for ssl: and pssl: remotes).
     *
     * @param tls the settings, copied
     * @return this
     */
    public OvsdbConfig setTls(final OvsdbTlsConfig tls) {
        this.tls = tls == null ? null : tls.copy();
        return this;
    }

    public String getDatabase() {
        return database;
    }

    /**
     * Sets the database whose tables are replicated (default {@code Open_vSwitch}).
     *
     * @param database the database name
     * @return this
     */
    public OvsdbConfig setDatabase(final String database) {
        this.database = database;
        return this;
    }

    public boolean isReplicaEnabled() {
        return replicaEnabled;
    }

    /**
     * Sets whether each connection fetches the schema and monitors the tables into a replica (default true).
     *
     * @param replicaEnabled true to maintain replicas
     * @return this
     */
    public OvsdbConfig setReplicaEnabled(final boolean replicaEnabled) {
        this.replicaEnabled = replicaEnabled;
        return this;
    }

    public Map<String, List<String>> getMonitoredColumns() {
        return Collections.unmodifiableMap(monitoredColumns);
    }

    /**
     * Sets the monitored tables and columns. An empty column list monitors every column. Tables or columns missing
     * from the server's schema are skipped. Default: {@link OvsdbTables#DEFAULT_MONITORED_COLUMNS}.
     *
     * @param monitoredColumns table name to column names
     * @return this
     */
    public OvsdbConfig setMonitoredColumns(final Map<String, List<String>> monitoredColumns) {
        this.monitoredColumns = new LinkedHashMap<>(monitoredColumns);
        return this;
    }

    public long getRequestTimeoutMillis() {
        return requestTimeoutMillis;
    }

    /**
     * Sets the default timeout of requests (default 30 s).
     *
     * @param requestTimeoutMillis milliseconds
     * @return this
     */
    public OvsdbConfig setRequestTimeoutMillis(final long requestTimeoutMillis) {
        this.requestTimeoutMillis = requestTimeoutMillis;
        return this;
    }

    public long getEchoIntervalMillis() {
        return echoIntervalMillis;
    }

    /**
     * Sets how often we send an echo request as keepalive (default 5 s; 0 disables).
     *
     * @param echoIntervalMillis milliseconds
     * @return this
     */
    public OvsdbConfig setEchoIntervalMillis(final long echoIntervalMillis) {
        this.echoIntervalMillis = echoIntervalMillis;
        return this;
    }

    public int getMaxMissedEchoes() {
        return maxMissedEchoes;
    }

    /**
     * Sets after how many unanswered echo requests in a row the connection is dropped (default 3).
     *
     * @param maxMissedEchoes the count
     * @return this
     */
    public OvsdbConfig setMaxMissedEchoes(final int maxMissedEchoes) {
        this.maxMissedEchoes = maxMissedEchoes;
        return this;
    }

    public long getConnectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    /**
     * Sets the TCP connect timeout of active connections (default 10 s).
     *
     * @param connectTimeoutMillis milliseconds
     * @return this
     */
    public OvsdbConfig setConnectTimeoutMillis(final long connectTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
        return this;
    }

    public long getReconnectInitialDelayMillis() {
        return reconnectInitialDelayMillis;
    }

    /**
     * Sets the first reconnect delay of active connections (default 1 s); it doubles after each failure.
     *
     * @param reconnectInitialDelayMillis milliseconds
     * @return this
     */
    public OvsdbConfig setReconnectInitialDelayMillis(final long reconnectInitialDelayMillis) {
        this.reconnectInitialDelayMillis = reconnectInitialDelayMillis;
        return this;
    }

    public long getReconnectMaxDelayMillis() {
        return reconnectMaxDelayMillis;
    }

    /**
     * Sets the cap of the reconnect delay (default 30 s).
     *
     * @param reconnectMaxDelayMillis milliseconds
     * @return this
     */
    public OvsdbConfig setReconnectMaxDelayMillis(final long reconnectMaxDelayMillis) {
        this.reconnectMaxDelayMillis = reconnectMaxDelayMillis;
        return this;
    }

    public int getMaxMessageBytes() {
        return maxMessageBytes;
    }

    /**
     * Sets the largest JSON message accepted from a peer (default 64 MiB); a larger one closes the connection.
     *
     * @param maxMessageBytes bytes
     * @return this
     */
    public OvsdbConfig setMaxMessageBytes(final int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
        return this;
    }

    public int getIoThreads() {
        return ioThreads;
    }

    /**
     * Sets the number of Netty I/O threads (default 0: Netty's default).
     *
     * @param ioThreads the thread count
     * @return this
     */
    public OvsdbConfig setIoThreads(final int ioThreads) {
        this.ioThreads = ioThreads;
        return this;
    }
}
