/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes the change set that turns a kernel snapshot into the desired state, touching only what the agent owns:
 * routes, rules, neighbour and proxy entries carrying its protocol number, devices carrying its alias, and
 * addresses on such devices or recorded in its state file. A pure function: no I/O.
 */
public final class Differ {
    private final AgentConfig config;
    private final String proto;

    /**
     * A differ for one configuration.
     *
     * @param config the configuration
     */
    public Differ(final AgentConfig config) {
        this.config = config;
        this.proto = Integer.toString(config.protocol());
    }

    /**
     * The key of an address in the state file and in change sets.
     *
     * @param device the device
     * @param prefix the address
     * @return {@code device|prefix}
     */
    public static String addressKey(final String device, final IpPrefix prefix) {
        return device + "|" + prefix;
    }

    /**
     * The addresses a desired state puts on devices: the plan's addresses and the exposed host prefixes on the
     * expose device.
     *
     * @param desired the desired state
     * @return by key
     */
    public static Map<String, DesiredState.Address> desiredAddresses(final DesiredState desired) {
        final Map<String, DesiredState.Address> result = new LinkedHashMap<>();
        for (DesiredState.Address address : desired.addresses()) {
            result.put(addressKey(address.device(), address.prefix()), address);
        }
        desired.exposure().ifPresent(exposure -> {
            for (IpPrefix prefix : desired.exposed()) {
                if (prefix.isHost()) {
                    result.put(addressKey(exposure.device(), prefix), new DesiredState.Address(exposure.device(),
                        prefix));
                }
            }
        });
        return result;
    }

    /**
     * The routes a desired state needs: the plan's routes and, for non-host exposed prefixes, a route to the expose
     * device in the VRF table.
     *
     * @param desired the desired state
     * @return by key {@code table|prefix}
     */
    public static Map<String, DesiredState.Route> desiredRoutes(final DesiredState desired) {
        final Map<String, DesiredState.Route> result = new LinkedHashMap<>();
        for (DesiredState.Route route : desired.routes()) {
            result.put(route.table() + "|" + route.destination(), route);
        }
        desired.exposure().ifPresent(exposure -> {
            for (IpPrefix prefix : desired.exposed()) {
                if (!prefix.isHost()) {
                    final DesiredState.Route route = new DesiredState.Route(exposure.vrfTable(), prefix,
                        exposure.device(), Optional.empty());
                    result.put(route.table() + "|" + route.destination(), route);
                }
            }
        });
        return result;
    }

    /**
     * Computes the change set.
     *
     * @param desired the desired state
     * @param kernel the kernel snapshot
     * @param ownedAddresses keys of addresses the agent added earlier (its state file)
     * @return the change set
     */
    public ChangeSet diff(final DesiredState desired, final KernelSnapshot kernel, final Set<String> ownedAddresses) {
        final List<ChangeSet.Op> links = new ArrayList<>();
        final List<ChangeSet.Op> deletes = new ArrayList<>();
        final List<ChangeSet.Op> adds = new ArrayList<>();
        final List<ChangeSet.Op> late = new ArrayList<>();
        final List<ChangeSet.Failure> conflicts = new ArrayList<>();
        final Set<String> addressAdds = new LinkedHashSet<>();
        final Set<String> addressDeletes = new LinkedHashSet<>();

        final Set<String> ourDevices = devices(desired, kernel, links);
        addresses(desired, kernel, ownedAddresses, ourDevices, deletes, adds, addressAdds, addressDeletes);
        routes(desired, kernel, deletes, adds);
        rules(desired, kernel, deletes, adds);
        neighbours(desired, kernel, deletes, adds, conflicts);
        proxies(desired, kernel, deletes, adds);
        suppressLocal(desired, kernel, late);

        final Map<String, String> sysctls = new TreeMap<>();
        for (DesiredState.Sysctl sysctl : desired.sysctls()) {
            final String current = kernel.sysctls().get(sysctl.name());
            if (current == null) {
                conflicts.add(new ChangeSet.Failure("sysctl " + sysctl.name(), "",
                    "no such sysctl (device missing?): /proc/sys/" + sysctl.procPath()));
            } else if (!current.equals(sysctl.value())) {
                sysctls.put(sysctl.name(), sysctl.value());
            }
        }

        final List<ChangeSet.Op> ops = new ArrayList<>(links);
        ops.addAll(deletes);
        ops.addAll(adds);
        ops.addAll(late);
        return new ChangeSet(ops, sysctls, conflicts, addressAdds, addressDeletes);
    }

    /** Creates the expose device (and VRF) if missing, deletes devices of ours that are no longer wanted. */
    private Set<String> devices(final DesiredState desired, final KernelSnapshot kernel,
            final List<ChangeSet.Op> links) {
        final Set<String> wanted = new HashSet<>();
        final Set<String> ours = new HashSet<>();
        kernel.links().values().stream().filter(link -> config.deviceMark().equals(link.alias()))
            .forEach(link -> ours.add(link.name()));
        desired.exposure().ifPresent(exposure -> {
            final String dev = exposure.device();
            wanted.add(dev);
            if (config.exposureKind() == AgentConfig.ExposureKind.VRF) {
                wanted.add(exposure.vrfName());
                if (!kernel.links().containsKey(exposure.vrfName())) {
                    final String what = "vrf " + exposure.vrfName();
                    links.add(op(what, "link add " + exposure.vrfName() + " type vrf table " + exposure.vrfTable()));
                    links.add(op(what, "link set dev " + exposure.vrfName() + " alias " + config.deviceMark()));
                    links.add(op(what, "link set dev " + exposure.vrfName() + " up"));
                    ours.add(exposure.vrfName());
                }
                final KernelSnapshot.Link link = kernel.links().get(dev);
                final String what = "expose device " + dev;
                if (link == null) {
                    links.add(op(what, "link add " + dev + " type dummy"));
                    links.add(op(what, "link set dev " + dev + " alias " + config.deviceMark()));
                    links.add(op(what, "link set dev " + dev + " master " + exposure.vrfName()));
                    links.add(op(what, "link set dev " + dev + " up"));
                    ours.add(dev);
                } else if (ours.contains(dev) && !exposure.vrfName().equals(link.master())) {
                    links.add(op(what, "link set dev " + dev + " master " + exposure.vrfName()));
                }
                upIfOurs(kernel, ours, exposure.vrfName(), links);
                upIfOurs(kernel, ours, dev, links);
            } else if (!kernel.links().containsKey(dev)) {
                final String what = "expose device " + dev;
                links.add(op(what, "link add " + dev + " type bridge"));
                links.add(op(what, "link set dev " + dev + " alias " + config.deviceMark()));
                links.add(op(what, "link set dev " + dev + " addrgenmode none"));
                links.add(op(what, "link set dev " + dev + " up"));
                ours.add(dev);
            } else {
                upIfOurs(kernel, ours, dev, links);
            }
        });
        for (String dev : new ArrayList<>(ours)) {
            if (!wanted.contains(dev) && kernel.links().containsKey(dev)) {
                links.add(op("device " + dev, "link del dev " + dev));
                ours.remove(dev);
            }
        }
        return ours;
    }

    /** A device of ours that someone set down is brought up again (FRR ignores a down interface's addresses). */
    private static void upIfOurs(final KernelSnapshot kernel, final Set<String> ours, final String dev,
            final List<ChangeSet.Op> links) {
        final KernelSnapshot.Link link = kernel.links().get(dev);
        if (link != null && ours.contains(dev) && !link.up()) {
            links.add(op("device " + dev, "link set dev " + dev + " up"));
        }
    }

    private static void addresses(final DesiredState desired, final KernelSnapshot kernel, final Set<String> owned,
            final Set<String> ourDevices, final List<ChangeSet.Op> deletes, final List<ChangeSet.Op> adds,
            final Set<String> addressAdds, final Set<String> addressDeletes) {
        final Map<String, DesiredState.Address> want = desiredAddresses(desired);
        final Set<String> have = new HashSet<>();
        for (KernelSnapshot.Address address : kernel.addresses()) {
            final String key = addressKey(address.device(), address.prefix());
            have.add(key);
            if (want.containsKey(key)) {
                continue;
            }
            final boolean ours = owned.contains(key)
                || ourDevices.contains(address.device()) && "global".equals(address.scope());
            if (ours) {
                deletes.add(op("address " + address.prefix() + " dev " + address.device(),
                    "address del " + address.prefix() + " dev " + address.device()));
                addressDeletes.add(key);
            }
        }
        for (Map.Entry<String, DesiredState.Address> entry : want.entrySet()) {
            if (!have.contains(entry.getKey())) {
                final DesiredState.Address address = entry.getValue();
                adds.add(op("address " + address.prefix() + " dev " + address.device(),
                    "address add " + address.prefix() + " dev " + address.device()
                        + (address.prefix().isIpv4() ? "" : " nodad")));
                addressAdds.add(entry.getKey());
            }
        }
    }

    private void routes(final DesiredState desired, final KernelSnapshot kernel, final List<ChangeSet.Op> deletes,
            final List<ChangeSet.Op> adds) {
        final Map<String, DesiredState.Route> want = desiredRoutes(desired);
        final Map<String, KernelSnapshot.Route> have = new HashMap<>();
        for (KernelSnapshot.Route route : kernel.routes()) {
            if (route.protocol() != config.protocol()) {
                continue;
            }
            final String key = route.table() + "|" + route.destination();
            if (want.containsKey(key) && !have.containsKey(key)) {
                have.put(key, route);
            } else {
                deletes.add(op("route " + route.destination() + " table " + route.table(), "route del "
                    + (route.type().equals("unicast") ? "" : route.type() + " ") + route.destination()
                    + " table " + route.table() + " proto " + proto));
            }
        }
        for (Map.Entry<String, DesiredState.Route> entry : want.entrySet()) {
            final DesiredState.Route route = entry.getValue();
            final KernelSnapshot.Route current = have.get(entry.getKey());
            final String what = "route " + route.destination() + " table " + route.table();
            if (current == null) {
                adds.add(op(what, "route add " + routeSpec(route)));
            } else if (!current.type().equals("unicast") || !current.device().equals(route.device())
                    || !current.gateway().equals(route.gateway())) {
                adds.add(op(what, "route replace " + routeSpec(route)));
            }
        }
    }

    private String routeSpec(final DesiredState.Route route) {
        final StringBuilder sb = new StringBuilder().append(route.destination());
        route.gateway().ifPresent(gw -> sb.append(" via ").append(IpPrefix.format(gw)));
        sb.append(" dev ").append(route.device()).append(" table ").append(route.table()).append(" proto ")
            .append(proto);
        if (route.gateway().isEmpty() && route.destination().isIpv4()) {
            sb.append(" scope link");
        }
        return sb.toString();
    }

    private void rules(final DesiredState desired, final KernelSnapshot kernel, final List<ChangeSet.Op> deletes,
            final List<ChangeSet.Op> adds) {
        final Map<String, DesiredState.Rule> want = new LinkedHashMap<>();
        for (DesiredState.Rule rule : desired.rules()) {
            want.put(rule.priority() + "|" + rule.destination() + "|" + rule.table(), rule);
        }
        final Set<String> have = new HashSet<>();
        for (KernelSnapshot.Rule rule : kernel.rules()) {
            if (rule.protocol() != config.protocol()) {
                continue;
            }
            final String key = rule.priority() + "|" + rule.destination() + "|" + rule.table();
            if (want.containsKey(key) && have.add(key)) {
                continue;
            }
            final String spec = "priority " + rule.priority() + " to " + rule.destination() + " table "
                + rule.table();
            deletes.add(new ChangeSet.Op("rule " + spec, "rule del " + spec + " protocol " + proto,
                batchOf(rule.destination())));
        }
        for (Map.Entry<String, DesiredState.Rule> entry : want.entrySet()) {
            if (!have.contains(entry.getKey())) {
                final DesiredState.Rule rule = entry.getValue();
                final String spec = "priority " + rule.priority() + " to " + rule.destination() + " table "
                    + rule.table();
                adds.add(new ChangeSet.Op("rule " + spec, "rule add " + spec + " protocol " + proto,
                    batchOf(rule.destination())));
            }
        }
    }

    private void neighbours(final DesiredState desired, final KernelSnapshot kernel,
            final List<ChangeSet.Op> deletes, final List<ChangeSet.Op> adds, final List<ChangeSet.Failure> conflicts) {
        final Map<String, DesiredState.Neighbour> want = new LinkedHashMap<>();
        for (DesiredState.Neighbour neighbour : desired.neighbours()) {
            want.put(neighbour.device() + "|" + IpPrefix.format(neighbour.address()), neighbour);
        }
        final Map<String, KernelSnapshot.Neighbour> have = new HashMap<>();
        for (KernelSnapshot.Neighbour neighbour : kernel.neighbours()) {
            final String key = neighbour.device() + "|" + IpPrefix.format(neighbour.address());
            have.put(key, neighbour);
            if (neighbour.protocol() == config.protocol() && !want.containsKey(key)) {
                deletes.add(op("neighbour " + IpPrefix.format(neighbour.address()) + " dev " + neighbour.device(),
                    "neigh del " + IpPrefix.format(neighbour.address()) + " dev " + neighbour.device()));
            }
        }
        for (Map.Entry<String, DesiredState.Neighbour> entry : want.entrySet()) {
            final DesiredState.Neighbour neighbour = entry.getValue();
            final KernelSnapshot.Neighbour current = have.get(entry.getKey());
            final String address = IpPrefix.format(neighbour.address());
            final String what = "neighbour " + address + " dev " + neighbour.device();
            if (current != null && current.permanent() && current.mac().equals(neighbour.mac())) {
                continue;
            }
            if (current != null && current.permanent() && current.protocol() != config.protocol()) {
                conflicts.add(new ChangeSet.Failure(what, "", "a foreign PERMANENT entry with lladdr "
                    + current.mac() + " (protocol " + current.protocol() + ") is in the way"));
                continue;
            }
            adds.add(op(what, "neigh replace " + address + " lladdr " + neighbour.mac() + " dev "
                + neighbour.device() + " nud permanent protocol " + proto));
        }
    }

    private void proxies(final DesiredState desired, final KernelSnapshot kernel, final List<ChangeSet.Op> deletes,
            final List<ChangeSet.Op> adds) {
        final Map<String, DesiredState.ProxyNdp> want = new LinkedHashMap<>();
        for (DesiredState.ProxyNdp proxy : desired.proxies()) {
            want.put(proxy.device() + "|" + IpPrefix.format(proxy.address()), proxy);
        }
        final Set<String> have = new HashSet<>();
        for (KernelSnapshot.Proxy proxy : kernel.proxies()) {
            final String key = proxy.device() + "|" + IpPrefix.format(proxy.address());
            have.add(key);
            if (proxy.protocol() == config.protocol() && !want.containsKey(key)) {
                deletes.add(op("proxy " + IpPrefix.format(proxy.address()) + " dev " + proxy.device(),
                    "neigh del proxy " + IpPrefix.format(proxy.address()) + " dev " + proxy.device()));
            }
        }
        for (Map.Entry<String, DesiredState.ProxyNdp> entry : want.entrySet()) {
            if (!have.contains(entry.getKey())) {
                final DesiredState.ProxyNdp proxy = entry.getValue();
                adds.add(op("proxy " + IpPrefix.format(proxy.address()) + " dev " + proxy.device(),
                    "neigh add proxy " + IpPrefix.format(proxy.address()) + " dev " + proxy.device() + " protocol "
                        + proto));
            }
        }
    }

    /** Bridge exposure: the host must not treat exposed addresses as its own (no VRF keeps them apart). */
    private void suppressLocal(final DesiredState desired, final KernelSnapshot kernel,
            final List<ChangeSet.Op> late) {
        if (config.exposureKind() != AgentConfig.ExposureKind.BRIDGE || desired.exposure().isEmpty()) {
            return;
        }
        final String device = desired.exposure().orElseThrow().device();
        final Set<IpPrefix> exposed = new HashSet<>(desired.exposed());
        final Set<IpPrefix> done = new HashSet<>();
        for (KernelSnapshot.Route route : kernel.localRoutes()) {
            if ("local".equals(route.type()) && device.equals(route.device())
                    && exposed.contains(route.destination())) {
                late.add(op("exposed " + route.destination(), localDelete(route.destination(), device)));
                done.add(route.destination());
            }
        }
        // IPv4 adds the local route of a new address synchronously: remove it in the same batch. IPv6 adds it
        // from a work queue, so the reconciler removes those once they appear.
        final Set<String> present = new HashSet<>();
        kernel.addresses().forEach(address -> present.add(addressKey(address.device(), address.prefix())));
        for (IpPrefix prefix : desired.exposed()) {
            if (prefix.isIpv4() && prefix.isHost() && !done.contains(prefix)
                    && !present.contains(addressKey(device, prefix))) {
                late.add(op("exposed " + prefix, localDelete(prefix, device)));
            }
        }
    }

    /**
     * The batch line that removes the kernel's {@code local} route of an exposed address.
     *
     * @param prefix the exposed host prefix
     * @param device the expose device
     * @return the line
     */
    public static String localDelete(final IpPrefix prefix, final String device) {
        return "route del local " + prefix.addressString() + " dev " + device + " table local";
    }

    /**
     * Whether an address is IPv6.
     *
     * @param address the address
     * @return true for IPv6
     */
    static boolean isIpv6(final InetAddress address) {
        return address instanceof Inet6Address;
    }

    private static ChangeSet.Batch batchOf(final IpPrefix prefix) {
        return prefix.isIpv4() ? ChangeSet.Batch.MAIN : ChangeSet.Batch.INET6;
    }

    private static ChangeSet.Op op(final String object, final String command) {
        return new ChangeSet.Op(object, command, ChangeSet.Batch.MAIN);
    }
}
