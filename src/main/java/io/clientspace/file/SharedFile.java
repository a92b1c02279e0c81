package io.clientspace.file;

import java.time.Instant;
import java.util.UUID;

/**
 * A file as the client's portal may show it: no uploader, storage key or checksum. {@code projectId} is null for a
 * file on the client as a whole.
 */
public record SharedFile(UUID id, UUID projectId, String name, long sizeBytes, Instant uploadedAt) {
}
