/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.intent;

import static java.util.Objects.requireNonNull;

/**
 * Reference to one intent: its kind and its key as RESTCONF spells it (multiple key leaves joined by a comma).
 *
 * @param kind the kind of intent
 * @param key the list key
 */
public record IntentRef(IntentKind kind, String key) implements Comparable<IntentRef> {
    public IntentRef {
        requireNonNull(kind);
        requireNonNull(key);
    }

    public static IntentRef of(final IntentKind kind, final String key) {
        return new IntentRef(kind, key);
    }

    /**
     * Parse the {@code kind/key} form.
     *
     * @param text the reference
     * @return the reference
     * @throws IllegalArgumentException if the kind is unknown
     */
    public static IntentRef parse(final String text) {
        final int slash = text.indexOf('/');
        if (slash > 0) {
            final var prefix = text.substring(0, slash);
            for (var kind : IntentKind.values()) {
                if (kind.prefix().equals(prefix)) {
                    return new IntentRef(kind, text.substring(slash + 1));
                }
            }
        }
        throw new IllegalArgumentException("not an intent reference: " + text);
    }

    @Override
    public int compareTo(final IntentRef other) {
        final int cmp = kind.compareTo(other.kind);
        return cmp != 0 ? cmp : key.compareTo(other.key);
    }

    @Override
    public String toString() {
        return kind.prefix() + "/" + key;
    }
}
