/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.opendaylight.wiring.ovsdb.data.OvsdbCodec;
import org.opendaylight.wiring.ovsdb.data.OvsdbSet;

/**
 * An OVSDB base-type: an atomic type with optional constraints (RFC 7047, 3.2).
 *
 * @param type the atomic type
 * @param enumValues the allowed values, if the base type is an enumeration
 * @param refTable the referenced table, for uuid types that are references
 */
public record BaseType(AtomicType type, Optional<OvsdbSet> enumValues, Optional<String> refTable) {
    /**
     * Creates a base type.
     *
     * @param type the atomic type
     * @param enumValues the enumeration, if any
     * @param refTable the referenced table, if any
     */
    public BaseType {
        requireNonNull(type, "type");
        requireNonNull(enumValues, "enumValues");
        requireNonNull(refTable, "refTable");
    }

    /**
     * Parses a base-type.
     *
     * @param node the JSON: a type name or an object with {@code "type"}
     * @return the base type
     * @throws IllegalArgumentException if malformed
     */
    public static BaseType fromJson(final JsonNode node) {
        if (node.isTextual()) {
            return new BaseType(AtomicType.forWireName(node.textValue()), Optional.empty(), Optional.empty());
        }
        if (!node.isObject() || !node.path("type").isTextual()) {
            throw new IllegalArgumentException("invalid base type: " + OvsdbCodec.snippet(node));
        }
        final AtomicType atomic = AtomicType.forWireName(node.get("type").textValue());
        final Optional<OvsdbSet> enumeration;
        if (node.has("enum")) {
            final Object decoded = OvsdbCodec.decode(node.get("enum"));
            enumeration = Optional.of(decoded instanceof OvsdbSet set ? set : OvsdbSet.of(decoded));
        } else {
            enumeration = Optional.empty();
        }
        final JsonNode ref = node.path("refTable");
        return new BaseType(atomic, enumeration, ref.isTextual() ? Optional.of(ref.textValue()) : Optional.empty());
    }
}
