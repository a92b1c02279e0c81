package io.clientspace.file;

import java.time.Instant;
import java.util.UUID;

/**
 * A file kept on a client; its bytes are in object storage. {@code deletedAt} and {@code deletedByName} are set for
 * a file in the trash, null otherwise. {@code sharedWithClient} says whether the client's portal may show it (when its
 * project, if any, is shared too). {@code awaitingScan}: the file waits in quarantine for a virus scan (clamd was
 * unreachable at upload); it cannot be downloaded or shared until a scan releases it.
 */
public record StoredFile(UUID id, UUID clientId, UUID projectId, String name, String contentType, long sizeBytes,
                         String uploadedByName, Instant uploadedAt, Instant deletedAt, String deletedByName,
                         boolean sharedWithClient, boolean awaitingScan) {
}
