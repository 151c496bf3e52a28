/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.acceptance;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.wiring.impl.intent.IntentPaths;
import org.opendaylight.wiring.impl.intent.IntentRef;
import org.opendaylight.wiring.impl.intent.Intents;
import org.opendaylight.wiring.impl.validation.Validator;
import org.opendaylight.yangtools.yang.binding.DataObject;

/**
 * Decides which version of every intent is in force: last-known-good.
 *
 * <p>The latest version of an intent is validated against the versions in force of all others, in preference
 * order: versions accepted before and unchanged first, then edits of accepted intents, then new intents, each
 * group in key order. So the intent whose change creates a conflict is the one rejected, never the untouched one
 * that was working. A rejected edit of an intent that was accepted before does not withdraw it: its accepted
 * version stays in force (and is validated again, as what it depends on may have changed).
 */
public final class Acceptance {
    /**
     * The outcome.
     *
     * @param inForce the version in force of every intent that has one candidate (latest or reverted); the
     *     planner plans these minus {@code rejected}
     * @param rejected intents with no version in force, and why
     * @param rejectedEdits intents whose latest version was rejected while the accepted one stays in force, and why
     * @param acceptedAt per intent in force, when its version in force was accepted
     */
    public record Decision(Intents inForce, Map<IntentRef, String> rejected, Map<IntentRef, String> rejectedEdits,
            Map<IntentRef, String> acceptedAt) {
        /**
         * The reason to show for an intent whose latest version is not in force, or null.
         *
         * @param ref the intent
         * @return the reason
         */
        public @Nullable String rejection(final IntentRef ref) {
            final var edit = rejectedEdits.get(ref);
            if (edit == null) {
                return rejected.get(ref);
            }
            return rejected.containsKey(ref) ? edit : "edit rejected: " + edit + "; the version accepted at "
                + acceptedAt.get(ref) + " stays in force";
        }
    }

    private static final int UNCHANGED = 0;
    private static final int EDITED = 1;
    private static final int NEW = 2;

    private Acceptance() {
        // utility
    }

    /**
     * Decide.
     *
     * @param latest the intents as written (config datastore)
     * @param accepted the versions accepted before (wiring-accepted)
     * @param acceptedAt when each accepted version was accepted
     * @param now the current time, for versions accepted now
     * @return the decision
     */
    public static Decision decide(final Intents latest, final Intents accepted,
            final Map<IntentRef, String> acceptedAt, final String now) {
        final Map<IntentRef, DataObject> latestEntries = entries(latest);
        final Map<IntentRef, DataObject> acceptedEntries = entries(accepted);
        final Map<IntentRef, String> edits = new TreeMap<>();
        while (true) {
            final Map<IntentRef, DataObject> candidate = new TreeMap<>();
            final Map<IntentRef, Integer> rank = new HashMap<>();
            latestEntries.forEach((ref, entry) -> {
                final var old = acceptedEntries.get(ref);
                if (edits.containsKey(ref)) {
                    candidate.put(ref, old);
                    rank.put(ref, UNCHANGED);
                } else {
                    candidate.put(ref, entry);
                    rank.put(ref, old == null ? NEW : old.equals(entry) ? UNCHANGED : EDITED);
                }
            });
            final var intents = Intents.ofEntries(candidate.values(), latest.bgpEnabled(), latest.bgpSettings());
            final var rejected = Validator.validate(intents, rank);
            boolean reverted = false;
            for (var entry : rejected.entrySet()) {
                final var ref = entry.getKey();
                if (rank.get(ref).intValue() == EDITED) {
                    edits.put(ref, entry.getValue());
                    reverted = true;
                }
            }
            if (!reverted) {
                final Map<IntentRef, String> times = new TreeMap<>();
                candidate.forEach((ref, entry) -> {
                    if (!rejected.containsKey(ref)) {
                        final var old = acceptedEntries.get(ref);
                        final var time = old != null && old.equals(entry) ? acceptedAt.get(ref) : null;
                        times.put(ref, time != null ? time : now);
                    }
                });
                return new Decision(intents, rejected, Map.copyOf(edits), times);
            }
        }
    }

    private static Map<IntentRef, DataObject> entries(final Intents intents) {
        final Map<IntentRef, DataObject> result = new TreeMap<>();
        IntentPaths.of(intents).forEach((ref, intent) -> result.put(ref, intent.entry()));
        return result;
    }
}
