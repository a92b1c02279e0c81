package io.clientspace.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A received mail no workspace took: to an unknown address, or to one that was rotated.
 *
 * @param recipient  the address it was sent to (one of ours, or the first recipient)
 * @param rotatedTo  for a rotated address: the workspace's address now; else null
 */
public record UnmatchedMail(UUID id, String fromAddress, String fromName, String recipient, String subject,
                            Instant receivedAt, String rotatedTo, String marker) {
}
