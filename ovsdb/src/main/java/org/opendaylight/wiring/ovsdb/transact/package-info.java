/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
/**
 * Typed builder for OVSDB {@code transact} requests (insert, update, mutate, delete, select, wait, comment;
 * conditions and mutations) and the interpretation of their results.
 */
package org.opendaylight.wiring.ovsdb.transact;
