package io.clientspace.deal.process;

import io.clientspace.deal.domain.DealEntity;
import io.clientspace.shared.TransactionBound;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A deal that DealService.create starts the process for, not yet persisted: the stage listener records the first
 * stage and the process instance on it and persists it then, so that its one INSERT carries them. Persisted before
 * the start, Hibernate inserted the row as it was and sent an UPDATE for the listener's changes at the flush (issue
 * 19). It is persisted before the listener publishes its events, so the deal's row goes in before the task row that
 * refers to it.
 */
public final class NewDeal {

    private static final Object KEY = new Object();

    private NewDeal() {
    }

    /**
     * Holds the new deal for the stage listener of this transaction.
     *
     * @return false outside a transaction: then nothing is held, and the caller persists the deal itself first
     */
    public static boolean hold(DealEntity deal) {
        Map<UUID, DealEntity> held = TransactionBound.get(KEY, HashMap::new);
        if (held == null) {
            return false;
        }
        held.put(deal.getId(), deal);
        return true;
    }

    /** The deal held in this transaction, removed; empty when none is (any deal but a new one, or taken already). */
    public static Optional<DealEntity> take(UUID dealId) {
        Map<UUID, DealEntity> held = TransactionBound.get(KEY, HashMap::new);
        return Optional.ofNullable(held == null ? null : held.remove(dealId));
    }
}
