/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.wiring.renderer.openflow.inventory.FlowSetDiff.PreparedFlow;
import org.opendaylight.wiring.renderer.openflow.inventory.FlowSetDiff.PreparedGroup;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.CompiledPipeline;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;

/**
 * One host's compiled pipeline in openflowplugin's terms: the config inventory flows and groups by path, and the same
 * set prepared for comparisons with the switch ({@link FlowSetDiff.Wanted}).
 *
 * <p>Converting and rendering 50000 flows costs most of a recompile, and a plan change (one port) changes a handful of
 * them. A new version is therefore made from the previous one of the same switch: every compiled flow and group equal
 * to one the previous version had keeps that one's conversion, the very same objects, so comparing it with what was
 * written before costs an identity check.
 */
public final class WantedInventory {
    private record ConvertedFlow(InstanceIdentifier<Flow> path, PreparedFlow prepared) {
    }

    private record ConvertedGroup(InstanceIdentifier<Group> path, PreparedGroup prepared) {
    }

    private final InventoryConverter converter;
    private final Map<org.opendaylight.wiring.renderer.openflow.pipeline.flow.Flow, ConvertedFlow> flowsByCompiled;
    private final Map<org.opendaylight.wiring.renderer.openflow.pipeline.flow.Group, ConvertedGroup>
        groupsByCompiled;
    private final Map<InstanceIdentifier<Flow>, Flow> flows;
    private final Map<InstanceIdentifier<Group>, Group> groups;
    private final FlowSetDiff.Wanted prepared;
    private final int converted;

    private WantedInventory(final InventoryConverter converter,
            final Map<org.opendaylight.wiring.renderer.openflow.pipeline.flow.Flow, ConvertedFlow> flowsByCompiled,
            final Map<org.opendaylight.wiring.renderer.openflow.pipeline.flow.Group, ConvertedGroup> groupsByCompiled,
            final Map<InstanceIdentifier<Flow>, Flow> flows, final Map<InstanceIdentifier<Group>, Group> groups,
            final FlowSetDiff.Wanted prepared, final int converted) {
        this.converter = converter;
        this.flowsByCompiled = flowsByCompiled;
        this.groupsByCompiled = groupsByCompiled;
        this.flows = Collections.unmodifiableMap(flows);
        this.groups = Collections.unmodifiableMap(groups);
        this.prepared = prepared;
        this.converted = converted;
    }

    /**
     * Converts a compiled pipeline, reusing what the previous version converted.
     *
     * @param converter the converter of the switch
     * @param ownership what is ours
     * @param pipeline the compiled pipeline
     * @param previous the previous version for the same host, or null; its conversions are reused only when it is
     *     for the same switch (datapath id)
     * @return the converted set
     * @throws IllegalArgumentException as {@link FlowSetDiff.Wanted#of}
     */
    public static WantedInventory of(final InventoryConverter converter, final Ownership ownership,
            final CompiledPipeline pipeline, final @Nullable WantedInventory previous) {
        final boolean reuse = previous != null && previous.converter.dpid() == converter.dpid();
        int fresh = 0;
        final Map<org.opendaylight.wiring.renderer.openflow.pipeline.flow.Flow, ConvertedFlow> flowsByCompiled =
            new HashMap<>();
        final Map<InstanceIdentifier<Flow>, Flow> flows = new LinkedHashMap<>();
        final List<PreparedFlow> preparedFlows = new ArrayList<>(pipeline.flows().size());
        for (var compiled : pipeline.flows()) {
            var entry = reuse ? previous.flowsByCompiled.get(compiled) : null;
            if (entry == null) {
                final Flow flow = converter.flow(compiled);
                entry = new ConvertedFlow(converter.flowPath(flow.getTableId().toJava(), flow.getId().getValue()),
                    PreparedFlow.of(flow));
                fresh++;
            }
            flowsByCompiled.put(compiled, entry);
            flows.put(entry.path(), entry.prepared().flow());
            preparedFlows.add(entry.prepared());
        }
        final Map<org.opendaylight.wiring.renderer.openflow.pipeline.flow.Group, ConvertedGroup> groupsByCompiled =
            new HashMap<>();
        final Map<InstanceIdentifier<Group>, Group> groups = new LinkedHashMap<>();
        final List<PreparedGroup> preparedGroups = new ArrayList<>(pipeline.groups().size());
        for (var compiled : pipeline.groups()) {
            var entry = reuse ? previous.groupsByCompiled.get(compiled) : null;
            if (entry == null) {
                final Group group = converter.group(compiled);
                entry = new ConvertedGroup(converter.groupPath(compiled.groupId()), PreparedGroup.of(group));
                fresh++;
            }
            groupsByCompiled.put(compiled, entry);
            groups.put(entry.path(), entry.prepared().group());
            preparedGroups.add(entry.prepared());
        }
        return new WantedInventory(converter, flowsByCompiled, groupsByCompiled, flows, groups,
            FlowSetDiff.Wanted.prepared(ownership, preparedFlows, preparedGroups), fresh);
    }

    /**
     * The converter of the switch.
     *
     * @return the converter
     */
    public InventoryConverter converter() {
        return converter;
    }

    /**
     * The config inventory flows, by path, in the pipeline's order.
     *
     * @return the flows
     */
    public Map<InstanceIdentifier<Flow>, Flow> flows() {
        return flows;
    }

    /**
     * The config inventory groups, by path, in the pipeline's order.
     *
     * @return the groups
     */
    public Map<InstanceIdentifier<Group>, Group> groups() {
        return groups;
    }

    /**
     * The set prepared for comparisons with the switch.
     *
     * @return the prepared set
     */
    public FlowSetDiff.Wanted prepared() {
        return prepared;
    }

    /**
     * How many flows and groups this version converted itself (the others came from the previous version).
     *
     * @return the count
     */
    public int converted() {
        return converted;
    }
}
