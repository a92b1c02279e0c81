package io.clientspace.project;

import java.util.UUID;

/**
 * Someone changed what a client's portal shows: a project, its tasks, a file or a document was shared or unshared.
 * {@code projectId} is null for a file or document on the client as a whole. {@code visibleToClient} says whether
 * the subject now reaches the portal: a shared document in a project that is not shared does not.
 */
public record SharingChanged(UUID clientId, UUID projectId, Subject subject, UUID subjectId, String title,
                             boolean shared, boolean visibleToClient, String actor) {

    public enum Subject { PROJECT, PROJECT_TASKS, FILE, DOCUMENT }

    /** The timeline's kind for this change, e.g. SHARING_DOCUMENT_ON. */
    public String timelineKind() {
        return "SHARING_" + subject.name() + (shared ? "_ON" : "_OFF");
    }
}
