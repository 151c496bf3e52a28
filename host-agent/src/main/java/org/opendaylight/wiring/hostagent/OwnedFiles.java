/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files the agent owns: its protocol name under rt_protos.d, its table names under rt_tables.d (removed when
 * no table is used) and its state file of addresses it added to devices that are not its own. Writes are atomic
 * (temporary file, then rename) and skipped when the content is already right.
 */
public final class OwnedFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "# Written by the ODL Wiring host agent; do not edit.\n";

    private final AgentConfig config;

    /**
     * Files of one configuration.
     *
     * @param config the configuration
     */
    public OwnedFiles(final AgentConfig config) {
        this.config = config;
    }

    /**
     * Registers the protocol name.
     *
     * @throws IOException if the file cannot be written
     */
    public void ensureProtocolName() throws IOException {
        writeIfChanged(config.protosFile(), HEADER + config.protocol() + "\t" + config.protocolName() + "\n");
    }

    /**
     * Names exactly the desired tables; removes the file when there is none.
     *
     * @param tables the desired tables
     * @throws IOException if the file cannot be written or removed
     */
    public void writeTableNames(final List<DesiredState.RoutingTable> tables) throws IOException {
        if (tables.isEmpty()) {
            Files.deleteIfExists(config.tablesFile());
            return;
        }
        final StringBuilder sb = new StringBuilder(HEADER);
        tables.stream().sorted((a, b) -> Long.compare(a.id(), b.id()))
            .forEach(table -> sb.append(table.id()).append('\t').append(table.name()).append('\n'));
        writeIfChanged(config.tablesFile(), sb.toString());
    }

    /**
     * The addresses the agent added to devices (keys {@code device|prefix}).
     *
     * @return the keys; empty if the agent never added one
     * @throws IOException if the file exists but cannot be read
     */
    public Set<String> ownedAddresses() throws IOException {
        return readSet("addresses");
    }

    /**
     * Records the addresses the agent owns.
     *
     * @param keys the keys
     * @throws IOException if the file cannot be written
     */
    public void writeOwnedAddresses(final Collection<String> keys) throws IOException {
        writeSet("addresses", keys);
    }

    /**
     * The bridges the agent put provider-bridge flows on.
     *
     * @return bridge names
     * @throws IOException if the file exists but cannot be read
     */
    public Set<String> flowBridges() throws IOException {
        return readSet("flow-bridges");
    }

    /**
     * Records the bridges that carry flows of the agent's cookie.
     *
     * @param bridges bridge names
     * @throws IOException if the file cannot be written
     */
    public void writeFlowBridges(final Collection<String> bridges) throws IOException {
        writeSet("flow-bridges", bridges);
    }

    /**
     * The cookies the agent's provider-bridge flows carried (besides the configured one).
     *
     * @return cookies
     * @throws IOException if the state file cannot be read
     */
    public Set<Long> flowCookies() throws IOException {
        final Set<Long> cookies = new TreeSet<>();
        for (String value : readSet("flow-cookies")) {
            try {
                cookies.add(Long.parseUnsignedLong(value, 16));
            } catch (NumberFormatException e) {
                throw new IOException("state file: bad flow cookie " + value, e);
            }
        }
        return cookies;
    }

    /**
     * Records the cookies the agent's provider-bridge flows carry.
     *
     * @param cookies cookies
     * @throws IOException if the file cannot be written
     */
    public void writeFlowCookies(final Collection<Long> cookies) throws IOException {
        writeSet("flow-cookies", cookies.stream().map(Long::toHexString).toList());
    }

    private synchronized Set<String> readSet(final String field) throws IOException {
        final Set<String> result = new TreeSet<>();
        for (JsonNode node : readState().path(field)) {
            result.add(node.asText());
        }
        return result;
    }

    private synchronized void writeSet(final String field, final Collection<String> values) throws IOException {
        final JsonNode current = readState();
        final ObjectNode root = current.isObject() ? (ObjectNode) current.deepCopy() : JSON.createObjectNode();
        final ArrayNode array = root.putArray(field);
        new TreeSet<>(values).forEach(array::add);
        writeIfChanged(config.stateFile(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    private JsonNode readState() throws IOException {
        if (!Files.exists(config.stateFile())) {
            return JSON.createObjectNode();
        }
        return JSON.readTree(Files.readString(config.stateFile(), StandardCharsets.UTF_8));
    }

    private static void writeIfChanged(final Path file, final String content) throws IOException {
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            return;
        }
        final Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        final Path tmp = Files.createTempFile(dir, ".tmp-", ".part");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
