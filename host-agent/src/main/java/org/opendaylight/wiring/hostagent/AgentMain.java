/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point: {@code java -cp wiring-host-agent.jar:lib/* org.opendaylight.wiring.hostagent.AgentMain <config>}.
 * Reads the configuration, finds the host id (configured, else the local OVS {@code external_ids:system-id}) and
 * runs the agent until SIGTERM.
 */
public final class AgentMain {
    private static final Logger LOG = LoggerFactory.getLogger(AgentMain.class);

    private AgentMain() {
        // main
    }

    /**
     * Runs the agent.
     *
     * @param args the configuration file
     * @throws Exception if the agent cannot start (exit code 1)
     */
    public static void main(final String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: wiring-host-agent <config.properties>");
        }
        final RuntimeConfig config = RuntimeConfig.load(Path.of(args[0]));
        final CommandRunner runner = new ProcessCommandRunner(120);
        final String hostId = config.hostId().isPresent() ? config.hostId().orElseThrow() : systemId(runner);
        final Agent agent = new Agent(config, hostId, runner);
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "host-agent-shutdown"));
        agent.start();
        agent.join();
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
