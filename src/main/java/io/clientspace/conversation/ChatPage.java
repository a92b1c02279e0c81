package io.clientspace.conversation;

import java.util.List;

/** A page of a channel's history, oldest first; {@code hasOlder} says whether "load older" finds more. */
public record ChatPage(List<ChatMessage> messages, boolean hasOlder) {

    /** The seq of the oldest message on the page, to ask for the page before it; null when the page is empty. */
    public Long oldestSeq() {
        return messages.isEmpty() ? null : messages.get(0).seq();
    }
}
