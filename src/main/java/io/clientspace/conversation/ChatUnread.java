package io.clientspace.conversation;

import java.util.UUID;

/**
 * A channel the reader follows with messages they have not read yet, for the side menu's "Chats".
 *
 * @param place  where it is ("Nordlicht · Website relaunch"); {@code path} opens that workspace's Chat tab
 * @param unread messages by others after what the reader last saw, at most {@link ChatService#UNREAD_CAP}
 */
public record ChatUnread(UUID channelId, ChannelKind kind, String place, String path, long unread) {
}
