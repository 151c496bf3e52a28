/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendaylight.wiring.renderer.openflow.pipeline.LabScenario;
import org.opendaylight.wiring.renderer.openflow.pipeline.compile.CompilerConfig;
import org.opendaylight.wiring.renderer.openflow.pipeline.compile.PipelineCompiler;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Action;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.CompiledPipeline;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Group;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Instructions;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Match;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Table;
import org.opendaylight.wiring.renderer.openflow.pipeline.ofctl.OfctlRenderer;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.GroupActionCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.OutputActionCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.PopVlanActionCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.PushVlanActionCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.SetFieldCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.ApplyActionsCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.GoToTableCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.WriteMetadataCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.list.Instruction;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.GroupTypes;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.group.buckets.Bucket;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._3.match.ArpMatch;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._3.match.Ipv4Match;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._3.match.Ipv6Match;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._4.match.UdpMatch;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * The conversion of compiled flows and groups into openflowplugin's config inventory objects: golden conversions of
 * one representative flow per stage, and a lossless round trip of every flow and group of the seed scenarios.
 */
class InventoryConverterTest {
    private static final long DPID = 0x0000_8e2b_4fa1_c9d3L;
    private static final String NODE = "openflow:" + Long.toUnsignedString(DPID);
    private static final InventoryConverter CONVERTER = new InventoryConverter(DPID);
    private static final PipelineCompiler COMPILER = new PipelineCompiler(CompilerConfig.DEFAULT);

    private static CompiledPipeline compiled(final String scenario, final String host) {
        final LabScenario lab = switch (scenario) {
            case "seed004" -> LabScenario.seed004();
            case "seed002" -> LabScenario.seed002();
            default -> LabScenario.lab();
        };
        return COMPILER.compile(lab.pipeline(host));
    }

    private static org.opendaylight.wiring.renderer.openflow.pipeline.flow.Flow only(final CompiledPipeline pipeline,
            final Predicate<org.opendaylight.wiring.renderer.openflow.pipeline.flow.Flow> filter) {
        final List<org.opendaylight.wiring.renderer.openflow.pipeline.flow.Flow> found =
            pipeline.flows().stream().filter(filter).toList();
        assertEquals(1, found.size(), "flows found: " + found);
        return found.get(0);
    }

    private static List<Instruction> instructions(final Flow flow) {
        final List<Instruction> list = new ArrayList<>(flow.getInstructions().nonnullInstruction().values());
        list.sort(Comparator.comparing(Instruction::getOrder));
        return list;
    }

    private static List<org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.Action>
            applyActions(final Flow flow) {
        final ApplyActionsCase apply = assertInstanceOf(ApplyActionsCase.class, instructions(flow).get(0)
            .getInstruction());
        return actions(apply.getApplyActions().nonnullAction().values());
    }

    private static List<org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.Action> actions(
            final java.util.Collection<org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.list
                .Action> actions) {
        return actions.stream()
            .sorted(Comparator.comparing(
                org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.list.Action::getOrder))
            .map(org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.list.Action::getAction)
            .toList();
    }

    private static void assertHead(final org.opendaylight.wiring.renderer.openflow.pipeline.flow.Flow expected,
            final Flow actual) {
        assertEquals(expected.id(), actual.getId().getValue());
        assertEquals(expected.id(), actual.key().getId().getValue());
        assertEquals(expected.table().id(), actual.getTableId().shortValue());
        assertEquals(expected.priority(), actual.getPriority().intValue());
        assertEquals(expected.cookie(), actual.getCookie().getValue().longValue());
        assertEquals(Uint64.MAX_VALUE, actual.getCookieMask().getValue());
    }

    private static void assertWriteMetadataAndGoto(final Flow flow, final int index, final long metadata,
            final long mask, final Table next) {
        final WriteMetadataCase wm = assertInstanceOf(WriteMetadataCase.class,
            instructions(flow).get(index).getInstruction());
        assertEquals(metadata, wm.getWriteMetadata().getMetadata().longValue());
        assertEquals(mask, wm.getWriteMetadata().getMetadataMask().longValue());
        final GoToTableCase gt = assertInstanceOf(GoToTableCase.class,
            instructions(flow).get(index + 1).getInstruction());
        assertEquals(next.id(), gt.getGoToTable().getTableId().shortValue());
        assertEquals(index + 2, instructions(flow).size());
    }

    @Test
    void classificationOfTheVlanProviderPatchPopsTheTag() {
        final var compiled = only(compiled("seed002", "h1"), f -> f.table() == Table.CLASSIFICATION
            && f.match().vlanVid() != null && f.match().vlanVid() == 100);
        final Flow flow = CONVERTER.flow(compiled);
        assertHead(compiled, flow);
        assertEquals(0x0d1c000004000006L, flow.getCookie().getValue().longValue());
        assertEquals(NODE + ":2", flow.getMatch().getInPort().getValue());
        assertTrue(flow.getMatch().getVlanMatch().getVlanId().getVlanIdPresent());
        assertEquals(100, flow.getMatch().getVlanMatch().getVlanId().getVlanId().getValue().intValue());
        final var apply = applyActions(flow);
        assertEquals(1, apply.size());
        assertInstanceOf(PopVlanActionCase.class, apply.get(0));
        assertWriteMetadataAndGoto(flow, 1, 0x2000000010006L, 0xffff00000001ffffL, Table.L2_LOOKUP);
    }

    @Test
    void classificationOfAVmPortMatchesUntaggedFrames() {
        final var compiled = only(compiled("seed002", "h1"), f -> f.table() == Table.CLASSIFICATION
            && f.match().inPort() != null && Long.valueOf(10).equals(f.match().inPort()));
        final Flow flow = CONVERTER.flow(compiled);
        assertHead(compiled, flow);
        assertFalse(flow.getMatch().getVlanMatch().getVlanId().getVlanIdPresent());
        assertEquals(0, flow.getMatch().getVlanMatch().getVlanId().getVlanId().getValue().intValue());
        assertWriteMetadataAndGoto(flow, 0, 0xa000000000006L, 0xffff00000001ffffL, Table.PORT_SECURITY);
    }

    @Test
    void tunnelClassificationMatchesTheVni() {
        final var compiled = only(compiled("seed004", "h1"), f -> f.table() == Table.CLASSIFICATION
            && f.match().tunnelId() != null && f.match().tunnelId() == 0x49);
        final Flow flow = CONVERTER.flow(compiled);
        assertEquals(0x49, flow.getMatch().getTunnel().getTunnelId().longValue());
        assertNull(flow.getMatch().getTunnel().getTunnelMask());
        assertNull(flow.getMatch().getInPort());
        assertWriteMetadataAndGoto(flow, 0, 0x10001L, 0x1ffffL, Table.L2_LOOKUP);
    }

    @Test
    void portSecurityArp() {
        final var compiled = only(compiled("seed004", "h1"), f -> f.table() == Table.PORT_SECURITY
            && "10.0.0.6".equals(f.match().arpSpa()));
        final Flow flow = CONVERTER.flow(compiled);
        assertHead(compiled, flow);
        assertEquals(NODE + ":7", flow.getMatch().getInPort().getValue());
        assertEquals("fa:16:3e:bc:5b:08", flow.getMatch().getEthernetMatch().getEthernetSource().getAddress()
            .getValue());
        assertEquals(0x0806, flow.getMatch().getEthernetMatch().getEthernetType().getType().getValue().intValue());
        final ArpMatch arp = assertInstanceOf(ArpMatch.class, flow.getMatch().getLayer3Match());
        assertEquals("10.0.0.6/32", arp.getArpSourceTransportAddress().getValue());
        assertEquals("fa:16:3e:bc:5b:08", arp.getArpSourceHardwareAddress().getAddress().getValue());
        assertEquals(1, instructions(flow).size());
        assertEquals(Table.EGRESS_CONNTRACK.id(), assertInstanceOf(GoToTableCase.class,
            instructions(flow).get(0).getInstruction()).getGoToTable().getTableId().shortValue());
    }

    @Test
    void portSecurityNeighborDiscovery() {
        final CompiledPipeline pipeline = compiled("seed002", "h1");
        final var na = only(pipeline, f -> f.table() == Table.PORT_SECURITY
            && Long.valueOf(10).equals(f.match().inPort())
            && "fe80::f816:3eff:fe00:6401".equals(f.match().ndTarget()));
        final Flow naFlow = CONVERTER.flow(na);
        assertEquals(0x86dd, naFlow.getMatch().getEthernetMatch().getEthernetType().getType().getValue().intValue());
        assertEquals(58, naFlow.getMatch().getIpMatch().getIpProtocol().intValue());
        assertEquals(136, naFlow.getMatch().getIcmpv6Match().getIcmpv6Type().intValue());
        assertEquals(0, naFlow.getMatch().getIcmpv6Match().getIcmpv6Code().intValue());
        final Ipv6Match naMatch = assertInstanceOf(Ipv6Match.class, naFlow.getMatch().getLayer3Match());
        assertEquals("fe80::f816:3eff:fe00:6401", naMatch.getIpv6NdTarget().getValue());
        assertNull(naMatch.getIpv6Source());

        final var ns = only(pipeline, f -> f.table() == Table.PORT_SECURITY
            && Long.valueOf(10).equals(f.match().inPort())
            && "fe80::f816:3eff:fe00:6401".equals(f.match().ipv6Src()) && "fa:16:3e:00:64:01".equals(
                f.match().ndSll()));
        final Ipv6Match nsMatch = assertInstanceOf(Ipv6Match.class, CONVERTER.flow(ns).getMatch().getLayer3Match());
        assertEquals("fe80::f816:3eff:fe00:6401/128", nsMatch.getIpv6Source().getValue());
        assertEquals("fa:16:3e:00:64:01", nsMatch.getIpv6NdSll().getValue());

        // an allowed address pair given as a prefix stays a prefix
        final var prefix = pipeline.flows().stream().filter(f -> "2001:db8::/64".equals(f.match().ipv6Src()))
            .findFirst().orElseThrow();
        assertEquals("2001:db8::/64", assertInstanceOf(Ipv6Match.class, CONVERTER.flow(prefix).getMatch()
            .getLayer3Match()).getIpv6Source().getValue());
    }

    @Test
    void portSecurityDhcpAndIpv4() {
        final CompiledPipeline pipeline = compiled("seed004", "h1");
        final var dhcp = pipeline.flows().stream().filter(f -> f.match().udpDst() != null).findFirst()
            .orElseThrow();
        final Flow flow = CONVERTER.flow(dhcp);
        final UdpMatch udp = assertInstanceOf(UdpMatch.class, flow.getMatch().getLayer4Match());
        assertEquals(68, udp.getUdpSourcePort().getValue().intValue());
        assertEquals(67, udp.getUdpDestinationPort().getValue().intValue());
        assertEquals(17, flow.getMatch().getIpMatch().getIpProtocol().intValue());
        assertEquals("0.0.0.0/32", assertInstanceOf(Ipv4Match.class, flow.getMatch().getLayer3Match())
            .getIpv4Source().getValue());
    }

    @Test
    void l2LookupOfALocalPort() {
        final var compiled = only(compiled("seed004", "h1"), f -> f.table() == Table.L2_LOOKUP
            && "fa:16:3e:bc:5b:08".equals(f.match().ethDst()));
        final Flow flow = CONVERTER.flow(compiled);
        assertHead(compiled, flow);
        assertEquals(1, flow.getMatch().getMetadata().getMetadata().longValue());
        assertEquals(0xffff, flow.getMatch().getMetadata().getMetadataMask().longValue());
        assertEquals("fa:16:3e:bc:5b:08", flow.getMatch().getEthernetMatch().getEthernetDestination().getAddress()
            .getValue());
        assertNull(flow.getMatch().getEthernetMatch().getEthernetType());
        assertWriteMetadataAndGoto(flow, 0, 0x700000000L, 0xffff00000000L, Table.EGRESS);
    }

    @Test
    void floodFlowAndItsGroup() {
        final CompiledPipeline pipeline = compiled("seed002", "h1");
        final var flood = only(pipeline, f -> f.table() == Table.FLOOD && f.match().metadata() != null
            && f.match().metadata().value() == 6);
        final Flow flow = CONVERTER.flow(flood);
        final GroupActionCase toGroup = assertInstanceOf(GroupActionCase.class, applyActions(flow).get(0));
        final long groupId = ((Action.ToGroup) flood.instructions().applyActions().get(0)).groupId();
        assertEquals(groupId, toGroup.getGroupAction().getGroupId().longValue());
        assertEquals(1, instructions(flow).size());

        final Group group = pipeline.groups().stream().filter(g -> g.groupId() == groupId).findFirst().orElseThrow();
        final var converted = CONVERTER.group(group);
        assertEquals(groupId, converted.getGroupId().getValue().longValue());
        assertEquals(groupId, converted.key().getGroupId().getValue().longValue());
        assertEquals(GroupTypes.GroupAll, converted.getGroupType());
        final List<Bucket> buckets = converted.getBuckets().nonnullBucket().values().stream()
            .sorted(Comparator.comparing(b -> b.getBucketId().getValue())).toList();
        assertEquals(3, buckets.size());
        assertEquals(NODE + ":10", assertInstanceOf(OutputActionCase.class,
            actions(buckets.get(0).nonnullAction().values()).get(0)).getOutputAction().getOutputNodeConnector()
            .getValue());
        // the provider bucket: push_vlan, set_field vlan_vid 100, output to the patch port
        final var provider = actions(buckets.get(2).nonnullAction().values());
        assertEquals(3, provider.size());
        assertEquals(0x8100, assertInstanceOf(PushVlanActionCase.class, provider.get(0)).getPushVlanAction()
            .getEthernetType().intValue());
        final var vid = assertInstanceOf(SetFieldCase.class, provider.get(1)).getSetField().getVlanMatch()
            .getVlanId();
        assertTrue(vid.getVlanIdPresent());
        assertEquals(100, vid.getVlanId().getValue().intValue());
        assertEquals(NODE + ":2", assertInstanceOf(OutputActionCase.class, provider.get(2)).getOutputAction()
            .getOutputNodeConnector().getValue());
    }

    @Test
    void tunnelEgressSetsTheTunnelId() {
        final var compiled = only(compiled("seed004", "h1"), f -> f.table() == Table.EGRESS
            && f.match().metadata() != null && f.match().metadata().value() == 0x1600000003L);
        final Flow flow = CONVERTER.flow(compiled);
        assertHead(compiled, flow);
        assertEquals(0xffff0001ffffL, flow.getMatch().getMetadata().getMetadataMask().longValue());
        final var apply = applyActions(flow);
        assertEquals(2, apply.size());
        assertEquals(0x13, assertInstanceOf(SetFieldCase.class, apply.get(0)).getSetField().getTunnel()
            .getTunnelId().longValue());
        assertEquals(NODE + ":22", assertInstanceOf(OutputActionCase.class, apply.get(1)).getOutputAction()
            .getOutputNodeConnector().getValue());
        assertEquals(1, instructions(flow).size());
    }

    @Test
    void providerEgressPushesTheVlan() {
        final var compiled = only(compiled("seed002", "h1"), f -> f.table() == Table.EGRESS
            && f.instructions().applyActions().contains(new Action.PushVlan()));
        final Flow flow = CONVERTER.flow(compiled);
        assertHead(compiled, flow);
        final var apply = applyActions(flow);
        assertEquals(3, apply.size());
        assertInstanceOf(PushVlanActionCase.class, apply.get(0));
        assertEquals(100, assertInstanceOf(SetFieldCase.class, apply.get(1)).getSetField().getVlanMatch()
            .getVlanId().getVlanId().getValue().intValue());
        assertEquals(NODE + ":2", assertInstanceOf(OutputActionCase.class, apply.get(2)).getOutputAction()
            .getOutputNodeConnector().getValue());
    }

    @Test
    void dropFlowsHaveNoInstructions() {
        final var compiled = only(compiled("seed004", "h1"), f -> f.table() == Table.CLASSIFICATION
            && f.priority() == 0);
        final Flow flow = CONVERTER.flow(compiled);
        assertNull(flow.getInstructions());
        assertEquals(0, flow.getMatch().augmentations().size());
        assertNull(flow.getMatch().getInPort());
        assertEquals("drop", InventoryText.instructions(flow));
    }

    /**
     * Every flow and group of every seed scenario converts, keeps its id, table, priority and cookie, and reads back
     * (through the binding objects only) as exactly the text ovs-ofctl gets for the compiled model: nothing is
     * dropped, added or changed by the conversion.
     */
    @ParameterizedTest
    @CsvSource({"seed004, h1", "seed004, h2", "seed002, h1", "seed002, h2", "lab, h1", "lab, h2", "lab, h3"})
    void everyFlowAndGroupOfTheSeedsConvertsLosslessly(final String scenario, final String host) {
        final CompiledPipeline pipeline = compiled(scenario, host);
        final List<Flow> flows = CONVERTER.flows(pipeline);
        assertEquals(pipeline.flows().size(), flows.size());
        for (int i = 0; i < flows.size(); i++) {
            final var compiledFlow = pipeline.flows().get(i);
            assertHead(compiledFlow, flows.get(i));
            assertEquals(OfctlRenderer.flow(compiledFlow), InventoryText.flow(flows.get(i)));
            assertFalse(InventoryText.flow(flows.get(i)).contains("?"), InventoryText.flow(flows.get(i)));
        }
        final var groups = CONVERTER.groups(pipeline);
        assertEquals(pipeline.groups().size(), groups.size());
        for (int i = 0; i < groups.size(); i++) {
            assertEquals(OfctlRenderer.group(pipeline.groups().get(i)), InventoryText.group(groups.get(i)));
        }
        assertEquals(flows.size(), flows.stream().map(Flow::getId).distinct().count());
    }

    @Test
    void pathsAndNodeIds() {
        assertEquals("openflow:18446744073709551615", InventoryConverter.nodeId(-1L));
        final var path = CONVERTER.flowPath((short) 17, "wof-17-100-0123456789abcdef");
        assertEquals(NODE, path.firstKeyOf(org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes
            .Node.class).getId().getValue());
        assertEquals(17, path.firstKeyOf(org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819
            .tables.Table.class).getId().intValue());
        assertEquals("wof-17-100-0123456789abcdef", path.firstKeyOf(Flow.class).getId().getValue());
        final var groupPath = CONVERTER.groupPath(0x0d1d0001L);
        assertEquals(0x0d1d0001L, groupPath.firstKeyOf(org.opendaylight.yang.gen.v1.urn.opendaylight.group.types
            .rev131018.groups.Group.class).getGroupId().getValue().longValue());
        assertEquals(NODE, groupPath.firstKeyOf(org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819
            .nodes.Node.class).getId().getValue());
    }

    @Test
    void ipv4AndArpInOneMatchAreRefused() {
        final var flow = new org.opendaylight.wiring.renderer.openflow.pipeline.flow.Flow(Table.PORT_SECURITY, 1,
            Match.builder().ipv4Src("10.0.0.1").arpSpa("10.0.0.1").build(), 0x0d1c000005000001L,
            Instructions.DROP);
        assertThrows(IllegalArgumentException.class, () -> CONVERTER.flow(flow));
    }
}
