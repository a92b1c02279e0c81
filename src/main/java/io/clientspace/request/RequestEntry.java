package io.clientspace.request;

import java.time.Instant;

/**
 * One line of a request's history; those with a body are its conversation.
 *
 * @param kind       RAISED, MESSAGE, QUESTION, ANSWER, ASSIGNED, HANDED_ON, RESOLVED, REOPENED, CONFIRMED,
 *                   AUTO_CLOSED, CANCELLED, ESCALATED
 * @param byCustomer written by the client's side
 * @param actor      a display name; null for the system
 * @param detail     a short fact for the kind (who it was handed to, which target passed); may be null
 */
public record RequestEntry(Instant at, String kind, boolean byCustomer, String actor, String body, String detail) {
}
