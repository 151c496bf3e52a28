/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.wiring.ovsdb.ActiveRemote;
import org.opendaylight.wiring.ovsdb.OvsdbConfig;
import org.opendaylight.wiring.ovsdb.OvsdbConnection;
import org.opendaylight.wiring.ovsdb.OvsdbManager;
import org.opendaylight.wiring.ovsdb.OvsdbTarget;
import org.opendaylight.wiring.ovsdb.OvsdbTlsConfig;
import org.opendaylight.wiring.ovsdb.PassiveRemote;

/**
 * TLS in both directions against a real ovsdb-server: certificates made with openssl for a test CA, the switch's
 * set with {@code ovs-vsctl set-ssl}, ours in a PKCS12 key store, the CA in a PKCS12 trust store.
 */
class OvsdbTlsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "wiring-test";

    private static Path pki;
    private static LabHost host;
    private static OvsdbManager manager;

    @BeforeAll
    static void setUp() {
        LabHost.assumeAvailable();
        LabHost.require(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl not installed (apt-get install "
            + "openssl) for the TLS tests");
        pki = Path.of(System.getProperty("wiring.lab.dir", "target/lab"), "pki-" + UUID.randomUUID());
        makePki();
        host = LabHost.start(null);
        host.vsctl("set-ssl", pki.resolve("switch-key.pem").toString(), pki.resolve("switch-cert.pem").toString(),
            pki.resolve("ca-cert.pem").toString());
        manager = new OvsdbManager(new OvsdbConfig().setTls(new OvsdbTlsConfig()
            .setKeyStorePath(pki.resolve("controller.p12").toString()).setKeyStorePassword(PASSWORD)
            .setTrustStorePath(pki.resolve("trust.p12").toString()).setTrustStorePassword(PASSWORD))
            .setReconnectInitialDelayMillis(200).setReconnectMaxDelayMillis(1_000));
    }

    private static void makePki() {
        try {
            Files.createDirectories(pki);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca-key.pem", "-out", "ca-cert.pem",
            "-days", "2", "-subj", "/CN=wiring-test-ca");
        for (String name : List.of("switch", "controller")) {
            openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + "-key.pem", "-out", name + ".csr",
                "-subj", "/CN=" + name);
            openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca-cert.pem", "-CAkey", "ca-key.pem",
                "-CAcreateserial", "-out", name + "-cert.pem", "-days", "2");
        }
        openssl("pkcs12", "-export", "-in", "controller-cert.pem", "-inkey", "controller-key.pem", "-name",
            "controller", "-out", "controller.p12", "-passout", "pass:" + PASSWORD);
        final Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        LabHost.run(List.of(keytool.toString(), "-importcert", "-noprompt", "-alias", "wiring-test-ca", "-file",
            "ca-cert.pem", "-keystore", "trust.p12", "-storetype", "PKCS12", "-storepass", PASSWORD), pki);
    }

    private static void openssl(final String... args) {
        final List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        LabHost.run(command, pki);
    }

    @AfterAll
    static void tearDown() {
        if (manager != null) {
            manager.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void activeSsl() throws Exception {
        final int port = LabHost.freePort();
        host.vsctl("set-manager", "pssl:" + port + ":127.0.0.1");
        final ActiveRemote remote = manager.connect(OvsdbTarget.parse("ssl:127.0.0.1:" + port));
        Await.until("TLS connection", WAIT, () -> remote.connection().isPresent());
        final OvsdbConnection connection = remote.connection().orElseThrow();
        assertEquals(host.id(), connection.replicaReady().get(30, TimeUnit.SECONDS).systemId().orElseThrow());
        assertTrue(connection.id().startsWith("ssl:127.0.0.1:"), connection.id());
        manager.closeRemote(remote);
    }

    @Test
    void passiveSsl() throws Exception {
        final PassiveRemote listener = manager.listen(OvsdbTarget.parse("pssl:0:127.0.0.1"));
        final int port = listener.localAddress().get(10, TimeUnit.SECONDS).getPort();
        host.vsctl("set-manager", "ssl:127.0.0.1:" + port);
        Await.until("switch connected over TLS", WAIT, () -> listener.connections().stream()
            .anyMatch(conn -> conn.replicaReady().isDone() && !conn.replicaReady().isCompletedExceptionally()));
        final OvsdbConnection connection = listener.connections().iterator().next();
        assertEquals(host.id(), connection.systemId().orElseThrow());
        assertTrue(connection.id().startsWith("ssl:127.0.0.1:"), connection.id());
        manager.closeRemote(listener);
    }
}
