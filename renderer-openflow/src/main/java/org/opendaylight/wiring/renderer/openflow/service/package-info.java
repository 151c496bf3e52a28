/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
/**
 * The OpenFlow renderer service: plan + ovsdb-state + openflowplugin's operational inventory in, openflowplugin's
 * config inventory, strict removes of stale flows of ours and the {@code openflow} realization report out.
 */
package org.opendaylight.wiring.renderer.openflow.service;
