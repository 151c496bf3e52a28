/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.impl.report;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.RpcProviderService;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.Plan;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.Realization;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.ReportRealization;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.ReportRealizationInput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.ReportRealizationOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.ReportRealizationOutputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.Host;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.HostKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.Renderer;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.RendererBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.RendererKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.renderer.FailedIntent;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.realization.host.renderer.FailedIntentBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.types.rev261121.IntentState;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.RpcResultBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code report-realization} RPC: renderers outside the controller (the host agent) cannot write the
 * operational datastore over RESTCONF, so they report here and this writes their
 * {@code realization/host/renderer} entry, which the planner folds into the intents' status. A report for a host
 * the plan does not have removes that host's entry instead.
 */
@Component(service = { })
public final class RealizationReports implements ReportRealization, AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    private final DataBroker broker;
    private final Registration registration;

    /**
     * Register the RPC.
     *
     * @param broker where reports are written
     * @param rpcs the RPC registry
     */
    @Activate
    public RealizationReports(@Reference final DataBroker broker, @Reference final RpcProviderService rpcs) {
        this.broker = broker;
        registration = rpcs.registerRpcImplementation(this);
    }

    @Override
    public ListenableFuture<RpcResult<ReportRealizationOutput>> invoke(final ReportRealizationInput input) {
        final var renderer = renderer(input, new DateAndTime(TIME.format(Instant.now().truncatedTo(
            ChronoUnit.SECONDS))));
        final var hostKey = new HostKey(input.getHostId());
        final var path = InstanceIdentifier.create(Realization.class).child(Host.class, hostKey)
            .child(Renderer.class, renderer.key());
        final var planned = InstanceIdentifier.create(Plan.class).child(
            org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.Host.class,
            new org.opendaylight.yang.gen.v1.urn.opendaylight.wiring.plan.rev261121.plan.HostKey(input.getHostId()));
        final var tx = broker.newReadWriteTransaction();
        final var inPlan = tx.exists(LogicalDatastoreType.OPERATIONAL, planned);
        final var reported = tx.exists(LogicalDatastoreType.OPERATIONAL, path);
        return Futures.whenAllSucceed(inPlan, reported).callAsync(() -> {
            if (Futures.getDone(inPlan)) {
                tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL, path, renderer);
            } else if (Futures.getDone(reported)) {
                // nothing is planned there (a host removed from the plan, or not in it yet): a report of it would
                // only linger; the planner sweeps the entries of hosts it removes, this keeps late reports out
                tx.delete(LogicalDatastoreType.OPERATIONAL, path);
            }
            return Futures.transform(tx.commit(), ok -> RpcResultBuilder.success(
                new ReportRealizationOutputBuilder().build()).build(), MoreExecutors.directExecutor());
        }, MoreExecutors.directExecutor());
    }

    /**
     * The realization entry a report stands for.
     *
     * @param input the report
     * @param now the time of the report
     * @return the renderer entry
     */
    static Renderer renderer(final ReportRealizationInput input, final DateAndTime now) {
        final boolean connected = !Boolean.FALSE.equals(input.getConnected());
        final List<FailedIntent> failed = new ArrayList<>();
        input.nonnullFailedIntent().values().forEach(f -> failed.add(new FailedIntentBuilder()
            .setIntent(f.getIntent()).setReason(f.getReason()).build()));
        final IntentState state = !connected || !failed.isEmpty() ? IntentState.Failed : IntentState.Programmed;
        final String reason = input.getReason() != null ? input.getReason()
            : !connected ? "not connected" : failed.isEmpty() ? "applied" : failed.size() + " intent(s) failed";
        return new RendererBuilder().withKey(new RendererKey(Renderer.Name.HostAgent))
            .setName(Renderer.Name.HostAgent).setAppliedDigest(input.getAppliedDigest()).setConnected(connected)
            .setState(state).setReason(reason).setLastChange(now)
            .setFailedIntent(failed.isEmpty() ? null : BindingMap.ordered(failed)).build();
    }

    @Deactivate
    @Override
    public void close() {
        registration.close();
    }
}
