package io.clientspace.conversation;

import io.clientspace.shared.FirmModule;
import io.clientspace.shared.ModuleGate;
import io.clientspace.client.ClientService;
import io.clientspace.client.PortalContactLookup;
import io.clientspace.conversation.mail.MailAddressFormat;
import io.clientspace.file.FileService;
import io.clientspace.file.FileTypes;
import io.clientspace.file.StoredFile;
import io.clientspace.project.ProjectService;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import io.clientspace.security.StaffDirectory;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.WorkScope;
import io.clientspace.shared.live.ClientChanges;
import jakarta.activation.FileDataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The e-mail of client and project workspaces: each has an address of its own ({@link #address}); mail to it arrives
 * in threads ({@link MailIngest}), and colleagues answer from the thread with the workspace's address as sender.
 * Staff see the mail of the workspaces they may open and nothing else; only admins see mail no workspace took.
 */
@Service
public class MailService {

    /** The longest text a colleague may write in one mail. */
    public static final int TEXT_MAX = 20_000;
    /** Threads per list; the newest first. */
    public static final int LIST_LIMIT = 200;
    /** An outgoing mail still "sending" after this long was interrupted: it shows as not sent, with a retry. */
    static final Duration SEND_STALE = Duration.ofMinutes(2);

    private final JdbcTemplate jdbc;
    private final ProjectService projects;
    private final ClientService clients;
    private final PortalContactLookup portalContacts;
    private final CurrentUserProvider currentUser;
    private final StaffDirectory staff;
    private final FileService files;
    private final MailIngest ingest;
    private final MailAddressFormat format;
    private final JavaMailSender sender;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ClientChanges live;

    MailService(JdbcTemplate jdbc, ProjectService projects, ClientService clients, PortalContactLookup portalContacts,
                CurrentUserProvider currentUser, StaffDirectory staff, FileService files, MailIngest ingest,
                JavaMailSender sender, PlatformTransactionManager transactionManager, Clock clock,
                ClientChanges live) {
        this.jdbc = jdbc;
        this.live = live;
        this.projects = projects;
        this.clients = clients;
        this.portalContacts = portalContacts;
        this.currentUser = currentUser;
        this.staff = staff;
        this.files = files;
        this.ingest = ingest;
        this.format = ingest.format();
        this.sender = sender;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    // ----------------------------------------------------------------------------------------------- addresses

    /**
     * The workspace's address, made on first use.
     *
     * @throws NotFoundException when the client or project does not exist
     * @throws NoAccessException when the colleague may not open the workspace
     */
    @Transactional
    public WorkspaceMailAddress address(WorkScope scope) {
        currentUser.requireStaff();
        projects.requireAccess(scope);
        return new WorkspaceMailAddress(format.address(ensureToken(scope)), projects.canManage(scope));
    }

    /**
     * Gives the workspace a new address. Mail to the old one is then bounced with the new address and listed as
     * unmatched.
     *
     * @throws NoAccessException unless the colleague manages the workspace (managers, admins, the owner)
     */
    @Transactional
    public WorkspaceMailAddress rotate(WorkScope scope) {
        projects.requireManage(scope);
        String old = ensureToken(scope);
        String token = MailAddressFormat.newToken(nameOf(scope));
        Instant now = clock.instant();
        jdbc.update("update mail_address set retired_at = ? where token = ?", Timestamp.from(now), old);
        jdbc.update("insert into mail_address (token, client_id, project_id, created_at) values (?, ?, ?, ?)", token,
                scope.clientId(), scope.projectId(), Timestamp.from(now));
        jdbc.update("update mail_address set replaced_by = ? where token = ?", token, old);
        return new WorkspaceMailAddress(format.address(token), true);
    }

    private String ensureToken(WorkScope scope) {
        List<String> found = activeToken(scope);
        if (!found.isEmpty()) {
            return found.get(0);
        }
        String token = MailAddressFormat.newToken(nameOf(scope));
        // two nodes that race: the partial unique index lets one win, and the other reads its token
        jdbc.update("""
                insert into mail_address (token, client_id, project_id, created_at) values (?, ?, ?, ?)
                on conflict do nothing""", token, scope.clientId(), scope.projectId(), Timestamp.from(clock.instant()));
        return activeToken(scope).get(0);
    }

    private List<String> activeToken(WorkScope scope) {
        return jdbc.queryForList("select token from mail_address where client_id = ? and project_id is not distinct"
                + " from ? and retired_at is null", String.class, scope.clientId(), scope.projectId());
    }

    private String nameOf(WorkScope scope) {
        return scope.isProject() ? projects.get(scope.projectId()).name() : clients.get(scope.clientId()).name();
    }

    // ------------------------------------------------------------------------------------------------- threads

    /**
     * Calls {@code onThread} (on another thread) with a thread's id whenever one of the workspace's threads gets a
     * message (in or out) or changes state (sent, not sent, assigned, done), on any app node, until the returned handle
     * is closed. The notice carries ids only: the listener fetches the thread as its viewer.
     *
     * @throws NoAccessException when the colleague may not open the workspace
     */
    @Transactional(readOnly = true)
    public AutoCloseable subscribe(WorkScope scope, Consumer<UUID> onThread) {
        projects.requireAccess(scope);
        return live.subscribeItems(MailStream.of(scope), onThread);
    }

    private void announce(WorkScope scope, UUID threadId) {
        live.publishItem(MailStream.of(scope), threadId);
    }

    /** Open threads in the workspace, for the tab's counter. */
    @Transactional(readOnly = true)
    public long openThreads(WorkScope scope) {
        projects.requireAccess(scope);
        Long n = jdbc.queryForObject("select count(*) from mail_thread where client_id = ? and project_id is not"
                + " distinct from ? and state = 'OPEN'", Long.class, scope.clientId(), scope.projectId());
        return n == null ? 0 : n;
    }

    /** The workspace's threads, newest first, at most {@link #LIST_LIMIT}. */
    @Transactional(readOnly = true)
    public List<MailThreadSummary> threads(WorkScope scope) {
        projects.requireAccess(scope);
        Instant stale = clock.instant().minus(SEND_STALE);
        return jdbc.query("""
                select t.id, t.subject, t.state, t.assignee, t.last_at,
                  (select count(*) from mail_message m where m.thread_id = t.id) as messages,
                  (select count(*) from mail_message m where m.thread_id = t.id and m.direction = 'OUT'
                     and (m.send_state = 'FAILED' or m.send_state = 'PENDING' and m.received_at < ?
                       or m.send_state = 'SENDING' and m.send_attempt_at < ?)) as not_sent,
                  (select coalesce(nullif(m.from_name, ''), m.from_address) from mail_message m
                     where m.thread_id = t.id order by m.received_at desc limit 1) as last_from,
                  (select bool_and(m.marker = 'AUTO') from mail_message m where m.thread_id = t.id
                     and m.direction = 'IN') as automatic
                from mail_thread t where t.client_id = ? and t.project_id is not distinct from ?
                order by t.last_at desc limit ?""", (rs, i) -> new MailThreadSummary(rs.getObject(1, UUID.class),
                rs.getString(2), rs.getInt(6), rs.getString(8), rs.getTimestamp(5).toInstant(),
                "DONE".equals(rs.getString(3)), rs.getString(4), nameOrNull(rs.getString(4)), rs.getInt(7),
                rs.getBoolean(9)), Timestamp.from(stale), Timestamp.from(stale), scope.clientId(), scope.projectId(),
                LIST_LIMIT);
    }

    /**
     * A thread with its messages, oldest first.
     *
     * @throws NotFoundException when there is no such thread
     * @throws NoAccessException when the colleague may not open its workspace
     */
    @Transactional(readOnly = true)
    public MailThreadView thread(UUID threadId) {
        ThreadRow t = threadRow(threadId);
        Map<String, MailItem.SenderKind> known = knownSenders(t.scope());
        Instant stale = clock.instant().minus(SEND_STALE);
        List<MailItem> items = jdbc.query("""
                select id, direction, from_address, from_name, to_addresses, cc_addresses, subject, body_text,
                  body_html, marker, headers, note, send_state, send_error, author, received_at, send_attempt_at
                from mail_message where thread_id = ? order by received_at, id""", (rs, i) -> {
            boolean out = "OUT".equals(rs.getString(2));
            String from = rs.getString(3);
            String state = rs.getString(13);
            Instant at = rs.getTimestamp(16).toInstant();
            Instant tried = rs.getTimestamp(17) == null ? at : rs.getTimestamp(17).toInstant();
            if ("PENDING".equals(state) && at.isBefore(stale) || "SENDING".equals(state) && tried.isBefore(stale)) {
                state = "FAILED"; // interrupted: shown as not sent, and a retry may take it
            } else if ("SENDING".equals(state)) {
                state = "PENDING";
            }
            String error = rs.getString(14);
            String reason = null;
            if (error != null && error.indexOf('\u001f') > 0) {
                reason = error.substring(0, error.indexOf('\u001f'));
                error = error.substring(error.indexOf('\u001f') + 1);
            } else if ("FAILED".equals(state) && error == null) {
                reason = "mail.not-sent.interrupted";
            }
            return new MailItem(rs.getObject(1, UUID.class), out, from, rs.getString(4),
                    out ? MailItem.SenderKind.US : known.getOrDefault(lower(from), MailItem.SenderKind.UNKNOWN),
                    split(rs.getString(5)), split(rs.getString(6)), rs.getString(7), rs.getString(8),
                    rs.getString(9), rs.getString(10), rs.getString(11), notes(rs.getString(12)), state,
                    reason, error, out ? nameOrNull(rs.getString(15)) : null, at, new ArrayList<>());
        }, threadId);
        attach(items);
        boolean archived = clients.get(t.scope().clientId()).archived();
        return new MailThreadView(t.id(), t.scope(), t.subject(), t.done(), t.assignee(), nameOrNull(t.assignee()),
                archived, format.address(ensureTokenReadOnly(t.scope())), t.requestId(), items);
    }

    private String ensureTokenReadOnly(WorkScope scope) {
        List<String> found = activeToken(scope);
        return found.isEmpty() ? "" : found.get(0);
    }

    /** Colleagues the thread may be assigned to: those who may open its workspace. */
    @Transactional(readOnly = true)
    public List<StaffMember> assignable(UUID threadId) {
        return projects.workGroup(threadRow(threadId).scope());
    }

    /**
     * Assigns the thread to a colleague who may open its workspace, or to nobody.
     *
     * @param username null to unassign
     * @throws InvalidInputException when that colleague may not open the workspace
     */
    @Transactional
    public void assign(UUID threadId, String username) {
        ThreadRow t = threadRow(threadId);
        // mail is work: an editor or above (the matrix in the README); a viewer reads it
        projects.requireWork(t.scope());
        if (username != null && projects.workGroup(t.scope()).stream().noneMatch(m -> m.username().equals(username))) {
            throw new InvalidInputException(List.of(FieldProblem.of("assignee", "mail.error.assignee-no-access",
                    staff.displayName(username))));
        }
        jdbc.update("update mail_thread set assignee = ? where id = ?", username, threadId);
        announce(t.scope(), threadId);
    }

    /**
     * Records the client request a thread was turned into (see {@link MailRequestIntake}); a thread becomes one
     * request at most.
     *
     * @return false when the thread was turned into a request already
     */
    @Transactional
    public boolean linkRequest(UUID threadId, UUID requestId) {
        threadRow(threadId);
        return jdbc.update("update mail_thread set request_id = ? where id = ? and request_id is null", requestId,
                threadId) > 0;
    }

    /** Marks the thread done, or open again. */
    @Transactional
    public void setDone(UUID threadId, boolean done) {
        ThreadRow t = threadRow(threadId);
        projects.requireWork(t.scope());
        jdbc.update("update mail_thread set state = ? where id = ?", done ? "DONE" : "OPEN", threadId);
        announce(t.scope(), threadId);
        live.publish(t.scope().clientId());
    }

    /**
     * A short-lived download link for a file attached to a message of the thread.
     *
     * @throws NotFoundException when the file is not attached to this thread
     */
    @Transactional(readOnly = true)
    public String attachmentLink(UUID threadId, UUID fileId) {
        threadRow(threadId);
        Integer n = jdbc.queryForObject("select count(*) from mail_attachment a join mail_message m on m.id ="
                + " a.message_id where m.thread_id = ? and a.file_id = ?", Integer.class, threadId, fileId);
        if (n == null || n == 0) {
            throw new NotFoundException("Attachment");
        }
        return files.downloadLink(fileId);
    }

    // ------------------------------------------------------------------------------------------------ outbound

    /**
     * Sends a reply, a reply to all or a forward from the workspace's address, and stores it in the thread first: a
     * mail that cannot be sent stays there as "not sent" with the error, for {@link #retry}.
     *
     * @throws InvalidInputException when the text is empty (a forward may have none) or too long, a forward has no
     *                               valid recipient, an attachment is refused, or the client is archived; nothing is
     *                               stored or sent
     */
    @ModuleGate(FirmModule.WORKSPACE_MAIL)
    public MailItem send(UUID threadId, MailDraft draft) {
        CurrentUser user = currentUser.requireStaff();
        Prepared p = transactions.execute(status -> prepare(threadId, draft));
        UUID id = UUID.randomUUID();
        String messageId = "<" + id + "@" + format.domain() + ">";
        byte[] raw;
        try {
            raw = compose(p, draft, user, messageId);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot compose the mail", e);
        }
        Instant now = clock.instant();
        // all or nothing, as a chat message: every attachment is scanned before any is stored, and the files and the
        // mail are saved in one transaction, so a refused or failed file leaves no file without its mail
        java.util.function.Consumer<List<ChatAttachment>> save = attached -> transactions.executeWithoutResult(status -> {
            jdbc.update("""
                    insert into mail_message (id, thread_id, mailbox, message_id, in_reply_to, refs, direction,
                      from_address, from_name, to_addresses, cc_addresses, subject, body_text, raw, author,
                      send_state, received_at)
                    values (?, ?, 'OUT', ?, ?, ?, 'OUT', ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""", id, threadId,
                    messageId, p.inReplyTo(), String.join(" ", p.references()), p.from(), displayName(user),
                    String.join(", ", p.to()), String.join(", ", p.cc()), p.subject(), draft.text().strip(), raw,
                    user.username(), Timestamp.from(now));
            for (ChatAttachment a : attached) {
                jdbc.update("insert into mail_attachment (message_id, file_id, name) values (?, ?, ?)", id,
                        a.fileId(), a.name());
            }
            jdbc.update("update mail_thread set last_at = greatest(last_at, ?) where id = ?", Timestamp.from(now),
                    threadId);
            announce(p.scope(), threadId);
        });
        if (draft.attachments().isEmpty()) {
            save.accept(List.of());
        } else {
            ChatService.attachmentProblems(() -> files.uploadAll(p.scope(), ChatService.incoming(draft.attachments()),
                    stored -> {
                        save.accept(ChatService.attached(stored));
                        return stored;
                    }));
        }
        deliver(p.scope(), threadId, id, raw);
        return item(threadId, id);
    }

    /**
     * Sends a mail that did not go out again, the same message with the same Message-ID.
     *
     * @throws InvalidInputException when it was sent already, or the client is archived now
     */
    public MailItem retry(UUID messageId) {
        var rows = jdbc.query("select thread_id, raw, send_state from mail_message where id = ? and direction = 'OUT'",
                (rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getBytes(2), rs.getString(3)}, messageId);
        if (rows.isEmpty()) {
            throw new NotFoundException("Mail");
        }
        UUID threadId = (UUID) rows.get(0)[0];
        ThreadRow t = transactions.execute(status -> {
            ThreadRow row = threadRow(threadId);
            projects.requireWork(row.scope());
            return row;
        });
        if ("SENT".equals(rows.get(0)[2])) {
            throw new InvalidInputException(List.of(FieldProblem.of("mail", "mail.error.already-sent")));
        }
        if (clients.get(t.scope().clientId()).archived()) {
            throw new InvalidInputException(List.of(FieldProblem.of("mail", "mail.error.archived")));
        }
        deliver(t.scope(), threadId, messageId, (byte[]) rows.get(0)[1]);
        return item(threadId, messageId);
    }

    /**
     * One attempt to send the stored bytes. Only a mail that is not SENT yet is sent, and its row is marked SENT in
     * the same statement that checks it (two retries at once send it once: the second finds it taken).
     */
    private void deliver(WorkScope scope, UUID threadId, UUID id, byte[] raw) {
        Instant now = clock.instant();
        int taken = jdbc.update("update mail_message set send_state = 'SENDING', send_attempt_at = ? where id = ?"
                + " and (send_state in ('PENDING', 'FAILED') or send_state = 'SENDING' and send_attempt_at < ?)",
                Timestamp.from(now), id, Timestamp.from(now.minus(SEND_STALE)));
        if (taken == 0) {
            return;
        }
        try {
            MimeMessage message = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                    new ByteArrayInputStream(raw));
            sender.send(message);
            jdbc.update("update mail_message set send_state = 'SENT', send_error = null, received_at = received_at"
                    + " where id = ?", id);
        } catch (MessagingException | MailException e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            error = reasonOf(e) + "\u001f" + error;
            jdbc.update("update mail_message set send_state = 'FAILED', send_error = ? where id = ?",
                    error.length() > 2000 ? error.substring(0, 2000) : error, id);
        } catch (RuntimeException e) {
            jdbc.update("update mail_message set send_state = 'FAILED', send_error = ? where id = ?",
                    "mail.not-sent.other\u001f" + e.getClass().getSimpleName(), id);
            throw e;
        } finally {
            announce(scope, threadId);
        }
    }

    /** The reason a colleague can act on, as a bundle key; the server's own words are kept beside it. */
    static String reasonOf(Exception e) {
        List<Throwable> causes = new ArrayList<>();
        causes.add(e);
        if (e instanceof org.springframework.mail.MailSendException send) {
            causes.addAll(send.getFailedMessages().values());
        }
        for (Throwable start : causes) {
            for (Throwable t = start; t != null; t = t.getCause()) {
                if (t instanceof jakarta.mail.AuthenticationFailedException
                        || t instanceof org.springframework.mail.MailAuthenticationException) {
                    return "mail.not-sent.auth";
                }
                if (t instanceof jakarta.mail.SendFailedException) {
                    return "mail.not-sent.refused";
                }
                if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                        || t instanceof java.net.SocketTimeoutException
                        || t instanceof org.eclipse.angus.mail.util.MailConnectException) {
                    return "mail.not-sent.unreachable";
                }
            }
        }
        return "mail.not-sent.other";
    }

    private MailItem item(UUID threadId, UUID messageId) {
        return transactions.execute(status -> thread(threadId)).messages().stream()
                .filter(m -> m.id().equals(messageId)).findFirst().orElseThrow();
    }

    private record Prepared(WorkScope scope, String from, List<String> to, List<String> cc, String subject,
                            String inReplyTo, List<String> references, MailItem quoted) {
    }

    private Prepared prepare(UUID threadId, MailDraft draft) {
        ThreadRow t = threadRow(threadId);
        projects.requireWork(t.scope());
        List<FieldProblem> problems = new ArrayList<>();
        String text = draft.text() == null ? "" : draft.text().strip();
        if (text.isEmpty() && draft.mode() != MailDraft.Mode.FORWARD) {
            problems.add(FieldProblem.of("text", "mail.error.empty"));
        } else if (text.length() > TEXT_MAX) {
            problems.add(FieldProblem.of("text", "mail.error.too-long", TEXT_MAX));
        }
        if (clients.get(t.scope().clientId()).archived()) {
            problems.add(FieldProblem.of("text", "mail.error.archived"));
        }
        List<MailItem> messages = thread(threadId).messages();
        MailItem last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        MailItem lastIn = null;
        for (MailItem m : messages) {
            if (!m.outgoing()) {
                lastIn = m;
            }
        }
        Set<String> to = new LinkedHashSet<>();
        Set<String> cc = new LinkedHashSet<>();
        switch (draft.mode()) {
            case REPLY, REPLY_ALL -> {
                if (lastIn == null || lastIn.fromAddress() == null) {
                    problems.add(FieldProblem.of("text", "mail.error.no-sender"));
                } else {
                    to.add(lastIn.fromAddress());
                    if (draft.mode() == MailDraft.Mode.REPLY_ALL) {
                        lastIn.to().stream().filter(a -> !ours(a)).forEach(to::add);
                        lastIn.cc().stream().filter(a -> !ours(a) && !to.contains(a)).forEach(cc::add);
                    }
                }
            }
            case FORWARD -> {
                String typed = draft.to() == null ? "" : draft.to().trim();
                if (typed.isEmpty()) {
                    problems.add(FieldProblem.of("to", "mail.error.no-recipient"));
                } else {
                    try {
                        for (InternetAddress a : InternetAddress.parse(typed, true)) {
                            a.validate();
                            to.add(a.getAddress().toLowerCase(Locale.ROOT));
                        }
                    } catch (AddressException e) {
                        problems.add(FieldProblem.of("to", "mail.error.bad-recipient", typed));
                    }
                }
            }
            default -> throw new IllegalArgumentException(String.valueOf(draft.mode()));
        }
        problems.addAll(checkAttachments(draft.attachments()));
        InvalidInputException.throwIfAny(problems);
        String base = t.subject() == null || t.subject().isBlank() ? "" : t.subject();
        String subject = (draft.mode() == MailDraft.Mode.FORWARD ? "Fwd: " : "Re: ") + base;
        List<String> references = new ArrayList<>();
        String inReplyTo = null;
        if (last != null) {
            var refs = jdbc.query("select message_id, refs from mail_message where id = ?",
                    (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, last.id()).get(0);
            inReplyTo = refs[0];
            List<String> older = new ArrayList<>(split(refs[1] == null ? "" : refs[1].replace(' ', ',')));
            java.util.Collections.reverse(older);
            references.addAll(older.subList(Math.max(0, older.size() - 19), older.size()));
            references.add(refs[0]);
        }
        return new Prepared(t.scope(), format.address(ensureToken(t.scope())), List.copyOf(to), List.copyOf(cc),
                subject, inReplyTo, references, draft.mode() == MailDraft.Mode.FORWARD ? last : lastIn);
    }

    private boolean ours(String address) {
        return format.tokenOf(address).isPresent();
    }

    private byte[] compose(Prepared p, MailDraft draft, CurrentUser user, String messageId)
            throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        boolean multipart = !draft.attachments().isEmpty();
        MimeMessageHelper helper = new MimeMessageHelper(message, multipart, "UTF-8");
        helper.setFrom(new InternetAddress(p.from(), displayName(user) + " via Clientspace", "UTF-8"));
        helper.setTo(p.to().toArray(String[]::new));
        if (!p.cc().isEmpty()) {
            helper.setCc(p.cc().toArray(String[]::new));
        }
        helper.setSubject(p.subject());
        helper.setSentDate(java.util.Date.from(clock.instant()));
        helper.setText(body(draft.text() == null ? "" : draft.text().strip(), p.quoted()), false);
        for (ChatDraft.Upload upload : draft.attachments()) {
            helper.addAttachment(MimeUtility.encodeText(upload.originalName(), "UTF-8", null),
                    new FileDataSource(upload.content().toFile()));
        }
        if (p.inReplyTo() != null) {
            message.setHeader("In-Reply-To", p.inReplyTo());
            message.setHeader("References", MimeUtility.fold(12, String.join(" ", p.references())));
        }
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static String body(String text, MailItem quoted) {
        if (quoted == null || quoted.text() == null || quoted.text().isBlank()) {
            return text;
        }
        String who = quoted.fromName() != null && !quoted.fromName().isBlank()
                ? quoted.fromName() + " <" + quoted.fromAddress() + ">" : String.valueOf(quoted.fromAddress());
        String quote = Arrays.stream(quoted.text().split("\n", -1)).map(l -> "> " + l)
                .collect(Collectors.joining("\n"));
        return text + "\n\n" + quoted.at() + ", " + who + ":\n" + quote;
    }

    private String displayName(CurrentUser user) {
        String name = staff.displayName(user.username());
        return name == null || name.isBlank() ? user.username() : name;
    }

    private List<FieldProblem> checkAttachments(Collection<ChatDraft.Upload> uploads) {
        return AttachmentChecks.check(files, uploads);
    }

    // --------------------------------------------------------------------------------------------- unmatched

    /** Whether the current colleague sees the mail no workspace took: admins only. */
    public boolean canSeeUnmatched() {
        return currentUser.requireStaff().has(Roles.ADMIN);
    }

    /**
     * Mail to unknown or rotated addresses, newest first.
     *
     * @throws NoAccessException unless the colleague is an admin
     */
    @Transactional(readOnly = true)
    @ModuleGate(FirmModule.WORKSPACE_MAIL)
    public List<UnmatchedMail> unmatched() {
        requireAdmin();
        return jdbc.query("""
                select m.id, m.from_address, m.from_name, m.recipient, m.subject, m.received_at, m.marker, n.token
                from mail_message m
                left join mail_address a on a.token = split_part(split_part(m.recipient, '@', 1), '+', ?)
                left join mail_address n on n.client_id = a.client_id and n.project_id is not distinct from
                  a.project_id and n.retired_at is null
                where m.unmatched order by m.received_at desc limit ?""", (rs, i) -> new UnmatchedMail(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getString(8) == null ? null : format.address(rs.getString(8)),
                rs.getString(7)), plusPart(), LIST_LIMIT);
    }

    private int plusPart() {
        return format.address("t").indexOf('+') >= 0 ? 2 : 1;
    }

    /**
     * Files an unmatched mail into a workspace, where it becomes (or joins) a thread with its attachments.
     *
     * @throws NoAccessException unless the colleague is an admin
     * @throws NotFoundException when the mail is not unmatched (any more), or the workspace does not exist
     */
    public void assignUnmatched(UUID messageId, WorkScope scope) {
        requireAdmin();
        transactions.executeWithoutResult(status -> projects.requireAccess(scope));
        ingest.file(messageId, scope, currentUser.requireStaff().username());
    }

    private void requireAdmin() {
        if (!canSeeUnmatched()) {
            throw new NoAccessException("Only admins see unmatched mail", null);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private record ThreadRow(UUID id, WorkScope scope, String subject, boolean done, String assignee,
                             UUID requestId) {
    }

    private ThreadRow threadRow(UUID threadId) {
        currentUser.requireStaff();
        ThreadRow t = jdbc.query("select id, client_id, project_id, subject, state, assignee, request_id"
                        + " from mail_thread where id = ?", (rs, i) -> new ThreadRow(rs.getObject(1, UUID.class),
                        new WorkScope(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)), rs.getString(4),
                        "DONE".equals(rs.getString(5)), rs.getString(6), rs.getObject(7, UUID.class)), threadId)
                .stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Mail thread"));
        projects.requireAccess(t.scope());
        return t;
    }

    private Map<String, MailItem.SenderKind> knownSenders(WorkScope scope) {
        Map<String, MailItem.SenderKind> known = new HashMap<>();
        for (String email : portalContacts.statusByEmail(scope.clientId()).keySet()) {
            known.put(lower(email), MailItem.SenderKind.CONTACT);
        }
        for (StaffMember m : staff.all()) {
            if (m.email() != null) {
                known.put(lower(m.email()), MailItem.SenderKind.COLLEAGUE);
            }
        }
        return known;
    }

    private void attach(List<MailItem> items) {
        if (items.isEmpty()) {
            return;
        }
        Map<UUID, MailItem> byId = items.stream().collect(Collectors.toMap(MailItem::id, m -> m));
        String marks = String.join(", ", items.stream().map(m -> "?").toList());
        jdbc.query("select message_id, file_id, name from mail_attachment where message_id in (" + marks
                + ") order by name", rs -> {
            byId.get(rs.getObject(1, UUID.class)).attachments().add(new ChatAttachment(rs.getObject(2, UUID.class),
                    rs.getString(3)));
        }, items.stream().map(MailItem::id).toArray());
    }

    private String nameOrNull(String username) {
        return username == null ? null : staff.displayName(username);
    }

    private static List<MailItem.Note> notes(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return List.of();
        }
        List<MailItem.Note> notes = new ArrayList<>();
        for (String line : encoded.split("\n")) {
            String[] parts = line.split("\u001f", -1);
            notes.add(new MailItem.Note(parts[0], List.of(parts).subList(1, parts.length)));
        }
        return notes;
    }

    private static List<String> split(String addresses) {
        if (addresses == null || addresses.isBlank()) {
            return List.of();
        }
        return Arrays.stream(addresses.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }

}
