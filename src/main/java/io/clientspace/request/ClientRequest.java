package io.clientspace.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A client request as the staff pages and the portal see it. Triage fields are null until triage ran (it runs in
 * the transaction that raises the request). {@code entries} holds what the reader may see: everything for staff,
 * only what is visible to the client in the portal.
 *
 * @param raisedBy      the name of whoever raised it (the contact, or the staff member who logged it)
 * @param loggedByStaff true when staff logged it on the client's behalf
 * @param contactName   for a logged request, the contact it came from; may be null
 * @param assigneeName  display name of the assignee; null while queued
 * @param sla           the clocks, at the time of reading
 * @param attachments   the files it was raised with, by name; empty in lists (only one request's page reads them)
 * @param version       for stale checks: pass it back with every change
 */
public record ClientRequest(UUID id, UUID clientId, String clientName, UUID projectId, String projectName,
                            String number, String category, String subject, String description, LocalDate neededBy,
                            RequestState state, String raisedBy, boolean loggedByStaff, String contactName,
                            Instant raisedAt, String priority, String handlingGroup, String triageRule,
                            String responseTarget, String resolutionTarget, String assignee, String assigneeName,
                            Instant askedAt, String resolutionNote, Instant resolvedAt, Instant confirmBy,
                            Instant closedAt, Sla sla, List<RequestEntry> entries,
                            List<RequestAttachment> attachments, long version) {

    /**
     * @param responseDueAt   when the response target passes (someone takes it); null before triage
     * @param resolutionDueAt when the resolution target passes, moved on by the time waited on the client
     * @param respondedAt     when someone took it; null while queued
     * @param paused          the clock is stopped (the client has the turn)
     * @param status          the SLA status at the time of reading
     */
    public record Sla(Instant responseDueAt, Instant resolutionDueAt, Instant respondedAt, boolean paused,
                      long pausedSeconds, boolean responseBreached, boolean resolutionBreached, SlaStatus status) {
    }
}
