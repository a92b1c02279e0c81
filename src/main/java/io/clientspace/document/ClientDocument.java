package io.clientspace.document;

import java.time.Instant;
import java.util.UUID;

/**
 * A document on a client as the list shows it. {@code finalVersion} is the number of the version marked final, 0 when
 * none is; {@code latestVersion} is the newest version's number. {@code sharedWithClient} says whether the client's
 * portal may show it (when its project, if any, is shared too).
 */
public record ClientDocument(UUID id, UUID clientId, UUID projectId, String title, DocumentType type, DocumentStatus status,
                             int finalVersion, int latestVersion, String updatedByName, Instant updatedAt,
                             boolean sharedWithClient, long version) {
}
