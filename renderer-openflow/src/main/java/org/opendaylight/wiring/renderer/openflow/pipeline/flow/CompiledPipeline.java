/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline.flow;

import java.util.List;

/**
 * The compiler's output: flows ordered by table, descending priority and match; groups ordered by id.
 *
 * @param flows the flows
 * @param groups the groups (all of type ALL)
 */
public record CompiledPipeline(List<Flow> flows, List<Group> groups) {
    public CompiledPipeline {
        flows = List.copyOf(flows);
        groups = List.copyOf(groups);
    }
}
