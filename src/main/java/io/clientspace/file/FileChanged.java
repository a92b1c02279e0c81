package io.clientspace.file;

import java.util.UUID;

/** A file on the client was uploaded, deleted or restored. */
public record FileChanged(UUID fileId, UUID clientId, String fileName, Change change, String actor) {

    public enum Change { UPLOADED, DELETED, RESTORED }
}
