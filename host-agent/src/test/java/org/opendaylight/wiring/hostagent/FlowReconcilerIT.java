/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed-000 provider-bridge flows on a real Open vSwitch (userspace datapath, in a namespace of ours): exactly
 * the pair per patch port under our cookie, foreign flows untouched, stale flows of our cookie removed, a patch
 * port's new ofport and a flushed flow table repaired, and ofproto/trace showing the rewritten destination MAC.
 */
class FlowReconcilerIT {
    private static final String PATCH = "patch-provnet-1";

    private Lab lab;
    private Map<String, String> ovs;
    private FlowReconciler flows;
    private String bridgeMac;

    @BeforeEach
    void setUp() throws IOException {
        lab = new Lab("ovsdb-server", "ovs-vswitchd", "ovs-vsctl", "ovs-ofctl", "ovs-appctl");
        final String ns = lab.netns("ovs");
        ovs = lab.startOvs(ns);
        vsctl("add-br", "br-int", "--", "set", "Bridge", "br-int", "datapath_type=netdev", "--",
            "add-br", "br-ex", "--", "set", "Bridge", "br-ex", "datapath_type=netdev", "--",
            "add-port", "br-ex", PATCH, "--", "set", "Interface", PATCH, "type=patch",
            "options:peer=patch-br-int-to-provnet-1", "--",
            "add-port", "br-int", "patch-br-int-to-provnet-1", "--", "set", "Interface", "patch-br-int-to-provnet-1",
            "type=patch", "options:peer=" + PATCH);
        for (int i = 0; i < 100 && bridgeMac == null; i++) {
            final String mac = vsctl("get", "Interface", "br-ex", "mac_in_use").strip().replace("\"", "");
            if (mac.matches("[0-9a-f:]{17}")) {
                bridgeMac = mac;
            } else {
                sleep(50);
            }
        }
        final AgentConfig config = new AgentConfig(AgentConfig.DEFAULT_PROTOCOL, lab.protocolName(),
            lab.protosFile(), lab.tablesFile(), lab.work.resolve("state.json"), Optional.of(ns),
            AgentConfig.ExposureKind.BRIDGE, "odl-wiring-host-agent", AgentConfig.DEFAULT_COOKIE, false, ovs);
        flows = new FlowReconciler(config, lab.runner);
    }

    @AfterEach
    void tearDown() throws IOException {
        if (lab != null) {
            lab.close();
        }
    }

    private String vsctl(final String... args) throws IOException {
        return lab.env(ovs, concat("ovs-vsctl", args));
    }

    private String ofctl(final String... args) throws IOException {
        return lab.env(ovs, concat("ovs-ofctl", args));
    }

    private static String[] concat(final String first, final String... rest) {
        final String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static void sleep(final long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Flow lines of one cookie as ovs-ofctl (OpenFlow 1.0 spelling, port names) prints them, duration blanked. */
    private Set<String> dump(final String cookie) throws IOException {
        return Arrays.stream(ofctl("--names", "dump-flows", "br-ex", "cookie=" + cookie + "/-1").split("\n"))
            .map(String::strip).filter(line -> line.startsWith("cookie="))
            .map(line -> line.replaceAll("duration=[0-9.]+s", "duration=X")
                .replaceAll("n_packets=\\d+, n_bytes=\\d+", "n_packets=N, n_bytes=N"))
            .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Seed 000's two lines, with this bridge's MAC. */
    private Set<String> seed000() {
        return Set.of(
            "cookie=0x3e7, duration=X, table=0, n_packets=N, n_bytes=N, priority=900,ip,in_port=\"" + PATCH
                + "\" actions=mod_dl_dst:" + bridgeMac + ",NORMAL",
            "cookie=0x3e7, duration=X, table=0, n_packets=N, n_bytes=N, priority=900,ipv6,in_port=\"" + PATCH
                + "\" actions=mod_dl_dst:" + bridgeMac + ",NORMAL");
    }

    private static DesiredState providerBridge(final String... ports) {
        return providerBridge(0x3e7, ports);
    }

    private static DesiredState providerBridge(final long cookie, final String... ports) {
        final DesiredState empty = DesiredState.empty();
        return new DesiredState(empty.tables(), empty.addresses(), empty.sysctls(), empty.rules(), empty.routes(),
            empty.neighbours(), empty.proxies(), empty.exposure(), empty.exposed(),
            List.of(new DesiredState.ProviderBridge("br-ex", List.of(ports), cookie)));
    }

    private FlowReconciler.Result reconcile(final DesiredState desired) throws IOException {
        final FlowReconciler.Result result = flows.reconcile(Optional.of(desired));
        assertEquals(List.of(), result.failures());
        return result;
    }

    private void assertForeignSurvive() throws IOException {
        final Set<String> operator = dump("0x1");
        assertEquals(1, operator.size(), operator::toString);
        assertTrue(operator.iterator().next().endsWith("priority=100,ip,in_port=\"" + PATCH + "\" actions=NORMAL"));
        final String all = ofctl("dump-flows", "br-ex");
        assertTrue(Arrays.stream(all.split("\n")).anyMatch(line -> line.contains("cookie=0x0,")
            && line.endsWith("priority=0 actions=NORMAL")), () -> "the bridge's default NORMAL flow: " + all);
    }

    @Test
    void seed000FlowsConvergeOnOurCookieOnly() throws IOException {
        // an operator's flow (another cookie, same in_port), and stale flows of our cookie
        ofctl("add-flow", "br-ex", "cookie=0x1,priority=100,ip,in_port=" + PATCH + ",actions=NORMAL");
        ofctl("add-flow", "br-ex", "cookie=0x3e7,priority=900,ip,in_port=99,actions=NORMAL");
        ofctl("add-flow", "br-ex", "cookie=0x3e7,priority=900,ipv6,in_port=" + PATCH
            + ",actions=mod_dl_dst:00:00:00:00:00:01,NORMAL");

        final FlowReconciler.Result first = reconcile(providerBridge(PATCH));
        assertEquals(1, first.bundles());
        assertEquals(seed000(), dump("0x3e7"));
        assertForeignSurvive();
        assertEquals(0, reconcile(providerBridge(PATCH)).bundles(), "nothing to do: no ovs-ofctl --bundle");

        // IP from the patch port leaves with the bridge's MAC as destination (v4 and v6)
        final String trace4 = lab.env(ovs, "ovs-appctl", "ofproto/trace", "br-ex", "in_port=" + PATCH
            + ",ip,dl_src=fa:16:3e:00:00:01,dl_dst=fa:16:3e:00:00:02,nw_src=10.0.0.95,nw_dst=192.0.2.1");
        assertTrue(trace4.contains("Final flow: ip,in_port=") && trace4.contains("dl_dst=" + bridgeMac), trace4);
        final String trace6 = lab.env(ovs, "ovs-appctl", "ofproto/trace", "br-ex", "in_port=" + PATCH
            + ",ipv6,dl_src=fa:16:3e:00:00:01,dl_dst=fa:16:3e:00:00:02,ipv6_src=fd00:10::95,ipv6_dst=2001:db8::1");
        assertTrue(trace6.contains("Final flow: ipv6,in_port=") && trace6.contains("dl_dst=" + bridgeMac), trace6);
        // ARP is not ours to touch: still plain NORMAL
        final String traceArp = lab.env(ovs, "ovs-appctl", "ofproto/trace", "br-ex", "in_port=" + PATCH
            + ",arp,dl_src=fa:16:3e:00:00:01,dl_dst=ff:ff:ff:ff:ff:ff");
        assertTrue(traceArp.contains("dl_dst=ff:ff:ff:ff:ff:ff"), traceArp);

        // the patch port comes back with another ofport: the flows follow it, none is left on the old one
        vsctl("del-port", "br-ex", PATCH, "--", "add-port", "br-ex", PATCH, "--", "set", "Interface", PATCH,
            "type=patch", "options:peer=patch-br-int-to-provnet-1", "ofport_request=7");
        assertEquals(1, reconcile(providerBridge(PATCH)).bundles());
        assertEquals(seed000(), dump("0x3e7"));
        assertTrue(ofctl("--no-names", "dump-flows", "br-ex", "cookie=0x3e7/-1").contains("in_port=7 "));

        // the flow table is flushed (as by an ovs-vswitchd restart or a controller): ours come back
        ofctl("del-flows", "br-ex");
        ofctl("add-flow", "br-ex", "priority=0,actions=NORMAL");
        ofctl("add-flow", "br-ex", "cookie=0x1,priority=100,ip,in_port=" + PATCH + ",actions=NORMAL");
        assertEquals(1, reconcile(providerBridge(PATCH)).bundles());
        assertEquals(seed000(), dump("0x3e7"));
        assertForeignSurvive();

        // unknown plan: nothing happens; known plan without the bridge: our flows go, the operator's stay
        ofctl("add-flow", "br-ex", "cookie=0x3e7,priority=900,ip,in_port=98,actions=NORMAL");
        assertTrue(flows.reconcile(Optional.empty()).gated());
        assertEquals(3, dump("0x3e7").size());
        final FlowReconciler.Result removed = reconcile(DesiredState.empty());
        assertEquals(3, removed.deleted());
        assertEquals(Set.of(), dump("0x3e7"));
        assertForeignSurvive();
    }

    @Test
    void aChangedCookieSettingMovesTheFlowsAndSweepsTheOldCookie() throws IOException {
        ofctl("add-flow", "br-ex", "cookie=0x1,priority=100,ip,in_port=" + PATCH + ",actions=NORMAL");
        reconcile(providerBridge(PATCH));
        assertEquals(2, dump("0x3e7").size());
        // the plan's flow-cookie changes: the flows move to it, nothing stays under the configured cookie
        assertEquals(2, reconcile(providerBridge(0x4d2, PATCH)).added());
        assertEquals(Set.of(), dump("0x3e7"));
        assertEquals(2, dump("0x4d2").size());
        // and again: 0x4d2 is owned only because the agent recorded using it, and is swept as well
        final FlowReconciler.Result moved = reconcile(providerBridge(0x4d3, PATCH));
        assertEquals(2, moved.added());
        assertEquals(Set.of(), dump("0x4d2"));
        assertEquals(2, dump("0x4d3").size());
        assertEquals(0, reconcile(providerBridge(0x4d3, PATCH)).bundles(), "nothing to do");
        assertForeignSurvive();
    }

    @Test
    void aForeignFlowWithOurMatchIsNeverReplaced() throws IOException {
        ofctl("add-flow", "br-ex", "cookie=0x5,priority=900,ipv6,in_port=" + PATCH + ",actions=drop");
        final FlowReconciler.Result result = flows.reconcile(Optional.of(providerBridge(PATCH)));
        assertEquals(1, result.failures().size(), result.failures()::toString);
        assertTrue(result.failures().get(0).error().contains("cookie 0x5"));
        assertEquals(1, dump("0x3e7").size(), "the IPv4 flow is ours, the IPv6 match belongs to someone else");
        assertEquals(1, dump("0x5").size());
    }

    @Test
    void aPatchPortThatDoesNotExistYetIsReportedAndRetried() throws IOException {
        final FlowReconciler.Result early = flows.reconcile(Optional.of(providerBridge(PATCH, "patch-provnet-2")));
        assertEquals(List.of("flows of patch-provnet-2"),
            early.failures().stream().map(ChangeSet.Failure::object).toList());
        assertEquals(2, dump("0x3e7").size());
        vsctl("add-port", "br-ex", "patch-provnet-2", "--", "set", "Interface", "patch-provnet-2", "type=patch",
            "options:peer=patch-br-int-to-provnet-2", "--", "add-port", "br-int", "patch-br-int-to-provnet-2", "--",
            "set", "Interface", "patch-br-int-to-provnet-2", "type=patch", "options:peer=patch-provnet-2");
        final FlowReconciler.Result late = reconcile(providerBridge(PATCH, "patch-provnet-2"));
        assertEquals(2, late.added());
        assertEquals(4, dump("0x3e7").size());
    }
}
