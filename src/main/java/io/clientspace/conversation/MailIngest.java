package io.clientspace.conversation;

import io.clientspace.conversation.mail.MailAddressFormat;
import io.clientspace.conversation.mail.MailParser;
import io.clientspace.conversation.mail.ParsedMail;
import io.clientspace.file.FileService;
import io.clientspace.file.StoredFile;
import io.clientspace.shared.ClientspaceProperties;
import io.clientspace.shared.WorkScope;
import io.clientspace.shared.i18n.Translations;
import io.clientspace.shared.live.ClientChanges;
import io.clientspace.shared.ActivityRecorded;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores what the catch-all mailbox receives: matches the workspace by its address among To, Cc and Delivered-To,
 * threads the mail, stores its attachments as the workspace's files, and keeps what no workspace takes as unmatched.
 * It runs without a signed-in user (the mailbox reader calls it) and is idempotent: a mail whose Message-ID is
 * already stored for the mailbox is skipped, whichever node or restart reads it again.
 */
@Component
class MailIngest {

    private static final Logger log = LoggerFactory.getLogger(MailIngest.class);
    /** A mail with the same subject joins a thread this recent; older, it starts a new one. */
    static final Duration SUBJECT_THREAD_WINDOW = Duration.ofDays(30);
    private static final Pattern SUBJECT_PREFIX = Pattern.compile(
            "^\\s*((re|aw|fw|fwd|wg|sv|vs|antw|rif|tr)\\s*(\\[\\d+])?\\s*:\\s*)+", Pattern.CASE_INSENSITIVE);

    enum Outcome { STORED, DUPLICATE, UNMATCHED, ROTATED }

    private final JdbcTemplate jdbc;
    private final FileService files;
    private final MailProperties properties;
    private final MailAddressFormat format;
    private final JavaMailSender sender;
    private final ClientspaceProperties app;
    private final Translations translations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ClientChanges live;

    MailIngest(JdbcTemplate jdbc, FileService files, MailProperties properties, JavaMailSender sender,
               ClientspaceProperties app, Translations translations, ApplicationEventPublisher events,
               PlatformTransactionManager transactionManager, Clock clock, ClientChanges live) {
        this.jdbc = jdbc;
        this.live = live;
        this.files = files;
        this.properties = properties;
        this.format = new MailAddressFormat(properties.domain(), properties.plusLocal());
        this.sender = sender;
        this.app = app;
        this.translations = translations;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    MailAddressFormat format() {
        return format;
    }

    /** A whole mail as the mailbox gave it. */
    Outcome receive(String mailbox, byte[] raw) {
        return receive(mailbox, MailParser.parse(raw, properties.maxSizeBytes()), raw);
    }

    /** A mail over the size limit, of which only the headers were fetched. */
    Outcome receiveOversize(String mailbox, String headers, long size) {
        return receive(mailbox, MailParser.stub(headers, headers.getBytes(StandardCharsets.ISO_8859_1)), null);
    }

    private record Target(WorkScope scope, String token) {
    }

    private record Retired(String token, String recipient, String newAddress) {
    }

    private Outcome receive(String mailbox, ParsedMail mail, byte[] raw) {
        if (stored(mailbox, mail.messageId())) {
            return Outcome.DUPLICATE;
        }
        Optional<Target> target = Optional.empty();
        Retired retired = null;
        for (String recipient : mail.recipients()) {
            Optional<String> token = format.tokenOf(recipient);
            if (token.isEmpty()) {
                continue;
            }
            var rows = jdbc.query("""
                    select a.client_id, a.project_id, a.retired_at, n.token from mail_address a
                    left join mail_address n on n.client_id = a.client_id
                      and n.project_id is not distinct from a.project_id and n.retired_at is null
                    where a.token = ?""", (rs, i) -> new Object[] {rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class), rs.getTimestamp(3), rs.getString(4)}, token.get());
            if (rows.isEmpty()) {
                continue;
            }
            Object[] row = rows.get(0);
            if (row[2] == null) {
                target = Optional.of(new Target(new WorkScope((UUID) row[0], (UUID) row[1]), token.get()));
                break;
            }
            if (retired == null) {
                retired = new Retired(token.get(), recipient, row[3] == null ? null : format.address((String) row[3]));
            }
        }
        if (target.isEmpty()) {
            String recipient = retired != null ? retired.recipient()
                    : mail.recipients().isEmpty() ? null : mail.recipients().get(0);
            boolean inserted = insertUnmatched(mailbox, mail, raw, recipient, retired == null ? null : retired.token());
            if (!inserted) {
                return Outcome.DUPLICATE;
            }
            if (retired != null) {
                bounce(mail, retired);
                return Outcome.ROTATED;
            }
            return Outcome.UNMATCHED;
        }
        return store(mailbox, mail, target.get().scope(), null, null) ? Outcome.STORED : Outcome.DUPLICATE;
    }

    /**
     * Files an unmatched mail into a workspace: reads it again from its raw bytes (so its attachments become the
     * workspace's files now), threads it there and takes it off the unmatched list.
     */
    void file(UUID messageId, WorkScope scope, String actor) {
        var rows = jdbc.query("select mailbox, raw, headers, marker from mail_message where id = ? and unmatched",
                (rs, i) -> new Object[] {rs.getString(1), rs.getBytes(2), rs.getString(3), rs.getString(4)},
                messageId);
        if (rows.isEmpty()) {
            throw new io.clientspace.shared.NotFoundException("Unmatched mail");
        }
        byte[] raw = (byte[]) rows.get(0)[1];
        String headers = (String) rows.get(0)[2];
        ParsedMail mail = raw != null ? MailParser.parse(raw, properties.maxSizeBytes())
                : MailParser.stub(headers == null ? "" : headers, messageId.toString().getBytes());
        if (!store((String) rows.get(0)[0], mail, scope, messageId, actor)) {
            throw new io.clientspace.shared.NotFoundException("Unmatched mail"); // another admin filed it just now
        }
    }

    private boolean stored(String mailbox, String messageId) {
        Integer n = jdbc.queryForObject("select count(*) from mail_message where mailbox = ? and message_id = ?",
                Integer.class, mailbox, messageId);
        return n != null && n > 0;
    }

    private boolean insertUnmatched(String mailbox, ParsedMail mail, byte[] raw, String recipient, String token) {
        Instant now = clock.instant();
        return transactions.execute(status -> jdbc.update("""
                insert into mail_message (id, mailbox, message_id, in_reply_to, refs, direction, from_address,
                  from_name, to_addresses, cc_addresses, recipient, subject, body_text, body_html, marker, headers, raw,
                  unmatched, received_at)
                values (?, ?, ?, ?, ?, 'IN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?)
                on conflict (mailbox, message_id) do nothing""", UUID.randomUUID(), mailbox, mail.messageId(),
                mail.inReplyTo(), String.join(" ", mail.references()), cut(mail.fromAddress(), 320),
                cut(mail.fromName(), 400), String.join(", ", mail.to()), String.join(", ", mail.cc()),
                cut(recipient, 320), cut(mail.subject(), 998), mail.text(), mail.html(),
                mail.marker() == null ? null : mail.marker().name(), mail.headers(), raw, Timestamp.from(now))) > 0;
    }

    /** Thrown inside the transaction when the mail turns out to be stored already: nothing of this read is kept. */
    private static final class AlreadyStored extends RuntimeException {

        AlreadyStored() {
            super("The mail is stored already", null, false, false);
        }
    }

    /**
     * The attachments that pass the checks and the mail's rows, in one transaction: a mail that cannot be saved, or
     * turns out to be stored already, leaves none of its files behind (their objects are removed too), and the next
     * read stores it whole. A refused attachment does not stop the mail: it becomes a note on it.
     *
     * @return false when the mail was stored already (another read took it, or an admin filed it, first)
     */
    private boolean store(String mailbox, ParsedMail mail, WorkScope scope, UUID unmatchedId, String filedBy) {
        String receivedBy = cut(mail.fromAddress() == null ? "mail" : mail.fromAddress(), 100);
        List<FileService.Incoming> incoming = new ArrayList<>();
        try {
            for (ParsedMail.Attachment a : mail.attachments()) {
                Path tmp = Files.createTempFile("mail-attachment", ".bin");
                incoming.add(new FileService.Incoming(a.name(), tmp));
                Files.write(tmp, a.content());
            }
            Instant now = clock.instant();
            Saved saved = files.receiveEach(scope, incoming, receivedBy,
                    (stored, refused) -> saveRows(mailbox, mail, scope, unmatchedId, filedBy, now, stored, refused));
            events.publishEvent(new MailReceived(saved.threadId(), saved.messageId(), scope.clientId(),
                    scope.projectId(), mail.automatic()));
            return true;
        } catch (AlreadyStored e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot buffer an attachment", e);
        } finally {
            for (FileService.Incoming file : incoming) {
                try {
                    Files.deleteIfExists(file.content());
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }

    private record Saved(UUID threadId, UUID messageId) {
    }

    /**
     * The mail's rows, inside the transaction that saves its stored attachments' rows; what it publishes (the
     * timeline's event, the live notifications) takes effect only when that commits.
     *
     * @throws AlreadyStored when the mail is stored already; the caller's transaction then rolls back
     */
    private Saved saveRows(String mailbox, ParsedMail mail, WorkScope scope, UUID unmatchedId, String filedBy,
                           Instant now, List<StoredFile> stored, List<FileService.Refused> refused) {
        List<String> notes = new ArrayList<>();
        for (FileService.Refused r : refused) {
            // a virus is worth saying as such: "type or size" would send the colleague looking for the wrong thing
            notes.add(encodeNote(r.infected() ? "mail.note.attachment-infected" : "mail.note.attachment-refused",
                    r.originalName()));
        }
        if (mail.marker() == ParsedMail.Marker.OVERSIZE) {
            notes.add(encodeNote("mail.note.oversize", String.valueOf(properties.maxSizeMb())));
        } else if (mail.marker() == ParsedMail.Marker.MALFORMED) {
            notes.add(encodeNote("mail.note.malformed"));
        }
        UUID threadId = threadFor(scope, mail, now);
        UUID id = unmatchedId != null ? unmatchedId : UUID.randomUUID();
        String note = notes.isEmpty() ? null : String.join("\n", notes);
        byte[] keepRaw = mail.marker() == ParsedMail.Marker.MALFORMED ? mail.raw() : null;
        int saved;
        if (unmatchedId != null) {
            // "and unmatched": of two admins filing it at once, the second stores nothing
            saved = jdbc.update("""
                    update mail_message set thread_id = ?, unmatched = false, raw = ?, body_text = ?,
                      body_html = ?, headers = coalesce(?, headers), refs = ?, in_reply_to = ?, note = ?
                    where id = ? and unmatched""", threadId, keepRaw, mail.text(), mail.html(),
                    mail.headers(), String.join(" ", mail.references()), mail.inReplyTo(), note, id);
        } else {
            saved = jdbc.update("""
                    insert into mail_message (id, thread_id, mailbox, message_id, in_reply_to, refs, direction,
                      from_address, from_name, to_addresses, cc_addresses, subject, body_text, body_html, marker,
                      headers, note, raw, received_at)
                    values (?, ?, ?, ?, ?, ?, 'IN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (mailbox, message_id) do nothing""", id, threadId, mailbox, mail.messageId(),
                    mail.inReplyTo(), String.join(" ", mail.references()), cut(mail.fromAddress(), 320),
                    cut(mail.fromName(), 400), String.join(", ", mail.to()), String.join(", ", mail.cc()),
                    cut(mail.subject(), 998), mail.text(), mail.html(),
                    mail.marker() == null ? null : mail.marker().name(), mail.headers(), note, keepRaw,
                    Timestamp.from(now));
        }
        if (saved == 0) {
            // thrown, not setRollbackOnly: the transaction is the file service's, and its files must go too
            throw new AlreadyStored();
        }
        for (StoredFile file : stored) {
            jdbc.update("insert into mail_attachment (message_id, file_id, name) values (?, ?, ?)"
                    + " on conflict do nothing", id, file.id(), cut(file.name(), 255));
        }
        // a person's answer reopens a done thread; an auto-reply does not
        jdbc.update("update mail_thread set last_at = greatest(last_at, ?), state = case when ? then state"
                + " else 'OPEN' end where id = ?", Timestamp.from(now), mail.automatic(), threadId);
        if (unmatchedId != null) {
            // an admin filed it: the workspace's timeline says who, and which mail
            String from = mail.fromName() == null || mail.fromName().isBlank() ? mail.fromAddress()
                    : mail.fromName() + " <" + mail.fromAddress() + ">";
            events.publishEvent(new ActivityRecorded(scope.clientId(), scope.projectId(), filedBy, "MAIL_FILED",
                    threadId, cut(mail.subject() == null ? "" : mail.subject(), 400), from));
        }
        // every open Mail tab of the workspace, on any node, hears of it when this commits
        live.publishItem(MailStream.of(scope), threadId);
        live.publish(scope.clientId());
        return new Saved(threadId, id);
    }

    /** A note on a stored mail, kept as its bundle key and arguments so that each reader sees it in their language. */
    static String encodeNote(String key, String... args) {
        StringBuilder s = new StringBuilder(key);
        for (String arg : args) {
            s.append('\u001f').append(arg == null ? "" : arg.replace('\n', ' ').replace('\u001f', ' '));
        }
        return s.toString();
    }

    private String note(String key, Object... args) {
        return translations.getTranslation(key, Locale.ENGLISH, args);
    }

    /** The thread a mail joins: by its references, then by subject within the window; else a new one. */
    private UUID threadFor(WorkScope scope, ParsedMail mail, Instant now) {
        if (!mail.references().isEmpty()) {
            String marks = String.join(", ", mail.references().stream().map(r -> "?").toList());
            List<Object> args = new ArrayList<>(mail.references());
            args.add(scope.clientId());
            args.add(scope.projectId());
            List<UUID> found = jdbc.query("select m.thread_id from mail_message m join mail_thread t on t.id ="
                    + " m.thread_id where m.message_id in (" + marks + ") and t.client_id = ? and t.project_id is not"
                    + " distinct from ? order by m.received_at desc limit 1", (rs, i) -> rs.getObject(1, UUID.class),
                    args.toArray());
            if (!found.isEmpty()) {
                return found.get(0);
            }
        }
        String subject = mail.subject() == null || mail.subject().isBlank() ? "" : mail.subject().strip();
        String key = subjectKey(subject);
        if (!key.isEmpty()) {
            List<UUID> found = jdbc.query("""
                    select id from mail_thread where client_id = ? and project_id is not distinct from ?
                      and subject_key = ? and last_at > ? order by last_at desc limit 1""",
                    (rs, i) -> rs.getObject(1, UUID.class), scope.clientId(), scope.projectId(), key,
                    Timestamp.from(now.minus(SUBJECT_THREAD_WINDOW)));
            if (!found.isEmpty()) {
                return found.get(0);
            }
        }
        UUID id = UUID.randomUUID();
        String shown = SUBJECT_PREFIX.matcher(subject).replaceFirst("").strip();
        jdbc.update("""
                insert into mail_thread (id, client_id, project_id, subject, subject_key, state, created_at, last_at)
                values (?, ?, ?, ?, ?, 'OPEN', ?, ?)""", id, scope.clientId(), scope.projectId(),
                cut(shown, 998), cut(key, 998), Timestamp.from(now), Timestamp.from(now));
        return id;
    }

    /** The subject without Re:/Fwd:/AW:/WG: prefixes and extra spaces, lower case: what threads compare. */
    static String subjectKey(String subject) {
        if (subject == null) {
            return "";
        }
        return SUBJECT_PREFIX.matcher(subject).replaceFirst("").replaceAll("\\s+", " ").strip()
                .toLowerCase(Locale.ROOT);
    }

    /**
     * Tells the sender of a mail to a rotated address where to write now. Never to an automatic mail, a sender
     * without an address, or one of our own addresses: a bounce must not start a loop.
     */
    private void bounce(ParsedMail mail, Retired retired) {
        if (mail.automatic() || mail.marker() == ParsedMail.Marker.MALFORMED || mail.fromAddress() == null
                || format.tokenOf(mail.fromAddress()).isPresent()) {
            return;
        }
        try {
            MimeMessage m = sender.createMimeMessage();
            m.setFrom(new InternetAddress(app.mailFrom(), "Clientspace", "UTF-8"));
            m.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(mail.fromAddress()));
            String subject = mail.subject() == null ? "" : mail.subject();
            m.setSubject(note("mail.bounce.subject", subject), "UTF-8");
            String body = retired.newAddress() == null ? note("mail.bounce.body-gone", retired.recipient())
                    : note("mail.bounce.body", retired.recipient(), retired.newAddress());
            m.setText(body, "UTF-8");
            m.setHeader("Auto-Submitted", "auto-replied");
            if (mail.messageId() != null) {
                m.setHeader("In-Reply-To", mail.messageId());
                m.setHeader("References", mail.messageId());
            }
            sender.send(m);
        } catch (MessagingException | UnsupportedEncodingException | org.springframework.mail.MailException e) {
            log.warn("Could not tell {} that {} moved: {}", mail.fromAddress(), retired.recipient(), e.toString());
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
