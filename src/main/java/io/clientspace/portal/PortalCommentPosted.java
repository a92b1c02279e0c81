package io.clientspace.portal;

import java.util.UUID;

/** Someone wrote in a shared project's thread: the customer ({@code fromCustomer}) or the team. */
public record PortalCommentPosted(UUID commentId, UUID clientId, UUID projectId, String projectName,
                                  boolean fromCustomer, String authorName, String actor) {
}
