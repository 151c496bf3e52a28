/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.ovsdb.service;

import java.util.ArrayList;
import java.util.List;
import org.opendaylight.wiring.ovsdb.ConnectionMode;
import org.opendaylight.wiring.ovsdb.OvsdbConnection;
import org.opendaylight.wiring.ovsdb.replica.OvsdbReplica;
import org.opendaylight.wiring.renderer.ovsdb.reconcile.SwitchReconciler;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.HostBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.host.Bridge;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.host.BridgeBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.host.ConnectionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.host.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.host.PortBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.host.port.Option;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.host.port.OptionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.HostId;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * Converts a host's OVSDB replica into the {@code wiring-ovsdb:ovsdb-state} operational mirror.
 */
final class StateMirror {
    private static final String IFACE_ID = "iface-id";

    private StateMirror() {
        // utility
    }

    static Host of(final String hostId, final OvsdbConnection connection, final boolean connected,
            final long transactions) {
        final OvsdbReplica replica = connection.replica();
        final List<Bridge> bridges = new ArrayList<>();
        for (var bridge : replica.bridges()) {
            // the bridge's own MAC is the one of its local interface, which carries the bridge's name
            final var local = replica.portsOf(bridge).stream()
                .filter(port -> port.name().equals(bridge.name()))
                .flatMap(port -> replica.interfacesOf(port).stream())
                .filter(iface -> iface.name().equals(bridge.name()))
                .findFirst();
            bridges.add(new BridgeBuilder().setName(bridge.name())
                .setMacAddress(local.flatMap(iface -> iface.macInUse()).orElse(null))
                .setDatapathId(bridge.datapathId().orElse(null))
                .setDatapathType(bridge.datapathType())
                .setFailMode(bridge.failMode().orElse(null))
                .setController(replica.controllersOf(bridge).stream().map(c -> c.target())
                    .collect(java.util.stream.Collectors.toSet()))
                .setOwned(SwitchReconciler.owned(bridge.externalIds()))
                .build());
        }
        final List<Port> ports = new ArrayList<>();
        for (var port : replica.ports()) {
            final var iface = replica.interfacesOf(port).stream().filter(i -> i.name().equals(port.name()))
                .findFirst();
            final List<Option> options = new ArrayList<>();
            iface.ifPresent(i -> i.options().forEach((name, value) -> options.add(new OptionBuilder().setName(name)
                .setValue(value).build())));
            ports.add(new PortBuilder().setName(port.name())
                .setBridge(replica.bridgeOf(port).map(b -> b.name()).orElse(null))
                .setType(iface.map(i -> i.type()).orElse(null))
                .setOfport(iface.flatMap(i -> i.ofport()).orElse(null))
                .setTag(port.tag().map(tag -> Uint16.valueOf(tag)).orElse(null))
                .setMacAddress(iface.flatMap(i -> i.macInUse()).orElse(null))
                .setIfaceId(iface.map(i -> i.externalIds().get(IFACE_ID)).orElse(null))
                .setLinkState(iface.flatMap(i -> i.linkState()).orElse(null))
                .setError(iface.flatMap(i -> i.error()).orElse(null))
                .setOption(options.isEmpty() ? null : BindingMap.ordered(options))
                .setOwned(SwitchReconciler.owned(port.externalIds()))
                .build());
        }
        return new HostBuilder().setHostId(new HostId(hostId))
            .setConnection(new ConnectionBuilder()
                .setState(connected ? org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.ovsdb.rev261121.ovsdb
                    .state.host.Connection.State.Connected : org.opendaylight.yang.gen.v1.urn.opendaylight.wiring
                    .ovsdb.rev261121.ovsdb.state.host.Connection.State.Disconnected)
                .setMode(connection.mode() == ConnectionMode.ACTIVE ? org.opendaylight.yang.gen.v1.urn.opendaylight
                    .wiring.ovsdb.rev261121.ovsdb.state.host.Connection.Mode.Active : org.opendaylight.yang.gen.v1
                    .urn.opendaylight.wiring.ovsdb.rev261121.ovsdb.state.host.Connection.Mode.Passive)
                .setRemoteAddress(String.valueOf(connection.remoteAddress()))
                .setTransactions(Uint64.valueOf(transactions))
                .build())
            .setOvsVersion(replica.ovsVersion().orElse(null))
            .setBridge(bridges.isEmpty() ? null : BindingMap.ordered(bridges))
            .setPort(ports.isEmpty() ? null : BindingMap.ordered(ports))
            .build();
    }
}
