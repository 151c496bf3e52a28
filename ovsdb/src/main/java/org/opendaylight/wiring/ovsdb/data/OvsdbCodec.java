/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts between Java values and the OVSDB JSON notation of RFC 7047, section 5.1.
 *
 * <p>Java side: atoms are {@link Long}, {@link Double}, {@link Boolean}, {@link String}, {@link Uuid} and
 * {@link NamedUuid}; composite values are {@link OvsdbSet} and {@link OvsdbMap}. For convenience the encoder also
 * accepts {@link Integer}/{@link Short}/{@link Byte}/{@link Float}, any {@link Collection} (as a set), any
 * {@link Map} (as a map) and {@link Optional} (empty: the empty set; present: the atom).
 *
 * <p>The decoder returns exactly what the wire says: a bare atom, an {@code OvsdbSet} or an {@code OvsdbMap}. Since
 * OVSDB sends a one-element set as the bare atom, use {@link Row}'s typed accessors to read set-valued columns.
 */
public final class OvsdbCodec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final int MAX_SNIPPET = 120;

    private OvsdbCodec() {
        // utility class
    }

    /**
     * Normalizes a Java value to an OVSDB atom.
     *
     * @param atom the value
     * @return a Long, Double, Boolean, String, Uuid or NamedUuid
     * @throws IllegalArgumentException if the value cannot be an atom
     */
    public static Object normalizeAtom(final Object atom) {
        if (atom instanceof String || atom instanceof Long || atom instanceof Boolean || atom instanceof Uuid
            || atom instanceof NamedUuid) {
            return atom;
        }
        if (atom instanceof Integer || atom instanceof Short || atom instanceof Byte) {
            return ((Number) atom).longValue();
        }
        if (atom instanceof Double || atom instanceof Float) {
            final double value = ((Number) atom).doubleValue();
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("OVSDB real atoms must be finite, got " + value);
            }
            return value;
        }
        throw new IllegalArgumentException("not an OVSDB atom: " + (atom == null ? "null"
            : atom.getClass().getSimpleName() + " " + atom));
    }

    /**
     * Normalizes a Java value to an OVSDB value: an atom, an {@link OvsdbSet} or an {@link OvsdbMap}.
     *
     * @param value the value
     * @return the normalized value
     * @throws IllegalArgumentException if the value cannot be represented
     */
    public static Object normalizeValue(final Object value) {
        if (value instanceof OvsdbSet || value instanceof OvsdbMap) {
            return value;
        }
        if (value instanceof Collection<?> collection) {
            return OvsdbSet.copyOf(collection);
        }
        if (value instanceof Map<?, ?> map) {
            return OvsdbMap.copyOf(map);
        }
        if (value instanceof Optional<?> optional) {
            return optional.isPresent() ? normalizeAtom(optional.orElseThrow()) : OvsdbSet.empty();
        }
        return normalizeAtom(value);
    }

    /**
     * Encodes a value (atom, set or map; see the class description) as OVSDB JSON.
     *
     * @param value the value
     * @return the JSON notation
     * @throws IllegalArgumentException if the value cannot be represented
     */
    public static JsonNode encode(final Object value) {
        final Object normalized = normalizeValue(value);
        if (normalized instanceof OvsdbSet set) {
            final ArrayNode elements = NODES.arrayNode(set.size());
            for (Object atom : set) {
                elements.add(encodeAtom(atom));
            }
            return NODES.arrayNode(2).add("set").add(elements);
        }
        if (normalized instanceof OvsdbMap map) {
            final ArrayNode pairs = NODES.arrayNode(map.size());
            for (Map.Entry<Object, Object> entry : map.entries().entrySet()) {
                pairs.add(NODES.arrayNode(2).add(encodeAtom(entry.getKey())).add(encodeAtom(entry.getValue())));
            }
            return NODES.arrayNode(2).add("map").add(pairs);
        }
        return encodeAtom(normalized);
    }

    /**
     * Encodes an atom as OVSDB JSON.
     *
     * @param atom the atom
     * @return the JSON notation
     * @throws IllegalArgumentException if the value is not an atom
     */
    public static JsonNode encodeAtom(final Object atom) {
        final Object normalized = normalizeAtom(atom);
        if (normalized instanceof String str) {
            return NODES.textNode(str);
        } else if (normalized instanceof Long num) {
            return NODES.numberNode(num);
        } else if (normalized instanceof Double num) {
            return NODES.numberNode(num);
        } else if (normalized instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        } else if (normalized instanceof Uuid uuid) {
            return NODES.arrayNode(2).add("uuid").add(uuid.value());
        } else {
            return NODES.arrayNode(2).add("named-uuid").add(((NamedUuid) normalized).name());
        }
    }

    /**
     * Encodes a row (column name to value) as a JSON object.
     *
     * @param columns the column values
     * @return the JSON object
     * @throws IllegalArgumentException if a value cannot be represented
     */
    public static ObjectNode encodeRow(final Map<String, ?> columns) {
        final ObjectNode row = NODES.objectNode();
        for (Map.Entry<String, ?> entry : columns.entrySet()) {
            row.set(entry.getKey(), encode(entry.getValue()));
        }
        return row;
    }

    /**
     * Decodes an OVSDB value.
     *
     * @param node the JSON notation
     * @return an atom, an {@link OvsdbSet} or an {@link OvsdbMap}
     * @throws IllegalArgumentException if the JSON is not a valid OVSDB value
     */
    public static Object decode(final JsonNode node) {
        if (node != null && node.isArray() && node.size() == 2 && node.get(0).isTextual()) {
            final String tag = node.get(0).textValue();
            if ("set".equals(tag)) {
                final JsonNode elements = node.get(1);
                if (!elements.isArray()) {
                    throw invalid("set elements must be an array", node);
                }
                final List<Object> atoms = new ArrayList<>(elements.size());
                for (JsonNode element : elements) {
                    atoms.add(decodeAtom(element));
                }
                return OvsdbSet.ofDecoded(atoms);
            }
            if ("map".equals(tag)) {
                final JsonNode pairs = node.get(1);
                if (!pairs.isArray()) {
                    throw invalid("map pairs must be an array", node);
                }
                final Map<Object, Object> entries = new LinkedHashMap<>();
                for (JsonNode pair : pairs) {
                    if (!pair.isArray() || pair.size() != 2) {
                        throw invalid("map pair must be a two-element array", node);
                    }
                    entries.put(decodeAtom(pair.get(0)), decodeAtom(pair.get(1)));
                }
                return OvsdbMap.ofDecoded(entries);
            }
        }
        return decodeAtom(node);
    }

    /**
     * Decodes an OVSDB atom.
     *
     * @param node the JSON notation
     * @return a Long, Double, Boolean, String, Uuid or NamedUuid
     * @throws IllegalArgumentException if the JSON is not a valid OVSDB atom
     */
    public static Object decodeAtom(final JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new IllegalArgumentException("invalid OVSDB atom: null");
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                final BigInteger big = node.bigIntegerValue();
                if (big.compareTo(LONG_MIN) < 0 || big.compareTo(LONG_MAX) > 0) {
                    throw invalid("integer out of 64-bit range", node);
                }
            }
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isArray() && node.size() == 2 && node.get(0).isTextual() && node.get(1).isTextual()) {
            final String tag = node.get(0).textValue();
            final String text = node.get(1).textValue();
            try {
                if ("uuid".equals(tag)) {
                    return new Uuid(text);
                }
                if ("named-uuid".equals(tag)) {
                    return new NamedUuid(text);
                }
            } catch (IllegalArgumentException e) {
                throw invalid(e.getMessage(), node, e);
            }
        }
        throw invalid("not an atom", node);
    }

    /**
     * Decodes a row object (column name to OVSDB value).
     *
     * @param node a JSON object
     * @return the row
     * @throws IllegalArgumentException if the JSON is not a valid row
     */
    public static Row decodeRow(final JsonNode node) {
        if (node == null || !node.isObject()) {
            throw invalid("a row must be a JSON object", node);
        }
        final Map<String, Object> columns = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            final Map.Entry<String, JsonNode> field = it.next();
            try {
                columns.put(field.getKey(), decode(field.getValue()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("column \"" + field.getKey() + "\": " + e.getMessage(), e);
            }
        }
        return Row.ofDecoded(columns);
    }

    /**
     * Abbreviates JSON text for use in error messages.
     *
     * @param node the JSON
     * @return at most about 120 characters of its text
     */
    public static String snippet(final JsonNode node) {
        final String text = String.valueOf(node);
        return text.length() <= MAX_SNIPPET ? text : text.substring(0, MAX_SNIPPET) + "...";
    }

    private static IllegalArgumentException invalid(final String why, final JsonNode node) {
        return new IllegalArgumentException("invalid OVSDB value (" + why + "): " + snippet(node));
    }

    private static IllegalArgumentException invalid(final String why, final JsonNode node, final Throwable cause) {
        return new IllegalArgumentException("invalid OVSDB value (" + why + "): " + snippet(node), cause);
    }
}
