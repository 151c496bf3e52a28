/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.opendaylight.mdsal.binding.api.RpcProviderService;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.Realization;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.ReportRealizationInput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.ReportRealizationInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.HostKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.Renderer;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.RendererKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.report.realization.input.FailedIntentBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.HostId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentState;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;

/**
 * A host agent's report lands in realization, where the planner reads it.
 */
public class RealizationReportsTest extends AbstractConcurrentDataBrokerTest {
    /** A registry that only records: the RPC's effect is what it writes. */
    private static final RpcProviderService NO_REGISTRY = (RpcProviderService) java.lang.reflect.Proxy
        .newProxyInstance(RealizationReportsTest.class.getClassLoader(), new Class<?>[] { RpcProviderService.class },
            (proxy, method, args) -> (Registration) () -> { });

    public RealizationReportsTest() {
        super(true);
    }

    private Renderer reportAndRead(final ReportRealizationInput input) throws Exception {
        planHost("h1");
        report(input);
        return readReport().orElseThrow();
    }

    private void report(final ReportRealizationInput input) throws Exception {
        try (var reports = new RealizationReports(getDataBroker(), NO_REGISTRY)) {
            assertTrue(reports.invoke(input).get(10, TimeUnit.SECONDS).isSuccessful());
        }
    }

    private java.util.Optional<Renderer> readReport() throws Exception {
        try (var tx = getDataBroker().newReadOnlyTransaction()) {
            return tx.read(LogicalDatastoreType.OPERATIONAL, org.opendaylight.yangtools.yang.binding.InstanceIdentifier
                .create(Realization.class).child(Host.class, new HostKey(new HostId("h1")))
                .child(Renderer.class, new RendererKey(Renderer.Name.HostAgent))).get(10, TimeUnit.SECONDS);
        }
    }

    private void planHost(final String id) throws Exception {
        final var tx = getDataBroker().newWriteOnlyTransaction();
        final var host = new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.HostBuilder()
            .setHostId(new HostId(id)).setDigest("abc").build();
        tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL, org.opendaylight.yangtools.yang.binding
            .InstanceIdentifier.create(org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.Plan.class)
            .child(org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Host.class, host.key()),
            host);
        tx.commit().get(10, TimeUnit.SECONDS);
    }

    private void unplanHost(final String id) throws Exception {
        final var tx = getDataBroker().newWriteOnlyTransaction();
        tx.delete(LogicalDatastoreType.OPERATIONAL, org.opendaylight.yangtools.yang.binding.InstanceIdentifier
            .create(org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.Plan.class)
            .child(org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Host.class,
                new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.HostKey(
                    new HostId(id))));
        tx.commit().get(10, TimeUnit.SECONDS);
    }

    @Test
    public void aReportForAHostThePlanDoesNotHaveRemovesItsEntry() throws Exception {
        final var clean = new ReportRealizationInputBuilder().setHostId(new HostId("h1"))
            .setRenderer(ReportRealizationInput.Renderer.HostAgent).setAppliedDigest("abc").build();
        report(clean);
        assertTrue("no entry for a host that is not planned", readReport().isEmpty());
        assertEquals("abc", reportAndRead(clean).getAppliedDigest());
        unplanHost("h1");
        report(clean);
        assertTrue("the late report of a host removed from the plan is not kept", readReport().isEmpty());
    }

    @Test
    public void aCleanReportIsProgrammed() throws Exception {
        final var written = reportAndRead(new ReportRealizationInputBuilder().setHostId(new HostId("h1"))
            .setRenderer(ReportRealizationInput.Renderer.HostAgent).setAppliedDigest("abc").build());
        assertEquals("abc", written.getAppliedDigest());
        assertEquals(IntentState.Programmed, written.getState());
        assertEquals(Boolean.TRUE, written.getConnected());
    }

    @Test
    public void failuresAreKeptPerIntent() throws Exception {
        final var written = reportAndRead(new ReportRealizationInputBuilder().setHostId(new HostId("h1"))
            .setRenderer(ReportRealizationInput.Renderer.HostAgent).setAppliedDigest("abc")
            .setFailedIntent(BindingMap.of(new FailedIntentBuilder().setIntent(new IntentRef("router/r1"))
                .setReason("ip route add 10.0.0.0/24 via 172.24.4.1: Nexthop has invalid gateway").build()))
            .build());
        assertEquals(IntentState.Failed, written.getState());
        assertEquals("ip route add 10.0.0.0/24 via 172.24.4.1: Nexthop has invalid gateway",
            written.nonnullFailedIntent().values().iterator().next().getReason());
    }

    @Test
    public void aDisconnectedReporterIsFailed() throws Exception {
        final var written = reportAndRead(new ReportRealizationInputBuilder().setHostId(new HostId("h1"))
            .setRenderer(ReportRealizationInput.Renderer.HostAgent).setConnected(false)
            .setReason("OVS not reachable").build());
        assertEquals(Boolean.FALSE, written.getConnected());
        assertEquals(IntentState.Failed, written.getState());
        assertEquals("OVS not reachable", written.getReason());
    }
}
