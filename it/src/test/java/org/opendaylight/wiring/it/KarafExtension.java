/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Boots the real distribution once per JUnit run and shares it between all test classes that use this extension.
 *
 * <p>The running {@link Karaf} lives in the root {@link ExtensionContext} store, so JUnit stops it (and copies
 * karaf.log to target/) when the whole run ends, whether the tests passed or not. A failed boot is remembered
 * and reported by every later class instead of being retried. Test classes and methods get {@link Karaf} and
 * {@link Restconf} as parameters.
 */
final class KarafExtension implements BeforeAllCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(KarafExtension.class);

    /**
     * The shared distribution, or why it could not boot.
     */
    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        private final Karaf karaf;
        private final Exception failure;

        @SuppressWarnings("checkstyle:IllegalCatch")
        Holder() {
            Karaf started = null;
            Exception cause = null;
            try {
                started = Karaf.startClean();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cause = e;
            } catch (Exception e) {
                cause = e;
            }
            karaf = started;
            failure = cause;
        }

        Karaf karaf() {
            if (failure != null) {
                throw new IllegalStateException("The Karaf distribution did not boot: " + failure.getMessage(),
                    failure);
            }
            return karaf;
        }

        @Override
        public void close() {
            if (karaf != null) {
                karaf.close();
            }
        }
    }

    @Override
    public void beforeAll(final ExtensionContext context) {
        holder(context).karaf();
    }

    private static Holder holder(final ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Holder.class, key -> new Holder(),
            Holder.class);
    }

    @Override
    public boolean supportsParameter(final ParameterContext parameterContext,
            final ExtensionContext extensionContext) {
        final Class<?> type = parameterContext.getParameter().getType();
        return type == Karaf.class || type == Restconf.class;
    }

    @Override
    public Object resolveParameter(final ParameterContext parameterContext, final ExtensionContext extensionContext)
            throws ParameterResolutionException {
        final Karaf karaf = holder(extensionContext).karaf();
        return parameterContext.getParameter().getType() == Karaf.class ? karaf : karaf.restconf();
    }
}
