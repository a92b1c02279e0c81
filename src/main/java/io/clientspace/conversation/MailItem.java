package io.clientspace.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message of a mail thread, in or out.
 *
 * @param senderKind  for incoming mail: whether the sender is a portal contact, a colleague or unknown
 * @param html        the sanitised HTML part; null when there was none
 * @param marker      null, or AUTO, OVERSIZE or MALFORMED (see the ingest)
 * @param headers     for a stub or a malformed mail: its headers as received
 * @param sendState   for outgoing mail: PENDING, SENT or FAILED; null for incoming
 * @param sendReason  for mail not sent: a bundle key that says why in words a colleague can act on
 *                    ({@code mail.not-sent.*}); null otherwise
 * @param sendError   the mail server's own words for the last failed attempt; null otherwise
 * @param authorName  for outgoing mail, the colleague who wrote it
 */
public record MailItem(UUID id, boolean outgoing, String fromAddress, String fromName, SenderKind senderKind,
                       List<String> to, List<String> cc, String subject, String text, String html, String marker,
                       String headers, List<Note> notes, String sendState, String sendReason, String sendError, String authorName,
                       Instant at, List<ChatAttachment> attachments) {

    public enum SenderKind { CONTACT, COLLEAGUE, UNKNOWN, US }

    /** A note the ingest left, such as a refused attachment: a bundle key and its arguments. */
    public record Note(String key, List<String> args) {
    }

    public boolean notSent() {
        return outgoing && !"SENT".equals(sendState);
    }
}
