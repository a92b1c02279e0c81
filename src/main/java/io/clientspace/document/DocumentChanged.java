package io.clientspace.document;

import java.util.UUID;

/**
 * A document on the client was created, got a new version, had a version marked final, changed status, was renamed
 * or retyped, archived, brought back from the archive, or deleted (a draft, with its versions).
 */
public record DocumentChanged(UUID documentId, UUID clientId, UUID projectId, String title, Change change, String detail,
                              String actor) {

    public enum Change { CREATED, VERSION_ADDED, FINAL_MARKED, STATUS_CHANGED, RENAMED, ARCHIVED, UNARCHIVED, DELETED }
}
