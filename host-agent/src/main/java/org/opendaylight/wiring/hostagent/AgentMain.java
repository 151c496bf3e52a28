/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point: {@code java -cp wiring-host-agent.jar:lib/* org.opendaylight.wiring.hostagent.AgentMain [--once]
 * <config>}. Reads the configuration, finds the host id (configured, else the local OVS
 * {@code external_ids:system-id}) and runs the agent until SIGTERM; with {@code --once}, runs one full resync
 * (read, reconcile, report), prints what it did and how long it took on stdout and exits (0, or 1 when the plan was
 * unknown or an object failed). Never run it next to a running agent of the same host.
 */
public final class AgentMain {
    private static final Logger LOG = LoggerFactory.getLogger(AgentMain.class);

    private AgentMain() {
        // main
    }

    /**
     * Runs the agent.
     *
     * @param args {@code [--once] <config>}
     * @throws Exception if the agent cannot start (exit code 1)
     */
    @SuppressFBWarnings(value = "DM_EXIT", justification = "--once reports its outcome in the exit code")
    @SuppressWarnings("checkstyle:RegexpSinglelineJava")
    public static void main(final String[] args) throws Exception {
        final boolean once = once(args);
        final RuntimeConfig config = RuntimeConfig.load(Path.of(args[args.length - 1]));
        final CommandRunner runner = new ProcessCommandRunner(120);
        final String hostId = config.hostId().isPresent() ? config.hostId().orElseThrow() : systemId(runner);
        final Agent agent = new Agent(config, hostId, runner);
        if (once) {
            final Agent.Pass pass;
            try {
                pass = agent.runOnce(true);
            } finally {
                agent.close();
            }
            System.out.println(pass);
            System.exit(pass.known() && pass.failures() == 0 ? 0 : 1);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "host-agent-shutdown"));
        agent.start();
        agent.join();
    }

    /**
     * Checks the arguments.
     *
     * @param args {@code [--once] <config>}
     * @return whether {@code --once} was given
     */
    static boolean once(final String[] args) {
        if (args.length == 1 && !args[0].startsWith("-")) {
            return false;
        }
        if (args.length == 2 && "--once".equals(args[0])) {
            return true;
        }
        throw new IllegalArgumentException("usage: wiring-host-agent [--once] <config.properties>");
    }

    /**
     * The local OVS system-id.
     *
     * @param runner the command runner
     * @return the host id
     * @throws IOException if OVS does not say
     */
    static String systemId(final CommandRunner runner) throws IOException {
        final CommandRunner.Result result = runner.run(List.of("ovs-vsctl", "--timeout=10", "get", "Open_vSwitch",
            ".", "external_ids:system-id"), "", Map.of());
        if (!result.ok()) {
            throw new IOException("no host-id configured and ovs-vsctl cannot tell the system-id: "
                + result.stderr().strip());
        }
        final String id = parseSystemId(result.stdout());
        LOG.info("Host id from OVS external_ids:system-id: {}", id);
        return id;
    }

    /**
     * Parses {@code ovs-vsctl get} output (a quoted or bare string).
     *
     * @param output the output
     * @return the id
     */
    static String parseSystemId(final String output) {
        String id = output.strip();
        if (id.length() >= 2 && id.startsWith("\"") && id.endsWith("\"")) {
            id = id.substring(1, id.length() - 1);
        }
        return RuntimeConfig.checkHostId(id);
    }
}
