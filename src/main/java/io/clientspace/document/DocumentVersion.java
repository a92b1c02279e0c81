package io.clientspace.document;

import java.time.Instant;
import java.util.UUID;

/**
 * One uploaded version of a document. {@code note} may be null. {@code awaitingScan}: clamd could not be reached at
 * upload, so the version waits in quarantine; until a clean scan releases it, it cannot be downloaded, marked final,
 * shared or sent for acceptance.
 */
public record DocumentVersion(UUID id, UUID documentId, int number, String fileName, String contentType,
                              long sizeBytes, String sha256, String note, String uploadedByName, Instant uploadedAt,
                              boolean isFinal, boolean awaitingScan) {
}
