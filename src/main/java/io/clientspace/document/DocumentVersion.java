package io.clientspace.document;

import java.time.Instant;
import java.util.UUID;

/** One uploaded version of a document. {@code note} may be null. */
public record DocumentVersion(UUID id, UUID documentId, int number, String fileName, String contentType,
                              long sizeBytes, String sha256, String note, String uploadedByName, Instant uploadedAt,
                              boolean isFinal) {
}
