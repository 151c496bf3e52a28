/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendaylight.wiring.ovsdb.data.Uuid;
import org.opendaylight.wiring.ovsdb.monitor.TableUpdates;

class OvsdbReplicaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String OVS = "11111111-1111-1111-1111-111111111111";
    private static final String BR = "22222222-2222-2222-2222-222222222222";
    private static final String PORT = "33333333-3333-3333-3333-333333333333";
    private static final String IFACE = "44444444-4444-4444-4444-444444444444";
    private static final String CTRL = "55555555-5555-5555-5555-555555555555";

    private static TableUpdates updates(final String text) throws Exception {
        return TableUpdates.fromJson(MAPPER.readTree(text.replace('\'', '"')));
    }

    private static OvsdbReplica initial() throws Exception {
        return OvsdbReplica.empty().applyUpdates(updates("{"
            + "'Open_vSwitch':{'" + OVS + "':{'new':{'bridges':['uuid','" + BR + "'],'ovs_version':'3.1.0',"
            + "'external_ids':['map',[['system-id','host-1'],['hostname','h1']]]}}},"
            + "'Bridge':{'" + BR + "':{'new':{'name':'br-int','datapath_type':'netdev',"
            + "'datapath_id':'0000aabbccddeeff',"
            + "'fail_mode':'secure','protocols':['set',['OpenFlow13']],'external_ids':['map',[]],"
            + "'other_config':['map',[['disable-in-band','true']]],'controller':['uuid','" + CTRL + "'],"
            + "'ports':['uuid','" + PORT + "']}}},"
            + "'Port':{'" + PORT + "':{'new':{'name':'br-int','tag':['set',[]],'interfaces':['uuid','" + IFACE + "'],"
            + "'external_ids':['map',[]],'other_config':['map',[]]}}},"
            + "'Interface':{'" + IFACE + "':{'new':{'name':'br-int','type':'internal','options':['map',[]],"
            + "'ofport':65534,'mac_in_use':'aa:bb:cc:dd:ee:ff','link_state':'down','admin_state':'down',"
            + "'external_ids':['map',[]],'error':['set',[]]}}},"
            + "'Controller':{'" + CTRL + "':{'new':{'target':'tcp:127.0.0.1:6653','is_connected':false,"
            + "'role':'other'}}}}")).after();
    }

    @Test
    void typedViews() throws Exception {
        final OvsdbReplica replica = initial();
        assertEquals(Optional.of("host-1"), replica.systemId());
        assertEquals(Optional.of("3.1.0"), replica.ovsVersion());
        final BridgeInfo bridge = replica.bridge("br-int").orElseThrow();
        assertEquals(Uuid.of(BR), bridge.uuid());
        assertEquals(Optional.of("0000aabbccddeeff"), bridge.datapathId());
        assertEquals("netdev", bridge.datapathType());
        assertEquals(Optional.of("secure"), bridge.failMode());
        assertEquals(List.of("OpenFlow13"), bridge.protocols());
        assertEquals(Map.of("disable-in-band", "true"), bridge.otherConfig());
        final PortInfo port = replica.portsOf(bridge).get(0);
        assertEquals("br-int", port.name());
        assertEquals(Optional.empty(), port.tag());
        assertEquals(Optional.of(bridge), replica.bridgeOf(port));
        final InterfaceInfo iface = replica.interfacesOf(port).get(0);
        assertEquals("internal", iface.type());
        assertEquals(Optional.of(65534L), iface.ofport());
        assertEquals(Optional.of("aa:bb:cc:dd:ee:ff"), iface.macInUse());
        assertEquals(Optional.of("down"), iface.linkState());
        assertEquals(Optional.empty(), iface.error());
        final ControllerInfo controller = replica.controllersOf(bridge).get(0);
        assertEquals("tcp:127.0.0.1:6653", controller.target());
        assertEquals(Optional.of(false), controller.connected());
    }

    @Test
    void appliesInsertModifyDelete() throws Exception {
        final OvsdbReplica before = initial();
        final String newPort = "66666666-6666-6666-6666-666666666666";
        final ReplicaChange change = before.applyUpdates(updates("{"
            + "'Port':{'" + newPort + "':{'new':{'name':'p2','tag':7,'interfaces':['set',[]]}}},"
            + "'Interface':{'" + IFACE + "':{'old':{'link_state':'down'},'new':{'name':'br-int','type':'internal',"
            + "'options':['map',[]],'ofport':65534,'mac_in_use':'aa:bb:cc:dd:ee:ff','link_state':'up',"
            + "'admin_state':'down','external_ids':['map',[]],'error':['set',[]]}}},"
            + "'Controller':{'" + CTRL + "':{'old':{'target':'tcp:127.0.0.1:6653','is_connected':false,"
            + "'role':'other'}}}}"));
        assertEquals(3, change.changes().size());
        final RowChange insert = change.changes("Port").get(0);
        assertEquals(RowChange.Kind.INSERT, insert.kind());
        final RowChange modify = change.changes("Interface").get(0);
        assertEquals(RowChange.Kind.MODIFY, modify.kind());
        assertEquals(Set.of("link_state"), modify.changedColumns());
        assertEquals(Optional.of("down"), modify.oldRow().orElseThrow().optionalString("link_state"));
        final RowChange delete = change.changes("Controller").get(0);
        assertEquals(RowChange.Kind.DELETE, delete.kind());

        final OvsdbReplica after = change.after();
        assertEquals(Optional.of(7L), after.port("p2").orElseThrow().tag());
        assertEquals(Optional.of("up"), after.interfaceNamed("br-int").orElseThrow().linkState());
        assertTrue(after.rows("Controller").isEmpty());
        // the old snapshot is untouched
        assertEquals(Optional.of("down"), before.interfaceNamed("br-int").orElseThrow().linkState());
        assertEquals(1, before.rows("Controller").size());
        // a bridge pointing to a controller that is gone just has no controller view
        assertTrue(after.controllersOf(after.bridge("br-int").orElseThrow()).isEmpty());
    }

    @Test
    void noOpUpdateKeepsSnapshot() throws Exception {
        final OvsdbReplica replica = initial();
        final ReplicaChange change = replica.applyUpdates(updates("{'Controller':{'"
            + "77777777-7777-7777-7777-777777777777':{'old':{'target':'x'}}}}"));
        assertTrue(change.isEmpty());
        assertSame(replica, change.after());
    }
}
