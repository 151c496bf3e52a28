/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.wiring.renderer.openflow.pipeline.LabScenario.Port;
import org.opendaylight.wiring.renderer.openflow.pipeline.OvsLab.Host;
import org.opendaylight.wiring.renderer.openflow.pipeline.compile.CompilerConfig;
import org.opendaylight.wiring.renderer.openflow.pipeline.compile.PipelineCompiler;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.CompiledPipeline;
import org.opendaylight.wiring.renderer.openflow.pipeline.flow.Cookies;
import org.opendaylight.wiring.renderer.openflow.pipeline.ofctl.OfctlRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compiled pipeline on three real Open vSwitch hosts (userspace datapath, one network namespace each): VMs as
 * veth ends in namespaces of their own, VXLAN tunnels over a fabric namespace's Linux bridge, a flat and a VLAN
 * provider network through provider bridges (NORMAL, no controller) and patch ports. The flows are loaded with
 * {@code ovs-ofctl --bundle}; checked with dump-flows/dump-groups, ofproto/trace and real pings.
 */
class PipelineIT {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineIT.class);
    private static final LabScenario SCENARIO = LabScenario.lab();
    private static final PipelineCompiler COMPILER = new PipelineCompiler(CompilerConfig.DEFAULT);
    private static final Map<String, String> PROVIDER_BRIDGES = Map.of("public", "br-ex", "physnet1", "br-vlan");
    private static final Map<String, String> FABRIC_BRIDGES = Map.of("br-phy", "tun", "br-ex", "pub",
        "br-vlan", "vln");
    private static final Pattern OUTPUT = Pattern.compile("^\\s*output:(\\d+)\\s*$");
    private static final String BROADCAST = "ff:ff:ff:ff:ff:ff";

    private static OvsLab lab;
    private static final Map<String, Host> HOSTS = new LinkedHashMap<>();
    private static final Map<String, String> VM_NS = new HashMap<>();
    private static final Map<String, CompiledPipeline> COMPILED = new HashMap<>();

    @BeforeAll
    static void startLab() throws IOException, InterruptedException {
        OvsLab.requirePrerequisites();
        OvsLab.removeLeftovers();
        final long start = System.nanoTime();
        lab = new OvsLab(Path.of(System.getProperty("wof.work.dir", "target/wof")));
        final String fabric = lab.namespace("fab");
        for (String bridge : new TreeSet<>(FABRIC_BRIDGES.values())) {
            lab.ip("-n", fabric, "link", "add", bridge, "type", "bridge");
            lab.ip("-n", fabric, "link", "set", bridge, "up");
        }
        for (String name : LabScenario.HOSTS) {
            final Host host = lab.startHost(name);
            HOSTS.put(name, host);
            wireHost(host, fabric);
        }
        for (Host host : HOSTS.values()) {
            final CompiledPipeline pipeline = COMPILER.compile(SCENARIO.pipeline(host.name()));
            COMPILED.put(host.name(), pipeline);
            final Path groups = host.dir().resolve("br-int.groups");
            final Path flows = host.dir().resolve("br-int.flows");
            Files.writeString(groups, OfctlRenderer.groups(pipeline));
            Files.writeString(flows, OfctlRenderer.flows(pipeline));
            final long load = System.nanoTime();
            assertOk(host.ofctlBundle("add-groups", "br-int", groups));
            assertOk(host.ofctlBundle("add-flows", "br-int", flows));
            LOG.info("{}: {} flows, {} groups loaded in {} ms", host.name(), pipeline.flows().size(),
                pipeline.groups().size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - load));
        }
        // let each vswitchd learn its tunnel neighbours (native tunnelling resolves the remote MAC by ARP), so
        // that traces show the full encapsulation
        for (Host host : HOSTS.values()) {
            for (Host other : HOSTS.values()) {
                if (host == other) {
                    continue;
                }
                final String remote = underlayIp(other.name());
                for (int attempt = 0; attempt < 10 && !host.appctl("tnl/neigh/show").contains(remote + " ");
                        attempt++) {
                    lab.exec(host.ns(), "ping", "-n", "-c", "1", "-W", "1", remote);
                }
                assertTrue(host.appctl("tnl/neigh/show").contains(remote + " "), host.appctl("tnl/neigh/show"));
            }
        }
        LOG.info("lab up in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    private static String underlayIp(final String host) {
        return "10.99.0." + host.substring(1);
    }

    private static void wireHost(final Host host, final String fabric) {
        final String name = host.name();
        final List<String> vsctl = new java.util.ArrayList<>(List.of(
            "add-br", "br-int", "--", "set", "bridge", "br-int", "datapath_type=netdev", "fail_mode=secure",
            "protocols=OpenFlow13", "--", "add-br", "br-phy", "--", "set", "bridge", "br-phy",
            "datapath_type=netdev"));
        for (String physnet : new TreeSet<>(LabScenario.MAPPINGS.get(name))) {
            final String bridge = PROVIDER_BRIDGES.get(physnet);
            vsctl.addAll(List.of("--", "add-br", bridge, "--", "set", "bridge", bridge, "datapath_type=netdev",
                "--", "add-port", "br-int", "int-" + bridge, "--", "set", "interface", "int-" + bridge,
                "type=patch", "options:peer=phy-" + bridge, "ofport_request=" + LabScenario.PATCH_OFPORTS.get(physnet),
                "--", "add-port", bridge, "phy-" + bridge, "--", "set", "interface", "phy-" + bridge, "type=patch",
                "options:peer=int-" + bridge));
        }
        for (String other : LabScenario.HOSTS) {
            if (!other.equals(name)) {
                vsctl.addAll(List.of("--", "add-port", "br-int", "tun-" + other, "--", "set", "interface",
                    "tun-" + other, "type=vxlan", "options:remote_ip=" + underlayIp(other),
                    "options:local_ip=" + underlayIp(name), "options:key=flow",
                    "ofport_request=" + LabScenario.tunnelOfport(other)));
            }
        }
        host.vsctl(vsctl.toArray(String[]::new));
        // uplinks: a veth from each of the host's fabric-facing bridges to the fabric's Linux bridge
        for (Map.Entry<String, String> entry : new TreeMap<>(FABRIC_BRIDGES).entrySet()) {
            final String bridge = entry.getKey();
            if (!bridge.equals("br-phy") && !host.vsctl("list-br").contains(bridge)) {
                continue;
            }
            final String fabricBridge = entry.getValue();
            final String uplink = "u-" + fabricBridge;
            final String fabricEnd = name + "-" + fabricBridge;
            lab.ip("-n", host.ns(), "link", "add", uplink, "mtu", "1600", "type", "veth", "peer", "name", fabricEnd,
                "mtu", "1600", "netns", fabric);
            lab.ip("-n", fabric, "link", "set", fabricEnd, "master", fabricBridge, "up");
            lab.ip("-n", host.ns(), "link", "set", uplink, "up");
            host.vsctl("add-port", bridge, uplink);
        }
        lab.ip("-n", host.ns(), "link", "set", "br-phy", "up");
        lab.ip("-n", host.ns(), "addr", "add", underlayIp(name) + "/24", "dev", "br-phy");
        for (Port port : SCENARIO.portsOn(name)) {
            final String vmNs = lab.namespace(name + "-" + port.id());
            VM_NS.put(port.id(), vmNs);
            final String tap = "v" + port.ofport();
            lab.ip("-n", host.ns(), "link", "add", tap, "type", "veth", "peer", "name", "eth0", "netns", vmNs);
            lab.ip("-n", vmNs, "link", "set", "eth0", "address", port.mac());
            for (String ip : port.ips()) {
                if (ip.indexOf(':') < 0) {
                    lab.ip("-n", vmNs, "addr", "add", ip + "/24", "dev", "eth0");
                } else {
                    lab.ip("-n", vmNs, "addr", "add", ip + "/64", "dev", "eth0", "nodad");
                }
            }
            lab.ip("-n", vmNs, "link", "set", "eth0", "up");
            lab.ip("-n", host.ns(), "link", "set", tap, "up");
            host.vsctl("add-port", "br-int", tap, "--", "set", "interface", tap, "ofport_request=" + port.ofport(),
                "external_ids:iface-id=" + port.id());
            // the compiler's input names this ofport: the switch must really have given it
            assertEquals(String.valueOf(port.ofport()), host.vsctl("get", "interface", tap, "ofport").trim());
        }
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
        OvsLab.removeLeftovers();
    }

    private static void assertOk(final OvsLab.Result result) {
        assertEquals(0, result.exit(), result.output());
    }

    // ---- dump-flows / dump-groups ----

    @Test
    void switchesHoldExactlyTheCompiledFlowsAndGroups() {
        for (Host host : HOSTS.values()) {
            final CompiledPipeline pipeline = COMPILED.get(host.name());
            final OvsLab.Result diff = host.ofctl("diff-flows", "br-int", host.dir().resolve("br-int.flows")
                .toString());
            assertEquals(0, diff.exit(), host.name() + ": switch and compiled flows differ:\n" + diff.output());
            final List<String> ours = dumpFlows(host, String.format("cookie=0x%x/0x%x", Cookies.DEFAULT_BASE,
                Cookies.OWNER_MASK));
            assertEquals(pipeline.flows().size(), ours.size(), host.name());
            final Set<String> groups = host.ofctl("dump-groups", "br-int").output().lines()
                .filter(line -> line.startsWith(" group_id=")).map(String::trim).collect(Collectors.toSet());
            assertEquals(Set.copyOf(OfctlRenderer.groups(pipeline).lines().toList()), groups, host.name());
        }
    }

    @Test
    void dumpFlowsShowTheSeedPipelines() {
        final Host h1 = HOSTS.get("h1");
        final String table0 = String.join("\n", dumpFlows(h1, "table=0"));
        // seed 004: tunnel classification of both VNIs into the networks' ids (Dragonflow's metadata 0x3 and 0x1)
        assertTrue(table0.contains("priority=100,tun_id=0x13 actions=write_metadata:0x10003/0x1ffff,goto_table:17"),
            table0);
        assertTrue(table0.contains("priority=100,tun_id=0x49 actions=write_metadata:0x10001/0x1ffff,goto_table:17"),
            table0);
        // seed 002: VLAN 100 popped on the physnet1 patch, untagged frames of the flat network's patch
        assertTrue(table0.contains("priority=100,in_port=2,dl_vlan=100 actions=pop_vlan,"
            + "write_metadata:0x2000000010006/0xffff00000001ffff,goto_table:17"), table0);
        assertTrue(table0.contains("priority=100,in_port=1,vlan_tci=0x0000/0x1fff actions="
            + "write_metadata:0x1000000010005/0xffff00000001ffff,goto_table:17"), table0);
        final String egress = String.join("\n", dumpFlows(h1, "table=64"));
        assertTrue(egress.contains("actions=push_vlan:0x8100,set_field:4196->vlan_vid,output:2"),
            egress);
        assertTrue(egress.contains("actions=set_field:0x13->tun_id,output:23"), egress);
        // nothing outside OpenFlow 1.3
        final String all = String.join("\n", dumpFlows(h1));
        for (String nicira : List.of("resubmit", "load:", "reg", "move:", "ct(")) {
            assertFalse(all.contains(nicira), nicira);
        }
    }

    private static List<String> dumpFlows(final Host host, final String... filter) {
        final String[] args = new String[filter.length + 2];
        args[0] = "--no-stats";
        args[1] = "--no-names";
        System.arraycopy(filter, 0, args, 2, filter.length);
        final OvsLab.Result result = host.ofctl("dump-flows", "br-int", args);
        assertOk(result);
        return result.output().lines().filter(line -> line.contains("actions=")).map(String::trim).toList();
    }

    // ---- ofproto/trace ----

    /** A trace of br-int: how often each port got a copy, ports skipped, the datapath actions. */
    record Trace(String text, Map<Long, Integer> delivered, Set<Long> skipped, String datapath) {
        static Trace of(final Host host, final String flow) {
            final String text = host.appctl("ofproto/trace", "br-int", flow);
            final Map<Long, Integer> delivered = new TreeMap<>();
            final Set<Long> skipped = new TreeSet<>();
            final List<String> lines = text.lines().toList();
            String datapath = null;
            for (int i = 0; i < lines.size(); i++) {
                final String line = lines.get(i);
                if (line.startsWith("Datapath actions: ")) {
                    datapath = line.substring("Datapath actions: ".length()).trim();
                }
                // provider bridges switch NORMAL: every "output:N" of the trace is one of br-int's
                final Matcher matcher = OUTPUT.matcher(line);
                if (matcher.matches()) {
                    final long port = Long.parseLong(matcher.group(1));
                    final String next = i + 1 < lines.size() ? lines.get(i + 1).trim() : "";
                    if (next.startsWith(">>")) {
                        skipped.add(port);
                    } else {
                        delivered.merge(port, 1, Integer::sum);
                    }
                }
            }
            return new Trace(text, delivered, skipped, datapath);
        }

        boolean dropped() {
            return delivered.isEmpty() && "drop".equals(datapath);
        }
    }

    private static String ethFrom(final Port port) {
        return "in_port=" + port.ofport() + ",dl_src=" + port.mac();
    }

    private static Map<String, Integer> datapathPorts(final Host host) {
        final Map<String, Integer> ports = new HashMap<>();
        final Pattern line = Pattern.compile("^\\s+(\\S+) \\d+/(\\d+): .*");
        for (String text : host.appctl("dpif/show").lines().toList()) {
            final Matcher matcher = line.matcher(text);
            if (matcher.matches()) {
                ports.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
            }
        }
        return ports;
    }

    @Test
    void vlanTaggedFromProviderReachesTheRightVmUntagged() {
        final Host h1 = HOSTS.get("h1");
        final Port vm = SCENARIO.port("vm-vlan1");
        final Trace trace = Trace.of(h1, "in_port=2,dl_vlan=100,dl_src=fa:16:3e:00:64:02,dl_dst=" + vm.mac()
            + ",ip,nw_src=172.16.100.12,nw_dst=" + vm.ipv4());
        assertEquals(Map.of(vm.ofport(), 1), trace.delivered(), trace.text());
        assertEquals("pop_vlan," + datapathPorts(h1).get("v" + vm.ofport()), trace.datapath(), trace.text());
        // the flat network's patch: untagged in, untagged out
        final Port pub = SCENARIO.port("vm-pub1");
        final Trace flat = Trace.of(h1, "in_port=1,dl_src=fa:16:3e:6a:2e:02,dl_dst=" + pub.mac()
            + ",ip,nw_src=172.24.4.93,nw_dst=" + pub.ipv4());
        assertEquals(Map.of(pub.ofport(), 1), flat.delivered(), flat.text());
        assertEquals(String.valueOf(datapathPorts(h1).get("v" + pub.ofport())), flat.datapath(), flat.text());
        // a VLAN no network uses, and a tagged frame on the flat network's patch: dropped
        assertTrue(Trace.of(h1, "in_port=2,dl_vlan=200,dl_dst=" + vm.mac()).dropped());
        assertTrue(Trace.of(h1, "in_port=1,dl_vlan=100,dl_dst=" + pub.mac()).dropped());
    }

    @Test
    void vmToRemoteVmLeavesTheRightTunnelWithTheRightVni() {
        final Host h1 = HOSTS.get("h1");
        final Port src = SCENARIO.port("vm-priv1");
        for (String[] dstAndVni : new String[][] {{"vm-priv3", "0x49"}, {"vm-priv4", "0x49"}}) {
            final Port dst = SCENARIO.port(dstAndVni[0]);
            final Trace trace = Trace.of(h1, ethFrom(src) + ",dl_dst=" + dst.mac() + ",ip,nw_src=" + src.ipv4()
                + ",nw_dst=" + dst.ipv4());
            assertEquals(Map.of(LabScenario.tunnelOfport(dst.host()), 1), trace.delivered(), trace.text());
            assertTrue(trace.text().contains("set_field:" + dstAndVni[1] + "->tun_id"), trace.text());
            assertTunnelled(trace, underlayIp(dst.host()), dstAndVni[1], 1);
        }
        // port security off (vm-admin1) on admin-private: VNI 0x13 toward h3
        final Port admin = SCENARIO.port("vm-admin1");
        final Port admin3 = SCENARIO.port("vm-admin3");
        final Trace trace = Trace.of(h1, ethFrom(admin) + ",dl_dst=" + admin3.mac() + ",ip,nw_src=" + admin.ipv4()
            + ",nw_dst=" + admin3.ipv4());
        assertEquals(Map.of(LabScenario.tunnelOfport("h3"), 1), trace.delivered(), trace.text());
        assertTunnelled(trace, underlayIp("h3"), "0x13", 1);
    }

    private static void assertTunnelled(final Trace trace, final String remoteIp, final String vni,
            final int times) {
        final Pattern header = Pattern.compile("ipv4\\(src=[0-9.]+,dst=" + Pattern.quote(remoteIp)
            + ",[^)]*\\),udp\\([^)]*\\),vxlan\\(flags=0x8000000,vni=" + vni + "\\)");
        final Matcher matcher = header.matcher(trace.datapath());
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        assertEquals(times, found, "VXLAN to " + remoteIp + " with VNI " + vni + " in " + trace.datapath());
    }

    @Test
    void broadcastFromVmReachesEveryReceiverExactlyOnce() {
        final Host h1 = HOSTS.get("h1");
        // overlay: the other local port and one copy per remote host, none back to the sender
        final Port priv1 = SCENARIO.port("vm-priv1");
        final Trace overlay = Trace.of(h1, ethFrom(priv1) + ",dl_dst=" + BROADCAST + ",arp,arp_op=1,arp_spa="
            + priv1.ipv4() + ",arp_sha=" + priv1.mac() + ",arp_tpa=10.0.0.7");
        assertEquals(Map.of(7L, 1, 22L, 1, 23L, 1), overlay.delivered(), overlay.text());
        assertEquals(Set.of(priv1.ofport()), overlay.skipped(), overlay.text());
        assertTunnelled(overlay, underlayIp("h2"), "0x49", 1);
        assertTunnelled(overlay, underlayIp("h3"), "0x49", 1);
        // unknown unicast is flooded the same way
        final Trace unknown = Trace.of(h1, ethFrom(priv1) + ",dl_dst=fa:16:3e:99:99:99,ip,nw_src=" + priv1.ipv4());
        assertEquals(overlay.delivered(), unknown.delivered(), unknown.text());
        // VLAN provider network: the other local port and the patch port, tagged once
        final Port vlan1 = SCENARIO.port("vm-vlan1");
        final Trace provider = Trace.of(h1, ethFrom(vlan1) + ",dl_dst=" + BROADCAST + ",arp,arp_op=1,arp_spa="
            + vlan1.ipv4() + ",arp_sha=" + vlan1.mac() + ",arp_tpa=172.16.100.12");
        assertEquals(Map.of(12L, 1, 2L, 1), provider.delivered(), provider.text());
        assertEquals(1, count(provider.datapath(), "push_vlan(vid=100,"), provider.datapath());
        // flat provider network: the patch port, untagged
        final Port pub1 = SCENARIO.port("vm-pub1");
        final Trace flat = Trace.of(h1, ethFrom(pub1) + ",dl_dst=" + BROADCAST + ",arp,arp_op=1,arp_spa="
            + pub1.ipv4() + ",arp_sha=" + pub1.mac() + ",arp_tpa=172.24.4.93");
        assertEquals(Map.of(1L, 1), flat.delivered(), flat.text());
        assertEquals(0, count(flat.datapath(), "push_vlan"), flat.datapath());
    }

    @Test
    void broadcastFromUplinksReachesOnlyLocalPorts() {
        final Host h1 = HOSTS.get("h1");
        final Trace tunnel = Trace.of(h1, "in_port=22,tun_id=0x49,dl_src=fa:16:3e:2d:cc:cd,dl_dst=" + BROADCAST
            + ",arp,arp_op=1");
        assertEquals(Map.of(7L, 1, 8L, 1), tunnel.delivered(), tunnel.text());
        final Trace provider = Trace.of(h1, "in_port=2,dl_vlan=100,dl_src=fa:16:3e:00:64:02,dl_dst=" + BROADCAST
            + ",arp,arp_op=1");
        assertEquals(Map.of(10L, 1, 12L, 1), provider.delivered(), provider.text());
        final Trace flat = Trace.of(h1, "in_port=1,dl_src=fa:16:3e:6a:2e:02,dl_dst=" + BROADCAST + ",arp,arp_op=1");
        assertEquals(Map.of(11L, 1), flat.delivered(), flat.text());
        // unicast from a tunnel to another host's port is never sent back into a tunnel
        assertTrue(Trace.of(h1, "in_port=22,tun_id=0x49,dl_dst=fa:16:3e:2d:cc:ce,ip").dropped());
        // unknown VNI
        assertTrue(Trace.of(h1, "in_port=22,tun_id=0x77,dl_dst=" + BROADCAST + ",arp").dropped());
    }

    @Test
    void spoofedSourcesAreDropped() {
        final Host h1 = HOSTS.get("h1");
        final Port vm = SCENARIO.port("vm-priv1");
        final Port peer = SCENARIO.port("vm-priv2");
        final String toPeer = "in_port=" + vm.ofport() + ",dl_dst=" + peer.mac() + ",dl_src=";
        final Map<Long, Integer> reachesPeer = Map.of(peer.ofport(), 1);
        final String ll = "fe80::f816:3eff:fe95:bfe9";
        // allowed: own MAC with own IPv4, the allowed address pair, own ARP, own IPv6, own ND
        for (String ok : List.of(
                vm.mac() + ",ip,nw_src=10.0.0.5,nw_dst=10.0.0.6",
                vm.mac() + ",ip,nw_src=10.0.0.100,nw_dst=10.0.0.6",
                vm.mac() + ",arp,arp_op=2,arp_spa=10.0.0.5,arp_sha=" + vm.mac(),
                vm.mac() + ",ipv6,ipv6_src=2001:db8:49::5",
                vm.mac() + ",icmp6,icmpv6_type=136,icmpv6_code=0,ipv6_src=" + ll + ",nd_target=2001:db8:49::5",
                vm.mac() + ",icmp6,icmpv6_type=135,icmpv6_code=0,ipv6_src=" + ll + ",nd_sll=" + vm.mac())) {
            final Trace trace = Trace.of(h1, toPeer + ok);
            assertEquals(reachesPeer, trace.delivered(), ok + "\n" + trace.text());
        }
        for (String spoofed : List.of(
                "fa:16:3e:00:00:99,ip,nw_src=10.0.0.5,nw_dst=10.0.0.6",
                vm.mac() + ",ip,nw_src=10.0.0.6,nw_dst=10.0.0.6",
                vm.mac() + ",arp,arp_op=2,arp_spa=10.0.0.6,arp_sha=" + vm.mac(),
                vm.mac() + ",arp,arp_op=2,arp_spa=10.0.0.5,arp_sha=fa:16:3e:00:00:99",
                "fa:16:3e:00:00:99,arp,arp_op=2,arp_spa=10.0.0.5,arp_sha=fa:16:3e:00:00:99",
                vm.mac() + ",ipv6,ipv6_src=2001:db8:49::6",
                vm.mac() + ",icmp6,icmpv6_type=136,icmpv6_code=0,ipv6_src=" + ll + ",nd_target=2001:db8:49::6",
                vm.mac() + ",icmp6,icmpv6_type=135,icmpv6_code=0,ipv6_src=" + ll + ",nd_sll=fa:16:3e:00:00:99",
                vm.mac() + ",icmp6,icmpv6_type=134,icmpv6_code=0,ipv6_src=" + ll,
                vm.mac() + ",dl_vlan=5,ip,nw_src=10.0.0.5")) {
            final Trace trace = Trace.of(h1, toPeer + spoofed);
            assertTrue(trace.dropped(), spoofed + "\n" + trace.text());
        }
        // port security off: a spoofed source passes
        final Port admin = SCENARIO.port("vm-admin1");
        final Trace open = Trace.of(h1, "in_port=" + admin.ofport() + ",dl_src=fa:16:3e:00:00:99,dl_dst="
            + SCENARIO.port("vm-admin3").mac() + ",ip,nw_src=10.10.0.99");
        assertEquals(Map.of(23L, 1), open.delivered(), open.text());
    }

    private static int count(final String text, final String what) {
        int count = 0;
        int index = text.indexOf(what);
        while (index >= 0) {
            count++;
            index = text.indexOf(what, index + what.length());
        }
        return count;
    }

    // ---- real packets ----

    @Test
    void pingsBetweenVms() {
        // one host, one overlay network
        assertPings("vm-priv1", "vm-priv2");
        // across the VLAN provider network between two hosts, and across the flat one
        assertPings("vm-vlan1", "vm-vlan2");
        assertPings("vm-pub1", "vm-pub2");
        // across tunnels: VNI 0x49 h1 -> h2 and h2 -> h3, VNI 0x13 h1 -> h3
        assertPings("vm-priv1", "vm-priv3");
        assertPings("vm-priv3", "vm-priv4");
        assertPings("vm-admin1", "vm-admin3");
    }

    @Test
    void ipv6PingsPassPortSecurityWithNeighbourDiscovery() {
        // NS/NA (and MLD) of both VMs go through the ND allow flows of table 1
        assertPings6("vm-pub1", "vm-pub2");
        assertPings6("vm-priv1", "vm-priv3");
    }

    @Test
    void spoofedPacketsDoNotGetThrough() {
        final String vmNs = VM_NS.get("vm-priv2");
        lab.ip("-n", vmNs, "addr", "add", "10.0.0.66/32", "dev", "eth0");
        try {
            final OvsLab.Result spoofed = lab.exec(vmNs, "ping", "-n", "-c", "3", "-i", "0.2", "-W", "1", "-I",
                "10.0.0.66", SCENARIO.port("vm-priv1").ipv4());
            assertNotEquals(0, spoofed.exit(), spoofed.output());
            final OvsLab.Result own = lab.exec(vmNs, "ping", "-n", "-c", "3", "-i", "0.2", "-W", "1", "-I",
                "10.0.0.6", SCENARIO.port("vm-priv1").ipv4());
            assertEquals(0, own.exit(), own.output());
        } finally {
            lab.ip("-n", vmNs, "addr", "del", "10.0.0.66/32", "dev", "eth0");
        }
    }

    private static void assertPings(final String from, final String to) {
        final String address = SCENARIO.port(to).ipv4();
        // the first packets may wait for ARP (and native tunnelling's neighbour resolution)
        OvsLab.Result result = ping(from, address, 3);
        for (int attempt = 0; attempt < 3 && result.exit() != 0; attempt++) {
            result = ping(from, address, 3);
        }
        assertEquals(0, result.exit(), from + " -> " + to + ":\n" + result.output());
        // then no loss (one retry: the machine is shared, a userspace datapath can miss a packet under load)
        OvsLab.Result steady = ping(from, address, 5);
        if (!steady.output().contains(" 0% packet loss")) {
            steady = ping(from, address, 5);
        }
        assertTrue(steady.output().contains(" 0% packet loss"), from + " -> " + to + ":\n" + steady.output());
    }

    private static void assertPings6(final String from, final String to) {
        final String address = SCENARIO.port(to).ipv6();
        OvsLab.Result result = ping(from, address, 3);
        for (int attempt = 0; attempt < 3 && result.exit() != 0; attempt++) {
            result = ping(from, address, 3);
        }
        assertEquals(0, result.exit(), from + " -> " + to + ":\n" + result.output());
    }

    private static OvsLab.Result ping(final String from, final String address, final int count) {
        return lab.exec(VM_NS.get(from), "ping", "-n", "-c", String.valueOf(count), "-i", "0.2", "-W", "2",
            address);
    }
}
