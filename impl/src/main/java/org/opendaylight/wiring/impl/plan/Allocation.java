/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.plan;

/**
 * Numbers handed to one provider bridge of a host; persisted in wiring-accepted so they survive restarts.
 *
 * @param table routing table id (0 when BGP redirect gave none)
 * @param deviceIndex index 1..15 that derives the bridge's link-local addresses
 */
public record Allocation(long table, int deviceIndex) {
    // value
}
