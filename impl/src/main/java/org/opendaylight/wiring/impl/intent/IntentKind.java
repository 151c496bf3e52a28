/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.intent;

/**
 * The kinds of intent, with the prefix used in {@code intent-ref} strings.
 */
public enum IntentKind {
    PROVIDER_NETWORK("provider-network"),
    PROVIDER_HOST("provider-host"),
    OVERLAY_NETWORK("overlay-network"),
    TUNNEL_ENDPOINT("tunnel-endpoint"),
    LOGICAL_PORT("logical-port"),
    ROUTER("router"),
    FLOATING_IP("floating-ip");

    private final String prefix;

    IntentKind(final String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
