package io.clientspace.conversation;

import java.util.UUID;

/** Someone wrote in a project's thread: the customer ({@code fromCustomer}) or the team. */
public record ProjectCommentPosted(UUID commentId, UUID clientId, UUID projectId, String projectName,
                                   boolean fromCustomer, String authorName, String actor) {
}
