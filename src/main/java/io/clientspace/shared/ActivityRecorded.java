package io.clientspace.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * Something happened on a client that belongs on its timeline, published by a module inside the transaction of the
 * change. The timeline writes it in that same transaction and shows it as {@code timeline.kind.<kind>}, with the
 * subject's title and the detail as recorded.
 *
 * @param clientId  the client; never null
 * @param projectId the project it happened in; null when it is the client's as a whole
 * @param actor     the staff username who did it; null for the customer or the engine (put the name in detail)
 * @param kind      e.g. {@code PROPOSAL_SENT}; its translation key must exist in every bundle
 * @param subjectId the record it is about
 * @param title     the record's title as it was then
 * @param detail    free text shown after the title, may be null
 */
public record ActivityRecorded(UUID clientId, UUID projectId, String actor, String kind, UUID subjectId, String title,
                               String detail) {

    public ActivityRecorded {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(kind, "kind");
    }
}
