/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.aaa;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.opendaylight.aaa.password.service.config.rev170619.PasswordServiceConfig;
import org.opendaylight.yang.gen.v1.urn.opendaylight.aaa.password.service.config.rev170619.PasswordServiceConfigBuilder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works around AAA-281 (fixed in AAA 0.18.7, Potassium SR3 ships 0.18.6): AAA's password service configuration is
 * published by a data tree listener that drops its only start-up event when the event arrives before the listener's
 * registration is stored, after which no password hash service exists, AAA's Shiro realm never starts, RESTCONF
 * answers 401 or 404 for good and the system never becomes ready (openflowplugin then never opens its port). When no
 * {@link PasswordServiceConfig} service has appeared some time after start, this publishes AAA's own defaults (the
 * same empty configuration AAA uses when the datastore holds none). It never replaces or withdraws AAA's instance.
 */
@Component(immediate = true)
public final class PasswordServiceConfigFallback implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordServiceConfigFallback.class);
    private static final long GRACE_SECONDS = 30;
    private static final long PERIOD_SECONDS = 5;

    private final BundleContext context;
    private final ServiceTracker<PasswordServiceConfig, PasswordServiceConfig> tracker;
    private final ScheduledExecutorService scheduler;
    private @Nullable ServiceRegistration<PasswordServiceConfig> registration;

    @Activate
    public PasswordServiceConfigFallback(final BundleContext context) {
        this.context = context;
        tracker = new ServiceTracker<>(context, PasswordServiceConfig.class, null);
        tracker.open();
        scheduler = Executors.newSingleThreadScheduledExecutor(new ThreadFactoryBuilder()
            .setNameFormat("wiring-aaa-fallback").setDaemon(true).build());
        scheduler.scheduleWithFixedDelay(this::check, GRACE_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    private synchronized void check() {
        if (registration != null) {
            return;
        }
        if (!tracker.isEmpty()) {
            // AAA published its configuration: nothing to do, ever
            scheduler.shutdown();
            return;
        }
        LOG.warn("AAA's password service configuration did not appear within {} s (AAA-281, fixed in AAA 0.18.7); "
            + "publishing AAA's default configuration so that RESTCONF authentication can start", GRACE_SECONDS);
        registration = context.registerService(PasswordServiceConfig.class, new PasswordServiceConfigBuilder().build(),
            FrameworkUtil.asDictionary(Map.of("type", "wiring-aaa-281-fallback")));
        scheduler.shutdown();
    }

    @Deactivate
    @Override
    public synchronized void close() {
        scheduler.shutdownNow();
        tracker.close();
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }
}
