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
 * The tunnel port toward one remote host ({@code options:remote_ip} fixed, {@code options:key=flow}).
 *
 * @param remoteHost the remote host
 * @param ofport its OpenFlow port number on the integration bridge
 */
public record TunnelPort(String remoteHost, long ofport) {
    public TunnelPort {
        requireNonNull(remoteHost, "remoteHost");
        PortKeys.check(ofport, "tunnel port to " + remoteHost);
    }
}
