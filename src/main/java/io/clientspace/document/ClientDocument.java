package io.clientspace.document;

import java.time.Instant;
import java.util.UUID;

/**
 * A document on a client as the list shows it. {@code finalVersion} is the number of the version marked final, 0 when
 * none is; {@code latestVersion} is the newest version's number. {@code sharedWithClient} says whether the client's
 * portal may show it (when its project, if any, is shared too). {@code archivedAt} and {@code archivedByName} are
 * null unless the document is archived.
 */
public record ClientDocument(UUID id, UUID clientId, UUID projectId, String title, DocumentType type, DocumentStatus status,
                             int finalVersion, int latestVersion, String updatedByName, Instant updatedAt,
                             boolean sharedWithClient, long version, Instant archivedAt, String archivedByName) {

    public boolean archived() {
        return archivedAt != null;
    }

    /**
     * Whether the document is still a draft that may be deleted with its versions, as far as the document itself
     * tells: the service also refuses when another module keeps a record of it (an acceptance).
     */
    public boolean draft() {
        return status == DocumentStatus.DRAFT && finalVersion == 0;
    }
}
