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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParsingTest {
    @Test
    void prefixesAreCanonicalAndNeverHostNames() {
        assertEquals("2001:db8::20/128", IpPrefix.parse("2001:DB8:0:0:0:0:0:20").toString());
        assertEquals("fd53:d91e:400:7f17::1:1/128", IpPrefix.parse("fd53:d91e:400:7f17::1:1/128").toString());
        assertEquals("::/0", IpPrefix.parse("::/0").toString());
        assertEquals("2001:db8:0:1::1/128", IpPrefix.parse("2001:db8:0:1:0:0:0:1").toString());
        assertEquals("10.0.0.65/26", IpPrefix.parse("10.0.0.65/26").toString());
        assertTrue(IpPrefix.parse("10.0.0.64/26").contains(IpPrefix.parseAddress("10.0.0.95")));
        assertFalse(IpPrefix.parse("10.0.0.64/26").contains(IpPrefix.parseAddress("10.0.0.128")));
        assertThrows(IllegalArgumentException.class, () -> IpPrefix.parse("localhost"));
        assertThrows(IllegalArgumentException.class, () -> IpPrefix.parse("10.0.0.1/33"));
        assertThrows(IllegalArgumentException.class, () -> new DesiredState.Neighbour("br-ex",
            IpPrefix.parseAddress("10.0.0.1"), "zz:16:3e:bf:93:93"));
        assertThrows(IllegalArgumentException.class, () -> new DesiredState.RoutingTable(254, "br-ex"));
        assertThrows(IllegalArgumentException.class, () -> new DesiredState.Address("br ex; reboot",
            IpPrefix.parse("10.0.0.1")));
        assertThrows(IllegalArgumentException.class, () -> new DesiredState.Route(200, IpPrefix.parse("::/0"),
            "br-ex", Optional.of(IpPrefix.parseAddress("10.0.0.1"))));
        assertEquals("net/ipv4/conf/br-ex.100/proxy_arp",
            new DesiredState.Sysctl("net.ipv4.conf.br-ex/100.proxy_arp", "1").procPath());
    }

    @Test
    void readsIpJson() throws Exception {
        final var rules = KernelReader.rules("[{\"priority\":0,\"src\":\"all\",\"table\":\"255\"},"
            + "{\"priority\":32000,\"src\":\"all\",\"dst\":\"172.24.4.163\",\"table\":\"200\",\"protocol\":\"216\"},"
            + "{\"priority\":32000,\"src\":\"all\",\"dst\":\"10.0.0.65\",\"dstlen\":26,\"table\":\"200\"}]", true);
        assertEquals(List.of(new KernelSnapshot.Rule(32000, IpPrefix.parse("172.24.4.163/32"), 200, 216),
            new KernelSnapshot.Rule(32000, IpPrefix.parse("10.0.0.65/26"), 200, 0)), rules);
        final var routes = KernelReader.routes("[{\"dst\":\"default\",\"dev\":\"br-ex\",\"table\":\"200\","
            + "\"metric\":1024,\"flags\":[],\"pref\":\"medium\"},{\"dst\":\"2001:db8::/64\",\"gateway\":\"fe80::1\","
            + "\"dev\":\"br-ex\",\"table\":\"200\",\"flags\":[]}]", false, 216);
        assertEquals("::/0", routes.get(0).destination().toString());
        assertEquals(216, routes.get(0).protocol());
        assertEquals(Optional.of(IpPrefix.parseAddress("fe80::1")), routes.get(1).gateway());
        assertEquals("unicast", routes.get(0).type());
        final var local = KernelReader.routes("[{\"type\":\"2\",\"dst\":\"172.24.4.92\",\"protocol\":\"2\","
            + "\"scope\":\"254\",\"prefsrc\":\"172.24.4.92\",\"flags\":[]}]", true, 0);
        assertEquals(new KernelSnapshot.Route(254, IpPrefix.parse("172.24.4.92/32"), "local", "", Optional.empty(), 2),
            local.get(0));
        final var neighbours = KernelReader.neighbours("[{\"dst\":\"172.24.4.163\",\"dev\":\"br-ex\","
            + "\"lladdr\":\"fa:16:3e:bf:93:93\",\"state\":[\"PERMANENT\"],\"protocol\":\"216\"},"
            + "{\"dst\":\"172.24.4.1\",\"dev\":\"br-ex\",\"lladdr\":\"02:00:00:00:00:01\",\"state\":[\"STALE\"]}]");
        assertTrue(neighbours.get(0).permanent());
        assertEquals(216, neighbours.get(0).protocol());
        assertFalse(neighbours.get(1).permanent());
        final var proxies = KernelReader.proxies("[{\"dst\":\"2001:db8::20\",\"dev\":\"br-ex\",\"proxy\":null,"
            + "\"protocol\":\"216\"}]");
        assertEquals(216, proxies.get(0).protocol());
        final var addresses = KernelReader.addresses("[{\"ifindex\":2,\"ifname\":\"br-ex\",\"addr_info\":["
            + "{\"family\":\"inet6\",\"local\":\"2001:db8::1\",\"prefixlen\":128,\"scope\":\"global\"}]}]");
        assertEquals(new KernelSnapshot.Address("br-ex", IpPrefix.parse("2001:db8::1/128"), "global"),
            addresses.get(0));
        final var links = KernelReader.links("[{\"ifname\":\"bgp-nic\",\"address\":\"02:00:00:00:00:02\","
            + "\"flags\":[\"BROADCAST\",\"UP\"],"
            + "\"ifalias\":\"odl-wiring-host-agent\",\"linkinfo\":{\"info_kind\":\"bridge\"}}]");
        assertEquals(new KernelSnapshot.Link("bgp-nic", "bridge", "odl-wiring-host-agent", "", "02:00:00:00:00:02",
            true),
            links.get("bgp-nic"));
        assertThrows(java.io.IOException.class, () -> KernelReader.rules("{\"not\":\"an array\"}", true));
    }

    @Test
    void parsesFlowDumpsInBothSpellings() {
        final var flows = FlowReconciler.parseDump("""
            OFPST_FLOW reply (OF1.3) (xid=0x2):
             cookie=0x3e7, duration=77.949s, table=0, n_packets=0, n_bytes=0, priority=900,ip,in_port=2 \
            actions=mod_dl_dst:3a:f7:e9:54:e8:4d,NORMAL
             cookie=0x3e7, duration=77.937s, table=0, n_packets=3, n_bytes=180, priority=900,ipv6,in_port=2 \
            actions=set_field:3a:f7:e9:54:e8:4d->eth_dst,NORMAL
             cookie=0x0, duration=80.1s, table=0, n_packets=9, n_bytes=900, priority=0 actions=NORMAL
            """);
        final var ours = new FlowReconciler.Flow(0x3e7, "mod_dl_dst:3a:f7:e9:54:e8:4d,normal");
        assertEquals(Map.of("table=0,priority=900,in_port=2,ip", ours, "table=0,priority=900,in_port=2,ipv6", ours,
            "table=0,priority=0", new FlowReconciler.Flow(0, "normal")), flows);
        assertEquals("table=0,priority=900,in_port=2,ip", FlowReconciler.key(0, 900, "ip,in_port=2"));
        assertEquals(Map.of("table=0,priority=900,in_port=99,ip", new FlowReconciler.Flow(0x3e7, "normal")),
            FlowReconciler.parseDump(
            " cookie=0x3e7, duration=1.5s, table=0, n_packets=0, n_bytes=0, reset_counts priority=900,ip,in_port=99 "
                + "actions=NORMAL\n"));
    }

    @Test
    void announcesFromTheRoutedDevice() {
        final DesiredState desired = DifferTest.crLrp();
        assertEquals(Optional.of("br-ex"), Announcer.deviceFor(desired, IpPrefix.parseAddress("172.24.4.163")));
        assertEquals(Optional.empty(), Announcer.deviceFor(desired, IpPrefix.parseAddress("192.0.2.1")));
        assertEquals(List.of("arping", "-q", "-U", "-S", "172.24.4.163", "-i", "br-ex", "-c", "1", "-w", "0",
            "172.24.4.163"), Announcer.command(IpPrefix.parse("172.24.4.163"), "br-ex", "02:00:00:00:00:01"));
        assertEquals(List.of("na6", "-i", "br-ex", "-s", "2001:db8::20", "-d", "ff02::1", "-t", "2001:db8::20", "-o",
            "-E", "02:00:00:00:00:01"), Announcer.command(IpPrefix.parse("2001:db8::20"), "br-ex",
            "02:00:00:00:00:01"));
    }
}
