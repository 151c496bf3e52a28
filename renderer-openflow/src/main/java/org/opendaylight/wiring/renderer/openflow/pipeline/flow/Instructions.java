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
 * A flow's instructions, applied in the OpenFlow order: apply-actions, write-metadata, goto-table. None at all means
 * drop.
 *
 * @param applyActions the actions applied at once (possibly empty)
 * @param writeMetadata the metadata written, or null
 * @param gotoTable the next table, or null
 */
public record Instructions(List<Action> applyActions, Masked writeMetadata, Table gotoTable) {
    /** Drop the packet. */
    public static final Instructions DROP = new Instructions(List.of(), null, null);

    public Instructions {
        applyActions = List.copyOf(applyActions);
    }

    /**
     * Continue in another table.
     *
     * @param table the table
     * @return the instructions
     */
    public static Instructions gotoTable(final Table table) {
        return new Instructions(List.of(), null, table);
    }

    /**
     * Apply actions, nothing else.
     *
     * @param actions the actions
     * @return the instructions
     */
    public static Instructions apply(final Action... actions) {
        return new Instructions(List.of(actions), null, null);
    }

    /**
     * Whether these instructions drop the packet.
     *
     * @return true when there are none
     */
    public boolean isDrop() {
        return applyActions.isEmpty() && writeMetadata == null && gotoTable == null;
    }
}
