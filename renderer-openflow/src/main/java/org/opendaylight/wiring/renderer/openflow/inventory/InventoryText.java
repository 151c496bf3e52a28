/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opendaylight.wiring.renderer.openflow.pipeline.input.Addresses;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.GroupActionCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.OutputActionCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.PopVlanActionCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.PushVlanActionCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.SetFieldCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.set.field._case.SetField;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.list.Action;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.list.ActionKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.Instructions;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.Match;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.ApplyActionsCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.GoToTableCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.WriteMetadataCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.list.Instruction;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.group.buckets.Bucket;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.EthernetMatch;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.Icmpv6Match;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.VlanMatch;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._3.match.ArpMatch;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._3.match.Ipv4Match;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._3.match.Ipv6Match;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._4.match.UdpMatch;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.vlan.match.fields.VlanId;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * A canonical text of openflowplugin's binding flows and groups, in the syntax of {@code ovs-ofctl -O OpenFlow13}
 * (the same text {@link org.opendaylight.wiring.renderer.openflow.pipeline.ofctl.OfctlRenderer} writes for the
 * compiled model). It reads flows as we write them to the config inventory and as openflowplugin reports them in the
 * operational inventory alike: ports given as {@code openflow:DPID:N} or {@code N} both print as {@code N}, IPv6
 * addresses print in RFC 5952 form, host prefixes without their length, an absent mask as all ones, instructions in
 * OpenFlow's execution order and actions by their order key. Two flows with the same text do the same thing.
 *
 * <p>Fields and actions the pipeline does not use are not dropped: they print as {@code ?NAME=...} with the binding
 * object's own text, so a flow carrying one never equals one of ours.
 */
public final class InventoryText {
    private static final int OFPVID_PRESENT = 0x1000;

    private InventoryText() {
        // utility
    }

    /**
     * A flow: {@code table=T,priority=P,cookie=0x...,MATCH actions=INSTRUCTIONS}.
     *
     * @param flow the flow
     * @return its text
     */
    public static String flow(final Flow flow) {
        final List<String> head = new ArrayList<>();
        head.add(table(flow));
        head.add(priority(flow));
        head.add(cookie(flow));
        head.addAll(match(flow.getMatch()));
        return String.join(",", head) + " actions=" + instructionText(flow.getInstructions());
    }

    /**
     * A flow's identity on a switch: {@code table=T,priority=P[,MATCH]}, without cookie and instructions.
     *
     * @param flow the flow
     * @return its key
     */
    public static String key(final Flow flow) {
        final List<String> head = new ArrayList<>();
        head.add(table(flow));
        head.add(priority(flow));
        head.addAll(match(flow.getMatch()));
        return String.join(",", head);
    }

    /**
     * A flow's instructions ({@code drop} for none).
     *
     * @param flow the flow
     * @return the text after {@code actions=}
     */
    public static String instructions(final Flow flow) {
        return instructionText(flow.getInstructions());
    }

    private static String table(final Flow flow) {
        return "table=" + (flow.getTableId() == null ? "?" : flow.getTableId().toString());
    }

    private static String priority(final Flow flow) {
        // OpenFlow's default priority when none is given
        return "priority=" + (flow.getPriority() == null ? "32768" : flow.getPriority().toString());
    }

    /**
     * A flow's cookie as {@code cookie=0x%016x} (an absent cookie is 0).
     *
     * @param flow the flow
     * @return the text
     */
    public static String cookie(final Flow flow) {
        return String.format("cookie=0x%016x", cookieValue(flow));
    }

    /**
     * A flow's cookie (an absent cookie is 0).
     *
     * @param flow the flow
     * @return the cookie's bits
     */
    public static long cookieValue(final Flow flow) {
        return flow.getCookie() == null || flow.getCookie().getValue() == null ? 0
            : flow.getCookie().getValue().longValue();
    }

    /**
     * A group: {@code group_id=N,type=all,bucket=actions=...,...}, buckets by bucket id.
     *
     * @param group the group
     * @return its text
     */
    public static String group(final Group group) {
        final StringBuilder sb = new StringBuilder("group_id=").append(group.getGroupId().getValue())
            .append(",type=").append(group.getGroupType() == null ? "?"
                : group.getGroupType().getName().replace("group-", "").replace("ff", "fast_failover"));
        if (group.getBuckets() != null && group.getBuckets().getBucket() != null) {
            final List<Bucket> buckets = new ArrayList<>(group.getBuckets().getBucket().values());
            buckets.sort(Comparator.comparing(b -> b.getBucketId() == null ? 0 : b.getBucketId().getValue()
                .longValue()));
            for (Bucket bucket : buckets) {
                sb.append(",bucket=");
                if (bucket.getWeight() != null && bucket.getWeight().intValue() != 0) {
                    sb.append("?weight=").append(bucket.getWeight()).append(',');
                }
                if (bucket.getWatchPort() != null && bucket.getWatchPort().longValue() != 0xffffffffL) {
                    sb.append("?watch_port=").append(bucket.getWatchPort()).append(',');
                }
                if (bucket.getWatchGroup() != null && bucket.getWatchGroup().longValue() != 0xffffffffL) {
                    sb.append("?watch_group=").append(bucket.getWatchGroup()).append(',');
                }
                sb.append("actions=").append(actions(bucket.getAction()));
            }
        }
        return sb.toString();
    }

    private static List<String> match(final Match match) {
        final List<String> out = new ArrayList<>();
        if (match == null) {
            return out;
        }
        if (match.getInPort() != null) {
            out.add("in_port=" + port(match.getInPort().getValue()));
        }
        if (match.getInPhyPort() != null) {
            out.add("?in_phy_port=" + match.getInPhyPort().getValue());
        }
        if (match.getPacketTypeMatch() != null) {
            out.add("?packet_type=" + match.getPacketTypeMatch());
        }
        if (match.getMetadata() != null) {
            out.add("metadata=" + masked(match.getMetadata().getMetadata(), match.getMetadata().getMetadataMask()));
        }
        if (match.getTunnel() != null) {
            out.add("tun_id=0x" + Long.toHexString(match.getTunnel().getTunnelId().longValue())
                + (match.getTunnel().getTunnelMask() == null ? ""
                    : "/0x" + Long.toHexString(match.getTunnel().getTunnelMask().longValue())));
        }
        vlan(match.getVlanMatch(), out);
        ethernet(match.getEthernetMatch(), out);
        if (match.getIpMatch() != null) {
            final var ip = match.getIpMatch();
            if (ip.getIpProtocol() != null) {
                out.add("nw_proto=" + ip.getIpProtocol());
            }
            if (ip.getIpDscp() != null || ip.getIpEcn() != null) {
                out.add("?ip=" + ip);
            }
        }
        layer3(match, out);
        if (match.getIcmpv4Match() != null) {
            out.add("?icmpv4=" + match.getIcmpv4Match());
        }
        final Icmpv6Match icmp6 = match.getIcmpv6Match();
        if (icmp6 != null) {
            if (icmp6.getIcmpv6Type() != null) {
                out.add("icmpv6_type=" + icmp6.getIcmpv6Type());
            }
            if (icmp6.getIcmpv6Code() != null) {
                out.add("icmpv6_code=" + icmp6.getIcmpv6Code());
            }
        }
        ndFields(match, out);
        if (match.getLayer4Match() instanceof UdpMatch udp && udp.getUdpSourcePortMask() == null
                && udp.getUdpDestinationPortMask() == null) {
            if (udp.getUdpSourcePort() != null) {
                out.add("tp_src=" + udp.getUdpSourcePort().getValue());
            }
            if (udp.getUdpDestinationPort() != null) {
                out.add("tp_dst=" + udp.getUdpDestinationPort().getValue());
            }
        } else if (match.getLayer4Match() != null) {
            out.add("?l4=" + match.getLayer4Match());
        }
        if (match.getProtocolMatchFields() != null) {
            out.add("?protocol=" + match.getProtocolMatchFields());
        }
        if (match.getTcpFlagsMatch() != null) {
            out.add("?tcp_flags=" + match.getTcpFlagsMatch());
        }
        if (!match.augmentations().isEmpty()) {
            out.add("?augmentations=" + match.augmentations().values());
        }
        return out;
    }

    private static void vlan(final VlanMatch vlan, final List<String> out) {
        if (vlan == null) {
            return;
        }
        final VlanId id = vlan.getVlanId();
        if (id != null) {
            final int vid = id.getVlanId() == null ? 0 : id.getVlanId().getValue().intValue();
            if (vid != 0) {
                out.add("dl_vlan=" + vid);
            } else if (Boolean.TRUE.equals(id.getVlanIdPresent())) {
                out.add("vlan_tci=0x1000/0x1000");
            } else {
                out.add("vlan_tci=0x0000/0x1fff");
            }
        }
        if (vlan.getVlanPcp() != null) {
            out.add("dl_vlan_pcp=" + vlan.getVlanPcp().getValue());
        }
    }

    private static void ethernet(final EthernetMatch eth, final List<String> out) {
        if (eth == null) {
            return;
        }
        if (eth.getEthernetSource() != null) {
            out.add("dl_src=" + mac(eth.getEthernetSource().getAddress(), eth.getEthernetSource().getMask()));
        }
        if (eth.getEthernetDestination() != null) {
            out.add("dl_dst=" + mac(eth.getEthernetDestination().getAddress(),
                eth.getEthernetDestination().getMask()));
        }
        if (eth.getEthernetType() != null) {
            out.add(String.format("dl_type=0x%04x", eth.getEthernetType().getType().getValue().longValue()));
        }
    }

    private static void layer3(final Match match, final List<String> out) {
        final var l3 = match.getLayer3Match();
        if (l3 == null) {
            return;
        }
        if (l3 instanceof Ipv4Match v4) {
            if (v4.getIpv4Source() != null) {
                out.add("nw_src=" + prefix(v4.getIpv4Source().getValue()));
            }
            if (v4.getIpv4Destination() != null) {
                out.add("nw_dst=" + prefix(v4.getIpv4Destination().getValue()));
            }
        } else if (l3 instanceof Ipv6Match v6) {
            if (v6.getIpv6Source() != null) {
                out.add("ipv6_src=" + prefix(v6.getIpv6Source().getValue()));
            }
            if (v6.getIpv6Destination() != null) {
                out.add("ipv6_dst=" + prefix(v6.getIpv6Destination().getValue()));
            }
            if (v6.getIpv6Label() != null || v6.getIpv6ExtHeader() != null || v6.getIpv6NdTll() != null) {
                out.add("?ipv6=" + v6);
            }
        } else if (l3 instanceof ArpMatch arp) {
            if (arp.getArpOp() != null) {
                out.add("arp_op=" + arp.getArpOp());
            }
            if (arp.getArpSourceTransportAddress() != null) {
                out.add("arp_spa=" + prefix(arp.getArpSourceTransportAddress().getValue()));
            }
            if (arp.getArpTargetTransportAddress() != null) {
                out.add("arp_tpa=" + prefix(arp.getArpTargetTransportAddress().getValue()));
            }
            if (arp.getArpSourceHardwareAddress() != null) {
                out.add("arp_sha=" + mac(arp.getArpSourceHardwareAddress().getAddress(),
                    arp.getArpSourceHardwareAddress().getMask()));
            }
            if (arp.getArpTargetHardwareAddress() != null) {
                out.add("arp_tha=" + mac(arp.getArpTargetHardwareAddress().getAddress(),
                    arp.getArpTargetHardwareAddress().getMask()));
            }
        } else {
            out.add("?l3=" + l3);
        }
    }

    // ovs-ofctl prints nd_target and nd_sll after the ICMPv6 type and code
    private static void ndFields(final Match match, final List<String> out) {
        if (match.getLayer3Match() instanceof Ipv6Match v6) {
            if (v6.getIpv6NdTarget() != null) {
                out.add("nd_target=" + Addresses.normalizeAddress(v6.getIpv6NdTarget().getValue()));
            }
            if (v6.getIpv6NdSll() != null) {
                out.add("nd_sll=" + mac(v6.getIpv6NdSll(), null));
            }
        }
    }

    private static String instructionText(final Instructions instructions) {
        if (instructions == null || instructions.getInstruction() == null
                || instructions.getInstruction().isEmpty()) {
            return "drop";
        }
        // OpenFlow executes instructions in a fixed order whatever their order keys say
        final List<String> apply = new ArrayList<>();
        final List<String> metadata = new ArrayList<>();
        final List<String> gotoTable = new ArrayList<>();
        final List<String> other = new ArrayList<>();
        final List<Instruction> list = new ArrayList<>(instructions.getInstruction().values());
        list.sort(Comparator.comparing(Instruction::getOrder, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (Instruction instruction : list) {
            final var inst = instruction.getInstruction();
            if (inst instanceof ApplyActionsCase applyCase && applyCase.getApplyActions() != null) {
                apply.add(actions(applyCase.getApplyActions().getAction()));
            } else if (inst instanceof WriteMetadataCase wm && wm.getWriteMetadata() != null) {
                metadata.add("write_metadata:" + masked(wm.getWriteMetadata().getMetadata(),
                    wm.getWriteMetadata().getMetadataMask()));
            } else if (inst instanceof GoToTableCase gt && gt.getGoToTable() != null) {
                gotoTable.add("goto_table:" + gt.getGoToTable().getTableId());
            } else {
                other.add("?instruction=" + inst);
            }
        }
        final List<String> parts = new ArrayList<>();
        apply.stream().filter(s -> !s.isEmpty()).forEach(parts::add);
        parts.addAll(other);
        parts.addAll(metadata);
        parts.addAll(gotoTable);
        return parts.isEmpty() ? "drop" : String.join(",", parts);
    }

    private static String actions(final Map<ActionKey, Action> actions) {
        if (actions == null) {
            return "";
        }
        final List<Action> list = new ArrayList<>(actions.values());
        list.sort(Comparator.comparing(Action::getOrder, Comparator.nullsFirst(Comparator.naturalOrder())));
        final List<String> parts = new ArrayList<>();
        for (Action action : list) {
            parts.add(action(action.getAction()));
        }
        return String.join(",", parts);
    }

    private static String action(
            final org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.Action action) {
        if (action instanceof OutputActionCase output && output.getOutputAction() != null
                && output.getOutputAction().getOutputNodeConnector() != null) {
            // max_len matters only for output to the controller, which the pipeline never does
            return "output:" + port(output.getOutputAction().getOutputNodeConnector().getValue());
        } else if (action instanceof PushVlanActionCase push && push.getPushVlanAction() != null
                && push.getPushVlanAction().getEthernetType() != null) {
            return String.format("push_vlan:0x%04x", push.getPushVlanAction().getEthernetType().intValue());
        } else if (action instanceof PopVlanActionCase) {
            return "pop_vlan";
        } else if (action instanceof GroupActionCase group && group.getGroupAction() != null
                && group.getGroupAction().getGroupId() != null) {
            return "group:" + group.getGroupAction().getGroupId();
        } else if (action instanceof SetFieldCase setField && setField.getSetField() != null) {
            final String text = setField(setField.getSetField());
            if (text != null) {
                return text;
            }
        }
        return "?action=" + action;
    }

    private static String setField(final SetField field) {
        final boolean onlyVlan = field.getVlanMatch() != null && field.getTunnel() == null;
        final boolean onlyTunnel = field.getTunnel() != null && field.getVlanMatch() == null;
        if (field.getEthernetMatch() != null || field.getIpMatch() != null || field.getLayer3Match() != null
                || field.getLayer4Match() != null || field.getMetadata() != null || field.getInPort() != null
                || field.getIcmpv4Match() != null || field.getIcmpv6Match() != null
                || field.getProtocolMatchFields() != null || field.getTcpFlagsMatch() != null
                || field.getInPhyPort() != null || field.getPacketTypeMatch() != null) {
            return null;
        }
        if (onlyVlan && field.getVlanMatch().getVlanId() != null && field.getVlanMatch().getVlanPcp() == null
                && field.getVlanMatch().getVlanId().getVlanId() != null) {
            return "set_field:" + (OFPVID_PRESENT | field.getVlanMatch().getVlanId().getVlanId().getValue()
                .intValue()) + "->vlan_vid";
        }
        if (onlyTunnel && field.getTunnel().getTunnelMask() == null && field.getTunnel().getTunnelId() != null) {
            return "set_field:0x" + Long.toHexString(field.getTunnel().getTunnelId().longValue()) + "->tun_id";
        }
        return null;
    }

    /**
     * The port number of a node connector id or output URI: {@code openflow:1:5} and {@code 5} are both {@code 5}.
     *
     * @param value the node connector id or URI
     * @return the port
     */
    static String port(final String value) {
        final int colon = value.lastIndexOf(':');
        return colon < 0 ? value : value.substring(colon + 1);
    }

    private static String masked(final Uint64 value, final Uint64 mask) {
        return "0x" + Long.toHexString(value == null ? 0 : value.longValue()) + "/0x"
            + Long.toHexString(mask == null ? -1L : mask.longValue());
    }

    private static String mac(
            final org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.MacAddress address,
            final org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.MacAddress mask) {
        final String text = address.getValue().toLowerCase(Locale.ROOT);
        return mask == null || "ff:ff:ff:ff:ff:ff".equalsIgnoreCase(mask.getValue()) ? text
            : text + "/" + mask.getValue().toLowerCase(Locale.ROOT);
    }

    private static String prefix(final String prefix) {
        return Addresses.normalizePrefix(prefix);
    }
}
