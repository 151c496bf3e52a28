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

/**
 * An OVSDB column type (RFC 7047, 3.2).
 *
 * @param key the key type (the element type of sets and scalars)
 * @param value the value type, present for maps only
 * @param min the minimum number of members
 * @param max the maximum number of members, {@link #UNLIMITED} for "unlimited"
 */
public record ColumnType(BaseType key, Optional<BaseType> value, long min, long max) {
    /** The {@code max} of unlimited sets and maps. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    /**
     * Creates a column type.
     *
     * @param key the key type
     * @param value the value type, for maps
     * @param min minimum member count
     * @param max maximum member count
     */
    public ColumnType {
        requireNonNull(key, "key");
        requireNonNull(value, "value");
    }

    /**
     * Tells whether values of this type are maps.
     *
     * @return true for maps
     */
    public boolean isMap() {
        return value.isPresent();
    }

    /**
     * Tells whether values of this type are sets (including optional scalars with {@code min 0, max 1}).
     *
     * @return true for sets
     */
    public boolean isSet() {
        return value.isEmpty() && !(min == 1 && max == 1);
    }

    /**
     * Tells whether values are optional scalars ({@code min 0, max 1}).
     *
     * @return true for optional scalars
     */
    public boolean isOptional() {
        return value.isEmpty() && min == 0 && max == 1;
    }

    /**
     * Parses a column type.
     *
     * @param node the JSON: an atomic type name or an object with {@code "key"}
     * @return the type
     * @throws IllegalArgumentException if malformed
     */
    public static ColumnType fromJson(final JsonNode node) {
        if (node.isTextual()) {
            return new ColumnType(BaseType.fromJson(node), Optional.empty(), 1, 1);
        }
        if (!node.isObject() || !node.has("key")) {
            throw new IllegalArgumentException("invalid column type: " + OvsdbCodec.snippet(node));
        }
        final BaseType keyType = BaseType.fromJson(node.get("key"));
        final Optional<BaseType> valueType = node.has("value") ? Optional.of(BaseType.fromJson(node.get("value")))
            : Optional.empty();
        final long minimum = node.path("min").asLong(1);
        final JsonNode maxNode = node.path("max");
        final long maximum;
        if (maxNode.isTextual() && "unlimited".equals(maxNode.textValue())) {
            maximum = UNLIMITED;
        } else {
            maximum = maxNode.asLong(1);
        }
        return new ColumnType(keyType, valueType, minimum, maximum);
    }
}
