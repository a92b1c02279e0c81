package io.clientspace.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message of a channel, as the reader sees it.
 *
 * @param seq         its place in the channel; pass the oldest shown to {@link ChatService#history} for older ones
 * @param body        the text as written (null once deleted)
 * @param html        the text rendered from its Markdown subset to safe HTML (null once deleted)
 * @param quote       the message this one replies to, or null
 * @param mine        written by the reader
 * @param changeable  the reader may still edit or delete it (their own, within {@link ChatService#EDIT_WINDOW})
 */
public record ChatMessage(UUID id, UUID channelId, long seq, String authorName, boolean fromCustomer, String body,
                          String html, Instant createdAt, Instant editedAt, boolean deleted, ChatQuote quote,
                          List<ChatAttachment> attachments, boolean mine, boolean changeable) {

    public boolean edited() {
        return editedAt != null && !deleted;
    }
}
