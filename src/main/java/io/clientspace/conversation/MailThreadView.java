package io.clientspace.conversation;

import io.clientspace.shared.WorkScope;
import java.util.List;
import java.util.UUID;

/**
 * A mail thread with its messages, oldest first.
 *
 * @param archived  whether its client is archived: no reply can go out then
 * @param requestId the client request the thread was turned into; null when none
 */
public record MailThreadView(UUID id, WorkScope scope, String subject, boolean done, String assignee,
                             String assigneeName, boolean archived, String address, UUID requestId,
                             List<MailItem> messages) {
}
