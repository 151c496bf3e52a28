/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.transact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendaylight.wiring.ovsdb.TestJson.UUID1;
import static org.opendaylight.wiring.ovsdb.TestJson.json;
import static org.opendaylight.wiring.ovsdb.TestJson.reparsed;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendaylight.wiring.ovsdb.data.OvsdbMap;
import org.opendaylight.wiring.ovsdb.data.OvsdbSet;
import org.opendaylight.wiring.ovsdb.data.Uuid;

class TransactionTest {

    @Test
    void buildsBridgeWithPortAndInternalInterface() throws Exception {
        final Transaction tx = Transaction.create();
        final Insert iface = tx.insert("Interface", "iface").value("name", "p1").value("type", "internal");
        final Insert port = tx.insert("Port", "port").value("name", "p1").value("interfaces",
            OvsdbSet.of(iface.ref())).value("tag", 10);
        final Insert bridge = tx.insert("Bridge").value("name", "br1").value("datapath_type", "netdev")
            .value("ports", OvsdbSet.of(port.ref())).value("external_ids", Map.of("owner", "wiring"));
        tx.mutate("Open_vSwitch").whereAll().insertInto("bridges", bridge.ref());
        tx.comment("create br1");

        assertEquals(json("['Open_vSwitch',"
            + "{'op':'insert','table':'Interface','row':{'name':'p1','type':'internal'},'uuid-name':'iface'},"
            + "{'op':'insert','table':'Port','row':{'name':'p1','interfaces':['set',[['named-uuid','iface']]],"
            + "'tag':10},'uuid-name':'port'},"
            + "{'op':'insert','table':'Bridge','row':{'name':'br1','datapath_type':'netdev',"
            + "'ports':['set',[['named-uuid','port']]],'external_ids':['map',[['owner','wiring']]]},"
            + "'uuid-name':'" + bridge.uuidName() + "'},"
            + "{'op':'mutate','table':'Open_vSwitch','where':[],"
            + "'mutations':[['bridges','insert',['set',[['named-uuid','" + bridge.uuidName() + "']]]]]},"
            + "{'op':'comment','comment':'create br1'}]"), reparsed(tx.toParams()));
        assertEquals(2, bridge.index());
        assertEquals("operation 2 (insert Bridge)", bridge.toString());
    }

    @Test
    void encodesConditionalOperations() throws Exception {
        final Transaction tx = Transaction.create();
        tx.update("Bridge").whereEqual("name", "br0").value("fail_mode", "secure");
        tx.delete("Port").whereUuid(Uuid.of(UUID1));
        tx.select("Interface").where("ofport", ConditionFunction.GREATER_THAN, 0).columns("name", "ofport");
        tx.mutate("Bridge").where(Condition.includes("external_ids", OvsdbMap.of("owner", "wiring")))
            .deleteFrom("external_ids", OvsdbSet.of("stale")).mutation("flood_vlans", Mutator.INSERT,
                OvsdbSet.of(1, 2));
        tx.waitFor("Bridge").whereEqual("name", "br0").columns("name").row(Map.of("name", "br0")).untilEqual(false)
            .timeout(0);
        assertEquals(json("['Open_vSwitch',"
            + "{'op':'update','table':'Bridge','where':[['name','==','br0']],'row':{'fail_mode':'secure'}},"
            + "{'op':'delete','table':'Port','where':[['_uuid','==',['uuid','" + UUID1 + "']]]},"
            + "{'op':'select','table':'Interface','where':[['ofport','>',0]],'columns':['name','ofport']},"
            + "{'op':'mutate','table':'Bridge','where':[['external_ids','includes',['map',[['owner','wiring']]]]],"
            + "'mutations':[['external_ids','delete',['set',['stale']]],['flood_vlans','insert',['set',[1,2]]]]},"
            + "{'op':'wait','table':'Bridge','timeout':0,'where':[['name','==','br0']],'columns':['name'],"
            + "'until':'!=','rows':[{'name':'br0'}]}]"), reparsed(tx.toParams()));
    }

    @Test
    void refusesUnsafeOrIncompleteOperations() {
        final Transaction noWhere = Transaction.create();
        noWhere.delete("Bridge");
        final IllegalStateException ex = assertThrows(IllegalStateException.class, noWhere::toParams);
        assertTrue(ex.getMessage().contains("operation 0 (delete Bridge) has no where clause"), ex.getMessage());

        assertThrows(IllegalStateException.class, () -> Transaction.create().toParams());
        final Transaction noRow = Transaction.create();
        noRow.update("Bridge").whereAll();
        assertThrows(IllegalStateException.class, noRow::toParams);
        final Transaction noMutation = Transaction.create();
        noMutation.mutate("Bridge").whereAll();
        assertThrows(IllegalStateException.class, noMutation::toParams);
    }

    @Test
    void checksUuidNames() {
        final Transaction tx = Transaction.create();
        tx.insert("Bridge", "br");
        assertThrows(IllegalArgumentException.class, () -> tx.insert("Bridge", "br"));
        assertThrows(IllegalArgumentException.class, () -> tx.insert("Bridge", "bad-name"));
        assertNotEquals(tx.insert("Port").uuidName(), tx.insert("Port").uuidName());

        final Transaction dangling = Transaction.create();
        dangling.insert("Port").value("interfaces", OvsdbSet.of(org.opendaylight.wiring.ovsdb.data.NamedUuid.of(
            "nowhere")));
        final IllegalStateException ex = assertThrows(IllegalStateException.class, dangling::toParams);
        assertTrue(ex.getMessage().contains("named-uuid \"nowhere\""), ex.getMessage());
    }
}
