/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the provider network that an exposed address is now reached through this host: gratuitous ARP (the
 * {@code arping} package, which builds the frame itself and so needs no local source address) and unsolicited
 * neighbour advertisements ({@code na6} of the {@code ipv6toolkit} package, override flag set) from the device
 * that the address's rule table routes it to, normally the provider bridge.
 */
public final class Announcer {
    private static final Logger LOG = LoggerFactory.getLogger(Announcer.class);

    private final HostShell shell;

    /**
     * An announcer.
     *
     * @param shell the shell (its namespace)
     */
    public Announcer(final HostShell shell) {
        this.shell = shell;
    }

    /**
     * The device an exposed address is announced from: the device of the most specific route, in the table its
     * rule looks up, that contains the address.
     *
     * @param desired the desired state
     * @param address the exposed address
     * @return the device, if the desired state routes the address
     */
    public static Optional<String> deviceFor(final DesiredState desired, final InetAddress address) {
        DesiredState.Route best = null;
        for (DesiredState.Rule rule : desired.rules()) {
            if (!rule.destination().contains(address)) {
                continue;
            }
            for (DesiredState.Route route : desired.routes()) {
                if (route.table() == rule.table() && route.destination().contains(address)
                        && (best == null || route.destination().length() > best.destination().length())) {
                    best = route;
                }
            }
        }
        return Optional.ofNullable(best).map(DesiredState.Route::device);
    }

    /**
     * The command that announces an address from a device.
     *
     * @param address the address
     * @param device the device
     * @param mac the device's MAC address
     * @return the command
     */
    public static List<String> command(final IpPrefix address, final String device, final String mac) {
        final String ip = address.addressString();
        if (address.isIpv4()) {
            return List.of("arping", "-q", "-U", "-S", ip, "-i", device, "-c", "1", "-w", "0", ip);
        }
        return List.of("na6", "-i", device, "-s", ip, "-d", "ff02::1", "-t", ip, "-o", "-E", mac);
    }

    /**
     * Announces addresses; failures are returned, never thrown, as the kernel state is already right.
     *
     * @param desired the desired state
     * @param kernel a snapshot (for device MAC addresses)
     * @param arrivals the exposed host prefixes that arrived on this host
     * @return failures
     */
    public List<ChangeSet.Failure> announce(final DesiredState desired, final KernelSnapshot kernel,
            final List<IpPrefix> arrivals) {
        final List<ChangeSet.Failure> failures = new ArrayList<>();
        for (IpPrefix address : arrivals) {
            final String what = "announce " + address.addressString();
            final String device = deviceFor(desired, address.address()).orElse("");
            if (!kernel.links().containsKey(device)) {
                failures.add(new ChangeSet.Failure(what, "", "no routed device for the address"));
                continue;
            }
            final List<String> argv = command(address, device, kernel.links().get(device).mac());
            try {
                final CommandRunner.Result result = shell.exec(argv);
                // arping exits 1 when nothing answers, which is normal for unsolicited ARP: errors go to stderr
                if (result.exitCode() > 1 || !result.stderr().isBlank()) {
                    failures.add(new ChangeSet.Failure(what, String.join(" ", argv), result.stderr().strip()));
                } else {
                    LOG.info("Announced {} from {}", address.addressString(), device);
                }
            } catch (IOException e) {
                failures.add(new ChangeSet.Failure(what, String.join(" ", argv), e.getMessage()));
            }
        }
        return failures;
    }
}
