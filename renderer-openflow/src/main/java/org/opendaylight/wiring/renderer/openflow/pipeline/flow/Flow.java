/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline.flow;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One flow.
 *
 * @param table its table
 * @param priority its priority
 * @param match its match
 * @param cookie its cookie
 * @param instructions its instructions
 */
public record Flow(Table table, int priority, Match match, long cookie, Instructions instructions) {
    public Flow {
        requireNonNull(table);
        requireNonNull(match);
        requireNonNull(instructions);
        if (priority < 0 || priority > 0xffff) {
            throw new IllegalArgumentException("priority " + priority);
        }
    }

    /**
     * The flow's identity: table, priority and match, the key OpenFlow switches (and openflowplugin) know it by.
     *
     * @return the key
     */
    public String key() {
        return table.id() + "/" + priority + "/" + match;
    }

    /**
     * The flow id, derived from {@link #key()} only: {@code wof-TABLE-PRIORITY-HASH}, HASH being the first 16 hex
     * digits of the SHA-256 of the canonical match. Recompiling an unchanged plan gives the same ids; a changed match
     * gives a new id.
     *
     * @return the id
     */
    public String id() {
        final byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(match.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
        return "wof-" + table.id() + "-" + priority + "-" + HexFormat.of().formatHex(digest, 0, 8);
    }
}
