/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.group.types.rev131018.groups.Group;

/**
 * The writes that make one switch hold exactly the wanted flows and groups of ours, computed from the wanted set
 * (converted by {@link InventoryConverter}) and what the switch reports (the operational inventory, or direct
 * statistics). Pure: it reads nothing and writes nothing.
 *
 * <p>Flows are matched by their identity on the switch, (table, priority, match) ({@link InventoryText#key(Flow)}),
 * not by flow id: openflowplugin reports a switch flow it cannot map to a config flow under an alien id, and a stale
 * flow of ours left by an earlier run has no config entry at all. Then:
 * <ul>
 *   <li>wanted, not on the switch: {@link #flowAdds() add};</li>
 *   <li>wanted, on the switch with our cookie and the same cookie and instructions: nothing;</li>
 *   <li>wanted, on the switch with our cookie and another cookie or other instructions:
 *       {@link #flowUpdates() update} (original = the switch's flow, updated = the wanted one);</li>
 *   <li>wanted, but the switch holds a foreign flow (another cookie) with the same identity: a
 *       {@link #flowConflicts() conflict}, not written: an add would replace the foreign flow, which is not ours to
 *       touch; the renderer reports it as the reason the intent is not programmed;</li>
 *   <li>on the switch with our cookie, not wanted: {@link #flowRemoves() remove} (the switch's flow as reported, so a
 *       strict delete by table, priority, match and our exact cookie removes it);</li>
 *   <li>on the switch with a foreign cookie, not wanted: never touched.</li>
 * </ul>
 * Groups are matched by id; only ids in our range ({@link Ownership#ownsGroup(long)}) are added, updated or removed.
 * A wanted group id outside our range, or a wanted flow without our cookie, is refused.
 *
 * <p>Apply in this order: group adds and updates, flow removes, flow updates and adds, group removes (a flow must not
 * reference a missing group; OVS deletes the flows that use a deleted group).
 *
 * @param flowAdds wanted flows the switch lacks
 * @param flowUpdates wanted flows the switch holds differently
 * @param flowRemoves flows of ours the switch holds and nobody wants
 * @param flowConflicts wanted flows whose identity a foreign flow occupies on the switch
 * @param groupAdds wanted groups the switch lacks
 * @param groupUpdates wanted groups the switch holds differently
 * @param groupRemoves groups of ours the switch holds and nobody wants
 */
public record FlowSetDiff(List<Flow> flowAdds, List<FlowUpdate> flowUpdates, List<Flow> flowRemoves,
        List<FlowConflict> flowConflicts, List<Group> groupAdds, List<GroupUpdate> groupUpdates,
        List<Group> groupRemoves) {
    public FlowSetDiff {
        flowAdds = List.copyOf(flowAdds);
        flowUpdates = List.copyOf(flowUpdates);
        flowRemoves = List.copyOf(flowRemoves);
        flowConflicts = List.copyOf(flowConflicts);
        groupAdds = List.copyOf(groupAdds);
        groupUpdates = List.copyOf(groupUpdates);
        groupRemoves = List.copyOf(groupRemoves);
    }

    /**
     * A flow to update in place.
     *
     * @param original the flow as the switch reports it
     * @param updated the wanted flow
     */
    public record FlowUpdate(Flow original, Flow updated) {
    }

    /**
     * A wanted flow that a foreign flow with the same (table, priority, match) occupies.
     *
     * @param wanted the wanted flow
     * @param foreign the foreign flow as the switch reports it
     */
    public record FlowConflict(Flow wanted, Flow foreign) {
    }

    /**
     * A group to update in place.
     *
     * @param original the group as the switch reports it
     * @param updated the wanted group
     */
    public record GroupUpdate(Group original, Group updated) {
    }

    /**
     * A wanted set prepared for repeated comparisons: identities and texts rendered once, while the switch's reports
     * change.
     *
     * @param flows the wanted flows by identity
     * @param flowTexts the wanted flows' cookie and instructions by identity
     * @param groups the wanted groups by id
     * @param groupTexts the wanted groups' texts by id
     */
    public record Wanted(Map<String, Flow> flows, Map<String, String> flowTexts, Map<Long, Group> groups,
            Map<Long, String> groupTexts) {
        public Wanted {
            flows = Collections.unmodifiableMap(flows);
            flowTexts = Collections.unmodifiableMap(flowTexts);
            groups = Collections.unmodifiableMap(groups);
            groupTexts = Collections.unmodifiableMap(groupTexts);
        }

        /**
         * Prepares a wanted set.
         *
         * @param ownership what is ours
         * @param wantedFlows the wanted flows (all with our cookie, identities unique)
         * @param wantedGroups the wanted groups (all in our id range, ids unique)
         * @return the prepared set
         * @throws IllegalArgumentException when a wanted flow or group is not ours, or two wanted flows (groups)
         *     share an identity (id)
         */
        public static Wanted of(final Ownership ownership, final Collection<Flow> wantedFlows,
                final Collection<Group> wantedGroups) {
            return prepared(ownership, wantedFlows.stream().map(PreparedFlow::of).toList(),
                wantedGroups.stream().map(PreparedGroup::of).toList());
        }

        /**
         * A wanted set from flows and groups whose texts are already rendered (by an earlier version of the set).
         *
         * @param ownership what is ours
         * @param wantedFlows the wanted flows, prepared
         * @param wantedGroups the wanted groups, prepared
         * @return the prepared set
         * @throws IllegalArgumentException as {@link #of(Ownership, Collection, Collection)}
         */
        static Wanted prepared(final Ownership ownership, final Collection<PreparedFlow> wantedFlows,
                final Collection<PreparedGroup> wantedGroups) {
            final Map<String, Flow> flows = new LinkedHashMap<>();
            final Map<String, String> flowTexts = new HashMap<>();
            for (PreparedFlow prepared : wantedFlows) {
                final Flow flow = prepared.flow();
                if (!ownership.ownsCookie(InventoryText.cookieValue(flow))) {
                    throw new IllegalArgumentException("wanted flow without our cookie: " + InventoryText.flow(flow));
                }
                if (flows.putIfAbsent(prepared.key(), flow) != null) {
                    throw new IllegalArgumentException("two wanted flows with identity " + prepared.key());
                }
                flowTexts.put(prepared.key(), prepared.text());
            }
            final Map<Long, Group> groups = new LinkedHashMap<>();
            final Map<Long, String> groupTexts = new HashMap<>();
            for (PreparedGroup prepared : wantedGroups) {
                final long id = prepared.id();
                if (!ownership.ownsGroup(id)) {
                    throw new IllegalArgumentException("wanted group outside our id range: " + id);
                }
                if (groups.putIfAbsent(id, prepared.group()) != null) {
                    throw new IllegalArgumentException("two wanted groups with id " + id);
                }
                groupTexts.put(id, prepared.text());
            }
            return new Wanted(flows, flowTexts, groups, groupTexts);
        }
    }

    /** A wanted flow with its identity and its content (cookie and instructions) rendered for comparisons. */
    record PreparedFlow(Flow flow, String key, String text) {
        static PreparedFlow of(final Flow flow) {
            return new PreparedFlow(flow, InventoryText.key(flow), content(flow));
        }
    }

    /** A wanted group with its id and text rendered for comparisons. */
    record PreparedGroup(Group group, long id, String text) {
        static PreparedGroup of(final Group group) {
            return new PreparedGroup(group, groupId(group), InventoryText.group(group));
        }
    }

    /**
     * Computes the writes.
     *
     * @param ownership what is ours
     * @param wantedFlows the wanted flows (all with our cookie, identities unique)
     * @param wantedGroups the wanted groups (all in our id range, ids unique)
     * @param actualFlows the flows the switch reports, ours and foreign
     * @param actualGroups the groups the switch reports, ours and foreign
     * @return the diff
     * @throws IllegalArgumentException when a wanted flow or group is not ours, or two wanted flows (groups) share
     *     an identity (id)
     */
    public static FlowSetDiff compute(final Ownership ownership, final Collection<Flow> wantedFlows,
            final Collection<Group> wantedGroups, final Collection<Flow> actualFlows,
            final Collection<Group> actualGroups) {
        return compute(ownership, Wanted.of(ownership, wantedFlows, wantedGroups), actualFlows, actualGroups);
    }

    /**
     * Computes the writes against a prepared wanted set.
     *
     * @param ownership what is ours
     * @param wanted the prepared wanted set
     * @param actualFlows the flows the switch reports, ours and foreign
     * @param actualGroups the groups the switch reports, ours and foreign
     * @return the diff
     */
    public static FlowSetDiff compute(final Ownership ownership, final Wanted wanted,
            final Collection<Flow> actualFlows, final Collection<Group> actualGroups) {
        // a switch holds one flow per identity; should a report list one twice, the first one counts
        final Map<String, Flow> actual = new LinkedHashMap<>();
        for (Flow flow : actualFlows) {
            actual.putIfAbsent(InventoryText.key(flow), flow);
        }

        final List<Flow> adds = new ArrayList<>();
        final List<FlowUpdate> updates = new ArrayList<>();
        final List<FlowConflict> conflicts = new ArrayList<>();
        for (Map.Entry<String, Flow> entry : wanted.flows().entrySet()) {
            place(ownership, wanted, entry, actual.get(entry.getKey()), adds, updates, conflicts);
        }
        final List<Flow> removes = new ArrayList<>();
        for (Map.Entry<String, Flow> entry : actual.entrySet()) {
            if (!wanted.flows().containsKey(entry.getKey())
                    && ownership.ownsCookie(InventoryText.cookieValue(entry.getValue()))) {
                removes.add(entry.getValue());
            }
        }

        final Map<Long, Group> actualById = new LinkedHashMap<>();
        for (Group group : actualGroups) {
            actualById.putIfAbsent(groupId(group), group);
        }
        final List<Group> groupAdds = new ArrayList<>();
        final List<GroupUpdate> groupUpdates = new ArrayList<>();
        for (Map.Entry<Long, Group> entry : wanted.groups().entrySet()) {
            final Group have = actualById.get(entry.getKey());
            if (have == null) {
                groupAdds.add(entry.getValue());
            } else if (!wanted.groupTexts().get(entry.getKey()).equals(InventoryText.group(have))) {
                groupUpdates.add(new GroupUpdate(have, entry.getValue()));
            }
        }
        final List<Group> groupRemoves = new ArrayList<>();
        for (Map.Entry<Long, Group> entry : actualById.entrySet()) {
            if (!wanted.groups().containsKey(entry.getKey()) && ownership.ownsGroup(entry.getKey())) {
                groupRemoves.add(entry.getValue());
            }
        }
        return new FlowSetDiff(adds, updates, removes, conflicts, groupAdds, groupUpdates, groupRemoves);
    }

    /**
     * The diff once some wanted flows were read from the switch directly: a read flow replaces what the statistics
     * said of its identity. Only the identities the statistics diff lacked (adds and updates) are looked at again,
     * so this costs the lacking flows, not the switch's whole flow set; for reads of lacking identities only, the
     * result equals {@link #compute(Ownership, Wanted, Collection, Collection)} over the read flows followed by the
     * statistics.
     *
     * @param ownership what is ours
     * @param wanted the prepared wanted set the statistics diff was computed against
     * @param byStatistics the diff against the statistics
     * @param read flows read from the switch, by identity ({@link InventoryText#key(Flow)})
     * @return the diff
     */
    public static FlowSetDiff overlay(final Ownership ownership, final Wanted wanted, final FlowSetDiff byStatistics,
            final Map<String, Flow> read) {
        if (read.isEmpty()) {
            return byStatistics;
        }
        // the diff lists the wanted set's own flow objects: looked up by identity, nothing is rendered again
        final Set<Flow> lackingAdds = Collections.newSetFromMap(new IdentityHashMap<>());
        lackingAdds.addAll(byStatistics.flowAdds);
        final Map<Flow, FlowUpdate> lackingUpdates = new IdentityHashMap<>();
        byStatistics.flowUpdates.forEach(update -> lackingUpdates.put(update.updated(), update));
        final Map<Flow, FlowConflict> conflictsByWanted = new IdentityHashMap<>();
        byStatistics.flowConflicts.forEach(conflict -> conflictsByWanted.put(conflict.wanted(), conflict));

        // in the wanted set's order, as compute() lists them
        final List<Flow> adds = new ArrayList<>();
        final List<FlowUpdate> updates = new ArrayList<>();
        final List<FlowConflict> conflicts = new ArrayList<>();
        for (Map.Entry<String, Flow> entry : wanted.flows().entrySet()) {
            final Flow want = entry.getValue();
            final boolean add = lackingAdds.contains(want);
            final FlowUpdate update = lackingUpdates.get(want);
            final Flow have = add || update != null ? read.get(entry.getKey()) : null;
            if (have != null) {
                place(ownership, wanted, entry, have, adds, updates, conflicts);
            } else if (add) {
                adds.add(want);
            } else if (update != null) {
                updates.add(update);
            } else {
                final FlowConflict conflict = conflictsByWanted.get(want);
                if (conflict != null) {
                    conflicts.add(conflict);
                }
            }
        }
        return new FlowSetDiff(adds, updates, byStatistics.flowRemoves, conflicts, byStatistics.groupAdds,
            byStatistics.groupUpdates, byStatistics.groupRemoves);
    }

    /**
     * The identities of the wanted flows this diff adds or updates, i.e. the flows the switch lacks as wanted.
     *
     * @param wanted the prepared wanted set this diff was computed against (its flows are looked up by identity)
     * @return their identities
     */
    public Set<String> lackingKeys(final Wanted wanted) {
        final Set<Flow> lacking = Collections.newSetFromMap(new IdentityHashMap<>());
        lacking.addAll(flowAdds);
        flowUpdates.forEach(update -> lacking.add(update.updated()));
        final Set<String> keys = new HashSet<>();
        wanted.flows().forEach((key, flow) -> {
            if (lacking.contains(flow)) {
                keys.add(key);
            }
        });
        return keys;
    }

    /**
     * Where a wanted flow goes given the switch's flow of its identity: none, an add; a foreign one, a conflict; one of
     * ours with another cookie or other instructions, an update; else nothing.
     */
    private static void place(final Ownership ownership, final Wanted wanted, final Map.Entry<String, Flow> entry,
            final @Nullable Flow have, final List<Flow> adds, final List<FlowUpdate> updates,
            final List<FlowConflict> conflicts) {
        final Flow want = entry.getValue();
        if (have == null) {
            adds.add(want);
        } else if (!ownership.ownsCookie(InventoryText.cookieValue(have))) {
            conflicts.add(new FlowConflict(want, have));
        } else if (!wanted.flowTexts().get(entry.getKey()).equals(content(have))) {
            updates.add(new FlowUpdate(have, want));
        }
    }

    /**
     * This diff without the group adds and updates the switch is known to hold by other means than what it reported
     * (it accepted a write of exactly that group).
     *
     * @param held whether the switch holds a wanted group as wanted
     * @return the diff
     */
    public FlowSetDiff withGroupsHeld(final Predicate<Group> held) {
        return new FlowSetDiff(flowAdds, flowUpdates, flowRemoves, flowConflicts,
            groupAdds.stream().filter(group -> !held.test(group)).toList(),
            groupUpdates.stream().filter(update -> !held.test(update.updated())).toList(), groupRemoves);
    }

    /** What must be equal besides the identity: cookie and instructions (the match is in the identity). */
    private static String content(final Flow flow) {
        return Long.toHexString(InventoryText.cookieValue(flow)) + " " + InventoryText.instructions(flow);
    }

    private static long groupId(final Group group) {
        return group.getGroupId().getValue().longValue();
    }

    /**
     * Whether nothing needs to be written (conflicts are reported, not written).
     *
     * @return true when the switch already holds exactly the wanted set of ours
     */
    public boolean isEmpty() {
        return flowAdds.isEmpty() && flowUpdates.isEmpty() && flowRemoves.isEmpty() && groupAdds.isEmpty()
            && groupUpdates.isEmpty() && groupRemoves.isEmpty();
    }

    /**
     * The number of writes.
     *
     * @return adds, updates and removes of flows and groups
     */
    public int writes() {
        return flowAdds.size() + flowUpdates.size() + flowRemoves.size() + groupAdds.size() + groupUpdates.size()
            + groupRemoves.size();
    }
}
