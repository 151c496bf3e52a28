/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exposure through FRR: FRR on the host side ({@code redistribute connected}, limited to the expose device, host
 * prefixes only, as ovn-bgp-agent configures it) peers over a veth with an FRR peer in a second namespace. The peer
 * must learn exactly the exposed /32s and /128s (not the bridge's own ARP/NDP addresses) and lose them when they
 * are withdrawn; an FRR restart on the host side gets them back without the agent doing anything.
 */
class FrrExposureIT {
    private static final long TIMEOUT_MS = 60_000;

    private Lab lab;
    private String host;
    private String peer;
    private Reconciler reconciler;

    @BeforeEach
    void setUp() throws IOException {
        lab = new Lab("ip", "sysctl", "/usr/lib/frr/zebra", "/usr/lib/frr/bgpd", "vtysh");
        host = lab.netns("h");
        peer = lab.netns("p");
        lab.sh("ip", "-n", host, "link", "add", "br-ex", "type", "bridge");
        lab.sh("ip", "-n", host, "link", "set", "br-ex", "up");
        lab.sh("ip", "-n", host, "link", "add", "fab0", "type", "veth", "peer", "name", "fab1", "netns", peer);
        lab.sh("ip", "-n", host, "addr", "add", "10.255.0.1/30", "dev", "fab0");
        lab.sh("ip", "-n", host, "addr", "add", "fd00:ff::1/64", "dev", "fab0", "nodad");
        lab.sh("ip", "-n", host, "link", "set", "fab0", "up");
        lab.sh("ip", "-n", peer, "addr", "add", "10.255.0.2/30", "dev", "fab1");
        lab.sh("ip", "-n", peer, "addr", "add", "fd00:ff::2/64", "dev", "fab1", "nodad");
        lab.sh("ip", "-n", peer, "link", "set", "fab1", "up");
        final AgentConfig config = new AgentConfig(AgentConfig.DEFAULT_PROTOCOL, lab.protocolName(),
            lab.protosFile(), lab.tablesFile(), lab.work.resolve("state.json"), Optional.of(host),
            AgentConfig.ExposureKind.BRIDGE, "odl-wiring-host-agent", AgentConfig.DEFAULT_COOKIE, false, Map.of());
        reconciler = new Reconciler(config, lab.runner);
    }

    @AfterEach
    void tearDown() throws IOException {
        if (lab != null) {
            lab.close();
        }
    }

    /** Starts zebra and bgpd in a namespace with private config, pid and socket paths. */
    private Path startFrr(final String ns, final String name, final String bgpd) throws IOException {
        final Path dir = lab.work.resolve("frr-" + name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("zebra.conf"), "hostname " + name + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("bgpd.conf"), bgpd, StandardCharsets.UTF_8);
        // the daemons drop to user frr (root is not in the frrvty group)
        lab.sh("chown", "-R", "frr:frr", dir.toString());
        for (String daemon : List.of("zebra", "bgpd")) {
            startDaemon(ns, dir, daemon);
        }
        return dir;
    }

    private void startDaemon(final String ns, final Path dir, final String daemon) throws IOException {
        lab.sh("ip", "netns", "exec", ns, "/usr/lib/frr/" + daemon, "-d", "-f", dir.resolve(daemon + ".conf")
            .toString(), "-i", dir.resolve(daemon + ".pid").toString(), "-z", dir.resolve("zserv.api").toString(),
            "--vty_socket", dir.toString(), "-u", "frr", "-g", "frr");
    }

    private static String hostBgpd() {
        return """
            hostname h
            ip prefix-list host-routes seq 5 permit 0.0.0.0/0 ge 32
            ipv6 prefix-list host-routes6 seq 5 permit ::/0 ge 128
            route-map expose permit 10
             match interface bgp-nic
            exit
            router bgp 64999
             bgp router-id 10.255.0.1
             no bgp ebgp-requires-policy
             no bgp default ipv4-unicast
             neighbor 10.255.0.2 remote-as 65000
             neighbor 10.255.0.2 timers connect 1
             neighbor 10.255.0.2 advertisement-interval 0
             neighbor fd00:ff::2 remote-as 65000
             neighbor fd00:ff::2 timers connect 1
             neighbor fd00:ff::2 advertisement-interval 0
             address-family ipv4 unicast
              redistribute connected route-map expose
              neighbor 10.255.0.2 activate
              neighbor 10.255.0.2 prefix-list host-routes out
             exit-address-family
             address-family ipv6 unicast
              redistribute connected route-map expose
              neighbor fd00:ff::2 activate
              neighbor fd00:ff::2 prefix-list host-routes6 out
             exit-address-family
            exit
            """;
    }

    private static String peerBgpd() {
        return """
            hostname p
            router bgp 65000
             bgp router-id 10.255.0.2
             no bgp ebgp-requires-policy
             no bgp default ipv4-unicast
             neighbor 10.255.0.1 remote-as 64999
             neighbor 10.255.0.1 timers connect 1
             neighbor fd00:ff::1 remote-as 64999
             neighbor fd00:ff::1 timers connect 1
             address-family ipv4 unicast
              neighbor 10.255.0.1 activate
             exit-address-family
             address-family ipv6 unicast
              neighbor fd00:ff::1 activate
             exit-address-family
            exit
            """;
    }

    /** Destinations the peer's kernel has from BGP, both families. */
    private Set<String> learned() throws IOException {
        final Set<String> result = new TreeSet<>();
        for (String family : List.of("-4", "-6")) {
            Arrays.stream(lab.sh("ip", "-n", peer, family, "route", "show", "proto", "bgp").split("\n"))
                .map(String::strip).filter(line -> !line.isEmpty()).map(line -> line.split(" ")[0])
                .forEach(result::add);
        }
        return result;
    }

    private void awaitLearned(final Set<String> expected) throws IOException {
        final long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        Set<String> now = learned();
        while (!now.equals(expected) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            now = learned();
        }
        assertEquals(expected, now, "routes the BGP peer learned");
    }

    private void reconcile(final DesiredState desired) throws IOException {
        assertEquals(List.of(), reconciler.reconcile(Optional.of(desired)).failures());
    }

    @Test
    void peerLearnsExactlyTheExposedHostRoutes() throws IOException {
        reconcile(Seed001.plan(true, true, false, true, false));
        final Path hostFrr = startFrr(host, "h", hostBgpd());
        startFrr(peer, "p", peerBgpd());
        awaitLearned(Set.of("172.24.4.92", "172.24.4.163", "10.0.0.95", "2001:db8::21c", "2001:db8::20",
            "fd00:10::95"));

        // withdrawal of the provider VM
        reconcile(Seed001.plan(false, true, false, true, false));
        awaitLearned(Set.of("172.24.4.163", "10.0.0.95", "2001:db8::20", "fd00:10::95"));

        // FRR restarts on the host side: the exposure lives in the kernel, FRR finds it again
        for (String daemon : List.of("bgpd", "zebra")) {
            lab.sh("kill", Files.readString(hostFrr.resolve(daemon + ".pid")).strip());
        }
        awaitLearned(Set.of());
        for (String daemon : List.of("zebra", "bgpd")) {
            awaitGone(hostFrr.resolve(daemon + ".pid"));
            startDaemon(host, hostFrr, daemon);
        }
        awaitLearned(Set.of("172.24.4.163", "10.0.0.95", "2001:db8::20", "fd00:10::95"));

        // everything withdrawn
        reconcile(Seed001.plan(false, false, false, false, false));
        awaitLearned(Set.of());
    }

    private static void awaitGone(final Path pidfile) throws IOException {
        final long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            final String pid = Files.exists(pidfile) ? Files.readString(pidfile).strip() : "";
            if (pid.isEmpty() || !Files.exists(Path.of("/proc", pid))) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }
}
