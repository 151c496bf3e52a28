/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline.input;

import static java.util.Objects.requireNonNull;

/**
 * The patch port on the integration bridge toward the bridge of one physical network.
 *
 * @param physicalNetwork the physical network
 * @param ofport its OpenFlow port number on the integration bridge
 */
public record ProviderPort(String physicalNetwork, long ofport) {
    public ProviderPort {
        requireNonNull(physicalNetwork, "physicalNetwork");
        PortKeys.check(ofport, "patch port of " + physicalNetwork);
    }
}
