package io.clientspace.conversation;

import java.util.UUID;

/** A mail arrived in a workspace's thread (after the commit): for counters and the timeline. */
public record MailReceived(UUID threadId, UUID messageId, UUID clientId, UUID projectId, boolean automatic) {
}
