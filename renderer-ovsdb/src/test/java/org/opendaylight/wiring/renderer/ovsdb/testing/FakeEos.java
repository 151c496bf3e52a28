/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.renderer.ovsdb.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opendaylight.mdsal.eos.binding.api.Entity;
import org.opendaylight.mdsal.eos.binding.api.EntityOwnershipCandidateRegistration;
import org.opendaylight.mdsal.eos.binding.api.EntityOwnershipChange;
import org.opendaylight.mdsal.eos.binding.api.EntityOwnershipListener;
import org.opendaylight.mdsal.eos.binding.api.EntityOwnershipListenerRegistration;
import org.opendaylight.mdsal.eos.binding.api.EntityOwnershipService;
import org.opendaylight.mdsal.eos.common.api.EntityOwnershipChangeState;
import org.opendaylight.mdsal.eos.common.api.EntityOwnershipState;

/**
 * A single-member entity ownership service: this member owns every entity it is a candidate for, unless told that
 * another member owns it ({@link #otherMemberOwns(String, boolean)}).
 */
public final class FakeEos implements EntityOwnershipService {
    private final Map<Entity, Boolean> candidates = new ConcurrentHashMap<>();
    private final Map<String, Boolean> others = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<EntityOwnershipListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Gives an entity of the renderer's type to another member, or back.
     *
     * @param name the entity name (host id)
     * @param other true: another member owns it
     */
    public void otherMemberOwns(final String name, final boolean other) {
        others.put(name, other);
        candidates.keySet().stream().filter(e -> name.equals(nameOf(e))).forEach(entity ->
            notifyListeners(entity, other ? EntityOwnershipChangeState.LOCAL_OWNERSHIP_LOST_NEW_OWNER
                : EntityOwnershipChangeState.LOCAL_OWNERSHIP_GRANTED));
    }

    private boolean ownedByOther(final Entity entity) {
        return Boolean.TRUE.equals(others.get(nameOf(entity)));
    }

    private static String nameOf(final Entity entity) {
        return entity.getIdentifier().firstKeyOf(org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang
            .mdsal.core.general.entity.rev150930.Entity.class).getName();
    }

    private void notifyListeners(final Entity entity, final EntityOwnershipChangeState state) {
        listeners.forEach(listener -> listener.ownershipChanged(new EntityOwnershipChange(entity, state)));
    }

    @Override
    public EntityOwnershipCandidateRegistration registerCandidate(final Entity entity) {
        candidates.put(entity, Boolean.TRUE);
        if (!ownedByOther(entity)) {
            notifyListeners(entity, EntityOwnershipChangeState.LOCAL_OWNERSHIP_GRANTED);
        }
        return new EntityOwnershipCandidateRegistration() {
            @Override
            public Entity getInstance() {
                return entity;
            }

            @Override
            public void close() {
                if (candidates.remove(entity) != null && !ownedByOther(entity)) {
                    notifyListeners(entity, EntityOwnershipChangeState.LOCAL_OWNERSHIP_LOST_NO_OWNER);
                }
            }
        };
    }

    @Override
    public EntityOwnershipListenerRegistration registerListener(final String entityType,
            final EntityOwnershipListener listener) {
        listeners.add(listener);
        return new EntityOwnershipListenerRegistration() {
            @Override
            public EntityOwnershipListener getInstance() {
                return listener;
            }

            @Override
            public String getEntityType() {
                return entityType;
            }

            @Override
            public void close() {
                listeners.remove(listener);
            }
        };
    }

    @Override
    public Optional<EntityOwnershipState> getOwnershipState(final Entity entity) {
        if (ownedByOther(entity)) {
            return Optional.of(EntityOwnershipState.OWNED_BY_OTHER);
        }
        return candidates.containsKey(entity) ? Optional.of(EntityOwnershipState.IS_OWNER)
            : Optional.of(EntityOwnershipState.NO_OWNER);
    }

    @Override
    public boolean isCandidateRegistered(final Entity entity) {
        return candidates.containsKey(entity);
    }
}
