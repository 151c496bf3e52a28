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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs iproute2 and other host commands, in the configured network namespace if there is one
 * ({@code ip -n NS ...} for iproute2, {@code ip netns exec NS ...} for the rest).
 */
public final class HostShell {
    private final CommandRunner runner;
    private final Optional<String> netns;

    /**
     * A shell for one namespace.
     *
     * @param runner the command runner
     * @param netns the namespace, or empty for the agent's own
     */
    public HostShell(final CommandRunner runner, final Optional<String> netns) {
        this.runner = runner;
        this.netns = netns;
    }

    /**
     * Runs {@code ip ARGS}.
     *
     * @param stdin standard input
     * @param args arguments after {@code ip}
     * @return the result
     * @throws IOException if it cannot run
     */
    public CommandRunner.Result ip(final String stdin, final String... args) throws IOException {
        final List<String> argv = new ArrayList<>();
        argv.add("ip");
        netns.ifPresent(ns -> {
            argv.add("-n");
            argv.add(ns);
        });
        argv.addAll(List.of(args));
        return runner.run(argv, stdin, Map.of());
    }

    /**
     * Runs {@code ip ARGS} and fails unless it exits with 0.
     *
     * @param args arguments after {@code ip}
     * @return its standard output
     * @throws IOException if it cannot run or fails
     */
    public String ipOk(final String... args) throws IOException {
        final CommandRunner.Result result = ip("", args);
        if (!result.ok()) {
            throw new IOException("ip " + String.join(" ", args) + " failed (" + result.exitCode() + "): "
                + result.stderr().strip());
        }
        return result.stdout();
    }

    /**
     * Runs any command inside the namespace.
     *
     * @param argv the command
     * @return the result
     * @throws IOException if it cannot run
     */
    public CommandRunner.Result exec(final List<String> argv) throws IOException {
        final List<String> full = new ArrayList<>();
        netns.ifPresent(ns -> full.addAll(List.of("ip", "netns", "exec", ns)));
        full.addAll(argv);
        return runner.run(full, "", Map.of());
    }
}
