/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Open vSwitch host for integration tests, run by {@code scripts/lab-host.sh}: network namespace
 * {@code wl-<id>} with ovs-vswitchd (userspace datapath) inside, ovsdb-server in the root namespace, state under
 * {@code target/lab/<id>}.
 *
 * <p>With the system property {@code wiring.lab.ofLinks} set to a range {@code FIRST-LAST} (the {@code it/} module
 * sets 100-199; {@code scripts/run.sh} uses 1..99), every host started gets the next number of that range as
 * {@code WL_OF_LINK}: a veth pair to the root namespace and {@code external_ids:odl-wiring-controller}, so its br-int
 * reaches ODL's OpenFlow port. A number another lab host holds is skipped. Without the property no host gets a link.
 */
public final class LabHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LabHost.class);
    private static final long COMMAND_TIMEOUT_SECONDS = 120;
    private static final String OF_LINKS_PROPERTY = "wiring.lab.ofLinks";
    private static final String OF_LINK_TAKEN = "is taken by another lab host";
    private static final int OF_LINK_ATTEMPTS = 10;
    private static final AtomicInteger NEXT_OF_LINK = new AtomicInteger();

    private final String id;
    private final Path dir;
    private int ofLink;
    private boolean stopped;

    private LabHost(final String id, final Path dir) {
        this.id = id;
        this.dir = dir;
    }

    /**
     * Skips the calling test class unless we are root and Open vSwitch is installed. Under {@code CI=true} a missing
     * prerequisite fails the test instead: CI must never pass by skipping.
     */
    public static void assumeAvailable() {
        require(isRoot(), "OVS integration tests need root (network namespaces)");
        for (String tool : List.of("ovsdb-server", "ovs-vswitchd", "ovs-vsctl", "ovsdb-tool", "ovs-appctl", "ip")) {
            require(onPath(tool), tool + " not found: install openvswitch-switch and iproute2 to run the OVS "
                + "integration tests");
        }
        require(Files.isRegularFile(script()), "lab script " + script() + " not found");
    }

    /**
     * A prerequisite of an integration test: skips the test when it is missing, or fails it under {@code CI=true}.
     *
     * @param present whether the prerequisite is there
     * @param what what is missing and how to get it
     */
    public static void require(final boolean present, final String what) {
        require(present, what, isCi());
    }

    static void require(final boolean present, final String what, final boolean ci) {
        if (present) {
            return;
        }
        if (ci) {
            throw new AssertionError(what + " (CI=true: a missing prerequisite fails, it is never skipped)");
        }
        assumeTrue(false, what + "; skipping");
    }

    /**
     * Tells whether we run in CI ({@code CI=true} in the environment).
     *
     * @return true under CI
     */
    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static boolean isRoot() {
        try {
            return "0".equals(run(List.of("id", "-u"), null).trim());
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static boolean onPath(final String tool) {
        final List<String> dirs = new ArrayList<>(Arrays.asList(System.getenv().getOrDefault("PATH", "")
            .split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
        return dirs.stream().anyMatch(dirName -> Files.isExecutable(Path.of(dirName, tool)));
    }

    private static Path script() {
        final String configured = System.getProperty("wiring.lab.script");
        if (configured != null) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("basedir", "."), "..", "scripts", "lab-host.sh");
    }

    private static Path labRoot() {
        return Path.of(System.getProperty("wiring.lab.dir", Path.of(System.getProperty("basedir", "."), "target",
            "lab").toString()));
    }

    /**
     * Returns a free TCP port on 127.0.0.1.
     *
     * @return the port
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a host with a unique id.
     *
     * @param managerTarget the set-manager target, or null
     * @param extraRemotes extra ovsdb-server command line remotes, for instance {@code ptcp:PORT:127.0.0.1}
     * @return the host
     */
    public static LabHost start(final String managerTarget, final String... extraRemotes) {
        return startNamed("it", managerTarget, extraRemotes);
    }

    /**
     * Starts a host whose id (and so its namespace {@code wl-<id>} and state directory) begins with a prefix, so
     * that a test can clean up its own leftovers without touching other tests' hosts.
     *
     * @param prefix id prefix, e.g. {@code wro-}
     * @param managerTarget the set-manager target, or null
     * @param extraRemotes extra ovsdb-server command line remotes
     * @return the host
     */
    public static LabHost startNamed(final String prefix, final String managerTarget, final String... extraRemotes) {
        final String id = prefix + UUID.randomUUID().toString().substring(0, 8);
        final LabHost host = new LabHost(id, labRoot().resolve(id));
        final List<String> command = new ArrayList<>(List.of("bash", script().toString(), "start", id,
            host.dir.toString()));
        if (managerTarget != null) {
            command.add(managerTarget);
        }
        final int[] links = ofLinkRange(System.getProperty(OF_LINKS_PROPERTY));
        for (int attempt = 1; ; attempt++) {
            final ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("WL_OVSDB_REMOTES", String.join(" ", extraRemotes));
            builder.environment().remove("WL_OF_LINK");
            if (links.length == 2) {
                host.ofLink = links[0] + Math.floorMod(NEXT_OF_LINK.getAndIncrement(), links[1] - links[0] + 1);
                builder.environment().put("WL_OF_LINK", Integer.toString(host.ofLink));
            }
            try {
                LOG.info("{}", run(builder).trim());
                return host;
            } catch (IllegalStateException e) {
                if (links.length == 2 && attempt < OF_LINK_ATTEMPTS && String.valueOf(e.getMessage())
                        .contains(OF_LINK_TAKEN)) {
                    LOG.info("OpenFlow link {} is held by another lab host, trying the next one", host.ofLink);
                    continue;
                }
                host.close();
                throw e;
            }
        }
    }

    /**
     * Parses the range of OpenFlow link numbers, {@code FIRST-LAST} within 1..16000.
     *
     * @param range the property value, or null
     * @return {first, last}, or an empty array when no range is given
     * @throws IllegalArgumentException if it is malformed
     */
    static int[] ofLinkRange(final String range) {
        if (range == null || range.isBlank()) {
            return new int[0];
        }
        final String[] parts = range.strip().split("-", -1);
        try {
            if (parts.length == 2) {
                final int first = Integer.parseInt(parts[0].strip());
                final int last = Integer.parseInt(parts[1].strip());
                if (first >= 1 && first <= last && last <= 16000) {
                    return new int[] { first, last };
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(OF_LINKS_PROPERTY + "=" + range + ": expected FIRST-LAST within 1-16000");
    }

    /**
     * The OpenFlow link number (lab-host.sh WL_OF_LINK) of this host.
     *
     * @return the number, 0 if it has no link
     */
    public int ofLink() {
        return ofLink;
    }

    public String id() {
        return id;
    }

    /**
     * Stops the lab hosts a crashed earlier run left behind: every state directory under the lab root whose name
     * starts with the prefix (by the pids in its own pid files, via the lab script), and their namespaces.
     *
     * @param prefix the id prefix, e.g. {@code wro-}
     */
    public static void cleanLeftovers(final String prefix) {
        final Path root = labRoot();
        if (!Files.isDirectory(root)) {
            return;
        }
        try (var dirs = Files.list(root)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(prefix)).toList()) {
                new LabHost(dir.getFileName().toString(), dir).close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /**
     * Runs ovs-vsctl against this host's database.
     *
     * @param args ovs-vsctl arguments
     * @return standard output, trimmed
     */
    public String vsctl(final String... args) {
        return lab("vsctl", args).trim();
    }

    /**
     * Runs ovs-ofctl against this host's bridges (their management sockets in the host's run directory).
     *
     * @param args ovs-ofctl arguments
     * @return standard output
     */
    public String ofctl(final String... args) {
        return lab("ofctl", args);
    }

    /**
     * Runs a command inside this host's network namespace.
     *
     * @param args the command
     * @return standard output
     */
    public String exec(final String... args) {
        return lab("exec", args);
    }

    public void restartOvsdb() {
        LOG.info("{}", lab("restart-ovsdb").trim());
    }

    /** Stops and starts ovs-vswitchd (the database and the ofports stay; the flow tables start empty). */
    public void restartVswitchd() {
        LOG.info("{}", lab("restart-vswitchd").trim());
    }

    public long ovsdbServerPid() {
        try {
            return Long.parseLong(Files.readString(dir.resolve("run/ovsdb-server.pid")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends a signal to this host's ovsdb-server (by its pid file).
     *
     * @param signal for instance STOP or CONT
     */
    public void signalOvsdbServer(final String signal) {
        run(List.of("kill", "-" + signal, Long.toString(ovsdbServerPid())), null);
    }

    private String lab(final String command, final String... args) {
        final List<String> full = new ArrayList<>(List.of("bash", script().toString(), command, id, dir.toString()));
        full.addAll(Arrays.asList(args));
        return run(full, null);
    }

    public static String run(final List<String> command, final Path workDir) {
        final ProcessBuilder builder = new ProcessBuilder(command);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        return run(builder);
    }

    private static String run(final ProcessBuilder builder) {
        try {
            final Process process = builder.start();
            final CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(
                process.getErrorStream()));
            final String stdout = read(process.getInputStream());
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + builder.command());
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(builder.command() + " exited with " + process.exitValue() + ": "
                    + stderr.join().trim() + " " + stdout.trim());
            }
            return stdout;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + builder.command() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + builder.command(), e);
        }
    }

    private static String read(final InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            LOG.info("{}", lab("stop").trim());
        } catch (IllegalStateException e) {
            LOG.warn("could not stop lab host {}", id, e);
        }
    }
}
