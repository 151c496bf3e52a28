/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
/**
 * The integration bridge's OpenFlow 1.3 pipeline as a pure function: {@code input} describes one host,
 * {@code compile} turns it into the {@code flow} model (flows and groups), {@code ofctl} renders that model as
 * {@code ovs-ofctl} text. See docs/openflow.md for the table, metadata and cookie layouts.
 */
package org.opendaylight.wiring.renderer.openflow.pipeline;
