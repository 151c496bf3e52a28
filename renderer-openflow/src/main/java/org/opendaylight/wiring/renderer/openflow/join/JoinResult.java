/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.join;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.HostPipeline;

/**
 * The outcome of joining one host's plan with its switch state.
 *
 * @param pipeline the compiler's input: everything of the plan that is usable now, sorted
 * @param problems what was left out and why, sorted
 * @param datapathId the integration bridge's datapath id (16 hex digits) as OVSDB reports it, null while unknown
 * @param bridgeMac the integration bridge's own MAC, null while unknown
 */
public record JoinResult(HostPipeline pipeline, List<JoinProblem> problems, @Nullable String datapathId,
        @Nullable String bridgeMac) {
    public JoinResult {
        requireNonNull(pipeline, "pipeline");
        problems = problems.stream().distinct().sorted(Comparator.comparing(JoinProblem::toString)).toList();
    }

    /**
     * The problems that are failures, not just waiting for the switch.
     *
     * @return those problems
     */
    public List<JoinProblem> failures() {
        return problems.stream().filter(problem -> !problem.waiting()).toList();
    }
}
