/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.service;

import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNode;

/** The switches openflowplugin reports as connected, with the flows and groups their statistics show. */
interface OperationalNodes {
    /**
     * The operational inventory of one switch.
     *
     * @param nodeId {@code openflow:<dpid>}
     * @return its flow-capable node, null while the switch is not connected
     */
    @Nullable FlowCapableNode get(String nodeId);
}
