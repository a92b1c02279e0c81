package io.clientspace.acceptance;

import java.time.Instant;
import java.util.UUID;

/**
 * What proves an acceptance: the exact bytes (the version's SHA-256), the name the contact typed, when, who they
 * were signed in as, and from where. Kept on the acceptance row, which a check constraint forbids without it, and a
 * trigger keeps final once accepted. {@code seal} is the HMAC-SHA256 over it (see EvidenceSeal); null for an
 * acceptance from before evidence was sealed.
 */
public record AcceptanceEvidence(UUID acceptanceId, UUID clientId, String clientName, UUID documentId,
                                 String documentTitle, int versionNumber, String fileName, String sha256,
                                 String sentBy, Instant sentAt, Instant expiresAt, String typedName,
                                 Instant acceptedAt, UUID accountId, String username, String email, String ipAddress,
                                 String userAgent, String sentByUsername, String seal) {
}
