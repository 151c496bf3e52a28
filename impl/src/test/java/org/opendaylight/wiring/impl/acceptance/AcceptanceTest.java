/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendaylight.wiring.impl.TestIntents;
import org.opendaylight.wiring.impl.intent.IntentKind;
import org.opendaylight.wiring.impl.intent.IntentRef;
import org.opendaylight.wiring.impl.intent.Intents;
import org.opendaylight.wiring.impl.plan.Planner;

/**
 * Last-known-good: a rejected edit keeps the accepted version in force, and the intent whose change creates a
 * conflict loses, also after a restart (the accepted versions come from the store, not from memory).
 */
class AcceptanceTest {
    private static final String T0 = "2026-11-30T10:00:00Z";
    private static final String T1 = "2026-11-30T11:00:00Z";

    private static IntentRef ref(final IntentKind kind, final String key) {
        return IntentRef.of(kind, key);
    }

    /** Accept everything of a snapshot, as the planner loop would store it. */
    private static Acceptance.Decision acceptAll(final Intents intents) {
        final var decision = Acceptance.decide(intents, Intents.EMPTY, Map.of(), T0);
        assertEquals(Map.of(), decision.rejected());
        return decision;
    }

    private static Intents stored(final Acceptance.Decision decision) {
        return AcceptedStore.intents(AcceptedStore.build(decision, new java.util.TreeMap<>()));
    }

    @Test
    void rejectedEditOfAProviderHostKeepsTheHostProgrammed() {
        final var before = TestIntents.seed001();
        final var accepted = acceptAll(before.build());
        // the edit maps a second physical network onto the integration bridge: invalid
        final var edited = TestIntents.seed001();
        edited.hosts.removeIf(h -> h.getHostId().getValue().equals("rack-1-host-2"));
        edited.host("rack-1-host-2", "public", "br-ex", "other", "br-int");
        final var decision = Acceptance.decide(edited.build(), stored(accepted), accepted.acceptedAt(), T1);

        final var host = ref(IntentKind.PROVIDER_HOST, "rack-1-host-2");
        assertNull(decision.rejected().get(host), "the accepted version stays in force");
        assertEquals("bridge-mapping[other]/bridge: br-int is the integration bridge",
            decision.rejectedEdits().get(host));
        assertEquals("edit rejected: bridge-mapping[other]/bridge: br-int is the integration bridge; the version "
            + "accepted at " + T0 + " stays in force", decision.rejection(host));
        assertEquals(T0, decision.acceptedAt().get(host));

        final var plan = Planner.plan(decision.inForce(), decision.rejected());
        final var hostPlan = plan.hosts().get("rack-1-host-2");
        assertNotNull(hostPlan, "the host is still planned");
        assertTrue(hostPlan.bridges().stream().anyMatch(b -> b.value().name().equals("br-ex")));
        assertTrue(plan.hostRejections().isEmpty(), "nothing on the host is rejected: " + plan.hostRejections());
        // the provider VM on that host is still exposed
        assertTrue(hostPlan.exposed().stream().anyMatch(e -> e.value().equals("172.24.4.92/32")));
    }

    @Test
    void theChangeThatCreatesAConflictLosesEvenIfItSortsFirst() {
        final var accepted = acceptAll(new TestIntents().vlan("net-b", "physnet1", 310).build());
        final var latest = new TestIntents().vlan("net-a", "physnet1", 310).vlan("net-b", "physnet1", 310).build();
        // the accepted versions come from the store: this is what a restarted controller sees
        final var decision = Acceptance.decide(latest, stored(accepted), accepted.acceptedAt(), T1);
        assertEquals(Map.of(ref(IntentKind.PROVIDER_NETWORK, "net-a"),
            "vlan-id: 310 on physical network physnet1 is already used by provider network net-b"),
            decision.rejected());
    }

    @Test
    void anEditThatMovesOntoATakenVlanIsRejectedAndTheOldVlanStays() {
        final var accepted = acceptAll(new TestIntents().vlan("net-a", "physnet1", 100)
            .vlan("net-b", "physnet1", 310).build());
        final var latest = new TestIntents().vlan("net-a", "physnet1", 310).vlan("net-b", "physnet1", 310).build();
        final var decision = Acceptance.decide(latest, stored(accepted), accepted.acceptedAt(), T1);
        final var netA = ref(IntentKind.PROVIDER_NETWORK, "net-a");
        assertEquals(Map.of(), decision.rejected());
        assertNotNull(decision.rejectedEdits().get(netA));
        assertEquals(100, decision.inForce().providerNetworks().stream()
            .filter(n -> n.getName().getValue().equals("net-a")).findFirst().orElseThrow()
            .getVlanId().getValue().intValue());
    }

    @Test
    void anAcceptedEditGetsANewTimeAndUnchangedIntentsKeepTheirs() {
        final var accepted = acceptAll(new TestIntents().vlan("net-a", "physnet1", 100)
            .vlan("net-b", "physnet1", 200).build());
        final var latest = new TestIntents().vlan("net-a", "physnet1", 101).vlan("net-b", "physnet1", 200).build();
        final var decision = Acceptance.decide(latest, stored(accepted), accepted.acceptedAt(), T1);
        assertEquals(T1, decision.acceptedAt().get(ref(IntentKind.PROVIDER_NETWORK, "net-a")));
        assertEquals(T0, decision.acceptedAt().get(ref(IntentKind.PROVIDER_NETWORK, "net-b")));
    }

    @Test
    void aNewIntentThatIsInvalidIsSimplyRejected() {
        final var decision = Acceptance.decide(new TestIntents().vlan("v", "physnet1", null).build(), Intents.EMPTY,
            Map.of(), T0);
        assertEquals("vlan-id: mandatory when type is vlan",
            decision.rejection(ref(IntentKind.PROVIDER_NETWORK, "v")));
        assertTrue(decision.acceptedAt().isEmpty());
    }
}
