/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the kernel to the desired state: reads it with {@code ip -json}, computes the difference, applies it with
 * one {@code ip -batch -} per change set (a second {@code ip -6 -batch -} only when IPv6 rules change, and one more
 * for the {@code local} routes of freshly exposed IPv6 addresses under bridge exposure), writes sysctls with one
 * {@code sysctl -w}, then announces addresses that arrived. No desired state (unknown) changes nothing.
 */
public final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    private static final Pattern FAILED_LINE = Pattern.compile("Command failed -:(\\d+)");
    private static final int LOCAL_ROUTE_POLLS = 40;
    private static final long LOCAL_ROUTE_POLL_MS = 25;

    private final AgentConfig config;
    private final HostShell shell;
    private final KernelReader reader;
    private final Differ differ;
    private final OwnedFiles files;
    private final Announcer announcer;

    /**
     * The outcome of one reconciliation.
     *
     * @param gated true if there was no desired state and nothing was read or changed
     * @param batches how many {@code ip -batch} processes ran
     * @param applied how many batch lines and sysctl writes succeeded
     * @param failures what could not be applied, and why
     * @param announced exposed addresses announced (gratuitous ARP / unsolicited NA)
     */
    public record Result(boolean gated, int batches, int applied, List<ChangeSet.Failure> failures,
            List<IpPrefix> announced) {
        /**
         * Copies.
         */
        public Result {
            failures = List.copyOf(failures);
            announced = List.copyOf(announced);
        }
    }

    /**
     * A reconciler.
     *
     * @param config the configuration
     * @param runner the command runner
     */
    public Reconciler(final AgentConfig config, final CommandRunner runner) {
        this.config = config;
        this.shell = new HostShell(runner, config.netns());
        this.reader = new KernelReader(shell, config);
        this.differ = new Differ(config);
        this.files = new OwnedFiles(config);
        this.announcer = new Announcer(shell);
    }

    /**
     * Reconciles once.
     *
     * @param desired the desired state; empty means "not known yet": nothing is read or changed
     * @return the outcome
     * @throws IOException if the kernel cannot be read (then nothing was changed) or a file cannot be written
     */
    public Result reconcile(final Optional<DesiredState> desired) throws IOException {
        if (desired.isEmpty()) {
            LOG.debug("No desired state yet: changing nothing");
            return new Result(true, 0, 0, List.of(), List.of());
        }
        final DesiredState want = desired.orElseThrow();
        final long start = System.nanoTime();
        files.ensureProtocolName();
        final KernelSnapshot before = reader.read(want);
        final long read = System.nanoTime();
        final Set<String> owned = files.ownedAddresses();
        final ChangeSet changes = differ.diff(want, before, owned);
        files.writeTableNames(want.tables());
        final long diffed = System.nanoTime();

        final List<ChangeSet.Failure> failures = new ArrayList<>(changes.conflicts());
        final Map<String, String> errors = new HashMap<>();
        int batches = 0;
        boolean batchFailed = false;
        int applied = 0;
        for (ChangeSet.Batch batch : ChangeSet.Batch.values()) {
            final List<ChangeSet.Op> ops = changes.ops(batch);
            if (ops.isEmpty()) {
                continue;
            }
            batches++;
            final int failed = runBatch(batch, ops, errors);
            batchFailed |= failed > 0;
            applied += ops.size() - failed;
        }
        if (!changes.sysctls().isEmpty()) {
            final List<String> argv = new ArrayList<>(List.of("sysctl", "-q", "-w"));
            changes.sysctls().forEach((name, value) -> argv.add(
                new DesiredState.Sysctl(name, value).procPath() + "=" + value));
            final CommandRunner.Result result = shell.exec(argv);
            if (result.ok()) {
                applied += changes.sysctls().size();
            } else {
                batchFailed = true;
                changes.sysctls().keySet().forEach(name -> errors.put("sysctl " + name, result.stderr().strip()));
            }
        }

        final long appliedAt = System.nanoTime();
        final Set<IpPrefix> fresh = new HashSet<>();
        changes.addressAdds().stream().filter(key -> isExposureKey(want, key))
            .map(key -> IpPrefix.parse(key.substring(key.indexOf('|') + 1))).filter(prefix -> !prefix.isIpv4())
            .forEach(fresh::add);
        if (!fresh.isEmpty() && config.exposureKind() == AgentConfig.ExposureKind.BRIDGE) {
            batches += suppressLocalRoutes(want, fresh, failures);
        }
        KernelSnapshot after = null;
        if (batchFailed) {
            // what is still different after the batch is what failed: report it with the kernel's error
            after = reader.read(want);
            final ChangeSet remaining = differ.diff(want, after, ownedAfter(owned, changes, after));
            for (ChangeSet.Op op : remaining.ops()) {
                failures.add(new ChangeSet.Failure(op.object(), op.command(),
                    errors.getOrDefault(op.command(), "not applied")));
            }
            remaining.sysctls().forEach((name, value) -> failures.add(new ChangeSet.Failure("sysctl " + name,
                "sysctl -w " + name + "=" + value, errors.getOrDefault("sysctl " + name, "not applied"))));
        }
        if (after == null && (batches > 0 || !changes.sysctls().isEmpty())) {
            after = reader.read(want);
        }
        final KernelSnapshot now = after == null ? before : after;
        files.writeOwnedAddresses(ownedAfter(owned, changes, now));

        final List<IpPrefix> arrivals = new ArrayList<>();
        final Set<String> present = addressKeys(now);
        for (String key : changes.addressAdds()) {
            if (isExposureKey(want, key) && present.contains(key)) {
                arrivals.add(IpPrefix.parse(key.substring(key.indexOf('|') + 1)));
            }
        }
        if (config.announce() && !arrivals.isEmpty()) {
            failures.addAll(announcer.announce(want, now, arrivals));
        }
        if (batches > 0 || !failures.isEmpty()) {
            LOG.info("Reconciled: {} batch(es), {} change(s) applied, {} failure(s) (read {} ms, diff {} ms, "
                + "apply {} ms, verify and record {} ms)", batches, applied, failures.size(), millis(start, read),
                millis(read, diffed), millis(diffed, appliedAt), millis(appliedAt, System.nanoTime()));
        }
        failures.forEach(failure -> LOG.warn("Not applied: {}: {} ({})", failure.object(), failure.error(),
            failure.command()));
        return new Result(false, batches, applied, failures, arrivals);
    }

    private static long millis(final long fromNanos, final long toNanos) {
        return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
    }

    /** Runs one batch; returns the number of failed lines and records their errors by command. */
    private int runBatch(final ChangeSet.Batch batch, final List<ChangeSet.Op> ops, final Map<String, String> errors)
            throws IOException {
        final StringBuilder stdin = new StringBuilder();
        ops.forEach(op -> stdin.append(op.command()).append('\n'));
        final CommandRunner.Result result = batch == ChangeSet.Batch.INET6
            ? shell.ip(stdin.toString(), "-6", "-force", "-batch", "-")
            : shell.ip(stdin.toString(), "-force", "-batch", "-");
        if (result.ok()) {
            return 0;
        }
        int failed = 0;
        final StringBuilder message = new StringBuilder();
        for (String line : result.stderr().split("\n")) {
            final Matcher matcher = FAILED_LINE.matcher(line);
            if (matcher.find()) {
                final int index = Integer.parseInt(matcher.group(1)) - 1;
                if (index >= 0 && index < ops.size()) {
                    errors.put(ops.get(index).command(), message.toString().strip());
                    failed++;
                }
                message.setLength(0);
            } else {
                message.append(line).append(' ');
            }
        }
        // a syntax error ends ip -batch without a "Command failed" line for the rest: count them as failed too
        return Math.max(failed, 1);
    }

    /** Removes the kernel's local routes of freshly exposed IPv6 addresses (inserted asynchronously). */
    private int suppressLocalRoutes(final DesiredState want, final Set<IpPrefix> fresh,
            final List<ChangeSet.Failure> failures) throws IOException {
        final String device = want.exposure().orElseThrow().device();
        final Set<IpPrefix> exposed = new HashSet<>(want.exposed());
        for (int poll = 0; poll < LOCAL_ROUTE_POLLS; poll++) {
            final KernelSnapshot snapshot = reader.read(want);
            final Set<IpPrefix> waitFor = new HashSet<>();
            snapshot.addresses().stream().filter(address -> device.equals(address.device())
                && fresh.contains(address.prefix())).forEach(address -> waitFor.add(address.prefix()));
            final Set<IpPrefix> routed = new HashSet<>();
            snapshot.localRoutes().stream().filter(route -> "local".equals(route.type())
                && device.equals(route.device()) && exposed.contains(route.destination()))
                .forEach(route -> routed.add(route.destination()));
            if (routed.containsAll(waitFor) || poll == LOCAL_ROUTE_POLLS - 1) {
                if (routed.isEmpty()) {
                    return 0;
                }
                final List<ChangeSet.Op> ops = new ArrayList<>();
                routed.forEach(prefix -> ops.add(new ChangeSet.Op("exposed " + prefix,
                    Differ.localDelete(prefix, device), ChangeSet.Batch.MAIN)));
                final Map<String, String> errors = new HashMap<>();
                if (runBatch(ChangeSet.Batch.MAIN, ops, errors) > 0) {
                    errors.forEach((command, error) -> failures.add(new ChangeSet.Failure("local route", command,
                        error)));
                }
                return 1;
            }
            sleep();
        }
        return 0;
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(LOCAL_ROUTE_POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static boolean isExposureKey(final DesiredState want, final String key) {
        return want.exposure().map(exposure -> key.startsWith(exposure.device() + "|")).orElse(false);
    }

    private static Set<String> addressKeys(final KernelSnapshot snapshot) {
        final Set<String> keys = new HashSet<>();
        snapshot.addresses().forEach(address -> keys.add(Differ.addressKey(address.device(), address.prefix())));
        return keys;
    }

    /** Owned afterwards: what we owned or added, as far as it is still there. */
    private static Set<String> ownedAfter(final Set<String> owned, final ChangeSet changes,
            final KernelSnapshot now) {
        final Set<String> present = addressKeys(now);
        final Set<String> result = new HashSet<>(owned);
        result.addAll(changes.addressAdds());
        result.retainAll(present);
        return result;
    }
}
