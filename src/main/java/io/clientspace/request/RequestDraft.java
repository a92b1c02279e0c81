package io.clientspace.request;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What someone typed to raise a request. Every field may be null or blank as typed; the service checks them.
 *
 * @param projectId   one of the client's projects (for a customer: one shared with them); null for none
 * @param contactId   for staff logging a request on the client's behalf: the contact it came from; null otherwise
 * @param attachments files to raise it with, e.g. temporary files the caller deletes afterwards; never null (at most
 *                    {@link ClientRequestService#ATTACHMENTS_MAX})
 */
public record RequestDraft(String category, String subject, String description, UUID projectId, LocalDate neededBy,
                           UUID contactId, List<Upload> attachments) {

    public RequestDraft {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A draft without files. */
    public RequestDraft(String category, String subject, String description, UUID projectId, LocalDate neededBy,
                        UUID contactId) {
        this(category, subject, description, projectId, neededBy, contactId, List.of());
    }

    /** The same draft with these files. */
    public RequestDraft withAttachments(List<Upload> files) {
        return new RequestDraft(category, subject, description, projectId, neededBy, contactId, files);
    }

    /** An uploaded file: the name on the sender's machine and where its bytes are now. */
    public record Upload(String originalName, Path content) {
    }
}
