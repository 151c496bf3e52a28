/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline.flow;

/**
 * The metadata bit layout (docs/openflow.md):
 * <pre>
 *  63            48 47            32 31          17  16   15             0
 * +----------------+----------------+--------------+----+----------------+
 * | source port key| dest. port key |   reserved   | SH | network id     |
 * +----------------+----------------+--------------+----+----------------+
 * </pre>
 * Port keys are OpenFlow port numbers on the integration bridge (1..0xfeff): the VM port, or for remote
 * destinations the tunnel port toward their host / the provider network's patch port. SH (split horizon) is set
 * on packets that came in from a tunnel or a provider patch port.
 */
public final class Metadata {
    /** The network id field. */
    public static final long NETWORK_MASK = 0xffffL;
    /** The split-horizon bit: the packet came from a tunnel or a provider network. */
    public static final long UPLINK_BIT = 1L << 16;
    /** The destination port key field. */
    public static final long DST_PORT_MASK = 0xffffL << 32;
    /** The source port key field. */
    public static final long SRC_PORT_MASK = 0xffffL << 48;

    private Metadata() {
        // constants
    }

    /**
     * The network id field.
     *
     * @param localId the network's local id
     * @return value and mask
     */
    public static Masked network(final int localId) {
        return new Masked(localId & NETWORK_MASK, NETWORK_MASK);
    }

    /**
     * The split-horizon bit.
     *
     * @param fromUplink whether the packet came from a tunnel or a provider network
     * @return value and mask
     */
    public static Masked uplink(final boolean fromUplink) {
        return new Masked(fromUplink ? UPLINK_BIT : 0, UPLINK_BIT);
    }

    /**
     * The source port key field.
     *
     * @param key the port key
     * @return value and mask
     */
    public static Masked srcPort(final long key) {
        return new Masked(key << 48 & SRC_PORT_MASK, SRC_PORT_MASK);
    }

    /**
     * The destination port key field.
     *
     * @param key the port key
     * @return value and mask
     */
    public static Masked dstPort(final long key) {
        return new Masked(key << 32 & DST_PORT_MASK, DST_PORT_MASK);
    }
}
