package io.clientspace.extranet;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A client's access review waiting for an answer: the contacts that were active when it opened, whom it is with
 * ({@code reviewerName}, or {@code escalatedToName} once it went to a manager; null until then), and whether the
 * current user may answer it.
 */
public record AccessReview(UUID id, UUID clientId, String reviewerName, Instant openedAt, String escalatedToName,
                           Instant escalatedAt, boolean canAnswer, List<Item> items) {

    /**
     * One contact to decide on. {@code revokedMeanwhile} says their access was revoked elsewhere after the review
     * opened: a decision on them is stale and changes nothing.
     */
    public record Item(UUID accountId, String displayName, String email, Instant lastSignInAt,
                       boolean revokedMeanwhile) {
    }
}
