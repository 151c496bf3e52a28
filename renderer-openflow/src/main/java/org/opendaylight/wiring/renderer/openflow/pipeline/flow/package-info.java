/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
/**
 * The flow model: tables, metadata and cookie layouts, matches, actions, flows and ALL groups, independent of how
 * they reach a switch ({@code ovs-ofctl} text now, openflowplugin's inventory later).
 */
package org.opendaylight.wiring.renderer.openflow.pipeline.flow;
