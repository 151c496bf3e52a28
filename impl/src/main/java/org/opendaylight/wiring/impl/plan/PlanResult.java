/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.plan;

import java.util.Map;
import java.util.SortedMap;
import org.opendaylight.wiring.impl.intent.IntentRef;

/**
 * What the planner produced.
 *
 * @param hosts desired state per host id
 * @param hostRejections per intent, the hosts it could not be planned on and why
 * @param unplaced per intent that concerns no host, why not
 * @param allocations per host and provider bridge, the numbers handed out (to be kept for the next run)
 * @param networks per network reference, where its logical ports are bound
 * @param networkIds per host and network reference, the local id handed out (to be kept for the next run)
 */
public record PlanResult(SortedMap<String, HostPlan> hosts, Map<IntentRef, SortedMap<String, String>> hostRejections,
        Map<IntentRef, String> unplaced, SortedMap<String, SortedMap<String, Allocation>> allocations,
        SortedMap<String, NetworkPlan> networks, SortedMap<String, SortedMap<String, Integer>> networkIds) {
    // value
}
