/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.transact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opendaylight.wiring.ovsdb.OvsdbTransactionException;
import org.opendaylight.wiring.ovsdb.data.OvsdbSet;
import org.opendaylight.wiring.ovsdb.data.Uuid;

/**
 * Results as sent by ovsdb-server 3.1 (captured from a real server).
 */
class TransactionResultTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String U1 = "43650db0-0698-44de-8737-7b3ac565120c";
    private static final String U2 = "4392ccf6-84a6-4cb9-81af-867e906813a2";
    private static final String EXISTING = "47715372-2a4c-4243-b811-f747d4f56b12";

    private static JsonNode json(final String text) throws Exception {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    private static Transaction portWithInterface(final String ifaceName) {
        final Transaction tx = Transaction.create();
        tx.comment("add port");
        final Insert iface = tx.insert("Interface").value("name", ifaceName);
        final Insert port = tx.insert("Port").value("name", "pz").value("interfaces", OvsdbSet.of(iface.ref()));
        tx.mutate("Bridge").whereEqual("name", "br0").insertInto("ports", port.ref());
        return tx;
    }

    @Test
    void success() throws Exception {
        final Transaction tx = portWithInterface("p1");
        final TransactionResult result = TransactionResult.fromJson(tx, json("[{},{'uuid':['uuid','" + U1 + "']},"
            + "{'uuid':['uuid','" + U2 + "']},{'count':1}]"));
        assertTrue(result.isSuccess());
        assertEquals(Optional.empty(), result.errorMessage());
        assertEquals(Optional.of(Uuid.of(U1)), result.uuid((Insert) tx.operations().get(1)));
        assertEquals(1, result.count(tx.operations().get(3)));
        assertEquals(result, result.throwIfFailed());
    }

    @Test
    void commitTimeDuplicateIndexIsAttributedToTheInsert() throws Exception {
        final Transaction tx = portWithInterface("br0");
        final TransactionResult result = TransactionResult.fromJson(tx, json("[{},{'uuid':['uuid','" + U1 + "']},"
            + "{'uuid':['uuid','" + U2 + "']},{'count':1},{'details':'Transaction causes multiple rows in "
            + "\\'Interface\\' table to have identical values (br0) for index on column \\'name\\'.  First row, "
            + "with UUID " + EXISTING + ", existed in the database before this transaction and was not modified by "
            + "the transaction.  Second row, with UUID " + U1 + ", was inserted by this transaction.',"
            + "'error':'constraint violation'}]"));
        assertFalse(result.isSuccess());
        final TransactionError error = result.error().orElseThrow();
        assertTrue(error.atCommit());
        assertEquals(1, error.operation().orElseThrow().index());
        final String message = result.errorMessage().orElseThrow();
        assertTrue(message.startsWith("operation 1 (insert Interface): constraint violation: Transaction causes"),
            message);
        final OvsdbTransactionException ex = assertThrows(OvsdbTransactionException.class, result::throwIfFailed);
        assertEquals(message, ex.getMessage());
    }

    @Test
    void commitTimeReferentialIntegrityIsAttributed() throws Exception {
        final Transaction tx = portWithInterface("p1");
        final TransactionResult result = TransactionResult.fromJson(tx, json("[{},{'uuid':['uuid','" + U1 + "']},"
            + "{'uuid':['uuid','" + U2 + "']},{'count':0},{'details':'Table Port column interfaces row " + U2
            + " references nonexistent row " + EXISTING + " in table Interface.',"
            + "'error':'referential integrity violation'}]"));
        assertEquals("operation 2 (insert Port): referential integrity violation: Table Port column interfaces row "
            + U2 + " references nonexistent row " + EXISTING + " in table Interface.",
            result.errorMessage().orElseThrow());

        final Transaction delete = Transaction.create();
        delete.update("Bridge").whereEqual("name", "nobr").value("fail_mode", "secure");
        delete.delete("Bridge").whereEqual("name", "br0");
        final TransactionResult deleted = TransactionResult.fromJson(delete, json("[{'count':0},{'count':1},"
            + "{'details':'cannot delete Bridge row " + EXISTING + " because of 1 remaining reference(s)',"
            + "'error':'referential integrity violation'}]"));
        // two operations write Bridge: the error cannot be pinned on one
        assertEquals("commit failed: referential integrity violation: cannot delete Bridge row " + EXISTING
            + " because of 1 remaining reference(s)", deleted.errorMessage().orElseThrow());
    }

    @Test
    void operationErrorNamesTheOperation() throws Exception {
        final Transaction tx = Transaction.create();
        tx.insert("Port").value("name", "x1").value("interfaces", OvsdbSet.empty());
        tx.select("Bridge");
        final TransactionResult result = TransactionResult.fromJson(tx, json("[{'syntax':'[\\'set\\',[]]',"
            + "'details':'set must have 1 to 4294967295 members but 0 are present','error':'syntax error'},null]"));
        assertEquals("operation 0 (insert Port): syntax error: set must have 1 to 4294967295 members but 0 are "
            + "present", result.errorMessage().orElseThrow());
        assertEquals(OperationResult.Status.NOT_EXECUTED, result.results().get(1).status());
        assertFalse(result.error().orElseThrow().atCommit());

        final Transaction waitTx = Transaction.create();
        waitTx.waitFor("Bridge").whereEqual("name", "br0").columns("name").timeout(0);
        final TransactionResult timedOut = TransactionResult.fromJson(waitTx,
            json("[{'details':'\\'where\\' clause test failed','error':'timed out'}]"));
        assertEquals("operation 0 (wait Bridge): timed out: \"where\" clause test failed",
            timedOut.errorMessage().orElseThrow());
    }

    @Test
    void selectRows() throws Exception {
        final Transaction tx = Transaction.create();
        final Select select = tx.select("Bridge").columns("name", "ports");
        final TransactionResult result = TransactionResult.fromJson(tx, json("[{'rows':[{'name':'br0',"
            + "'ports':['set',[['uuid','" + U1 + "'],['uuid','" + U2 + "']]]}]}]"));
        assertEquals(1, result.rows(select).size());
        assertEquals(List.of(Uuid.of(U1), Uuid.of(U2)), result.rows(select).get(0).uuidSet("ports"));
    }

    @Test
    void rejectsNonArrayResult() {
        assertThrows(IllegalArgumentException.class,
            () -> TransactionResult.fromJson(Transaction.create(), json("{'error':'x'}")));
    }
}
