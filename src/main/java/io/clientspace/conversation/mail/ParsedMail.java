package io.clientspace.conversation.mail;

import java.util.List;

/**
 * A mail as the ingest stores it. Lists are never null; text and html may be null.
 *
 * @param messageId   the Message-ID header with its angle brackets, or one made from the bytes when it has none
 * @param references  In-Reply-To and References, the closest first, without duplicates
 * @param recipients  To, Cc and Delivered-To addresses, lower case
 * @param html        the HTML part, already sanitised (see {@link HtmlSanitizer})
 * @param marker      null, or why the mail is not stored as usual
 * @param headers     the header block as received, for a stub or a malformed mail
 * @param raw         the bytes as received, for a malformed mail (kept raw) and for mail no workspace matched yet
 */
public record ParsedMail(String messageId, String inReplyTo, List<String> references, String subject,
                         String fromAddress, String fromName, List<String> to, List<String> cc,
                         List<String> recipients, String text, String html, List<Attachment> attachments,
                         Marker marker, String headers, byte[] raw) {

    public enum Marker {
        /** Auto-Submitted, Precedence bulk/junk/list, a delivery status report or a mailer daemon: never answered. */
        AUTO,
        /** Larger than the size limit: only the headers are kept, with a note. */
        OVERSIZE,
        /** Not readable as MIME: kept raw. */
        MALFORMED
    }

    /** A file that came with the mail. */
    public record Attachment(String name, byte[] content) {
    }

    /** Whether the mail must never be answered automatically. */
    public boolean automatic() {
        return marker == Marker.AUTO;
    }
}
