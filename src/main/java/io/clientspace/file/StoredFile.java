package io.clientspace.file;

import java.time.Instant;
import java.util.UUID;

/** A file kept on a client; its bytes are in object storage. */
public record StoredFile(UUID id, String name, String contentType, long sizeBytes, String uploadedByName,
                         Instant uploadedAt) {
}
