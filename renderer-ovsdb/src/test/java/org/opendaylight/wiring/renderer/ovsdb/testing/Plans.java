/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.ovsdb.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.wiring.impl.TestIntents;
import org.opendaylight.wiring.impl.plan.PlanBinding;
import org.opendaylight.wiring.impl.plan.Planner;
import org.opendaylight.wiring.impl.validation.Validator;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.Plan;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.PlanBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.host.list.HostBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.host.list.host.BridgeMapping;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.host.list.host.BridgeMappingBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.DatapathType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.DeviceName;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.HostId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.PhysicalNetwork;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * Plans from the real validator and planner, and writing them as the planner does (epoch, generation and every
 * host in one transaction).
 */
public final class Plans {
    private static long generation;

    private Plans() {
        // utility
    }

    /**
     * A provider-host intent with the userspace datapath.
     *
     * @param id host id
     * @param uplink uplink interface of every mapping, or null
     * @param ovsdbRemote active ovsdb-remote, or null
     * @param mappings physical network, bridge, physical network, bridge, ...
     * @return the intent
     */
    public static org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.provider.rev261121.host.list.Host host(
            final String id, final String uplink, final String ovsdbRemote, final String... mappings) {
        final List<BridgeMapping> list = new ArrayList<>();
        for (int i = 0; i < mappings.length; i += 2) {
            list.add(new BridgeMappingBuilder().setPhysicalNetwork(new PhysicalNetwork(mappings[i]))
                .setBridge(new DeviceName(mappings[i + 1]))
                .setUplinkInterface(uplink == null ? null : new DeviceName(uplink)).build());
        }
        return new HostBuilder().setHostId(new HostId(id)).setDatapathType(DatapathType.Netdev)
            .setOvsdbRemote(ovsdbRemote)
            .setBridgeMapping(list.isEmpty() ? null : BindingMap.ordered(list)).build();
    }

    /**
     * Plans the intents.
     *
     * @param intents the intents, all valid
     * @return the plan per host
     */
    public static Map<String, Host> plan(final TestIntents intents) {
        final var snapshot = intents.build();
        final var rejected = Validator.validate(snapshot);
        if (!rejected.isEmpty()) {
            throw new IllegalArgumentException("rejected: " + rejected);
        }
        final Map<String, Host> hosts = new HashMap<>();
        Planner.plan(snapshot, rejected).hosts().forEach((id, plan) -> hosts.put(id, PlanBinding.toBinding(plan)));
        return hosts;
    }

    /**
     * Writes the plan container as the planner does.
     *
     * @param broker the data broker
     * @param epoch the epoch, or null for a plan container without one
     * @param hosts the host plans
     * @throws Exception if the commit fails
     */
    public static synchronized void publish(final DataBroker broker, final String epoch, final Map<String, Host> hosts)
            throws Exception {
        final var tx = broker.newWriteOnlyTransaction();
        tx.put(LogicalDatastoreType.OPERATIONAL, InstanceIdentifier.create(Plan.class), new PlanBuilder()
            .setEpoch(epoch).setGeneration(epoch == null ? null : Uint64.valueOf(++generation))
            .setHost(hosts.isEmpty() ? null : BindingMap.ordered(hosts.values())).build());
        tx.commit().get(10, TimeUnit.SECONDS);
    }
}
