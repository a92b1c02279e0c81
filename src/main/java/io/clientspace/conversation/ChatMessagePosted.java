package io.clientspace.conversation;

import java.util.List;
import java.util.UUID;

/**
 * A message was written in a channel; {@code mentioned} are the usernames of colleagues it mentions (all of whom
 * may open the channel).
 */
public record ChatMessagePosted(UUID channelId, UUID messageId, UUID clientId, UUID projectId, ChannelKind kind,
                                boolean fromCustomer, String author, String authorName, List<String> mentioned) {
}
