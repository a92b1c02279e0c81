package io.clientspace.request;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What someone typed to raise a request. Every field may be null or blank as typed; the service checks them.
 *
 * @param projectId one of the client's projects (for a customer: one shared with them); null for none
 * @param contactId for staff logging a request on the client's behalf: the contact it came from; null otherwise
 */
public record RequestDraft(String category, String subject, String description, UUID projectId, LocalDate neededBy,
                           UUID contactId) {
}
