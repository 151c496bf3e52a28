/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.openflow.pipeline.flow;

/**
 * A 64-bit value with a mask (metadata matches and write_metadata).
 *
 * @param value the value, with no bits outside the mask
 * @param mask the mask
 */
public record Masked(long value, long mask) {
    public Masked {
        if ((value & ~mask) != 0) {
            throw new IllegalArgumentException("value 0x" + Long.toHexString(value) + " outside mask 0x"
                + Long.toHexString(mask));
        }
    }

    /**
     * Both values and masks combined; the masks must not overlap.
     *
     * @param other the other one
     * @return the union
     */
    public Masked and(final Masked other) {
        if ((mask & other.mask) != 0) {
            throw new IllegalArgumentException("overlapping metadata fields");
        }
        return new Masked(value | other.value, mask | other.mask);
    }

    @Override
    public String toString() {
        return "0x" + Long.toHexString(value) + "/0x" + Long.toHexString(mask);
    }
}
