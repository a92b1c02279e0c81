package io.clientspace.portal;

import java.time.Instant;
import java.util.UUID;

/**
 * A shared file or document as the portal lists it. {@code name} is a document's title or a file's name;
 * {@code fileName} the file the customer downloads. {@code projectId} and {@code projectName} are null for the
 * client as a whole.
 */
public record PortalDocument(Kind kind, UUID id, UUID projectId, String projectName, String name, String fileName,
                             long sizeBytes, Instant uploadedAt) {

    /** Stored as portal_download.subject_kind. */
    public enum Kind { FILE, DOCUMENT }
}
