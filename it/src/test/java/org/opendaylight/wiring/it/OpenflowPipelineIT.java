/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendaylight.wiring.it.Intents.PROVIDER;
import static org.opendaylight.wiring.it.Intents.TUNNELING;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opendaylight.wiring.ovsdb.it.LabHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenFlow pipeline through the real distribution: two lab hosts whose integration bridges connect to Karaf's
 * openflowplugin over their OpenFlow links, a VXLAN tunnel between them over a fabric namespace, a "VM" namespace on
 * each. Intents go in over RESTCONF; the ODL Wiring OpenFlow renderer programs the pipeline through openflowplugin's
 * config inventory. A continuous ping between the VMs then lives through a controller restart (during which a stale
 * flow of ours appears on a switch: it is gone afterwards, a foreign flow with another cookie stays) and through an
 * ovs-vswitchd restart (empty flow tables: the pipeline comes back and the ping resumes). Runs late: it restarts
 * Karaf.
 */
@Order(Integer.MAX_VALUE - 1)
@ExtendWith(KarafExtension.class)
class OpenflowPipelineIT {
    private static final Logger LOG = LoggerFactory.getLogger(OpenflowPipelineIT.class);
    private static final String OUR_COOKIE = "cookie=0xd1c";
    private static final String FOREIGN = "cookie=0x1234,table=0,priority=1,dl_type=0x88cc,actions=drop";
    private static final String STALE = "cookie=0x0d1c000001000000,table=0,priority=7,dl_type=0x88b5,actions=drop";
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) packets transmitted, (\\d+) received");

    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private final String fabric = "wof-fab-" + tag;
    private final String vmA = "wof-vma-" + tag;
    private final String vmB = "wof-vmb-" + tag;
    private final String net = "wof-net-" + tag;
    private final String portA = "wof-a-" + tag;
    private final String portB = "wof-b-" + tag;

    private static String run(final String... command) {
        return LabHost.run(List.of(command), null);
    }

    /** Our flows of a switch, without statistics, sorted: the pipeline as the switch holds it. */
    private static Set<String> ourFlows(final LabHost host) {
        return host.ofctl("-O", "OpenFlow13", "--no-stats", "dump-flows", "br-int").lines()
            .filter(line -> line.contains(OUR_COOKIE)).map(String::trim).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String flows(final LabHost host) {
        return host.ofctl("-O", "OpenFlow13", "dump-flows", "br-int");
    }

    private static void await(final String what, final Duration timeout, final java.util.function.BooleanSupplier done)
            throws InterruptedException {
        final Instant deadline = Instant.now().plus(timeout);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(500);
        }
    }

    private void wire(final LabHost host, final int index, final String vmNs, final String mac, final String ip,
            final String port) {
        host.vsctl("--may-exist", "add-br", "br-phy", "--", "set", "bridge", "br-phy", "datapath_type=netdev");
        final String ns = "wl-" + host.id();
        run("ip", "-n", ns, "link", "add", "ul0", "type", "veth", "peer", "name", "ul" + index + "-" + tag, "netns",
            fabric);
        run("ip", "-n", fabric, "link", "set", "ul" + index + "-" + tag, "master", "underlay", "up");
        run("ip", "-n", ns, "link", "set", "ul0", "up");
        host.vsctl("add-port", "br-phy", "ul0");
        run("ip", "-n", ns, "link", "set", "br-phy", "up");
        run("ip", "-n", ns, "addr", "add", "10.97.0." + index + "/24", "dev", "br-phy");
        run("ip", "netns", "add", vmNs);
        run("ip", "-n", vmNs, "link", "set", "lo", "up");
        run("ip", "-n", ns, "link", "add", "t-vm", "type", "veth", "peer", "name", "eth0", "netns", vmNs);
        run("ip", "-n", vmNs, "link", "set", "eth0", "address", mac);
        run("ip", "-n", vmNs, "addr", "add", ip + "/24", "dev", "eth0");
        run("ip", "-n", vmNs, "link", "set", "eth0", "up");
        run("ip", "-n", ns, "link", "set", "t-vm", "up");
        host.vsctl("add-port", "br-int", "t-vm", "--", "set", "interface", "t-vm", "external_ids:iface-id=" + port);
    }

    /** A ping running in the background, from VM A to VM B, 5 a second. */
    private final class Pinger implements AutoCloseable {
        private final Process process;
        private final Path log;

        Pinger(final String name) throws IOException {
            log = Files.createTempFile("wof-ping-" + name, ".log");
            process = new ProcessBuilder("ip", "netns", "exec", vmA, "ping", "-n", "-i", "0.2", "10.96.0.2")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        }

        void awaitRunning() throws InterruptedException {
            await("the ping running", Duration.ofSeconds(10), () -> {
                try {
                    return received() >= 5;
                } catch (IOException e) {
                    return false;
                }
            });
        }

        int received() throws IOException {
            return (int) Files.readAllLines(log).stream().filter(line -> line.contains("bytes from")).count();
        }

        /** Stops the ping; returns {transmitted, received}. */
        int[] stop() throws IOException, InterruptedException {
            // SIGINT: ping prints its summary
            run("kill", "-INT", Long.toString(process.pid()));
            process.waitFor(10, TimeUnit.SECONDS);
            final String text = Files.readString(log);
            final Matcher matcher = SUMMARY.matcher(text);
            assertTrue(matcher.find(), text);
            LOG.info("ping: {}", text.lines().filter(line -> line.contains("transmitted")).findFirst().orElse(""));
            return new int[] { Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)) };
        }

        @Override
        public void close() throws IOException {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    @Test
    void pingLivesThroughControllerAndSwitchRestartsAndTheFlowSetConverges(final Karaf karaf, final Restconf rc)
            throws Exception {
        LabHost.assumeAvailable();
        LabHost.require(Files.isExecutable(Path.of("/usr/bin/ping")) || Files.isExecutable(Path.of("/bin/ping")),
            "ping (apt-get install iputils-ping)");
        LabHost.require(System.getProperty("wiring.lab.ofLinks") != null, "the lab hosts' OpenFlow links");
        try (LabHost a = LabHost.startNamed("wof-", "tcp:127.0.0.1:6640");
                LabHost b = LabHost.startNamed("wof-", "tcp:127.0.0.1:6640")) {
            try {
                run("ip", "netns", "add", fabric);
                run("ip", "-n", fabric, "link", "add", "underlay", "type", "bridge");
                run("ip", "-n", fabric, "link", "set", "underlay", "up");
                for (LabHost host : List.of(a, b)) {
                    rc.post(PROVIDER, """
                        {"wiring-provider:host": [{"host-id": "%s", "datapath-type": "netdev"}]}"""
                        .formatted(host.id())).expect(201);
                }
                rc.post(TUNNELING, """
                    {"wiring-tunnel:tunnel-endpoint": [
                      {"host-id": "%s", "tunnel-type": "vxlan", "local-ip": "10.97.0.1"},
                      {"host-id": "%s", "tunnel-type": "vxlan", "local-ip": "10.97.0.2"}]}"""
                    .formatted(a.id(), b.id())).expect(201);
                rc.post(TUNNELING, """
                    {"wiring-tunnel:overlay-network": [{"name": "%s", "tunnel-type": "vxlan",
                      "segmentation-id": 4242}]}""".formatted(net)).expect(201);
                rc.post(TUNNELING, """
                    {"wiring-tunnel:logical-port": [
                      {"id": "%s", "overlay-network": "%s", "mac-address": "fa:16:3e:97:00:01",
                       "fixed-ip": ["10.96.0.1"], "host": "%s"},
                      {"id": "%s", "overlay-network": "%s", "mac-address": "fa:16:3e:97:00:02",
                       "fixed-ip": ["10.96.0.2"], "host": "%s"}]}"""
                    .formatted(portA, net, a.id(), portB, net, b.id())).expect(201);
                await("br-int on both hosts", Duration.ofSeconds(60),
                    () -> a.vsctl("list-br").contains("br-int") && b.vsctl("list-br").contains("br-int"));
                wire(a, 1, vmA, "fa:16:3e:97:00:01", "10.96.0.1", portA);
                wire(b, 2, vmB, "fa:16:3e:97:00:02", "10.96.0.2", portB);
                try {
                    Intents.awaitStatus(rc, TUNNELING + "/logical-port=" + portA, "programmed",
                        "programmed on 1 host");
                    Intents.awaitStatus(rc, TUNNELING + "/logical-port=" + portB, "programmed",
                        "programmed on 1 host");
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\nrealization: " + rc.get(Intents.DATA
                        + "/wiring-plan:realization?content=nonconfig").body() + "\nflows of " + a.id() + ":\n"
                        + flows(a), e);
                }
                // userspace tunnels resolve the remote endpoint's MAC from ARP seen on br-phy
                a.exec("ping", "-n", "-c", "2", "-W", "1", "10.97.0.2");
                b.exec("ping", "-n", "-c", "2", "-W", "1", "10.97.0.1");
                await("a first ping over the tunnel", Duration.ofSeconds(30), () -> {
                    try {
                        return run("ip", "netns", "exec", vmA, "ping", "-n", "-c", "1", "-W", "1", "10.96.0.2")
                            .contains(" 0% packet loss");
                    } catch (IllegalStateException e) {
                        return false;
                    }
                });
                final Set<String> pipeline = ourFlows(a);
                assertTrue(pipeline.size() > 10, pipeline.toString());
                LOG.info("host {}: {} flows of ours, programmed", a.id(), pipeline.size());

                controllerRestart(karaf, rc, a, pipeline);
                switchRestart(rc, a, pipeline);
            } finally {
                for (String entry : List.of("/logical-port=" + portA, "/logical-port=" + portB,
                        "/overlay-network=" + net, "/tunnel-endpoint=" + a.id() + ",vxlan",
                        "/tunnel-endpoint=" + b.id() + ",vxlan")) {
                    rc.delete(TUNNELING + entry);
                }
                rc.delete(PROVIDER + "/host=" + a.id());
                rc.delete(PROVIDER + "/host=" + b.id());
                for (String ns : List.of(vmA, vmB, fabric)) {
                    LabHost.run(List.of("bash", "-c", "ip netns del " + ns + " 2>/dev/null || true"), null);
                }
            }
        }
    }

    private void controllerRestart(final Karaf karaf, final Restconf rc, final LabHost host, final Set<String> pipeline)
            throws Exception {
        host.ofctl("-O", "OpenFlow13", "add-flow", "br-int", FOREIGN);
        try (Pinger ping = new Pinger("odl")) {
            ping.awaitRunning();
            // while no controller runs, a flow of ours appears that the plan does not want (an earlier run's)
            karaf.restart(() -> host.ofctl("-O", "OpenFlow13", "add-flow", "br-int", STALE));
            await("the stale flow of ours removed after the restart", Duration.ofSeconds(120),
                () -> !flows(host).contains("dl_type=0x88b5"));
            final int[] result = ping.stop();
            LOG.info("controller restart: {} sent, {} received", result[0], result[1]);
            assertTrue(result[0] > 50, "the ping ran across the restart: " + result[0]);
            assertTrue(result[0] - result[1] <= 2, "the ping lives through the controller restart: " + result[1]
                + " of " + result[0]);
        }
        final String after = flows(host);
        assertTrue(after.contains("cookie=0x1234") && after.contains("dl_type=0x88cc"),
            "the foreign flow stays: " + after);
        assertEquals(pipeline, ourFlows(host), "exactly the pipeline, nothing stale");
        Intents.awaitStatus(rc, TUNNELING + "/logical-port=" + portA, "programmed", "programmed on 1 host");
    }

    private void switchRestart(final Restconf rc, final LabHost host, final Set<String> pipeline) throws Exception {
        try (Pinger ping = new Pinger("ovs")) {
            ping.awaitRunning();
            final Instant restart = Instant.now();
            host.restartVswitchd();
            await("the pipeline back on the restarted switch", Duration.ofSeconds(120),
                () -> pipeline.equals(ourFlows(host)));
            final long back = Duration.between(restart, Instant.now()).toMillis();
            final int before = ping.received();
            await("the ping resumed", Duration.ofSeconds(30), () -> {
                try {
                    return ping.received() >= before + 10;
                } catch (IOException e) {
                    return false;
                }
            });
            final int[] result = ping.stop();
            LOG.info("switch restart: pipeline back after {} ms; ping {} sent, {} received", back, result[0],
                result[1]);
            assertTrue(result[1] >= before + 10, "the ping resumed");
        }
        assertEquals(pipeline, ourFlows(host), "exactly the pipeline after the switch restart");
        Intents.awaitStatus(rc, TUNNELING + "/logical-port=" + portA, "programmed", "programmed on 1 host");
    }
}
