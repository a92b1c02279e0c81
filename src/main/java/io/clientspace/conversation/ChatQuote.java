package io.clientspace.conversation;

import java.util.UUID;

/** The message a reply answers, as quoted under the reply: its author and the start of its text. */
public record ChatQuote(UUID messageId, String authorName, String excerpt, boolean deleted) {
}
