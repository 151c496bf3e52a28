/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanJsonTest {
    private static final String HOST = """
        {"wiring-plan:host":[{"host-id":"rack-1-host-1","integration-bridge":"br-int",
          "bridge":[{"name":"br-int","role":"integration"},{"name":"br-ex","role":"provider"},
                    {"name":"br-vlan","role":"provider"}],
          "port":[{"name":"patch-provnet-1","bridge":"br-ex","type":"patch","peer":"patch-br-int-to-provnet-1"},
                  {"name":"patch-br-int-to-provnet-1","bridge":"br-int","type":"patch","peer":"patch-provnet-1"},
                  {"name":"patch-vlan","bridge":"br-vlan","type":"patch","peer":"x"},
                  {"name":"eth1","bridge":"br-ex","type":"system"}],
          "kernel":{
            "expose":{"device":"bgp-nic","vrf-name":"bgp-vrf","vrf-table":10},
            "routing-table":[{"id":200,"name":"br-ex"},{"id":254,"name":"br-bad"}],
            "address":[{"device":"br-ex","prefix":"169.254.0.0/32"},{"device":"br-ex","prefix":"not-an-ip"}],
            "sysctl":[{"name":"net.ipv4.conf.br-ex.proxy_arp","value":"1"}],
            "rule":[{"destination":"172.24.4.163/32","table":200,"priority":32000}],
            "route":[{"table":200,"destination":"0.0.0.0/0","device":"br-ex"},
                     {"table":200,"destination":"10.0.0.64/26","device":"br-ex","gateway":"172.24.4.163"},
                     {"table":200,"destination":"10.0.1.0/24","device":"br-ex","gateway":"2001:db8::1"}],
            "neighbour":[{"device":"br-ex","address":"172.24.4.163","mac-address":"FA:16:3E:BF:93:93"}],
            "proxy-ndp":[{"device":"br-ex","address":"2001:db8::20"},{"device":"br-ex","address":"10.0.0.1"}],
            "exposed":[{"prefix":"172.24.4.163/32"},{"prefix":"2001:db8::20/128"}],
            "provider-flow":[{"bridge":"br-ex","patch-port":"patch-provnet-1","cookie":"18446744073709551615"},
                             {"bridge":"br-vlan","patch-port":"patch-vlan","cookie":"0x3e7"}]}}]}
        """;

    @Test
    void readsTheKernelContainerAndRejectsBadEntriesAlone() throws IOException {
        final PlanJson.Parsed parsed = PlanJson.parseHost(HOST);
        final DesiredState state = parsed.state();
        assertEquals(List.of(new DesiredState.RoutingTable(200, "br-ex")), state.tables());
        assertEquals(1, state.addresses().size());
        assertEquals(2, state.routes().size());
        assertEquals(Optional.of(IpPrefix.parseAddress("172.24.4.163")), state.routes().get(1).gateway());
        assertEquals("fa:16:3e:bf:93:93", state.neighbours().get(0).mac());
        assertEquals(1, state.proxies().size());
        assertEquals(Optional.of(new DesiredState.Exposure("bgp-nic", "bgp-vrf", 10)), state.exposure());
        assertEquals(List.of(IpPrefix.parse("172.24.4.163/32"), IpPrefix.parse("2001:db8::20/128")), state.exposed());
        // the plan's provider-flow entries, uint64 cookies as RFC 7951 strings; a bad cookie fails its entry alone
        assertEquals(List.of(new DesiredState.ProviderBridge("br-ex", List.of("patch-provnet-1"), -1L)),
            state.providerBridges());
        assertEquals(5, parsed.rejected().size(), parsed.rejected()::toString);
        assertTrue(parsed.rejected().stream().anyMatch(f -> f.error().contains("invalid cookie: '0x3e7'")));
        assertTrue(parsed.rejected().stream().anyMatch(f -> f.error().contains("reserved routing table id: 254")));
        assertTrue(parsed.rejected().stream().anyMatch(f -> f.error().contains("not an IP address: not-an-ip")));
        assertTrue(parsed.rejected().stream().anyMatch(f -> f.error().contains("is not of the family")));
        assertTrue(parsed.rejected().stream().anyMatch(f -> f.error().contains("needs an IPv6 address")));
    }

    @Test
    void aHostWithoutKernelStateIsKnownEmptyNotUnknown() throws IOException {
        final PlanJson.Parsed parsed = PlanJson.parseHost("{\"host-id\":\"h1\",\"bridge\":[]}");
        assertEquals(DesiredState.empty(), parsed.state());
        assertThrows(IOException.class, () -> PlanJson.parseHost("{\"wiring-plan:host\":[]}"));
    }
}
