package io.clientspace.conversation;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * What a colleague sends: the text, the message it replies to (or null) and files to attach.
 *
 * @param attachments uploaded files, e.g. temporary files the caller deletes afterwards; never null
 */
public record ChatDraft(String text, UUID replyTo, List<Upload> attachments) {

    public ChatDraft {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static ChatDraft text(String text) {
        return new ChatDraft(text, null, List.of());
    }

    /** An uploaded file: the name on the user's machine and where its bytes are now. */
    public record Upload(String originalName, Path content) {
    }
}
