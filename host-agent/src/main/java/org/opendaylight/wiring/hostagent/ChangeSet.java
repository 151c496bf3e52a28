/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The difference between a desired state and a kernel snapshot, as iproute2 batch lines in the order they must run.
 *
 * @param ops batch lines, in order
 * @param sysctls sysctl values to write (dotted name to value)
 * @param conflicts objects the agent will not change (a foreign object is in the way, a sysctl is missing)
 * @param addressAdds keys ({@code device|prefix}) of addresses the change set adds
 * @param addressDeletes keys of addresses the change set deletes
 */
public record ChangeSet(List<Op> ops, Map<String, String> sysctls, List<Failure> conflicts, Set<String> addressAdds,
        Set<String> addressDeletes) {

    /**
     * Which {@code ip -batch} process a line belongs to. iproute2 6.1 cannot infer the family of an
     * {@code ip rule} line from its address, so IPv6 rules go to an {@code ip -6 -batch}; everything else infers
     * its family and goes to the main batch.
     */
    public enum Batch {
        /** {@code ip -batch -}. */
        MAIN,
        /** {@code ip -6 -batch -}. */
        INET6
    }

    /**
     * One batch line.
     *
     * @param object what it is about, for reports (e.g. {@code rule 32000 to 172.24.4.92/32 table 200})
     * @param command the batch line
     * @param batch the batch it runs in
     */
    public record Op(String object, String command, Batch batch) {
        // value
    }

    /**
     * Something that could not be applied, and why.
     *
     * @param object the object
     * @param command the command that failed (empty if none was run)
     * @param error the error
     */
    public record Failure(String object, String command, String error) {
        // value
    }

    /**
     * Copies.
     */
    public ChangeSet {
        ops = List.copyOf(ops);
        sysctls = Map.copyOf(sysctls);
        conflicts = List.copyOf(conflicts);
        addressAdds = Set.copyOf(addressAdds);
        addressDeletes = Set.copyOf(addressDeletes);
    }

    /**
     * Whether nothing needs to run.
     *
     * @return true if there is no batch line and no sysctl to write
     */
    public boolean isEmpty() {
        return ops.isEmpty() && sysctls.isEmpty();
    }

    /**
     * The lines of one batch.
     *
     * @param batch the batch
     * @return its ops in order
     */
    public List<Op> ops(final Batch batch) {
        return ops.stream().filter(op -> op.batch() == batch).toList();
    }
}
