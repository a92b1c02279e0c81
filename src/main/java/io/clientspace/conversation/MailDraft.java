package io.clientspace.conversation;

import java.util.List;

/**
 * What a colleague sends in a thread.
 *
 * @param to          for {@link Mode#FORWARD}: the addresses, separated by commas; ignored otherwise
 * @param attachments uploaded files; never null
 */
public record MailDraft(Mode mode, String to, String text, List<ChatDraft.Upload> attachments) {

    public enum Mode { REPLY, REPLY_ALL, FORWARD }

    public MailDraft {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
