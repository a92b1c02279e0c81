package io.clientspace.acceptance;

import java.time.Instant;
import java.util.UUID;

/**
 * An acceptance was sent, is due for its reminder, was accepted or expired; published inside the change's
 * transaction, for mails after the commit.
 *
 * @param actor the staff username who sent it (SENT), else null
 */
public record AcceptanceChanged(UUID acceptanceId, UUID clientId, Change change, String documentTitle,
                                int versionNumber, String sentBy, Instant expiresAt, String actor) {

    public enum Change { SENT, REMINDER_DUE, ACCEPTED, EXPIRED }
}
