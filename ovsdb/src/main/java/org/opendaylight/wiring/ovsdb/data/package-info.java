/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
/**
 * OVSDB values (atoms, sets, maps, uuids, named-uuids), rows, and their JSON encoding (RFC 7047, 5.1).
 */
package org.opendaylight.wiring.ovsdb.data;
