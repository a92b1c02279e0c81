package io.clientspace.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A mail thread in the Mail tab's list.
 *
 * @param lastFrom     who wrote the newest message, by name or address
 * @param assigneeName null when nobody is assigned
 * @param notSent      how many of its outgoing messages have not gone out
 */
public record MailThreadSummary(UUID id, String subject, int messages, String lastFrom, Instant lastAt, boolean done,
                                String assignee, String assigneeName, int notSent, boolean automatic) {
}
