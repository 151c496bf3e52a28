/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An immutable OVSDB set value, encoded as {@code ["set",[atom,...]]}.
 *
 * <p>Elements are OVSDB atoms: {@link Long}, {@link Double}, {@link Boolean}, {@link String}, {@link Uuid} or
 * {@link NamedUuid}; other integral and floating point Java numbers are converted to {@code Long}/{@code Double}.
 * The order of elements is kept as given (or as received from the server).
 */
public final class OvsdbSet implements Iterable<Object> {
    private static final OvsdbSet EMPTY = new OvsdbSet(List.of());

    private final List<Object> elements;

    private OvsdbSet(final List<Object> elements) {
        this.elements = elements;
    }

    /**
     * Returns the empty set.
     *
     * @return the empty set
     */
    public static OvsdbSet empty() {
        return EMPTY;
    }

    /**
     * Creates a set of the given atoms.
     *
     * @param atoms the elements
     * @return the set
     * @throws IllegalArgumentException if an element is not an OVSDB atom
     */
    public static OvsdbSet of(final Object... atoms) {
        return copyOf(Arrays.asList(atoms));
    }

    /**
     * Creates a set from a collection of atoms.
     *
     * @param atoms the elements
     * @return the set
     * @throws IllegalArgumentException if an element is not an OVSDB atom
     */
    public static OvsdbSet copyOf(final Collection<?> atoms) {
        if (atoms.isEmpty()) {
            return EMPTY;
        }
        final List<Object> list = new ArrayList<>(atoms.size());
        for (Object atom : atoms) {
            final Object normalized = OvsdbCodec.normalizeAtom(atom);
            if (!list.contains(normalized)) {
                list.add(normalized);
            }
        }
        return new OvsdbSet(Collections.unmodifiableList(list));
    }

    static OvsdbSet ofDecoded(final List<Object> decodedAtoms) {
        return decodedAtoms.isEmpty() ? EMPTY : new OvsdbSet(Collections.unmodifiableList(decodedAtoms));
    }

    /**
     * Returns the elements.
     *
     * @return an unmodifiable list of atoms
     */
    public List<Object> elements() {
        return elements;
    }

    /**
     * Returns the number of elements.
     *
     * @return the size
     */
    public int size() {
        return elements.size();
    }

    /**
     * Tells whether this set has no element.
     *
     * @return true if empty
     */
    public boolean isEmpty() {
        return elements.isEmpty();
    }

    /**
     * Streams the elements.
     *
     * @return a stream of atoms
     */
    public Stream<Object> stream() {
        return elements.stream();
    }

    @Override
    public Iterator<Object> iterator() {
        return elements.iterator();
    }

    @Override
    public boolean equals(final Object obj) {
        return this == obj || obj instanceof OvsdbSet other && elements.size() == other.elements.size()
            && elements.containsAll(other.elements);
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (Object element : elements) {
            hash += element.hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        return "set" + elements;
    }
}
