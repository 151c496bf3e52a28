/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * Test fixture for integration tests: real network namespaces with the prefix {@code wha-}, real iproute2, OVS and
 * FRR. Leftovers with the prefix are removed at start and at the end. A missing prerequisite skips the test, but
 * fails it under {@code CI=true}.
 */
final class Lab implements AutoCloseable {
    /** The prefix of the phase-1 tests; the agent runtime test uses its own ({@code whr-}). */
    static final String PREFIX = "wha-";
    private static final Path TABLES_D = Path.of("/etc/iproute2/rt_tables.d");
    private static final Path PROTOS_D = Path.of("/etc/iproute2/rt_protos.d");

    final String id;
    final Path work;
    final String prefix;
    final ProcessCommandRunner runner = new ProcessCommandRunner(60);
    private final List<String> namespaces = new ArrayList<>();
    private final List<Map<String, String>> ovsInstances = new ArrayList<>();

    /** A command runner that counts ip -batch processes. */
    static final class CountingRunner implements CommandRunner {
        private final CommandRunner delegate;
        final AtomicInteger batches = new AtomicInteger();
        final List<String> batchInputs = new ArrayList<>();

        CountingRunner(final CommandRunner delegate) {
            this.delegate = delegate;
        }

        @Override
        public Result run(final List<String> argv, final String stdin, final Map<String, String> environment)
                throws IOException {
            if (argv.contains("-batch")) {
                batches.incrementAndGet();
                batchInputs.add(stdin);
            }
            return delegate.run(argv, stdin, environment);
        }
    }

    Lab(final String... commands) throws IOException {
        this(PREFIX, List.of(commands));
    }

    /** A lab whose namespaces, work directory and name files carry another prefix (cleaned by that prefix). */
    static Lab withPrefix(final String prefix, final String... commands) throws IOException {
        return new Lab(prefix, List.of(commands));
    }

    private Lab(final String prefix, final List<String> commands) throws IOException {
        this.prefix = prefix;
        requirePrerequisites(commands.toArray(String[]::new));
        cleanLeftovers(prefix);
        id = Long.toString(ProcessHandle.current().pid() % 10000, 36)
            + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);
        // under /tmp: short unix socket paths, and FRR (user frr) can reach its files whatever the checkout path
        work = base().resolve(prefix + id).toAbsolutePath();
        Files.createDirectories(work);
    }

    static void requirePrerequisites(final String... commands) {
        final List<String> missing = new ArrayList<>();
        if (!"0".equals(run0("id", "-u").strip())) {
            missing.add("root");
        }
        for (String command : commands) {
            if (run0("sh", "-c", "command -v " + command).isBlank()) {
                missing.add(command);
            }
        }
        if (!missing.isEmpty()) {
            final String message = "integration test prerequisites missing: " + missing;
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " (CI=true: failing instead of skipping)");
            }
            Assumptions.assumeTrue(false, message);
        }
    }

    private static String run0(final String... argv) {
        try {
            return new ProcessCommandRunner(10).run(List.of(argv), "", Map.of()).stdout();
        } catch (IOException e) {
            return "";
        }
    }

    /** Removes every namespace and iproute2 name file with our prefix (leftovers of a killed run). */
    static void cleanLeftovers(final String prefix) throws IOException {
        for (String ns : run0("ip", "netns", "list").split("\n")) {
            final String name = ns.split(" ")[0].strip();
            if (name.startsWith(prefix)) {
                killNamespacePids(name);
                run0("ip", "netns", "del", name);
            }
        }
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(base(), prefix + "*")) {
            for (Path run : runs) {
                if (Files.isDirectory(run, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    stopDaemons(run);
                    deleteTree(run);
                }
            }
        }
        for (Path dir : List.of(TABLES_D, PROTOS_D)) {
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix + "*.conf")) {
                    for (Path file : files) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    private static Path base() {
        return Path.of(System.getProperty("wiring.work.base", System.getProperty("java.io.tmpdir")));
    }

    /** Ends daemons of a killed run by their pidfiles, only if the pid still runs a command naming our directory. */
    private static void stopDaemons(final Path run) throws IOException {
        final List<Path> pidfiles;
        try (var files = Files.walk(run)) {
            pidfiles = files.filter(file -> file.toString().endsWith(".pid")).toList();
        }
        for (Path pidfile : pidfiles) {
            final String pid = Files.readString(pidfile).strip();
            final Path cmdline = Path.of("/proc", pid, "cmdline");
            if (pid.matches("\\d+") && Files.exists(cmdline) && new String(Files.readAllBytes(cmdline),
                    java.nio.charset.StandardCharsets.UTF_8).contains(run.toString())) {
                run0("kill", pid);
            }
        }
    }

    private static void deleteTree(final Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        final List<Path> paths;
        try (var files = Files.walk(dir)) {
            paths = files.sorted(java.util.Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }

    /** Ends processes running in one of OUR namespaces (by pid, as listed by ip netns pids). */
    private static void killNamespacePids(final String ns) {
        for (String pid : run0("ip", "netns", "pids", ns).split("\\s+")) {
            if (pid.matches("\\d+")) {
                run0("kill", pid);
            }
        }
    }

    /**
     * Starts a private Open vSwitch: ovsdb-server in this namespace (unix socket only), ovs-vswitchd (userspace
     * datapath) inside {@code ns}.
     *
     * @return the environment that points ovs-vsctl/ovs-ofctl/ovs-appctl at it
     */
    Map<String, String> startOvs(final String ns) throws IOException {
        final Path dir = work.resolve("ovs");
        for (String sub : List.of("run", "db", "log", "etc")) {
            Files.createDirectories(dir.resolve(sub));
        }
        final Map<String, String> env = Map.of("OVS_RUNDIR", dir.resolve("run").toString(), "OVS_DBDIR",
            dir.resolve("db").toString(), "OVS_LOGDIR", dir.resolve("log").toString(), "OVS_SYSCONFDIR",
            dir.resolve("etc").toString());
        final String db = dir.resolve("db/conf.db").toString();
        final String sock = "unix:" + dir.resolve("run/db.sock");
        env(env, "ovsdb-tool", "create", db, "/usr/share/openvswitch/vswitch.ovsschema");
        env(env, "ovsdb-server", db, "--remote=p" + sock, "--pidfile", "--detach", "--log-file");
        ovsInstances.add(env);
        env(env, "ovs-vsctl", "--no-wait", "init");
        env(env, "ip", "netns", "exec", ns, "ovs-vswitchd", sock, "--pidfile", "--detach", "--log-file");
        return env;
    }

    String netns(final String role) throws IOException {
        final String name = prefix + id + "-" + role;
        sh("ip", "netns", "add", name);
        namespaces.add(name);
        sh("ip", "-n", name, "link", "set", "lo", "up");
        return name;
    }

    Path tablesFile() {
        return TABLES_D.resolve(prefix + id + ".conf");
    }

    Path protosFile() {
        return PROTOS_D.resolve(prefix + id + ".conf");
    }

    String protocolName() {
        return prefix + id;
    }

    /** Runs a command that must succeed; returns stdout. */
    String sh(final String... argv) throws IOException {
        final CommandRunner.Result result = runner.run(Arrays.asList(argv), "", Map.of());
        assertEquals(0, result.exitCode(), () -> String.join(" ", argv) + ": " + result.stderr());
        return result.stdout();
    }

    /** Runs a command that must succeed, with an environment; returns stdout. */
    String env(final Map<String, String> env, final String... argv) throws IOException {
        final CommandRunner.Result result = runner.run(Arrays.asList(argv), "", env);
        assertEquals(0, result.exitCode(), () -> String.join(" ", argv) + ": " + result.stderr());
        return result.stdout();
    }

    /** Runs a command that may fail. */
    CommandRunner.Result tryRun(final String... argv) throws IOException {
        return runner.run(Arrays.asList(argv), "", Map.of());
    }

    @Override
    public void close() throws IOException {
        for (Map<String, String> env : ovsInstances) {
            runner.run(List.of("ovs-appctl", "-t", "ovs-vswitchd", "exit"), "", env);
            runner.run(List.of("ovs-appctl", "-t", "ovsdb-server", "exit"), "", env);
        }
        for (String ns : namespaces) {
            killNamespacePids(ns);
            run0("ip", "netns", "del", ns);
        }
        Files.deleteIfExists(tablesFile());
        Files.deleteIfExists(protosFile());
        stopDaemons(work);
        deleteTree(work);
    }
}
