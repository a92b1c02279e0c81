package io.clientspace.document;

import java.time.Instant;
import java.util.UUID;

/**
 * A document as the client's portal may show it: its title and the file the client gets, which is the version marked
 * final or, without one, the newest. No status, notes, checksums or names of staff. {@code projectId} is null for a
 * document on the client as a whole.
 */
public record SharedDocument(UUID id, UUID projectId, String title, String fileName, long sizeBytes,
                             Instant uploadedAt) {
}
