package io.clientspace.workspace;

import io.clientspace.deal.DealAttention;
import io.clientspace.task.TaskAttention;
import java.time.Instant;

/**
 * The manager's checklist for one project (DD032): its own stalled deals and deals without a next step, overdue and
 * unassigned tasks, required documents missing or expired, and acceptances still waiting for the customer.
 * {@code lastActivity} is null when nothing has happened in the project yet.
 */
public record ProjectReview(DealAttention deals, TaskAttention tasks, long missingDocuments, long pendingAcceptances,
                            Instant lastActivity) {

    /** Everything that needs someone; pending acceptances wait for the customer and do not count. */
    public long total() {
        return deals.total() + tasks.total() + missingDocuments;
    }
}
