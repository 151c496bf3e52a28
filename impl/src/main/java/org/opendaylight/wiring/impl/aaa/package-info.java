/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
/**
 * Start-up robustness of the platform ODL Wiring runs on (AAA of Potassium SR3).
 */
package org.opendaylight.wiring.impl.aaa;
