package io.clientspace.inforequest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An information request with its items, in order. {@code sentAt}, {@code sentByName} and {@code closedAt} are null
 * until it is sent or closed. {@code version} is for the team's edits of a draft.
 */
public record InformationRequest(UUID id, UUID clientId, UUID projectId, String projectName, String number,
                                 String title, RequestStatus status, String createdByName, Instant createdAt,
                                 String sentByName, Instant sentAt, Instant closedAt, List<RequestItem> items,
                                 long version) {

    public long accepted() {
        return items.stream().filter(i -> i.state() == ItemState.ACCEPTED).count();
    }

    public int total() {
        return items.size();
    }

    /** Accepted items out of all, 0 to 1, for a progress bar. */
    public double progress() {
        return items.isEmpty() ? 0 : (double) accepted() / items.size();
    }

    /** Items the team has to look at now. */
    public long awaitingReview() {
        return items.stream().filter(i -> i.state() == ItemState.ANSWERED).count();
    }
}
