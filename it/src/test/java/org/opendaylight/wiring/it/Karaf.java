/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wiring-karaf distribution under test, run as a child process ({@code bin/karaf server}).
 *
 * <p>Started once by {@link KarafExtension} for all test classes, with a clean data directory. {@link #restart()}
 * stops it and starts it again on the same data, for the persistence test.
 */
final class Karaf implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Karaf.class);

    /** How long RESTCONF may refuse admin/admin (401) or stay unregistered (404) before we call AAA stuck. */
    private static final Duration AAA_STUCK = Duration.ofSeconds(120);
    /** RESTCONF/HTTP, Karaf SSH, OpenFlow: the distribution cannot boot properly if any of them is taken. */
    private static final int[] PORTS = { 8181, 8101, 6653, 6640 };
    /**
     * The path waited for after each start: answers 200, or "no data" once RESTCONF and our YANG models are up.
     */
    static final String READY_PATH = "/rests/data/wiring-provider:provider-networks";
    /** Directories holding the state of a run, removed before the first start. */
    private static final List<String> STATE_DIRS = List.of("data", "cache", "journal", "snapshots",
        "segmented-journal");

    private final Path home;
    private final Path target;
    private final Duration bootTimeout;
    private final Restconf restconf;
    private final Thread shutdownHook;

    // Also read by the shutdown hook
    private volatile Process process;
    private int starts;

    private Karaf(final Path home, final Path target, final Duration bootTimeout) {
        this.home = home;
        this.target = target;
        this.bootTimeout = bootTimeout;
        restconf = new Restconf("http://127.0.0.1:8181", "admin", "admin");
        shutdownHook = new Thread(this::destroy, "karaf-it-shutdown");
    }

    /**
     * Locates the distribution (unpacked zip from the reactor, else ../karaf-distribution/target/assembly), cleans
     * its data and starts it.
     */
    static Karaf startClean() throws IOException, InterruptedException {
        final Path target = Path.of(System.getProperty("wiring.it.target", "target")).toAbsolutePath();
        final Duration timeout = Duration.ofSeconds(Long.getLong("wiring.it.boot.timeout", 420));
        final Karaf karaf = new Karaf(locateHome(), target, timeout);
        karaf.cleanState();
        Runtime.getRuntime().addShutdownHook(karaf.shutdownHook);
        boolean started = false;
        try {
            try {
                karaf.start();
            } catch (AaaStuckException e) {
                // AAA 0.18.6's OSGiPasswordServiceConfigBootstrap can miss its first datastore notification on a
                // first boot and then never creates the password service (RESTCONF stays 401 for good); a restart
                // with the same data recovers. Retry once, loudly.
                LOG.warn("{}; restarting Karaf once", e.getMessage());
                karaf.restart();
            }
            started = true;
        } finally {
            if (!started) {
                // Kill what did boot, keep its log
                karaf.destroy();
                karaf.copyLog();
            }
        }
        return karaf;
    }

    private static Path locateHome() {
        final List<Path> candidates = new ArrayList<>();
        for (String prop : List.of("wiring.it.karaf.home", "wiring.it.fallback.home")) {
            final String value = System.getProperty(prop);
            if (value != null) {
                candidates.add(Path.of(value).toAbsolutePath().normalize());
            }
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve("bin/karaf"))) {
                LOG.info("Using the Karaf distribution in {}", candidate);
                return candidate;
            }
        }
        throw new IllegalStateException("No Karaf distribution found in " + candidates
            + ": build the reactor (karaf-distribution, then it) with 'mvn verify' or 'mvn install'");
    }

    Path home() {
        return home;
    }

    Restconf restconf() {
        return restconf;
    }

    private void cleanState() throws IOException {
        for (String dir : STATE_DIRS) {
            deleteTree(home.resolve(dir));
        }
        // The zip may not carry the executable bits
        try (Stream<Path> bin = Files.list(home.resolve("bin"))) {
            bin.filter(Files::isRegularFile).forEach(file -> file.toFile().setExecutable(true));
        }
    }

    private static void deleteTree(final Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private void start() throws IOException, InterruptedException {
        checkPortsFree();
        starts++;
        final Path console = target.resolve("karaf-console-" + starts + ".log");
        LOG.info("Starting Karaf in {} (console output in {})", home, console);
        process = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(console.toFile())
            .start();
        // Server mode has no console: nothing to read from us
        process.getOutputStream().close();
        awaitRestconf(console);
    }

    private void checkPortsFree() {
        for (int port : PORTS) {
            if (inUse(port)) {
                throw new IllegalStateException("Port " + port + " is already in use (ports " + portList()
                    + " must be free): another Karaf/OpenDaylight is probably running on this machine. Stop it "
                    + "(bin/stop, or kill its java process) and run the integration tests again.");
            }
        }
    }

    private static String portList() {
        final StringBuilder sb = new StringBuilder();
        for (int port : PORTS) {
            sb.append(sb.length() == 0 ? "" : "/").append(port);
        }
        return sb.toString();
    }

    private static boolean inUse(final int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            LOG.trace("Nothing listens on 127.0.0.1:{}", port, e);
        }
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return false;
        } catch (IOException e) {
            LOG.debug("Cannot bind port {}", port, e);
            return true;
        }
    }

    private void awaitRestconf(final Path console) throws InterruptedException {
        final Instant start = Instant.now();
        final Instant deadline = start.plus(bootTimeout);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Karaf exited with code " + process.exitValue()
                    + " before RESTCONF answered; see " + console + " and " + home.resolve("data/log/karaf.log")
                    + "\n" + tail(console, 40));
            }
            try {
                final Restconf.Response response = restconf.get(READY_PATH);
                if (response.status() == 200 || response.isDataMissing()) {
                    LOG.info("RESTCONF answered {} after {} s", response.status(),
                        Duration.between(start, Instant.now()).toSeconds());
                    return;
                }
                last = "HTTP " + response.status() + " " + abbreviate(response.body());
                // 401: AAA refuses admin/admin; a plain 404: AAA's Shiro never started, so RESTCONF never registered
                if ((response.status() == 401 || response.status() == 404)
                        && Duration.between(start, Instant.now()).compareTo(AAA_STUCK) > 0) {
                    throw new AaaStuckException("RESTCONF still answers " + response.status() + " after "
                        + AAA_STUCK.toSeconds() + " s: the AAA password service did not start");
                }
            } catch (ConnectException | HttpTimeoutException e) {
                last = e.toString();
            } catch (IOException e) {
                last = e.toString();
                LOG.debug("RESTCONF not ready", e);
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("RESTCONF did not answer 200/404/409 data-missing on " + READY_PATH + " within "
            + bootTimeout.toSeconds() + " s (last: " + last + "); see " + home.resolve("data/log/karaf.log"));
    }

    private static String abbreviate(final String str) {
        return str.length() <= 300 ? str : str.substring(0, 300) + "...";
    }

    private static String tail(final Path file, final int lines) {
        try {
            final List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    /**
     * Runs a Karaf console command until its output satisfies a condition.
     *
     * @param command the command line
     * @param timeout how long to retry
     * @param condition the condition on the output
     * @return the last output (whether it satisfied the condition or not)
     */
    String awaitConsole(final String command, final Duration timeout, final Predicate<String> condition)
            throws IOException, InterruptedException {
        final Instant deadline = Instant.now().plus(timeout);
        while (true) {
            final String output = console(command);
            if (condition.test(output) || Instant.now().isAfter(deadline)) {
                return output;
            }
            Thread.sleep(2000);
        }
    }

    /**
     * Runs a Karaf console command through {@code bin/client -b} (the SSH client; retried until SSH is up).
     *
     * @param command the command line, e.g. {@code feature:list -i}
     * @return what the command printed
     */
    /**
     * {@link #console(String)} for use inside predicates and messages: a failure becomes the text of the answer.
     */
    String consoleOrError(final String command) {
        try {
            return console(command);
        } catch (IOException e) {
            return "(" + command + " failed: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(" + command + " interrupted)";
        }
    }

    String console(final String command) throws IOException, InterruptedException {
        final Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        final Path outFile = target.resolve("karaf-client.out");
        String output = "";
        while (Instant.now().isBefore(deadline)) {
            final Process client = new ProcessBuilder(home.resolve("bin/client").toString(), "-b")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(outFile.toFile())
                .start();
            try (OutputStream in = client.getOutputStream()) {
                in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            }
            final boolean exited = client.waitFor(2, TimeUnit.MINUTES);
            if (!exited) {
                client.destroyForcibly();
                client.waitFor(10, TimeUnit.SECONDS);
            }
            output = new String(Files.readAllBytes(outFile), StandardCharsets.UTF_8);
            if (exited && client.exitValue() == 0 && !output.contains("Connection refused")
                    && !output.contains("Authentication failed")) {
                return output;
            }
            LOG.info("bin/client failed ({}), retrying", abbreviate(output));
            Thread.sleep(3000);
        }
        throw new IllegalStateException("bin/client could not run '" + command + "': " + output);
    }

    /**
     * Stops Karaf and starts it again on the same data directory.
     */
    void restart() throws IOException, InterruptedException {
        restart(() -> { });
    }

    /**
     * Stops Karaf, runs something while it is down, and starts it again on the same data directory.
     *
     * @param whileDown what happens while no controller runs (e.g. a change on a switch)
     */
    void restart(final Runnable whileDown) throws IOException, InterruptedException {
        stop();
        awaitPortsReleased();
        whileDown.run();
        start();
    }

    private void awaitPortsReleased() throws InterruptedException {
        final Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            boolean busy = false;
            for (int port : PORTS) {
                busy |= inUse(port);
            }
            if (!busy) {
                return;
            }
            Thread.sleep(1000);
        }
    }

    private void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        LOG.info("Stopping Karaf");
        try {
            final Process stop = new ProcessBuilder(home.resolve("bin/stop").toString())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(target.resolve("karaf-stop-" + starts + ".log").toFile())
                .start();
            if (!stop.waitFor(1, TimeUnit.MINUTES)) {
                stop.destroyForcibly();
            }
        } catch (IOException e) {
            LOG.warn("bin/stop failed", e);
        }
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            LOG.warn("Karaf did not stop within 3 minutes, killing it");
            destroy();
        }
        process = null;
        copyLog();
    }

    private void copyLog() {
        final Path log = home.resolve("data/log/karaf.log");
        if (Files.isRegularFile(log)) {
            try {
                Files.copy(log, target.resolve("karaf.log"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                LOG.warn("Cannot copy {}", log, e);
            }
        }
    }

    private void destroy() {
        final Process proc = process;
        if (proc != null && proc.isAlive()) {
            // bin/karaf is a shell script: its java child must go too
            proc.descendants().forEach(ProcessHandle::destroyForcibly);
            proc.destroyForcibly();
            try {
                proc.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            LOG.warn("Interrupted while stopping Karaf, killing it", e);
            Thread.currentThread().interrupt();
        } finally {
            destroy();
            copyLog();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                LOG.debug("JVM is shutting down", e);
            }
        }
    }

    /** The AAA bootstrap race on a first boot, see {@link #startClean()}. */
    private static final class AaaStuckException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        AaaStuckException(final String message) {
            super(message);
        }
    }
}
