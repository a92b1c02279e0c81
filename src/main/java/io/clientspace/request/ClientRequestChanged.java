package io.clientspace.request;

import java.util.UUID;

/**
 * Something happened to a client request; notifiers and counters listen.
 *
 * @param actor    the staff username or the contact's name who did it; null for the system (a timer)
 * @param assignee the assignee after the change; null while queued
 * @param detail   depends on the change: the question, the resolution note, which target passed (RESPONSE,
 *                 RESOLUTION); may be null
 */
public record ClientRequestChanged(UUID requestId, UUID clientId, UUID projectId, String number, String subject,
                                   Change change, String actor, String handlingGroup, String assignee, String detail) {

    public enum Change { RAISED, ASSIGNED, HANDED_ON, ASKED, ANSWERED, RESOLVED, REOPENED, CONFIRMED, AUTO_CLOSED,
        CANCELLED, ESCALATED, MESSAGE }
}
