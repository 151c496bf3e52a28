/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Runs one external command (iproute2, sysctl, ovs-ofctl, arping, ...).
 */
public interface CommandRunner {
    /**
     * The outcome of a command.
     *
     * @param exitCode the exit code
     * @param stdout standard output
     * @param stderr standard error
     */
    record Result(int exitCode, String stdout, String stderr) {
        /**
         * Whether the command exited with 0.
         *
         * @return true on success
         */
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Runs a command to completion.
     *
     * @param argv the program and its arguments (no shell)
     * @param stdin what to write to its standard input (may be empty)
     * @param environment extra environment variables
     * @return its exit code and output
     * @throws IOException if it cannot be started or does not finish in time
     */
    Result run(List<String> argv, String stdin, Map<String, String> environment) throws IOException;
}
