package io.clientspace.conversation;

import java.util.UUID;

/**
 * One channel of a client workspace or of a project, as the reader sees it.
 *
 * @param projectId null for the client as a whole
 * @param title     the project's name for a project's channel, the client's name otherwise; for the portal's list
 * @param unread    messages by others after what this reader last saw (at most {@link ChatService#UNREAD_CAP})
 */
public record ChatChannel(UUID id, UUID clientId, UUID projectId, ChannelKind kind, String title, long unread) {
}
