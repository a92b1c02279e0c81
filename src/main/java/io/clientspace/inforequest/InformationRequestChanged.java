package io.clientspace.inforequest;

import java.util.UUID;

/**
 * A step of an information request, published inside the change's transaction: for mails after commit and for live
 * counters.
 *
 * @param actor  the staff username; null for the customer or the engine
 * @param detail the customer's name (SUBMITTED), the item's prompt (ITEM_*), the count of waiting items (REMINDED)
 * @param note   the team's comment on a returned item; null otherwise
 */
public record InformationRequestChanged(UUID requestId, UUID clientId, UUID projectId, String projectName,
                                        String number, String title, Change change, String actor, String detail,
                                        String note) {

    public enum Change {
        CREATED, SENT, SUBMITTED, ITEM_ACCEPTED, ITEM_RETURNED, REMINDED, COMPLETED, CANCELLED
    }

    /** The timeline's kind for this step. */
    public String timelineKind() {
        return "REQUEST_" + change.name();
    }
}
