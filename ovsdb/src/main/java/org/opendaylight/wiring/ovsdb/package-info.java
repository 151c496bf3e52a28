/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
/**
 * OVSDB (RFC 7047) management library: {@link org.opendaylight.wiring.ovsdb.OvsdbManager} opens remotes (listen for
 * switches, or connect to them), each {@link org.opendaylight.wiring.ovsdb.OvsdbConnection} keeps a replica of the
 * monitored tables and executes transactions, and {@link org.opendaylight.wiring.ovsdb.OvsdbConnectionListener}s
 * learn about connections and changes. Independent of MD-SAL: it needs Netty, Jackson and SLF4J only.
 */
package org.opendaylight.wiring.ovsdb;
