/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendaylight.wiring.ovsdb.TestJson.UUID1;
import static org.opendaylight.wiring.ovsdb.TestJson.json;
import static org.opendaylight.wiring.ovsdb.TestJson.reparsed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OvsdbCodecTest {

    @Test
    void encodesAtoms() throws Exception {
        assertEquals(json("'br0'"), reparsed(OvsdbCodec.encode("br0")));
        assertEquals(json("42"), reparsed(OvsdbCodec.encode(42)));
        assertEquals(json("42"), reparsed(OvsdbCodec.encode(42L)));
        assertEquals(json("1.5"), reparsed(OvsdbCodec.encode(1.5)));
        assertEquals(json("true"), reparsed(OvsdbCodec.encode(true)));
        assertEquals(json("['uuid','" + UUID1 + "']"), reparsed(OvsdbCodec.encode(Uuid.of(UUID1))));
        assertEquals(json("['named-uuid','row1']"), reparsed(OvsdbCodec.encode(NamedUuid.of("row1"))));
    }

    @Test
    void encodesSetsAndMaps() throws Exception {
        assertEquals(json("['set',[]]"), reparsed(OvsdbCodec.encode(OvsdbSet.empty())));
        assertEquals(json("['set',['OpenFlow13','OpenFlow14']]"), reparsed(OvsdbCodec.encode(List.of("OpenFlow13",
            "OpenFlow14"))));
        assertEquals(json("['set',[['named-uuid','p1']]]"),
            reparsed(OvsdbCodec.encode(OvsdbSet.of(NamedUuid.of("p1")))));
        assertEquals(json("['map',[]]"), reparsed(OvsdbCodec.encode(OvsdbMap.empty())));
        final Map<String, String> ids = new LinkedHashMap<>();
        ids.put("system-id", "host1");
        ids.put("owner", "wiring");
        assertEquals(json("['map',[['system-id','host1'],['owner','wiring']]]"), reparsed(OvsdbCodec.encode(ids)));
        assertEquals(json("['map',[['remote_ip','192.0.2.1'],['key',7]]]"),
            reparsed(OvsdbCodec.encode(OvsdbMap.of("remote_ip", "192.0.2.1", "key", 7))));
        assertEquals(json("['set',[]]"), reparsed(OvsdbCodec.encode(Optional.empty())));
        assertEquals(json("5"), reparsed(OvsdbCodec.encode(Optional.of(5))));
    }

    @Test
    void rejectsNonAtoms() {
        assertThrows(IllegalArgumentException.class, () -> reparsed(OvsdbCodec.encode(new Object())));
        assertThrows(IllegalArgumentException.class, () -> reparsed(OvsdbCodec.encode(List.of(List.of("nested")))));
        assertThrows(IllegalArgumentException.class, () -> reparsed(OvsdbCodec.encode(Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> OvsdbMap.of("odd"));
        assertThrows(IllegalArgumentException.class, () -> Uuid.of("not-a-uuid"));
        assertThrows(IllegalArgumentException.class, () -> NamedUuid.of("1abc"));
        assertThrows(IllegalArgumentException.class, () -> NamedUuid.of("with-dash"));
    }

    @Test
    void decodesValues() throws Exception {
        assertEquals("x", OvsdbCodec.decode(json("'x'")));
        assertEquals(7L, OvsdbCodec.decode(json("7")));
        assertEquals(2.5, OvsdbCodec.decode(json("2.5")));
        assertEquals(false, OvsdbCodec.decode(json("false")));
        assertEquals(Uuid.of(UUID1), OvsdbCodec.decode(json("['uuid','" + UUID1.toUpperCase() + "']")));
        assertEquals(OvsdbSet.of("a", "b"), OvsdbCodec.decode(json("['set',['b','a']]")));
        assertEquals(OvsdbMap.of("k", 1L), OvsdbCodec.decode(json("['map',[['k',1]]]")));
        assertEquals(OvsdbSet.empty(), OvsdbCodec.decode(json("['set',[]]")));
    }

    @Test
    void rejectsMalformedValues() {
        for (String bad : List.of("null", "{}", "['set','x']", "['map',[['k']]]", "['uuid','zz']", "['bogus',1]",
                "[1,2]", "['set',[['set',[]]]]", "123456789012345678901234567890")) {
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> OvsdbCodec.decode(json(bad)), bad);
            assertTrue(ex.getMessage().contains("invalid OVSDB"), ex.getMessage());
        }
    }

    @Test
    void roundTrips() throws Exception {
        final Object[] values = {"s", 1L, -1.25, true, Uuid.of(UUID1), OvsdbSet.of(1L, 2L, 3L),
            OvsdbMap.of("a", "b", "c", "d"), OvsdbSet.of(Uuid.of(UUID1))};
        for (Object value : values) {
            // through text and back, as on the wire
            assertEquals(value, OvsdbCodec.decode(reparsed(OvsdbCodec.encode(value))));
        }
    }

    @Test
    void rowAccessorsNormalizeOvsdbShapes() throws Exception {
        final Row row = OvsdbCodec.decodeRow(json("{'name':'br0','fail_mode':['set',[]],'datapath_id':'0000aa',"
            + "'ports':['uuid','" + UUID1 + "'],'protocols':['set',['OpenFlow13']],'tag':5,"
            + "'external_ids':['map',[['a','b']]],'other_config':['map',[]],'ofport':['set',[]]}"));
        assertEquals("br0", row.string("name", ""));
        assertEquals(Optional.empty(), row.optionalString("fail_mode"));
        assertEquals(Optional.of("0000aa"), row.optionalString("datapath_id"));
        assertEquals(List.of(Uuid.of(UUID1)), row.uuidSet("ports"));
        assertEquals(List.of("OpenFlow13"), row.stringSet("protocols"));
        assertEquals(Optional.of(5L), row.optionalLong("tag"));
        assertEquals(Optional.empty(), row.optionalLong("ofport"));
        assertEquals(Map.of("a", "b"), row.stringMap("external_ids"));
        assertEquals(Map.of(), row.stringMap("other_config"));
        assertEquals(Map.of(), row.stringMap("missing"));
        assertEquals(List.of(), row.stringSet("missing"));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> row.optionalLong("name"));
        assertTrue(ex.getMessage().contains("column \"name\""), ex.getMessage());
    }
}
