package io.clientspace.workspace;

import io.clientspace.deal.DealAttention;
import io.clientspace.checklist.RequiredDocuments;
import io.clientspace.extranet.AccessSummary;
import io.clientspace.task.TaskAttention;
import java.time.Instant;

/**
 * The manager's checklist for one client. {@code keyDocuments} is the client's required documents (issue 20), the
 * fixed contract, invoice and act when no template gives it a list. {@code externalAccess} is null when the current user may not see who has
 * portal access (only its active contacts count as connected); {@code lastActivity} is null when nothing has happened
 * yet. {@code requestsBreached} counts the client's open requests whose SLA is breached now (DD031).
 */
public record ClientReview(DealAttention deals, TaskAttention tasks, RequiredDocuments keyDocuments,
                           AccessSummary externalAccess, Instant lastActivity, long requestsBreached) {
}
