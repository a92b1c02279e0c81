package io.clientspace.acceptance;

import java.time.Instant;
import java.util.UUID;

/**
 * A document version sent for acceptance, as staff see it. {@code status} is as the server enforces it: a pending
 * acceptance whose deadline has passed reads as expired even before the timer has marked it. {@code acceptedName},
 * {@code acceptedAt}, {@code acceptedBy} and {@code remindedAt} are null until they happen; {@code projectId} is null
 * for a document on the client as a whole; the withdrawal's fields are null unless the team withdrew it.
 */
public record Acceptance(UUID id, UUID clientId, UUID projectId, UUID documentId, UUID versionId, String documentTitle,
                         int versionNumber, String fileName, String sha256, AcceptanceStatus status,
                         String sentByName, Instant sentAt, Instant expiresAt, Instant remindedAt,
                         Instant acceptedAt, String acceptedName, String acceptedBy, Instant withdrawnAt,
                         String withdrawnByName, String withdrawReason) {
}
