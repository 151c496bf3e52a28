/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
/**
 * From the compiled flow model to openflowplugin's inventory binding objects ({@link InventoryConverter}), a
 * canonical text of those objects that reads config and operational flows alike ({@link InventoryText}), and the
 * exact-set convergence of one switch restricted to our cookies and group ids ({@link FlowSetDiff}). Pure code: no
 * data broker, no openflowplugin runtime.
 */
package org.opendaylight.wiring.renderer.openflow.inventory;
