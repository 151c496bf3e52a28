/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * An OpenFlow 1.3 match (OXM fields only). Null fields are wildcarded. {@link #toString()} is the canonical form
 * flow ids are derived from.
 *
 * @param inPort OXM IN_PORT
 * @param metadata OXM METADATA, masked
 * @param tunnelId OXM TUNNEL_ID
 * @param vlanVid OXM VLAN_VID: 0 for "no VLAN tag" (OFPVID_NONE), 1..4094 for that VLAN
 * @param ethSrc OXM ETH_SRC
 * @param ethDst OXM ETH_DST
 * @param ethType OXM ETH_TYPE
 * @param ipProto OXM IP_PROTO
 * @param ipv4Src OXM IPV4_SRC, an address or prefix
 * @param ipv6Src OXM IPV6_SRC, an address or prefix
 * @param arpSpa OXM ARP_SPA, an address or prefix
 * @param arpSha OXM ARP_SHA
 * @param icmpv6Type OXM ICMPV6_TYPE
 * @param icmpv6Code OXM ICMPV6_CODE
 * @param ndTarget OXM IPV6_ND_TARGET
 * @param ndSll OXM IPV6_ND_SLL
 * @param udpSrc OXM UDP_SRC
 * @param udpDst OXM UDP_DST
 */
public record Match(Long inPort, Masked metadata, Long tunnelId, Integer vlanVid, String ethSrc, String ethDst,
        Integer ethType, Integer ipProto, String ipv4Src, String ipv6Src, String arpSpa, String arpSha,
        Integer icmpv6Type, Integer icmpv6Code, String ndTarget, String ndSll, Integer udpSrc, Integer udpDst) {
    /** Ethernet type IPv4. */
    public static final int ETH_IPV4 = 0x0800;
    /** Ethernet type ARP. */
    public static final int ETH_ARP = 0x0806;
    /** Ethernet type IPv6. */
    public static final int ETH_IPV6 = 0x86dd;
    /** IP protocol UDP. */
    public static final int PROTO_UDP = 17;
    /** IP protocol ICMPv6. */
    public static final int PROTO_ICMPV6 = 58;

    /** The empty match (everything). */
    public static final Match ANY = builder().build();

    /**
     * A builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The set fields as {@code name=value} in a fixed order (the names of ovs-ofctl).
     *
     * @return the fields
     */
    public List<String> fields() {
        final List<String> out = new ArrayList<>();
        add(out, "in_port", inPort);
        add(out, "metadata", metadata);
        add(out, "tun_id", tunnelId == null ? null : "0x" + Long.toHexString(tunnelId));
        if (vlanVid != null) {
            out.add(vlanVid == 0 ? "vlan_tci=0x0000/0x1fff" : "dl_vlan=" + vlanVid);
        }
        add(out, "dl_src", ethSrc);
        add(out, "dl_dst", ethDst);
        add(out, "dl_type", ethType == null ? null : String.format("0x%04x", ethType));
        add(out, "nw_proto", ipProto);
        add(out, "nw_src", ipv4Src);
        add(out, "ipv6_src", ipv6Src);
        add(out, "arp_spa", arpSpa);
        add(out, "arp_sha", arpSha);
        add(out, "icmpv6_type", icmpv6Type);
        add(out, "icmpv6_code", icmpv6Code);
        add(out, "nd_target", ndTarget);
        add(out, "nd_sll", ndSll);
        add(out, "tp_src", udpSrc);
        add(out, "tp_dst", udpDst);
        return out;
    }

    private static void add(final List<String> out, final String name, final Object value) {
        if (value != null) {
            out.add(name + "=" + value);
        }
    }

    @Override
    public String toString() {
        return String.join(",", fields());
    }

    /**
     * Builds a {@link Match}.
     */
    public static final class Builder {
        private Long inPort;
        private Masked metadata;
        private Long tunnelId;
        private Integer vlanVid;
        private String ethSrc;
        private String ethDst;
        private Integer ethType;
        private Integer ipProto;
        private String ipv4Src;
        private String ipv6Src;
        private String arpSpa;
        private String arpSha;
        private Integer icmpv6Type;
        private Integer icmpv6Code;
        private String ndTarget;
        private String ndSll;
        private Integer udpSrc;
        private Integer udpDst;

        Builder() {
            // via Match.builder()
        }

        /**
         * Match the ingress port.
         *
         * @param value the port
         * @return this
         */
        public Builder inPort(final long value) {
            inPort = value;
            return this;
        }

        /**
         * Match metadata bits.
         *
         * @param value value and mask
         * @return this
         */
        public Builder metadata(final Masked value) {
            metadata = value;
            return this;
        }

        /**
         * Match the tunnel id.
         *
         * @param value the tunnel id (VNI)
         * @return this
         */
        public Builder tunnelId(final long value) {
            tunnelId = value;
            return this;
        }

        /**
         * Match frames without a VLAN tag.
         *
         * @return this
         */
        public Builder noVlan() {
            vlanVid = 0;
            return this;
        }

        /**
         * Match frames tagged with a VLAN.
         *
         * @param vid the VLAN id
         * @return this
         */
        public Builder vlan(final int vid) {
            vlanVid = vid;
            return this;
        }

        /**
         * Match the source MAC.
         *
         * @param mac the MAC
         * @return this
         */
        public Builder ethSrc(final String mac) {
            ethSrc = mac;
            return this;
        }

        /**
         * Match the destination MAC.
         *
         * @param mac the MAC
         * @return this
         */
        public Builder ethDst(final String mac) {
            ethDst = mac;
            return this;
        }

        /**
         * Match the Ethernet type.
         *
         * @param value the type
         * @return this
         */
        public Builder ethType(final int value) {
            ethType = value;
            return this;
        }

        /**
         * Match the IP protocol.
         *
         * @param value the protocol
         * @return this
         */
        public Builder ipProto(final int value) {
            ipProto = value;
            return this;
        }

        /**
         * Match the IPv4 source.
         *
         * @param prefix address or prefix
         * @return this
         */
        public Builder ipv4Src(final String prefix) {
            ipv4Src = prefix;
            return this;
        }

        /**
         * Match the IPv6 source.
         *
         * @param prefix address or prefix
         * @return this
         */
        public Builder ipv6Src(final String prefix) {
            ipv6Src = prefix;
            return this;
        }

        /**
         * Match the ARP sender protocol address.
         *
         * @param prefix address or prefix
         * @return this
         */
        public Builder arpSpa(final String prefix) {
            arpSpa = prefix;
            return this;
        }

        /**
         * Match the ARP sender hardware address.
         *
         * @param mac the MAC
         * @return this
         */
        public Builder arpSha(final String mac) {
            arpSha = mac;
            return this;
        }

        /**
         * Match ICMPv6 type and code.
         *
         * @param type the type
         * @param code the code
         * @return this
         */
        public Builder icmpv6(final int type, final int code) {
            icmpv6Type = type;
            icmpv6Code = code;
            return this;
        }

        /**
         * Match the ICMPv6 type, any code.
         *
         * @param type the type
         * @return this
         */
        public Builder icmpv6Type(final int type) {
            icmpv6Type = type;
            return this;
        }

        /**
         * Match the ND target address.
         *
         * @param address the address
         * @return this
         */
        public Builder ndTarget(final String address) {
            ndTarget = address;
            return this;
        }

        /**
         * Match the ND source link-layer address option (00:00:00:00:00:00: the option is absent).
         *
         * @param mac the MAC
         * @return this
         */
        public Builder ndSll(final String mac) {
            ndSll = mac;
            return this;
        }

        /**
         * Match UDP ports.
         *
         * @param src the source port
         * @param dst the destination port
         * @return this
         */
        public Builder udp(final int src, final int dst) {
            udpSrc = src;
            udpDst = dst;
            return this;
        }

        /**
         * The match.
         *
         * @return the match
         */
        public Match build() {
            return new Match(inPort, metadata, tunnelId, vlanVid, ethSrc, ethDst, ethType, ipProto, ipv4Src,
                ipv6Src, arpSpa, arpSha, icmpv6Type, icmpv6Code, ndTarget, ndSll, udpSrc, udpDst);
        }
    }
}
