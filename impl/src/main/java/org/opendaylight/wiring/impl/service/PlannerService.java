/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.service;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.singleton.common.api.ClusterSingletonService;
import org.opendaylight.mdsal.singleton.common.api.ClusterSingletonServiceProvider;
import org.opendaylight.mdsal.singleton.common.api.ClusterSingletonServiceRegistration;
import org.opendaylight.mdsal.singleton.common.api.ServiceGroupIdentifier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the planner once per cluster: a cluster singleton whose active instance listens to the intents and writes
 * the plan and the intents' status. When the owning member goes away another member takes over and converges from
 * the datastore.
 */
@Component(service = { })
public final class PlannerService implements ClusterSingletonService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlannerService.class);
    private static final ServiceGroupIdentifier IDENTIFIER = ServiceGroupIdentifier.create("odl-wiring-planner");

    private final DataBroker broker;
    private final ClusterSingletonServiceRegistration registration;
    private PlannerLoop loop;

    @Activate
    public PlannerService(@Reference final DataBroker broker,
            @Reference final ClusterSingletonServiceProvider singletons) {
        this.broker = broker;
        registration = singletons.registerClusterSingletonService(this);
        LOG.info("ODL Wiring planner registered");
    }

    @Override
    public synchronized void instantiateServiceInstance() {
        LOG.info("ODL Wiring planner active on this member");
        loop = new PlannerLoop(broker);
        loop.start();
    }

    @Override
    public synchronized ListenableFuture<?> closeServiceInstance() {
        LOG.info("ODL Wiring planner inactive on this member");
        if (loop == null) {
            return Futures.immediateFuture(null);
        }
        // completes only once a commit in flight has landed, so the next owner reads what this one wrote
        final var done = loop.closeGracefully();
        loop = null;
        return done;
    }

    @Override
    public ServiceGroupIdentifier getIdentifier() {
        return IDENTIFIER;
    }

    @Deactivate
    @Override
    public void close() {
        registration.close();
    }
}
