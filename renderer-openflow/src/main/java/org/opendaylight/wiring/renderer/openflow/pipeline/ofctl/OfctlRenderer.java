/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline.ofctl;

import java.util.ArrayList;
import java.util.List;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Action;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.CompiledPipeline;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Flow;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Group;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Instructions;

/**
 * Renders flows and groups as the text {@code ovs-ofctl -O OpenFlow13 [--bundle] add-flows|add-groups BRIDGE FILE}
 * reads: one flow or group per line, in the compiler's order. Uses standard OpenFlow 1.3 instructions and actions
 * only ({@code write_metadata}, {@code goto_table}, {@code set_field}, {@code push_vlan}, {@code pop_vlan},
 * {@code group}, {@code output}).
 */
public final class OfctlRenderer {
    private static final int OFPVID_PRESENT = 0x1000;

    private OfctlRenderer() {
        // utility
    }

    /**
     * The {@code add-flows} text.
     *
     * @param pipeline the compiled pipeline
     * @return one line per flow, each ending in a newline
     */
    public static String flows(final CompiledPipeline pipeline) {
        final StringBuilder sb = new StringBuilder();
        for (Flow flow : pipeline.flows()) {
            sb.append(flow(flow)).append('\n');
        }
        return sb.toString();
    }

    /**
     * The {@code add-groups} text.
     *
     * @param pipeline the compiled pipeline
     * @return one line per group, each ending in a newline
     */
    public static String groups(final CompiledPipeline pipeline) {
        final StringBuilder sb = new StringBuilder();
        for (Group group : pipeline.groups()) {
            sb.append(group(group)).append('\n');
        }
        return sb.toString();
    }

    /**
     * One flow.
     *
     * @param flow the flow
     * @return its line, without a newline
     */
    public static String flow(final Flow flow) {
        final List<String> head = new ArrayList<>();
        head.add("table=" + flow.table().id());
        head.add("priority=" + flow.priority());
        head.add(String.format("cookie=0x%016x", flow.cookie()));
        head.addAll(flow.match().fields());
        return String.join(",", head) + " actions=" + instructions(flow.instructions());
    }

    /**
     * One group.
     *
     * @param group the group
     * @return its line, without a newline
     */
    public static String group(final Group group) {
        final StringBuilder sb = new StringBuilder("group_id=").append(group.groupId()).append(",type=all");
        for (List<Action> bucket : group.buckets()) {
            sb.append(",bucket=actions=").append(actions(bucket));
        }
        return sb.toString();
    }

    private static String instructions(final Instructions instructions) {
        if (instructions.isDrop()) {
            return "drop";
        }
        final List<String> parts = new ArrayList<>();
        if (!instructions.applyActions().isEmpty()) {
            parts.add(actions(instructions.applyActions()));
        }
        if (instructions.writeMetadata() != null) {
            parts.add("write_metadata:" + instructions.writeMetadata());
        }
        if (instructions.gotoTable() != null) {
            parts.add("goto_table:" + instructions.gotoTable().id());
        }
        return String.join(",", parts);
    }

    private static String actions(final List<Action> actions) {
        final List<String> parts = new ArrayList<>();
        for (Action action : actions) {
            parts.add(action(action));
        }
        return String.join(",", parts);
    }

    private static String action(final Action action) {
        if (action instanceof Action.Output output) {
            return "output:" + output.port();
        } else if (action instanceof Action.PushVlan) {
            return "push_vlan:0x8100";
        } else if (action instanceof Action.PopVlan) {
            return "pop_vlan";
        } else if (action instanceof Action.SetVlanVid vid) {
            return "set_field:" + (OFPVID_PRESENT | vid.vid()) + "->vlan_vid";
        } else if (action instanceof Action.SetTunnelId tunnel) {
            return "set_field:0x" + Long.toHexString(tunnel.tunnelId()) + "->tun_id";
        } else if (action instanceof Action.ToGroup group) {
            return "group:" + group.groupId();
        }
        throw new IllegalArgumentException("unknown action " + action);
    }
}
