package io.clientspace.file;

import java.util.UUID;

/** A file on the client (on that project, when {@code projectId} is set) was uploaded, deleted or restored. */
public record FileChanged(UUID fileId, UUID clientId, UUID projectId, String fileName, Change change, String actor) {

    public enum Change { UPLOADED, DELETED, RESTORED }
}
