package io.clientspace.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A message that mentions the reader and that they have not seen yet.
 *
 * @param place where it was written ("Nordlicht · Website relaunch"); {@code path} opens that workspace's Chat tab
 */
public record ChatMention(UUID messageId, ChannelKind kind, String place, String path, String authorName,
                          String excerpt, Instant createdAt) {
}
