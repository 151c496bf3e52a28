/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.inventory;

import java.util.ArrayList;
import java.util.List;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Action;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.CompiledPipeline;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Group;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Instructions;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Masked;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Match;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Prefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv6Address;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv6Prefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.PortNumber;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Uri;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.MacAddress;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.GroupActionCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.OutputActionCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.PopVlanActionCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.PushVlanActionCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.SetFieldCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.group.action._case.GroupActionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.output.action._case.OutputActionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.pop.vlan.action._case.PopVlanActionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.push.vlan.action._case.PushVlanActionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.set.field._case.SetFieldBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.list.ActionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNode;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.Table;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.TableKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowCookie;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowModFlags;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.InstructionsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.ApplyActionsCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.GoToTableCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.WriteMetadataCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.apply.actions._case.ApplyActionsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.go.to.table._case.GoToTableBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.write.metadata._case.WriteMetadataBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.list.Instruction;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.list.InstructionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.BucketId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.GroupId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.GroupTypes;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.group.BucketsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.group.buckets.Bucket;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.group.buckets.BucketBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.GroupBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.GroupKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeConnectorId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.Nodes;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.NodeKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.l2.types.rev130827.EtherType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.l2.types.rev130827.VlanId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.arp.match.fields.ArpSourceHardwareAddressBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.ethernet.match.fields.EthernetDestinationBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.ethernet.match.fields.EthernetSourceBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.ethernet.match.fields.EthernetTypeBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.EthernetMatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.Icmpv6MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.IpMatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.MetadataBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.TunnelBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.VlanMatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._3.match.ArpMatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._3.match.Ipv4MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._3.match.Ipv6MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._4.match.UdpMatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.vlan.match.fields.VlanIdBuilder;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * Converts the compiled flow model into openflowplugin 0.17.3's binding objects for the config inventory
 * ({@code /opendaylight-inventory:nodes/node=openflow:DPID/flow-node-inventory:table=T/flow=ID} and
 * {@code .../flow-node-inventory:group=GID}), which the forwarding-rules manager pushes to the switch.
 *
 * <p>Flows keep the compiler's deterministic id ({@link org.opendaylight.wiring.renderer.openflow.pipeline.flow.Flow
 * #id()}) as their config id, their table, priority and cookie. The cookie mask is all ones: OpenFlow 1.3 ignores it
 * on add and uses it on strict modify and delete, where it restricts the operation to the flow that carries exactly
 * our cookie, so a foreign flow with the same (table, priority, match) is never modified or deleted by us.
 *
 * <p>Ports are written as node connector ids {@code openflow:DPID:PORT}, the form openflowplugin itself uses. A drop
 * flow has no instructions at all (OpenFlow 1.3 has no drop action: an empty instruction set drops). An element of
 * the model this converter does not know is refused with an {@link IllegalArgumentException}, never left out.
 */
public final class InventoryConverter {
    /** The VLAN TPID pushed by {@link Action.PushVlan}. */
    static final int ETH_TYPE_VLAN = 0x8100;
    /** The cookie mask written with every flow: strict modify/delete touch exactly our cookie. */
    public static final Uint64 COOKIE_MASK_EXACT = Uint64.MAX_VALUE;

    private final long dpid;
    private final String nodeId;

    /**
     * A converter for one switch.
     *
     * @param dpid the switch's datapath id (unsigned)
     */
    public InventoryConverter(final long dpid) {
        this.dpid = dpid;
        this.nodeId = nodeId(dpid);
    }

    /**
     * The inventory node id of a switch: {@code openflow:} and the datapath id as an unsigned decimal number.
     *
     * @param dpid the datapath id
     * @return the node id
     */
    public static String nodeId(final long dpid) {
        return "openflow:" + Long.toUnsignedString(dpid);
    }

    /**
     * The switch's datapath id.
     *
     * @return the datapath id
     */
    public long dpid() {
        return dpid;
    }

    /**
     * The config inventory path of a flow on this switch.
     *
     * @param tableId the table
     * @param flowId the flow id
     * @return the instance identifier
     */
    public InstanceIdentifier<Flow> flowPath(final short tableId, final String flowId) {
        return nodePath().child(Table.class, new TableKey(Uint8.valueOf(tableId)))
            .child(Flow.class, new FlowKey(new FlowId(flowId)));
    }

    /**
     * The config inventory path of a group on this switch.
     *
     * @param groupId the group id
     * @return the instance identifier
     */
    public InstanceIdentifier<org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group>
            groupPath(final long groupId) {
        return nodePath().child(org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group.class,
            new GroupKey(new GroupId(Uint32.valueOf(groupId))));
    }

    /**
     * The path of this switch's flow-capable node.
     *
     * @return the instance identifier
     */
    public InstanceIdentifier<FlowCapableNode> nodePath() {
        return InstanceIdentifier.create(Nodes.class).child(Node.class, new NodeKey(new NodeId(nodeId)))
            .augmentation(FlowCapableNode.class);
    }

    /**
     * All flows of a compiled pipeline, in its order.
     *
     * @param pipeline the pipeline
     * @return the binding flows
     */
    public List<Flow> flows(final CompiledPipeline pipeline) {
        return pipeline.flows().stream().map(this::flow).toList();
    }

    /**
     * All groups of a compiled pipeline, in its order.
     *
     * @param pipeline the pipeline
     * @return the binding groups
     */
    public List<org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group> groups(
            final CompiledPipeline pipeline) {
        return pipeline.groups().stream().map(this::group).toList();
    }

    /**
     * One flow.
     *
     * @param flow the compiled flow
     * @return the config inventory flow
     */
    public Flow flow(final org.opendaylight.wiring.renderer.openflow.pipeline.flow.Flow flow) {
        final String id = flow.id();
        final FlowBuilder builder = new FlowBuilder()
            .withKey(new FlowKey(new FlowId(id)))
            .setId(new FlowId(id))
            .setFlowName(id)
            .setTableId(Uint8.valueOf(flow.table().id()))
            .setPriority(Uint16.valueOf(flow.priority()))
            .setCookie(new FlowCookie(Uint64.fromLongBits(flow.cookie())))
            .setCookieMask(new FlowCookie(COOKIE_MASK_EXACT))
            .setIdleTimeout(Uint16.ZERO)
            .setHardTimeout(Uint16.ZERO)
            .setFlags(new FlowModFlags(false, false, false, false, false))
            .setMatch(match(flow.match()));
        if (!flow.instructions().isDrop()) {
            builder.setInstructions(instructions(flow.instructions()));
        }
        return builder.build();
    }

    /**
     * One ALL group; bucket ids are the buckets' positions.
     *
     * @param group the compiled group
     * @return the config inventory group
     */
    public org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group group(final Group group) {
        final List<Bucket> buckets = new ArrayList<>();
        for (List<Action> actions : group.buckets()) {
            buckets.add(new BucketBuilder()
                .setBucketId(new BucketId(Uint32.valueOf(buckets.size())))
                .setAction(actions(actions))
                .build());
        }
        final GroupId id = new GroupId(Uint32.valueOf(group.groupId()));
        return new GroupBuilder()
            .withKey(new GroupKey(id))
            .setGroupId(id)
            .setGroupName("wof-group-" + group.groupId())
            .setGroupType(GroupTypes.GroupAll)
            .setBuckets(new BucketsBuilder().setBucket(BindingMap.ordered(buckets)).build())
            .build();
    }

    private org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.Match match(final Match match) {
        final MatchBuilder mb = new MatchBuilder();
        if (match.inPort() != null) {
            mb.setInPort(new NodeConnectorId(nodeId + ":" + match.inPort()));
        }
        if (match.metadata() != null) {
            mb.setMetadata(new MetadataBuilder()
                .setMetadata(Uint64.fromLongBits(match.metadata().value()))
                .setMetadataMask(Uint64.fromLongBits(match.metadata().mask()))
                .build());
        }
        if (match.tunnelId() != null) {
            mb.setTunnel(new TunnelBuilder().setTunnelId(Uint64.fromLongBits(match.tunnelId())).build());
        }
        if (match.vlanVid() != null) {
            mb.setVlanMatch(vlanMatch(match.vlanVid()));
        }
        if (match.ethSrc() != null || match.ethDst() != null || match.ethType() != null) {
            final EthernetMatchBuilder eth = new EthernetMatchBuilder();
            if (match.ethSrc() != null) {
                eth.setEthernetSource(new EthernetSourceBuilder().setAddress(mac(match.ethSrc())).build());
            }
            if (match.ethDst() != null) {
                eth.setEthernetDestination(new EthernetDestinationBuilder().setAddress(mac(match.ethDst())).build());
            }
            if (match.ethType() != null) {
                eth.setEthernetType(new EthernetTypeBuilder()
                    .setType(new EtherType(Uint32.valueOf(match.ethType()))).build());
            }
            mb.setEthernetMatch(eth.build());
        }
        if (match.ipProto() != null) {
            mb.setIpMatch(new IpMatchBuilder().setIpProtocol(Uint8.valueOf(match.ipProto())).build());
        }
        layer3(match, mb);
        if (match.icmpv6Type() != null || match.icmpv6Code() != null) {
            final Icmpv6MatchBuilder icmp = new Icmpv6MatchBuilder();
            if (match.icmpv6Type() != null) {
                icmp.setIcmpv6Type(Uint8.valueOf(match.icmpv6Type()));
            }
            if (match.icmpv6Code() != null) {
                icmp.setIcmpv6Code(Uint8.valueOf(match.icmpv6Code()));
            }
            mb.setIcmpv6Match(icmp.build());
        }
        if (match.udpSrc() != null || match.udpDst() != null) {
            final UdpMatchBuilder udp = new UdpMatchBuilder();
            if (match.udpSrc() != null) {
                udp.setUdpSourcePort(new PortNumber(Uint16.valueOf(match.udpSrc())));
            }
            if (match.udpDst() != null) {
                udp.setUdpDestinationPort(new PortNumber(Uint16.valueOf(match.udpDst())));
            }
            mb.setLayer4Match(udp.build());
        }
        return mb.build();
    }

    private static org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.VlanMatch
            vlanMatch(final int vid) {
        // openflowplugin's convention: present=false, id 0 is OFPVID_NONE (untagged); present=true, id N is
        // OFPVID_PRESENT|N (tagged with N)
        return new VlanMatchBuilder().setVlanId(new VlanIdBuilder()
            .setVlanIdPresent(vid != 0)
            .setVlanId(new VlanId(Uint16.valueOf(vid)))
            .build()).build();
    }

    private static void layer3(final Match match, final MatchBuilder mb) {
        final boolean ipv4 = match.ipv4Src() != null;
        final boolean ipv6 = match.ipv6Src() != null || match.ndTarget() != null || match.ndSll() != null;
        final boolean arp = match.arpSpa() != null || match.arpSha() != null;
        if ((ipv4 ? 1 : 0) + (ipv6 ? 1 : 0) + (arp ? 1 : 0) > 1) {
            throw new IllegalArgumentException("IPv4, IPv6 and ARP fields in one match: " + match);
        }
        if (ipv4) {
            mb.setLayer3Match(new Ipv4MatchBuilder().setIpv4Source(new Ipv4Prefix(prefix(match.ipv4Src(), 32)))
                .build());
        } else if (ipv6) {
            final Ipv6MatchBuilder v6 = new Ipv6MatchBuilder();
            if (match.ipv6Src() != null) {
                v6.setIpv6Source(new Ipv6Prefix(prefix(match.ipv6Src(), 128)));
            }
            if (match.ndTarget() != null) {
                v6.setIpv6NdTarget(new Ipv6Address(match.ndTarget()));
            }
            if (match.ndSll() != null) {
                v6.setIpv6NdSll(mac(match.ndSll()));
            }
            mb.setLayer3Match(v6.build());
        } else if (arp) {
            final ArpMatchBuilder am = new ArpMatchBuilder();
            if (match.arpSpa() != null) {
                am.setArpSourceTransportAddress(new Ipv4Prefix(prefix(match.arpSpa(), 32)));
            }
            if (match.arpSha() != null) {
                am.setArpSourceHardwareAddress(new ArpSourceHardwareAddressBuilder().setAddress(mac(match.arpSha()))
                    .build());
            }
            mb.setLayer3Match(am.build());
        }
    }

    private static String prefix(final String addressOrPrefix, final int fullLength) {
        return addressOrPrefix.indexOf('/') < 0 ? addressOrPrefix + "/" + fullLength : addressOrPrefix;
    }

    private static MacAddress mac(final String mac) {
        return new MacAddress(mac.toLowerCase(java.util.Locale.ROOT));
    }

    private org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.Instructions instructions(
            final Instructions instructions) {
        final List<Instruction> list = new ArrayList<>();
        if (!instructions.applyActions().isEmpty()) {
            list.add(new InstructionBuilder().setOrder(list.size())
                .setInstruction(new ApplyActionsCaseBuilder().setApplyActions(new ApplyActionsBuilder()
                    .setAction(actions(instructions.applyActions())).build()).build())
                .build());
        }
        final Masked metadata = instructions.writeMetadata();
        if (metadata != null) {
            list.add(new InstructionBuilder().setOrder(list.size())
                .setInstruction(new WriteMetadataCaseBuilder().setWriteMetadata(new WriteMetadataBuilder()
                    .setMetadata(Uint64.fromLongBits(metadata.value()))
                    .setMetadataMask(Uint64.fromLongBits(metadata.mask())).build()).build())
                .build());
        }
        if (instructions.gotoTable() != null) {
            list.add(new InstructionBuilder().setOrder(list.size())
                .setInstruction(new GoToTableCaseBuilder().setGoToTable(new GoToTableBuilder()
                    .setTableId(Uint8.valueOf(instructions.gotoTable().id())).build()).build())
                .build());
        }
        return new InstructionsBuilder().setInstruction(BindingMap.ordered(list)).build();
    }

    private java.util.Map<org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.list.ActionKey,
            org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.list.Action> actions(
            final List<Action> actions) {
        final List<org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.list.Action> list =
            new ArrayList<>();
        for (Action action : actions) {
            list.add(new ActionBuilder().setOrder(list.size()).setAction(action(action)).build());
        }
        return BindingMap.ordered(list);
    }

    private org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.Action action(
            final Action action) {
        if (action instanceof Action.Output output) {
            return new OutputActionCaseBuilder().setOutputAction(new OutputActionBuilder()
                .setOutputNodeConnector(new Uri(nodeId + ":" + output.port()))
                .setMaxLength(Uint16.ZERO).build()).build();
        } else if (action instanceof Action.PushVlan) {
            return new PushVlanActionCaseBuilder().setPushVlanAction(new PushVlanActionBuilder()
                .setEthernetType(Uint16.valueOf(ETH_TYPE_VLAN)).build()).build();
        } else if (action instanceof Action.PopVlan) {
            return new PopVlanActionCaseBuilder().setPopVlanAction(new PopVlanActionBuilder().build()).build();
        } else if (action instanceof Action.SetVlanVid vid) {
            return new SetFieldCaseBuilder().setSetField(new SetFieldBuilder().setVlanMatch(vlanMatch(vid.vid()))
                .build()).build();
        } else if (action instanceof Action.SetTunnelId tunnel) {
            return new SetFieldCaseBuilder().setSetField(new SetFieldBuilder()
                .setTunnel(new TunnelBuilder().setTunnelId(Uint64.fromLongBits(tunnel.tunnelId())).build())
                .build()).build();
        } else if (action instanceof Action.ToGroup group) {
            return new GroupActionCaseBuilder().setGroupAction(new GroupActionBuilder()
                .setGroupId(Uint32.valueOf(group.groupId())).build()).build();
        }
        throw new IllegalArgumentException("unsupported action " + action);
    }
}
