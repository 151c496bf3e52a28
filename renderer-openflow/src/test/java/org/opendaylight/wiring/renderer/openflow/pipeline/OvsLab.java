/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Real Open vSwitch "hosts" for the integration tests: each host is a network namespace with its own ovsdb-server and
 * ovs-vswitchd (userspace datapath, state under a private directory); further namespaces hold "VMs" and the fabric.
 * Every namespace is named {@code wof-<pid of this JVM>-...}, so concurrent runs never touch each other's, and the
 * leftovers of a run whose JVM is gone can be recognised and removed. Processes are ended by their pid only: the ones
 * inside our own namespaces.
 */
final class OvsLab implements AutoCloseable {
    static final String PREFIX = "wof-";
    private static final Pattern OURS = Pattern.compile("^" + PREFIX + "(\\d+)-.*");
    private static final String SCHEMA = "/usr/share/openvswitch/vswitch.ovsschema";
    private static final List<String> TOOLS = List.of("ip", "ping", "ovsdb-tool", "ovsdb-server", "ovs-vswitchd",
        "ovs-vsctl", "ovs-ofctl", "ovs-appctl");
    private static final long TIMEOUT_SECONDS = 60;

    private final String prefix;
    private final Path workDir;
    private final List<String> namespaces = new ArrayList<>();
    private final List<Host> hosts = new ArrayList<>();

    /** The output of a command. */
    record Result(int exit, String output) {
    }

    /** One OVS host: its namespace and its private OVS directory. */
    record Host(OvsLab lab, String name, String ns, Path dir) {
        Map<String, String> env() {
            final String path = dir.toString();
            return Map.of("OVS_RUNDIR", path, "OVS_DBDIR", path, "OVS_LOGDIR", path, "OVS_SYSCONFDIR", path);
        }

        String vsctl(final String... args) {
            final List<String> cmd = new ArrayList<>(List.of("ovs-vsctl", "--timeout=30", "--db=unix:" + dir
                + "/db.sock"));
            cmd.addAll(Arrays.asList(args));
            return lab.runOk(cmd, env());
        }

        /** ovs-ofctl -O OpenFlow13 CMD BRIDGE ARGS..., through the bridge's management socket. */
        Result ofctl(final String command, final String bridge, final String... args) {
            final List<String> cmd = new ArrayList<>(List.of("ovs-ofctl", "-O", "OpenFlow13", command,
                "unix:" + dir + "/" + bridge + ".mgmt"));
            cmd.addAll(Arrays.asList(args));
            return lab.run(cmd, env());
        }

        Result ofctlBundle(final String command, final String bridge, final Path file) {
            return lab.run(List.of("ovs-ofctl", "-O", "OpenFlow13", "--bundle", command,
                "unix:" + dir + "/" + bridge + ".mgmt", file.toString()), env());
        }

        String appctl(final String... args) {
            final List<String> cmd = new ArrayList<>(List.of("ovs-appctl", "-t", dir + "/ovs-vswitchd.ctl"));
            cmd.addAll(Arrays.asList(args));
            return lab.runOk(cmd, env());
        }
    }

    OvsLab(final Path baseDir) throws IOException {
        final long pid = ProcessHandle.current().pid();
        prefix = PREFIX + pid + "-";
        workDir = baseDir.resolve(String.valueOf(pid)).toAbsolutePath();
        deleteTree(workDir);
        Files.createDirectories(workDir);
    }

    /**
     * Fail (under CI=true) or skip (otherwise) unless we are root and every tool is installed.
     */
    static void requirePrerequisites() {
        final List<String> missing = new ArrayList<>();
        if (!"0".equals(runStatic(List.of("id", "-u")).output().trim())) {
            missing.add("root (network namespaces)");
        }
        for (String tool : TOOLS) {
            if (runStatic(List.of("sh", "-c", "command -v " + tool)).exit() != 0) {
                missing.add(tool);
            }
        }
        if (!Files.isRegularFile(Path.of(SCHEMA))) {
            missing.add(SCHEMA);
        }
        if (missing.isEmpty()) {
            return;
        }
        final String message = "OVS integration tests need " + missing
            + " (apt-get install openvswitch-switch iproute2 iputils-ping; run as root)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    /**
     * Remove the namespaces (and the processes in them) of earlier runs whose JVM is gone, or of this JVM.
     */
    static void removeLeftovers() {
        final long self = ProcessHandle.current().pid();
        for (String ns : listNamespaces()) {
            final Matcher matcher = OURS.matcher(ns);
            if (matcher.matches()) {
                final long owner = Long.parseLong(matcher.group(1));
                if (owner == self || ProcessHandle.of(owner).map(ph -> !ph.isAlive()).orElse(true)) {
                    destroyNamespace(ns);
                }
            }
        }
    }

    private static List<String> listNamespaces() {
        final List<String> names = new ArrayList<>();
        for (String line : runStatic(List.of("ip", "netns", "list")).output().split("\\R")) {
            if (!line.isBlank()) {
                names.add(line.trim().split("\\s+")[0]);
            }
        }
        return names;
    }

    private static void destroyNamespace(final String ns) {
        final List<ProcessHandle> inside = new ArrayList<>();
        for (String pid : runStatic(List.of("ip", "netns", "pids", ns)).output().split("\\s+")) {
            if (!pid.isBlank()) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(inside::add);
            }
        }
        inside.forEach(ProcessHandle::destroy);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (ProcessHandle handle : inside) {
            while (handle.isAlive() && System.nanoTime() < deadline) {
                sleep(50);
            }
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
        runStatic(List.of("ip", "netns", "del", ns));
    }

    /**
     * Create a namespace {@code wof-<pid>-<suffix>} with loopback up.
     *
     * @param suffix the name's suffix
     * @return the namespace's name
     */
    String namespace(final String suffix) {
        final String ns = prefix + suffix;
        runOk(List.of("ip", "netns", "add", ns), Map.of());
        namespaces.add(ns);
        runOk(List.of("ip", "-n", ns, "link", "set", "lo", "up"), Map.of());
        return ns;
    }

    /**
     * Start an OVS host: namespace, ovsdb-server and ovs-vswitchd inside it, state under the work directory.
     *
     * @param name the host's name
     * @return the host
     */
    Host startHost(final String name) throws IOException {
        final String ns = namespace(name);
        final Path dir = workDir.resolve(name);
        Files.createDirectories(dir);
        final Host host = new Host(this, name, ns, dir);
        hosts.add(host);
        final String db = dir.resolve("conf.db").toString();
        runOk(List.of("ovsdb-tool", "create", db, SCHEMA), host.env());
        runOk(List.of("ip", "netns", "exec", ns, "ovsdb-server", db, "--remote=punix:" + dir + "/db.sock",
            "--pidfile=" + dir + "/ovsdb-server.pid", "--unixctl=" + dir + "/ovsdb-server.ctl", "--detach",
            "--log-file=" + dir + "/ovsdb-server.log"), host.env());
        host.vsctl("--no-wait", "init");
        runOk(List.of("ip", "netns", "exec", ns, "ovs-vswitchd", "unix:" + dir + "/db.sock",
            "--pidfile=" + dir + "/ovs-vswitchd.pid", "--unixctl=" + dir + "/ovs-vswitchd.ctl", "--detach",
            "--log-file=" + dir + "/ovs-vswitchd.log"), host.env());
        return host;
    }

    Path workDir() {
        return workDir;
    }

    /**
     * Run a command inside a namespace.
     *
     * @param ns the namespace
     * @param command the command
     * @return its result
     */
    Result exec(final String ns, final String... command) {
        final List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        cmd.addAll(Arrays.asList(command));
        return run(cmd, Map.of());
    }

    String ip(final String... args) {
        final List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(Arrays.asList(args));
        return runOk(cmd, Map.of());
    }

    String runOk(final List<String> command, final Map<String, String> env) {
        final Result result = run(command, env);
        if (result.exit() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + result.exit() + ": "
                + result.output());
        }
        return result.output();
    }

    Result run(final List<String> command, final Map<String, String> env) {
        return execute(command, env, workDir);
    }

    private static Result runStatic(final List<String> command) {
        return execute(command, Map.of(), null);
    }

    private static Result execute(final List<String> command, final Map<String, String> env, final Path dir) {
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            final File out = File.createTempFile("wof-cmd", ".out", dir == null ? null : dir.toFile());
            try {
                builder.redirectOutput(out);
                final Process process = builder.start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " timed out");
                }
                return new Result(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out.toPath());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    /**
     * Stop the OVS daemons, then remove every namespace of this lab (ending what still runs inside).
     */
    @Override
    public void close() {
        for (Host host : hosts) {
            for (String ctl : List.of("ovs-vswitchd.ctl", "ovsdb-server.ctl")) {
                run(List.of("ovs-appctl", "-t", host.dir().resolve(ctl).toString(), "exit"), host.env());
            }
        }
        for (int i = namespaces.size() - 1; i >= 0; i--) {
            destroyNamespace(namespaces.get(i));
        }
        namespaces.clear();
        hosts.clear();
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(final Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
