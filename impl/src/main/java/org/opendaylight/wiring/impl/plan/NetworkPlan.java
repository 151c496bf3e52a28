/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.wiring.impl.intent.IntentRef;

/**
 * Where the logical ports of one network are bound: written once per network, so each host's flow renderer derives
 * the remote ports of its networks and the hosts to flood to from it instead of the plan copying every other
 * host's ports into every host (O(ports), not O(hosts squared)).
 */
public final class NetworkPlan {
    /**
     * A bound port of the network.
     *
     * @param id the logical-port intent's id
     * @param mac its MAC, lower case
     * @param host the host it is bound to
     */
    public record Port(String id, String mac, String host) {
        // value
    }

    private final NetworkIdentity identity;
    private final SortedSet<IntentRef> origins = new TreeSet<>();
    // by port id
    private final Map<String, HostPlan.Planned<Port>> ports = new TreeMap<>();
    private @Nullable String digest;

    NetworkPlan(final NetworkIdentity identity) {
        this.identity = identity;
        origins.add(identity.ref());
    }

    void addPort(final Port port, final IntentRef origin) {
        digest = null;
        final var planned = new HostPlan.Planned<>(port, new TreeSet<IntentRef>());
        planned.origins().add(origin);
        ports.put(port.id(), planned);
    }

    public NetworkIdentity identity() {
        return identity;
    }

    /**
     * The network intent (each port carries its own origin, so that a port change does not rewrite the network's
     * own entry).
     *
     * @return the intents
     */
    public SortedSet<IntentRef> origins() {
        return Collections.unmodifiableSortedSet(origins);
    }

    /**
     * The bound ports, by id.
     *
     * @return the ports
     */
    public Collection<HostPlan.Planned<Port>> ports() {
        return Collections.unmodifiableCollection(ports.values());
    }

    /**
     * The hosts with at least one port in the network: the flood targets.
     *
     * @return host ids in order
     */
    public SortedSet<String> hosts() {
        final var result = new TreeSet<String>();
        ports.values().forEach(planned -> result.add(planned.value().host()));
        return result;
    }

    /**
     * SHA-256 over the identity, the ports and the origins, in key order.
     *
     * @return lower-case hex digest
     */
    public String digest() {
        if (digest == null) {
            final var text = identity + "\n" + origins + "\n" + ports.values();
            try {
                digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is always available", e);
            }
        }
        return digest;
    }
}
