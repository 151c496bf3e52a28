/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
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
 * The reconciler against the real kernel, step by step through seed 001 (provider VM, cr-lrp, tenant subnet,
 * tenant VM, floating IP, then the withdrawal of each), IPv4 and IPv6, with foreign objects that must survive,
 * drift that must be repaired and the "nothing to do, no ip -batch" property. A Linux bridge stands for the OVS
 * provider bridge br-ex; a second namespace on its provider network checks gratuitous ARP / unsolicited NA.
 */
class KernelReconcilerIT {
    private static final String MAC_BR = "02:00:00:00:0e:01";
    private static final String OLD_MAC = "02:00:00:00:00:99";

    private Lab lab;
    private String host;
    private String peer;
    private Lab.CountingRunner runner;
    private Reconciler reconciler;
    private AgentConfig config;

    @BeforeEach
    void setUp() throws IOException {
        lab = new Lab("ip", "sysctl", "arping", "na6");
        host = lab.netns("h");
        peer = lab.netns("n");
        lab.sh("ip", "-n", host, "link", "add", "br-ex", "type", "bridge");
        lab.sh("ip", "-n", host, "link", "set", "br-ex", "address", MAC_BR);
        lab.sh("ip", "-n", host, "link", "add", "prov0", "type", "veth", "peer", "name", "prov1", "netns", peer);
        lab.sh("ip", "-n", host, "link", "set", "prov0", "master", "br-ex");
        lab.sh("ip", "-n", host, "link", "set", "prov0", "up");
        lab.sh("ip", "-n", host, "link", "set", "br-ex", "up");
        lab.sh("ip", "-n", peer, "link", "set", "prov1", "up");
        lab.sh("ip", "-n", peer, "addr", "add", "172.24.4.1/24", "dev", "prov1");
        lab.sh("ip", "-n", peer, "addr", "add", "2001:db8::1/64", "dev", "prov1", "nodad");
        // foreign objects, in the agent's own table and at its own priority: they must survive everything
        lab.sh("ip", "-n", host, "rule", "add", "priority", "32000", "to", "192.0.2.1", "table", "200");
        lab.sh("ip", "-n", host, "route", "add", "192.0.2.0/24", "dev", "br-ex", "table", "200", "proto", "static");
        lab.sh("ip", "-n", host, "neigh", "add", "172.24.4.1", "lladdr", "02:00:00:00:00:aa", "dev", "br-ex", "nud",
            "permanent");
        lab.sh("ip", "-n", host, "-6", "neigh", "add", "proxy", "2001:db8::99", "dev", "br-ex");
        lab.sh("ip", "-n", host, "addr", "add", "192.0.2.10/24", "dev", "br-ex");
        config = new AgentConfig(AgentConfig.DEFAULT_PROTOCOL, lab.protocolName(), lab.protosFile(),
            lab.tablesFile(), lab.work.resolve("state.json"), Optional.of(host), AgentConfig.ExposureKind.BRIDGE,
            "odl-wiring-host-agent", AgentConfig.DEFAULT_COOKIE, true, Map.of());
        runner = new Lab.CountingRunner(lab.runner);
        reconciler = new Reconciler(config, runner);
    }

    @AfterEach
    void tearDown() throws IOException {
        if (lab != null) {
            lab.close();
        }
    }

    private static DesiredState plan(final boolean providerVm, final boolean crLrp, final boolean subnet,
            final boolean tenantVm, final boolean fip) {
        return Seed001.plan(providerVm, crLrp, subnet, tenantVm, fip);
    }

    /** Lines of an ip command in the host namespace, whitespace collapsed. */
    private List<String> lines(final String... args) throws IOException {
        final List<String> argv = new ArrayList<>(List.of("ip", "-n", host));
        argv.addAll(Arrays.asList(args));
        return Arrays.stream(lab.sh(argv.toArray(String[]::new)).split("\n"))
            .map(line -> line.replace('\t', ' ').replaceAll("\\s+", " ").strip()).filter(line -> !line.isEmpty())
            .toList();
    }

    /** Our lines (carrying our protocol) with the mark removed, so they read exactly as the seed prints them. */
    private Set<String> ours(final String... args) throws IOException {
        final String mark = " proto " + lab.protocolName();
        return lines(args).stream().filter(line -> line.contains(mark)).map(line -> line.replace(mark, ""))
            .collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> exposureAddresses() throws IOException {
        return lines("-o", "addr", "show", "dev", "bgp-nic").stream()
            .map(line -> line.replaceAll("^\\d+: bgp-nic ", "").replaceAll(" valid_lft.*$", "").replace("\\", ""))
            .map(String::strip).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * What the kernel refuses under bridge exposure: an IPv6 route whose gateway is an exposed address of this host
     * ("Gateway can not be a local address"; IPv6 checks every address of the L3 domain, and without a VRF the
     * exposed cr-lrp address is in the host's). Under VRF exposure the address is in the VRF's domain.
     */
    private static Map<String, String> refused(final DesiredState desired) {
        return desired.routes().stream().filter(route -> route.gateway().isPresent() && !route.destination().isIpv4()
            && desired.exposed().contains(IpPrefix.parse(IpPrefix.format(route.gateway().orElseThrow()))))
            .collect(Collectors.toMap(route -> "route " + route.destination() + " table " + route.table(),
                route -> "Error: Gateway can not be a local address."));
    }

    private Reconciler.Result reconcile(final DesiredState desired) throws IOException {
        final Reconciler.Result result = reconciler.reconcile(Optional.of(desired));
        assertEquals(refused(desired), result.failures().stream().collect(Collectors.toMap(ChangeSet.Failure::object,
            ChangeSet.Failure::error)));
        return result;
    }

    /**
     * Reconciles and checks that a second run finds nothing to do and runs no ip -batch (only the refused objects
     * are retried, alone).
     */
    private Reconciler.Result converge(final DesiredState desired) throws IOException {
        final Reconciler.Result first = reconcile(desired);
        final int before = runner.batches.get();
        final Reconciler.Result second = reconcile(desired);
        final Map<String, String> refused = refused(desired);
        if (refused.isEmpty()) {
            assertEquals(0, second.batches());
            assertEquals(before, runner.batches.get(), "a reconcile with nothing to do ran ip -batch");
        } else {
            assertEquals(1, second.batches());
            assertEquals(refused.size(), runner.batchInputs.get(runner.batchInputs.size() - 1).strip().split("\n")
                .length, "only the refused objects are retried");
        }
        assertEquals(List.of(), second.announced());
        assertForeignSurvive();
        return first;
    }

    private void assertForeignSurvive() throws IOException {
        final List<String> rules = lines("rule");
        assertTrue(rules.contains("32000: from all to 192.0.2.1 lookup br-ex")
            || rules.contains("32000: from all to 192.0.2.1 lookup 200"), rules::toString);
        assertTrue(lines("route", "show", "table", "200").contains("192.0.2.0/24 dev br-ex proto static scope link"));
        assertTrue(lines("neigh", "show", "dev", "br-ex").contains("172.24.4.1 lladdr 02:00:00:00:00:aa PERMANENT"));
        assertTrue(lines("-6", "neigh", "show", "proxy").contains("2001:db8::99 dev br-ex proxy"));
        assertTrue(lines("-o", "-4", "addr", "show", "dev", "br-ex").stream()
            .anyMatch(line -> line.contains("inet 192.0.2.10/24")));
    }

    private String peerNeighbour(final String ip) throws IOException {
        return String.join("\n", lab.sh("ip", "-n", peer, "neigh", "show", ip, "dev", "prov1").strip());
    }

    @Test
    void seed001StepByStepThenWithdrawal() throws IOException {
        // base: the bridge table, its default routes, ARP/NDP on the bridge
        converge(plan(false, false, false, false, false));
        assertEquals("# Written by the ODL Wiring host agent; do not edit.\n200\tbr-ex\n",
            Files.readString(lab.tablesFile()));
        assertTrue(Files.readString(lab.protosFile()).contains("216\t" + lab.protocolName()));
        assertEquals(Set.of("default dev br-ex scope link", "default dev br-ex metric 1024 pref medium"),
            union(ours("route", "show", "table", "br-ex"), ours("-6", "route", "show", "table", "br-ex")));
        assertEquals("1", lab.sh("ip", "netns", "exec", host, "sysctl", "-n", "net.ipv4.conf.br-ex.proxy_arp").strip());
        assertEquals("1", lab.sh("ip", "netns", "exec", host, "sysctl", "-n", "net.ipv6.conf.br-ex.proxy_ndp").strip());
        assertTrue(lines("-o", "addr", "show", "dev", "br-ex").stream().anyMatch(l -> l.contains("169.254.1.1/32")));
        assertEquals(Set.of(), exposureAddresses());
        assertEquals("odl-wiring-host-agent", alias("bgp-nic"));

        // step 1: VM on the provider network; the fabric's neighbours still point at the old location
        lab.sh("ip", "-n", peer, "neigh", "replace", "172.24.4.92", "lladdr", OLD_MAC, "dev", "prov1", "nud", "stale");
        lab.sh("ip", "-n", peer, "neigh", "replace", "2001:db8::21c", "lladdr", OLD_MAC, "dev", "prov1", "nud",
            "stale");
        final Reconciler.Result moved = converge(plan(true, false, false, false, false));
        assertEquals(Set.of("172.24.4.92/32", "2001:db8::21c/128"),
            moved.announced().stream().map(IpPrefix::toString).collect(Collectors.toSet()));
        assertTrue(peerNeighbour("172.24.4.92").contains("lladdr " + MAC_BR), peerNeighbour("172.24.4.92"));
        assertTrue(peerNeighbour("2001:db8::21c").contains("lladdr " + MAC_BR), peerNeighbour("2001:db8::21c"));
        assertEquals(Set.of("32000: from all to 172.24.4.92 lookup br-ex"), ours("rule"));
        assertEquals(Set.of("32000: from all to 2001:db8::21c lookup br-ex"), ours("-6", "rule"));
        assertEquals(Set.of("default dev br-ex scope link", "172.24.4.92 dev br-ex scope link"),
            ours("route", "show", "table", "br-ex"));
        assertEquals(Set.of("inet 172.24.4.92/32 scope global bgp-nic",
            "inet6 2001:db8::21c/128 scope global nodad"), exposureAddresses());
        // the host does not swallow the exposed address: it is routed to the provider bridge
        final String get4 = lab.sh("ip", "-n", host, "route", "get", "172.24.4.92");
        assertTrue(get4.startsWith("172.24.4.92 dev br-ex table br-ex"), get4);
        final String get6 = lab.sh("ip", "-n", host, "-6", "route", "get", "2001:db8::21c");
        assertTrue(get6.contains("dev br-ex table br-ex"), get6);

        // step 2: the provider VM goes away, the router's gateway port (cr-lrp) comes
        converge(plan(false, true, false, false, false));
        assertEquals(Set.of("32000: from all to 172.24.4.163 lookup br-ex"), ours("rule"));
        assertEquals(Set.of("default dev br-ex scope link", "172.24.4.163 dev br-ex scope link"),
            ours("route", "show", "table", "br-ex"));
        assertEquals(Set.of("172.24.4.163 dev br-ex lladdr fa:16:3e:bf:93:93 PERMANENT"), ours("neigh"));
        assertEquals(Set.of("2001:db8::20 dev br-ex proxy"), ours("-6", "neigh", "show", "proxy"));
        assertEquals(Set.of("inet 172.24.4.163/32 scope global bgp-nic",
            "inet6 2001:db8::20/128 scope global nodad"), exposureAddresses());

        // drift: objects deleted by hand come back on the next reconcile
        lab.sh("ip", "-n", host, "rule", "del", "priority", "32000", "to", "172.24.4.163", "table", "200");
        lab.sh("ip", "-n", host, "neigh", "del", "172.24.4.163", "dev", "br-ex");
        lab.sh("ip", "-n", host, "-6", "neigh", "del", "proxy", "2001:db8::20", "dev", "br-ex");
        lab.sh("ip", "-n", host, "route", "del", "172.24.4.163", "table", "200");
        lab.sh("ip", "-n", host, "addr", "del", "172.24.4.163/32", "dev", "bgp-nic");
        lab.sh("ip", "netns", "exec", host, "sysctl", "-q", "-w", "net.ipv4.conf.br-ex.proxy_arp=0");
        final int batchesBefore = runner.batches.get();
        converge(plan(false, true, false, false, false));
        assertEquals(batchesBefore + 1, runner.batches.get(), "one ip -batch for the whole repair");
        assertEquals(Set.of("32000: from all to 172.24.4.163 lookup br-ex"), ours("rule"));
        assertEquals(Set.of("172.24.4.163 dev br-ex lladdr fa:16:3e:bf:93:93 PERMANENT"), ours("neigh"));
        assertEquals(Set.of("2001:db8::20 dev br-ex proxy"), ours("-6", "neigh", "show", "proxy"));
        assertEquals(Set.of("default dev br-ex scope link", "172.24.4.163 dev br-ex scope link"),
            ours("route", "show", "table", "br-ex"));
        assertEquals("1", lab.sh("ip", "netns", "exec", host, "sysctl", "-n", "net.ipv4.conf.br-ex.proxy_arp").strip());

        // step 3: the tenant subnet is attached to the router
        converge(plan(false, true, true, false, false));
        assertEquals(Set.of("32000: from all to 172.24.4.163 lookup br-ex",
            "32000: from all to 10.0.0.64/26 lookup br-ex"), ours("rule"));
        assertEquals(Set.of("default dev br-ex scope link", "10.0.0.64/26 via 172.24.4.163 dev br-ex",
            "172.24.4.163 dev br-ex scope link"), ours("route", "show", "table", "br-ex"));
        // IPv6: the rule is there, the route via the exposed cr-lrp address is refused under bridge exposure
        assertEquals(Set.of("32000: from all to 2001:db8::20 lookup br-ex",
            "32000: from all to fd00:10::/64 lookup br-ex"), ours("-6", "rule"));
        assertEquals(Set.of("default dev br-ex metric 1024 pref medium",
            "2001:db8::20 dev br-ex metric 1024 pref medium"), ours("-6", "route", "show", "table", "br-ex"));

        // step 4: a VM in the tenant subnet: exposed through the cr-lrp host
        converge(plan(false, true, true, true, false));
        assertEquals(Set.of("inet 172.24.4.163/32 scope global bgp-nic", "inet 10.0.0.95/32 scope global bgp-nic",
            "inet6 2001:db8::20/128 scope global nodad", "inet6 fd00:10::95/128 scope global nodad"),
            exposureAddresses());

        // step 5: a floating IP for it
        converge(plan(false, true, true, true, true));
        assertEquals(Set.of("32000: from all to 172.24.4.163 lookup br-ex",
            "32000: from all to 10.0.0.64/26 lookup br-ex", "32000: from all to 172.24.4.79 lookup br-ex"),
            ours("rule"));
        assertTrue(exposureAddresses().contains("inet 172.24.4.79/32 scope global bgp-nic"));

        // a restarted agent (new instance, same state file) finds nothing to do
        final Lab.CountingRunner fresh = new Lab.CountingRunner(lab.runner);
        final Reconciler restarted = new Reconciler(config, fresh);
        assertEquals(List.of(), restarted.reconcile(Optional.of(plan(false, true, true, true, true))).failures()
            .stream().filter(f -> !refused(plan(false, true, true, true, true)).containsKey(f.object())).toList());
        assertEquals(1, fresh.batches.get(), "only the refused IPv6 route is retried after a restart");

        // the expose device flaps: the kernel re-adds the local routes and the device stays down; both repaired
        lab.sh("ip", "-n", host, "link", "set", "bgp-nic", "down");
        lab.sh("ip", "-n", host, "link", "set", "bgp-nic", "up");
        lab.sh("ip", "-n", host, "link", "set", "bgp-nic", "down");
        reconcile(plan(false, true, true, true, true));
        assertTrue(lines("link", "show", "dev", "bgp-nic").get(0).contains(",UP"));
        final String getFip = lab.sh("ip", "-n", host, "route", "get", "172.24.4.79");
        assertTrue(getFip.startsWith("172.24.4.79 dev br-ex table br-ex"), getFip);

        // "no plan yet" changes nothing
        final List<String> rulesBefore = lines("rule");
        final Reconciler.Result gated = reconciler.reconcile(Optional.empty());
        assertTrue(gated.gated());
        assertEquals(rulesBefore, lines("rule"));

        // withdrawal, one step at a time
        converge(plan(false, true, true, true, false));
        assertFalse(exposureAddresses().contains("inet 172.24.4.79/32 scope global bgp-nic"));
        assertEquals(2, ours("rule").size());
        converge(plan(false, true, true, false, false));
        assertEquals(Set.of("inet 172.24.4.163/32 scope global bgp-nic",
            "inet6 2001:db8::20/128 scope global nodad"), exposureAddresses());
        converge(plan(false, true, false, false, false));
        assertEquals(Set.of("default dev br-ex scope link", "172.24.4.163 dev br-ex scope link"),
            ours("route", "show", "table", "br-ex"));
        converge(plan(false, false, false, false, false));
        assertEquals(Set.of(), ours("rule"));
        assertEquals(Set.of(), ours("-6", "rule"));
        assertEquals(Set.of(), ours("neigh"));
        assertEquals(Set.of(), ours("-6", "neigh", "show", "proxy"));
        assertEquals(Set.of(), exposureAddresses());

        // nothing left for BGP redirect: every object of ours goes, the table name file too; foreign ones stay
        converge(DesiredState.empty());
        assertEquals(Set.of(), ours("route", "show", "table", "all"));
        assertEquals(Set.of(), ours("-6", "route", "show", "table", "all"));
        assertFalse(Files.exists(lab.tablesFile()));
        assertFalse(lines("link", "show").stream().anyMatch(line -> line.contains("bgp-nic")));
        assertFalse(lines("-o", "addr", "show", "dev", "br-ex").stream().anyMatch(l -> l.contains("169.254.1.1")));
        assertFalse(lines("-o", "addr", "show", "dev", "br-ex").stream().anyMatch(l -> l.contains("fd53:")));
    }

    @Test
    void aMissingDeviceFailsOnlyItsObjectsAndIsRetriedWhenItAppears() throws IOException {
        final DesiredState base = plan(false, true, false, false, false);
        final List<DesiredState.Route> routes = new ArrayList<>(base.routes());
        routes.add(new DesiredState.Route(201, IpPrefix.parse("0.0.0.0/0"), "br-late", Optional.empty()));
        final List<DesiredState.Address> addresses = new ArrayList<>(base.addresses());
        addresses.add(new DesiredState.Address("br-late", IpPrefix.parse("169.254.2.2/32")));
        final DesiredState desired = new DesiredState(List.of(new DesiredState.RoutingTable(200, "br-ex"),
            new DesiredState.RoutingTable(201, "br-late")), addresses, base.sysctls(), base.rules(), routes,
            base.neighbours(), base.proxies(), base.exposure(), base.exposed(), List.of());
        final Reconciler.Result first = reconciler.reconcile(Optional.of(desired));
        assertEquals(Set.of("route 0.0.0.0/0 table 201", "address 169.254.2.2/32 dev br-late"),
            first.failures().stream().map(ChangeSet.Failure::object).collect(Collectors.toSet()));
        assertTrue(first.failures().stream().allMatch(f -> f.error().contains("Cannot find device \"br-late\"")),
            first.failures()::toString);
        // everything else was applied
        assertEquals(Set.of("32000: from all to 172.24.4.163 lookup br-ex"), ours("rule"));
        assertEquals(Set.of("172.24.4.163 dev br-ex lladdr fa:16:3e:bf:93:93 PERMANENT"), ours("neigh"));

        lab.sh("ip", "-n", host, "link", "add", "br-late", "type", "bridge");
        lab.sh("ip", "-n", host, "link", "set", "br-late", "up");
        final Reconciler.Result second = reconcile(desired);
        assertTrue(second.batches() > 0);
        assertEquals(Set.of("default dev br-late scope link"), ours("route", "show", "table", "br-late"));
        converge(desired);
    }

    private String alias(final String device) throws IOException {
        return lines("-d", "link", "show", "dev", device).stream().filter(line -> line.startsWith("alias "))
            .map(line -> line.substring(6)).findFirst().orElse("");
    }

    private static Set<String> union(final Set<String> first, final Set<String> second) {
        final Set<String> result = new TreeSet<>(first);
        result.addAll(second);
        return result;
    }
}
