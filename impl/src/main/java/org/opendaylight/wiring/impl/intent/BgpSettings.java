/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.intent;

import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.TenantAdvertisement;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.bgp.rev261121.bgp.redirect.Settings;

/**
 * BGP redirect settings with the YANG defaults applied.
 *
 * @param ipRulePriority priority of the ip rules
 * @param flowCookie cookie of provider bridge flows
 * @param exposeDevice device exposed addresses go to
 * @param vrfName VRF of the expose device
 * @param vrfTable table of the VRF
 * @param routingTableBase first automatically allocated provider bridge table
 * @param exposeTenantNetworks whether router subnets are exposed
 * @param tenantAdvertisement per host or per subnet
 * @param excludedPhysicalNetworks physical networks BGP redirect leaves alone
 */
public record BgpSettings(long ipRulePriority, long flowCookie, String exposeDevice, String vrfName, long vrfTable,
        long routingTableBase, boolean exposeTenantNetworks, TenantAdvertisement tenantAdvertisement,
        java.util.Set<String> excludedPhysicalNetworks) {

    public static final BgpSettings DEFAULTS = new BgpSettings(32000, 999, "bgp-nic", "bgp-vrf", 10, 200, false,
        TenantAdvertisement.Host, java.util.Set.of());

    public BgpSettings {
        excludedPhysicalNetworks = java.util.Set.copyOf(excludedPhysicalNetworks);
    }

    /**
     * Resolve the settings container, applying defaults for absent leaves.
     *
     * @param settings the configured settings, possibly null
     * @return resolved settings
     */
    public static BgpSettings of(final @Nullable Settings settings) {
        if (settings == null) {
            return DEFAULTS;
        }
        final var d = DEFAULTS;
        return new BgpSettings(
            settings.getIpRulePriority() != null ? settings.getIpRulePriority().toJava() : d.ipRulePriority,
            settings.getFlowCookie() != null ? settings.getFlowCookie().longValue() : d.flowCookie,
            settings.getExposeDevice() != null ? settings.getExposeDevice().getValue() : d.exposeDevice,
            settings.getVrfName() != null ? settings.getVrfName().getValue() : d.vrfName,
            settings.getVrfTable() != null ? settings.getVrfTable().toJava() : d.vrfTable,
            settings.getRoutingTableBase() != null ? settings.getRoutingTableBase().toJava() : d.routingTableBase,
            settings.getExposeTenantNetworks() != null ? settings.getExposeTenantNetworks() : d.exposeTenantNetworks,
            settings.getTenantAdvertisement() != null ? settings.getTenantAdvertisement() : d.tenantAdvertisement,
            settings.getExcludedPhysicalNetwork() == null ? d.excludedPhysicalNetworks
                : settings.getExcludedPhysicalNetwork().stream().map(physnet -> physnet.getValue())
                    .collect(java.util.stream.Collectors.toSet()));
    }
}
