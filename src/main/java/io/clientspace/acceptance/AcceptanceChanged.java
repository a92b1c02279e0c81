package io.clientspace.acceptance;

import java.time.Instant;
import java.util.UUID;

/**
 * An acceptance was sent, is due for its reminder, was accepted, expired or withdrawn; published inside the change's
 * transaction, for mails after the commit.
 *
 * @param actor  the staff username who sent (SENT) or withdrew it (WITHDRAWN), else null
 * @param reason the team's reason for WITHDRAWN, else null
 */
public record AcceptanceChanged(UUID acceptanceId, UUID clientId, Change change, String documentTitle,
                                int versionNumber, String sentBy, Instant expiresAt, String actor, String reason) {

    public enum Change { SENT, REMINDER_DUE, ACCEPTED, EXPIRED, WITHDRAWN }
}
