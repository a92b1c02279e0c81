package io.clientspace.document;

import java.util.UUID;

/** A document on the client was created, got a new version, had a version marked final, or changed status. */
public record DocumentChanged(UUID documentId, UUID clientId, UUID projectId, String title, Change change, String detail,
                              String actor) {

    public enum Change { CREATED, VERSION_ADDED, FINAL_MARKED, STATUS_CHANGED }
}
