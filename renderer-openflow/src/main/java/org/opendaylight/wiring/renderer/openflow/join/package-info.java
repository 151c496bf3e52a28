/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
/**
 * The join of one host's plan ({@code wiring-plan}) and its switch state ({@code wiring-ovsdb} ovsdb-state) into the
 * pipeline compiler's input, with the problems that kept entries out, per intent. Pure: no datastore access.
 */
package org.opendaylight.wiring.renderer.openflow.join;
