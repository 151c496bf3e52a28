/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendaylight.wiring.renderer.openflow.pipeline.LabScenario;
import org.opendaylight.wiring.renderer.openflow.pipeline.compile.CompilerConfig;
import org.opendaylight.wiring.renderer.openflow.pipeline.compile.PipelineCompiler;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.CompiledPipeline;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.HostPipeline;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.LocalPort;

class WantedInventoryTest {
    private static final PipelineCompiler COMPILER = new PipelineCompiler(CompilerConfig.DEFAULT);
    private static final Ownership OURS = Ownership.of(CompilerConfig.DEFAULT);
    private static final InventoryConverter SWITCH = new InventoryConverter(0x11);

    /** The lab's h1 without its first local port: what unplugging one VM recompiles to. */
    private static CompiledPipeline withoutFirstPort(final HostPipeline host) {
        final List<LocalPort> locals = new ArrayList<>(host.localPorts());
        locals.remove(0);
        return COMPILER.compile(new HostPipeline(host.hostId(), host.networks(), locals, host.remotePorts(),
            host.tunnelPorts(), host.providerPorts()));
    }

    @Test
    void aRecompileConvertsOnlyWhatChangedAndEqualsAFreshConversion() {
        final HostPipeline host = LabScenario.lab().pipeline("h1");
        final CompiledPipeline before = COMPILER.compile(host);
        final CompiledPipeline after = withoutFirstPort(host);
        final var first = WantedInventory.of(SWITCH, OURS, before, null);
        assertEquals(before.flows().size() + before.groups().size(), first.converted());

        final var next = WantedInventory.of(SWITCH, OURS, after, first);
        final var fresh = WantedInventory.of(SWITCH, OURS, after, null);
        // the same content, in the same order, as converting from scratch
        assertEquals(List.copyOf(fresh.flows().keySet()), List.copyOf(next.flows().keySet()));
        assertEquals(List.copyOf(fresh.flows().values()), List.copyOf(next.flows().values()));
        assertEquals(List.copyOf(fresh.groups().values()), List.copyOf(next.groups().values()));
        assertEquals(fresh.prepared(), next.prepared());

        // exactly the compiled flows and groups the previous version lacked are converted again
        final var oldFlows = new HashSet<>(before.flows());
        final var oldGroups = new HashSet<>(before.groups());
        final long changed = after.flows().stream().filter(flow -> !oldFlows.contains(flow)).count()
            + after.groups().stream().filter(group -> !oldGroups.contains(group)).count();
        assertEquals(changed, next.converted());
        // the port's flood buckets are gone from its network's two groups; its own flows only disappear
        assertEquals(2, changed);
        // every unchanged flow is the very object written before: comparing it with the config costs nothing
        for (var flow : after.flows()) {
            if (oldFlows.contains(flow)) {
                final var path = SWITCH.flowPath(flow.table().id(), flow.id());
                assertSame(first.flows().get(path), next.flows().get(path), flow::key);
            }
        }
    }

    @Test
    void anotherSwitchConvertsEverythingAgain() {
        final CompiledPipeline pipeline = COMPILER.compile(LabScenario.lab().pipeline("h1"));
        final var first = WantedInventory.of(SWITCH, OURS, pipeline, null);
        final var other = new InventoryConverter(0x12);
        final var next = WantedInventory.of(other, OURS, pipeline, first);

        assertEquals(pipeline.flows().size() + pipeline.groups().size(), next.converted());
        assertEquals(WantedInventory.of(other, OURS, pipeline, null).prepared(), next.prepared());
        final var flow = pipeline.flows().get(0);
        assertNotSame(first.flows().get(SWITCH.flowPath(flow.table().id(), flow.id())),
            next.flows().get(other.flowPath(flow.table().id(), flow.id())));
    }
}
