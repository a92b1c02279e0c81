package io.clientspace.conversation.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a received mail into a {@link ParsedMail}. It never throws for the mail's content: what cannot be read as MIME
 * is returned raw with {@link ParsedMail.Marker#MALFORMED}, and a mail over the size limit keeps only its headers.
 */
public final class MailParser {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Session SESSION = Session.getInstance(new Properties());
    /** How deep nested multiparts are followed; a deeper one is a trick, not a mail. */
    private static final int MAX_DEPTH = 10;

    private MailParser() {
    }

    /** A complete mail as received. */
    public static ParsedMail parse(byte[] raw, long maxSizeBytes) {
        if (raw.length > maxSizeBytes) {
            return stub(headerBlock(raw), raw);
        }
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            Envelope envelope = envelope(message, raw);
            Body body = new Body();
            collect(message, body, 0);
            String html = HtmlSanitizer.clean(body.html);
            String text = body.text != null ? body.text : HtmlSanitizer.text(html);
            return new ParsedMail(envelope.messageId, envelope.inReplyTo, envelope.references, envelope.subject,
                    envelope.fromAddress, envelope.fromName, envelope.to, envelope.cc, envelope.recipients, text, html,
                    body.attachments, automatic(message) ? ParsedMail.Marker.AUTO : null, null, null);
        } catch (MessagingException | IOException | RuntimeException e) {
            return malformed(raw);
        }
    }

    /** Only the headers of a mail over the size limit (the body was not even fetched). */
    public static ParsedMail stub(String headers, byte[] forId) {
        try {
            MimeMessage message = new MimeMessage(SESSION,
                    new ByteArrayInputStream((headers + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)));
            Envelope e = envelope(message, forId);
            return new ParsedMail(e.messageId, e.inReplyTo, e.references, e.subject, e.fromAddress, e.fromName, e.to,
                    e.cc, e.recipients, null, null, List.of(), ParsedMail.Marker.OVERSIZE, headers, null);
        } catch (MessagingException | RuntimeException ex) {
            return malformed(forId);
        }
    }

    private static ParsedMail malformed(byte[] raw) {
        String headers = headerBlock(raw);
        String messageId = null;
        String subject = null;
        List<String> recipients = new ArrayList<>();
        String from = null;
        try {
            InternetHeaders h = new InternetHeaders(new ByteArrayInputStream(raw));
            messageId = firstId(h.getHeader("Message-ID", null));
            subject = decode(h.getHeader("Subject", null));
            for (String name : List.of("To", "Cc", "Delivered-To", "X-Original-To")) {
                recipients.addAll(addresses(h.getHeader(name, ",")));
            }
            List<String> froms = addresses(h.getHeader("From", ","));
            from = froms.isEmpty() ? null : froms.get(0);
        } catch (MessagingException | RuntimeException ignored) {
            // nothing readable: the raw bytes and the marker say it all
        }
        return new ParsedMail(messageId != null ? messageId : syntheticId(raw), null, List.of(), subject, from, null,
                List.of(), List.of(), List.copyOf(new LinkedHashSet<>(recipients)), null, null, List.of(),
                ParsedMail.Marker.MALFORMED, headers, raw);
    }

    private record Envelope(String messageId, String inReplyTo, List<String> references, String subject,
                            String fromAddress, String fromName, List<String> to, List<String> cc,
                            List<String> recipients) {
    }

    private static Envelope envelope(MimeMessage m, byte[] raw) throws MessagingException {
        String messageId = firstId(m.getHeader("Message-ID", null));
        if (messageId == null) {
            messageId = syntheticId(raw);
        }
        String inReplyTo = firstId(m.getHeader("In-Reply-To", null));
        Set<String> refs = new LinkedHashSet<>();
        if (inReplyTo != null) {
            refs.add(inReplyTo);
        }
        List<String> older = ids(m.getHeader("References", " "));
        Collections.reverse(older);
        refs.addAll(older);
        String fromAddress = null;
        String fromName = null;
        Address[] from = lenient(() -> m.getFrom());
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress a) {
            fromAddress = lower(a.getAddress());
            fromName = a.getPersonal();
        }
        List<String> to = addresses(m.getHeader("To", ","));
        List<String> cc = addresses(m.getHeader("Cc", ","));
        Set<String> recipients = new LinkedHashSet<>(to);
        recipients.addAll(cc);
        recipients.addAll(addresses(m.getHeader("Delivered-To", ",")));
        recipients.addAll(addresses(m.getHeader("X-Original-To", ",")));
        String subject = lenient(m::getSubject);
        return new Envelope(messageId, inReplyTo, List.copyOf(refs), subject, fromAddress, fromName, to, cc,
                List.copyOf(recipients));
    }

    private interface Read<T> {
        T get() throws MessagingException;
    }

    private static <T> T lenient(Read<T> read) {
        try {
            return read.get();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static final class Body {
        String text;
        String html;
        final List<ParsedMail.Attachment> attachments = new ArrayList<>();
    }

    private static void collect(Part part, Body body, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            throw new MessagingException("MIME nested too deep");
        }
        String disposition = part.getDisposition();
        String fileName = fileName(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition) || fileName != null;
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (!(content instanceof Multipart multipart)) {
                throw new MessagingException("multipart without parts");
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, body, depth + 1);
            }
        } else if (!attachment && part.isMimeType("text/plain") && body.text == null) {
            body.text = String.valueOf(part.getContent()).replace("\r\n", "\n").strip();
        } else if (!attachment && part.isMimeType("text/html") && body.html == null) {
            body.html = String.valueOf(part.getContent());
        } else if (part.isMimeType("message/delivery-status") || part.isMimeType("message/rfc822") && !attachment) {
            // a DSN's machine part, or a forwarded mail inline: kept as a file so nothing is lost
            body.attachments.add(new ParsedMail.Attachment(part.isMimeType("message/rfc822") ? "message.eml"
                    : "delivery-status.txt", bytes(part)));
        } else if (attachment || !part.isMimeType("text/*")) {
            body.attachments.add(new ParsedMail.Attachment(fileName != null ? fileName : "attachment", bytes(part)));
        }
    }

    private static String fileName(Part part) throws MessagingException {
        try {
            String name = part.getFileName();
            return name == null || name.isBlank() ? null : MimeUtility.decodeText(name);
        } catch (java.io.UnsupportedEncodingException e) {
            return part.getFileName();
        }
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** Auto-Submitted (other than "no"), Precedence bulk/junk/list, a delivery report, or a mailer daemon. */
    static boolean automatic(MimeMessage m) throws MessagingException {
        String autoSubmitted = m.getHeader("Auto-Submitted", null);
        if (autoSubmitted != null && !autoSubmitted.trim().toLowerCase(Locale.ROOT).startsWith("no")) {
            return true;
        }
        String precedence = m.getHeader("Precedence", null);
        if (precedence != null && precedence.trim().toLowerCase(Locale.ROOT).matches("bulk|junk|list|auto_reply")) {
            return true;
        }
        if (m.getHeader("X-Autoreply", null) != null || m.getHeader("X-Autorespond", null) != null) {
            return true;
        }
        String type = m.getContentType();
        if (type != null) {
            try {
                ContentType ct = new ContentType(type);
                if (ct.match("multipart/report")) {
                    return true;
                }
            } catch (jakarta.mail.internet.ParseException ignored) {
                // an unreadable type is not a report
            }
        }
        String from = m.getHeader("From", ",");
        String returnPath = m.getHeader("Return-Path", null);
        return from != null && from.toLowerCase(Locale.ROOT).matches("(?s).*\\b(mailer-daemon|postmaster)@.*")
                || returnPath != null && returnPath.trim().equals("<>");
    }

    private static String firstId(String header) {
        List<String> ids = ids(header);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher matcher = MESSAGE_ID.matcher(header);
            while (matcher.find()) {
                String id = matcher.group();
                if (id.length() <= 998 && !ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static List<String> addresses(String header) {
        List<String> result = new ArrayList<>();
        if (header == null) {
            return result;
        }
        try {
            for (InternetAddress a : InternetAddress.parseHeader(header, false)) {
                if (a.getAddress() != null && !result.contains(lower(a.getAddress()))) {
                    result.add(lower(a.getAddress()));
                }
            }
        } catch (AddressException e) {
            // one broken address list loses only itself
        }
        return result;
    }

    private static String decode(String s) {
        try {
            return s == null ? null : MimeUtility.decodeText(s);
        } catch (java.io.UnsupportedEncodingException e) {
            return s;
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }

    /** The header block: everything before the first empty line, as received. */
    static String headerBlock(byte[] raw) {
        String s = new String(raw, 0, Math.min(raw.length, 256 * 1024), StandardCharsets.ISO_8859_1);
        int end = s.indexOf("\r\n\r\n");
        if (end < 0) {
            end = s.indexOf("\n\n");
        }
        return end < 0 ? s : s.substring(0, end);
    }

    /** An id for a mail without one: the same bytes give the same id, so even it is stored once. */
    public static String syntheticId(byte[] raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return "<" + HexFormat.of().formatHex(digest) + "@no-message-id.clientspace.invalid>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
