package io.clientspace.conversation;

import io.clientspace.shared.FirmModule;
import io.clientspace.shared.ModuleGate;
import static io.clientspace.shared.Texts.clean;

import io.clientspace.client.ClientService;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.extranet.PortalSection;
import io.clientspace.file.FileService;
import io.clientspace.file.FileTypes;
import io.clientspace.file.StoredFile;
import io.clientspace.project.ProjectService;
import io.clientspace.project.SharedProject;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.RateLimits;
import io.clientspace.security.StaffDirectory;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.ActivityRecorded;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.WorkScope;
import io.clientspace.shared.live.ClientChanges;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chat of client workspaces and projects. Each workspace has an internal channel and a client channel (see
 * {@link ChannelKind}), made on first use. Staff read and write the channels of every workspace they may open;
 * a customer reads and writes the client channel of their client and of each project shared with it, and nothing
 * else: any other channel id is "not found" to them.
 *
 * <p>Every new or changed message is announced to every app node through PostgreSQL NOTIFY
 * ({@link ClientChanges#publishItem}: channel id and message id), after the commit.
 */
@Service
public class ChatService {

    /** The longest message, in characters; the table column holds exactly this. */
    public static final int MESSAGE_MAX = 4000;
    /** How long after writing a message its author may still edit or delete it. */
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(15);
    /** Messages per page of history. */
    public static final int PAGE_SIZE = 50;
    /** Unread counts stop here ("99+"): counting further would read a long channel for a number nobody needs. */
    public static final int UNREAD_CAP = 100;
    /** A colleague is mailed about mentions in one channel at most this often. */
    public static final Duration MENTION_MAIL_EVERY = Duration.ofMinutes(10);
    /** How long a quoted excerpt is. */
    static final int QUOTE_MAX = 140;

    private static final Pattern MENTION = Pattern.compile("(?<![\\w.@])@([\\w][\\w.-]{0,60})");
    private static final String STAFF = "STAFF";
    private static final String CUSTOMER = "CUSTOMER";

    private final JdbcTemplate jdbc;
    private final ProjectService projects;
    private final ClientService clients;
    private final PortalAccessPolicy portalAccess;
    private final CurrentUserProvider currentUser;
    private final StaffDirectory staff;
    private final FileService files;
    private final RateLimits rateLimits;
    private final ClientChanges live;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ChatService(JdbcTemplate jdbc, ProjectService projects, ClientService clients, PortalAccessPolicy portalAccess,
                CurrentUserProvider currentUser, StaffDirectory staff, FileService files, RateLimits rateLimits,
                ClientChanges live, ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
                Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.clients = clients;
        this.portalAccess = portalAccess;
        this.currentUser = currentUser;
        this.staff = staff;
        this.files = files;
        this.rateLimits = rateLimits;
        this.live = live;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    // -------------------------------------------------------------------------------------------- staff: channels

    /**
     * The workspace's two channels, internal first, with the current colleague's unread counts; made on first use.
     *
     * @throws NotFoundException when the client or project does not exist
     * @throws NoAccessException when the colleague may not open the workspace
     */
    @Transactional
    public List<ChatChannel> channels(WorkScope scope) {
        CurrentUser user = currentUser.requireStaff();
        projects.requireAccess(scope);
        String title = title(scope);
        List<ChatChannel> result = new ArrayList<>();
        boolean internal = projects.seesAmounts(scope);
        for (ChannelKind kind : ChannelKind.values()) {
            if (kind == ChannelKind.INTERNAL && !internal) {
                // the firm keeps the internal chat from colleagues who only view the client (issue 15 §1)
                continue;
            }
            UUID id = ensure(scope, kind);
            result.add(new ChatChannel(id, scope.clientId(), scope.projectId(), kind, title,
                    unread(id, STAFF, user.username())));
        }
        return result;
    }

    /**
     * Unread messages in the workspace's channels for the current colleague (at most {@link #UNREAD_CAP} each), for
     * the tab's counter; channels not made yet have none.
     */
    @Transactional(readOnly = true)
    public long unreadIn(WorkScope scope) {
        CurrentUser user = currentUser.requireStaff();
        projects.requireAccess(scope);
        long total = 0;
        for (UUID id : projects.seesAmounts(scope) ? existing(scope) : existingOne(scope, ChannelKind.CLIENT)) {
            total += unread(id, STAFF, user.username());
        }
        return total;
    }

    /**
     * Who may be mentioned in the channel: the colleagues who may open its workspace, by name.
     *
     * @throws NotFoundException when there is no such channel
     * @throws NoAccessException when the colleague may not open its workspace
     */
    @Transactional(readOnly = true)
    public List<StaffMember> mentionable(UUID channelId) {
        Channel channel = staffChannel(channelId);
        return projects.workGroup(channel.scope());
    }

    // -------------------------------------------------------------------------------------------- staff: messages

    /**
     * The newest page of the channel, or the page before {@code beforeSeq}, oldest first.
     *
     * @param beforeSeq null for the newest messages
     * @throws NotFoundException when there is no such channel
     * @throws NoAccessException when the colleague may not open its workspace
     */
    @Transactional(readOnly = true)
    public ChatPage history(UUID channelId, Long beforeSeq) {
        staffChannel(channelId);
        return page(channelId, beforeSeq, STAFF, currentUser.requireStaff().username());
    }

    /**
     * Messages of the channel whose text contains {@code text} (case-insensitive), newest first, at most one page.
     *
     * @throws NotFoundException when there is no such channel
     * @throws NoAccessException when the colleague may not open its workspace
     */
    @Transactional(readOnly = true)
    public List<ChatMessage> search(UUID channelId, String text) {
        staffChannel(channelId);
        return find(channelId, text, STAFF, currentUser.requireStaff().username());
    }

    /** One message of a channel the colleague may open, e.g. the one a live notice named; empty when not there. */
    @Transactional(readOnly = true)
    public java.util.Optional<ChatMessage> message(UUID channelId, UUID messageId) {
        staffChannel(channelId);
        return one(channelId, messageId, STAFF, currentUser.requireStaff().username());
    }

    /**
     * A colleague writes in a channel. Attachments are checked first (type from the bytes, then every one by the virus
     * scanner), then stored through the file module as the workspace's files, all or nothing: the message is saved in
     * the same transaction as their rows, and a refusal or failure leaves no file behind.
     *
     * @throws InvalidInputException when the text is empty or too long, the client is archived, a mentioned
     *                               colleague may not open the channel, the reply's message is not in the
     *                               channel, an attachment is refused, or the colleague sent more messages than
     *                               clientspace.rate-limits.chat-message allows just now; no message is saved
     * @throws NotFoundException     when there is no such channel
     * @throws NoAccessException     when the colleague may not open its workspace
     */
    @ModuleGate(FirmModule.CHAT)
    public ChatMessage post(UUID channelId, ChatDraft draft) {
        CurrentUser user = currentUser.requireStaff();
        // checks first, in their own read-only transaction: nothing is stored while any of them fails
        Prepared prepared = transactions.execute(status -> {
            Channel channel = workingChannel(channelId);
            List<FieldProblem> problems = new ArrayList<>(checkMessage(draft.text()));
            if (clients.get(channel.clientId()).archived()) {
                problems.add(FieldProblem.of("message", "chat.error.archived"));
            }
            if (draft.replyTo() != null && one(channelId, draft.replyTo(), STAFF, user.username()).isEmpty()) {
                problems.add(FieldProblem.of("message", "chat.error.reply-gone"));
            }
            List<String> mentioned = List.of();
            if (problems.isEmpty()) {
                mentioned = mentions(channel, draft.text(), problems);
            }
            problems.addAll(checkAttachments(draft.attachments()));
            InvalidInputException.throwIfAny(problems);
            // after the checks, so that only a message that would be saved counts; before any file is stored
            rateLimits.take(RateLimits.Action.CHAT_MESSAGE, user.username(), "message");
            String projectName = channel.projectId() == null ? null : projects.get(channel.projectId()).name();
            return new Prepared(channel, mentioned, projectName);
        });
        String author = user.username();
        String authorName = staff.displayName(author);
        if (draft.attachments().isEmpty()) {
            return transactions.execute(status -> insert(prepared.channel(), prepared.projectName(), false, author,
                    authorName, draft.text(), draft.replyTo(), List.of(), prepared.mentioned()));
        }
        // all or nothing: every file is scanned before any is stored, and the files and the message are saved in one
        // transaction, so a refused or failed file leaves neither a message nor another file behind
        return attachmentProblems(() -> files.uploadAll(prepared.channel().scope(), incoming(draft.attachments()),
                stored -> transactions.execute(status -> insert(prepared.channel(), prepared.projectName(), false,
                        author, authorName, draft.text(), draft.replyTo(), attached(stored), prepared.mentioned()))));
    }

    /**
     * The author changes their message within {@link #EDIT_WINDOW}; it then shows as edited.
     *
     * @throws InvalidInputException when the text is empty or too long, or the window has passed
     * @throws NoAccessException     when the message is not the colleague's own
     * @throws NotFoundException     when there is no such message in a channel the colleague may open
     */
    @Transactional
    public ChatMessage edit(UUID messageId, String text) {
        CurrentUser user = currentUser.requireStaff();
        Row row = row(messageId);
        Channel channel = workingChannel(row.channelId());
        requireChangeable(row, STAFF, user.username(), "message");
        InvalidInputException.throwIfAny(checkMessage(text));
        jdbc.update("update chat_message set body = ?, edited_at = ? where id = ?", clean(text),
                Timestamp.from(clock.instant()), messageId);
        live.publishItem(channel.id(), messageId);
        return one(channel.id(), messageId, STAFF, user.username()).orElseThrow();
    }

    /**
     * The author deletes their message within {@link #EDIT_WINDOW}; it then shows as deleted. Its attachments stay
     * the workspace's files.
     *
     * @throws InvalidInputException when the window has passed
     * @throws NoAccessException     when the message is not the colleague's own
     * @throws NotFoundException     when there is no such message in a channel the colleague may open
     */
    @Transactional
    public ChatMessage delete(UUID messageId) {
        CurrentUser user = currentUser.requireStaff();
        Row row = row(messageId);
        Channel channel = workingChannel(row.channelId());
        requireChangeable(row, STAFF, user.username(), "message");
        jdbc.update("update chat_message set body = null, deleted_at = ? where id = ?",
                Timestamp.from(clock.instant()), messageId);
        live.publishItem(channel.id(), messageId);
        return one(channel.id(), messageId, STAFF, user.username()).orElseThrow();
    }

    /**
     * A short-lived download link for a file attached to a message of the channel.
     *
     * @throws NotFoundException when the file is not attached to a message of this channel, or is in the trash
     * @throws NoAccessException when the colleague may not open the channel's workspace
     */
    @Transactional(readOnly = true)
    public String attachmentLink(UUID channelId, UUID fileId) {
        staffChannel(channelId);
        requireAttached(channelId, fileId);
        return files.downloadLink(fileId);
    }

    /**
     * The colleague has seen the channel up to {@code seq}; going back never happens.
     *
     * @throws NotFoundException when there is no such channel
     * @throws NoAccessException when the colleague may not open its workspace
     */
    @Transactional
    public void markRead(UUID channelId, long seq) {
        Channel channel = staffChannel(channelId);
        read(channel.id(), STAFF, currentUser.requireStaff().username(), seq);
    }

    /**
     * The channels the current colleague follows that hold messages they have not read, most unread first, in
     * workspaces they may still open. A colleague follows a channel once they have opened it (it has their read
     * mark): counting every channel of every client a manager may open would put a number on the menu that nobody
     * reads down, while the channels they work in are what they come back to. Mentions elsewhere are under
     * "Mentions".
     */
    @Transactional(readOnly = true)
    public List<ChatUnread> myUnreadChannels() {
        String me = currentUser.requireStaff().username();
        record Row(UUID id, ChannelKind kind, WorkScope scope) {
        }
        // the exists walks the (channel_id, seq) index from the read mark, so a long channel costs what a short one does
        List<Row> rows = jdbc.query("""
                select c.id, c.kind, c.client_id, c.project_id from chat_read r join chat_channel c on c.id = r.channel_id
                where r.reader_kind = ? and r.reader = ?
                  and exists (select 1 from chat_message m where m.channel_id = c.id and m.seq > r.last_seq
                              and m.deleted_at is null and not (m.author_kind = ? and m.author = ?))""",
                (rs, i) -> new Row(rs.getObject(1, UUID.class), ChannelKind.valueOf(rs.getString(2)),
                        new WorkScope(rs.getObject(3, UUID.class), rs.getObject(4, UUID.class))),
                STAFF, me, STAFF, me);
        if (rows.isEmpty()) {
            return List.of();
        }
        var places = projects.places(rows.stream().map(Row::scope).collect(Collectors.toSet()));
        List<ChatUnread> result = new ArrayList<>();
        for (Row r : rows) {
            var place = places.get(r.scope());
            if (place != null) {
                result.add(new ChatUnread(r.id(), r.kind(), place.label(),
                        place.path() + "?tab=" + ConversationNavigation.CHAT_TAB, unread(r.id(), STAFF, me)));
            }
        }
        result.sort(java.util.Comparator.comparingLong(ChatUnread::unread).reversed()
                .thenComparing(ChatUnread::place, String.CASE_INSENSITIVE_ORDER));
        return result;
    }

    /**
     * Unread messages in the channels the current colleague follows ({@link #myUnreadChannels}), for the side menu;
     * stops at {@link #UNREAD_CAP}, like each channel's count (DD021).
     */
    @Transactional(readOnly = true)
    public long unreadInMyChannels() {
        return Math.min(UNREAD_CAP, myUnreadChannels().stream().mapToLong(ChatUnread::unread).sum());
    }

    /** The current colleague's mentions not seen yet, across every channel, for the side menu. */
    @Transactional(readOnly = true)
    public long unseenMentions() {
        return myMentions().size();
    }

    /**
     * The current colleague's mentions not seen yet, newest first (at most one page), in workspaces they may still
     * open; a mention in a workspace they lost access to is left out.
     */
    @Transactional(readOnly = true)
    public List<ChatMention> myMentions() {
        String me = currentUser.requireStaff().username();
        record Row(UUID id, ChannelKind kind, WorkScope scope, String author, String body, Instant at) {
        }
        List<Row> rows = jdbc.query("""
                select m.id, c.kind, c.client_id, c.project_id, m.author_name, m.body, m.created_at
                from chat_mention x join chat_message m on m.id = x.message_id
                join chat_channel c on c.id = m.channel_id
                where x.username = ? and not x.seen and m.deleted_at is null
                order by m.created_at desc limit ?""", (rs, i) -> new Row(rs.getObject(1, UUID.class),
                ChannelKind.valueOf(rs.getString(2)), new WorkScope(rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class)), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()),
                me, PAGE_SIZE);
        if (rows.isEmpty()) {
            return List.of();
        }
        var places = projects.places(rows.stream().map(Row::scope).collect(Collectors.toSet()));
        List<ChatMention> result = new ArrayList<>();
        for (Row r : rows) {
            var place = places.get(r.scope());
            if (place != null) {
                result.add(new ChatMention(r.id(), r.kind(), place.label(),
                        place.path() + "?tab=" + ConversationNavigation.CHAT_TAB, r.author(), excerpt(r.body()),
                        r.at()));
            }
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------------ customers

    /**
     * The client channels the customer sees: the client's own first, then each shared project's, by name.
     *
     * @throws org.springframework.security.access.AccessDeniedException when the scope is not the signed-in
     *                                                                    customer's active account
     */
    @Transactional
    @ModuleGate(FirmModule.CHAT)
    public List<ChatChannel> customerChannels(CustomerScope scope) {
        portalAccess.verify(scope, PortalSection.MESSAGES);
        String reader = readerOf(scope);
        List<ChatChannel> result = new ArrayList<>();
        UUID own = ensure(WorkScope.client(scope.clientId()), ChannelKind.CLIENT);
        result.add(new ChatChannel(own, scope.clientId(), null, ChannelKind.CLIENT, scope.clientName(),
                unread(own, CUSTOMER, reader)));
        for (SharedProject p : projects.sharedWithCustomer(scope.clientId())) {
            if (!portalAccess.seesProject(scope, p.id())) {
                continue; // the contact's policy leaves this project out (DD035)
            }
            UUID id = ensure(WorkScope.project(scope.clientId(), p.id()), ChannelKind.CLIENT);
            result.add(new ChatChannel(id, scope.clientId(), p.id(), ChannelKind.CLIENT, p.name(),
                    unread(id, CUSTOMER, reader)));
        }
        return result;
    }

    /**
     * A page of a client channel the customer sees, as {@link #history}.
     *
     * @throws NotFoundException for any channel that is not one of {@link #customerChannels}
     */
    @Transactional(readOnly = true)
    @ModuleGate(FirmModule.CHAT)
    public ChatPage customerHistory(CustomerScope scope, UUID channelId, Long beforeSeq) {
        customerChannel(scope, channelId);
        return page(channelId, beforeSeq, CUSTOMER, readerOf(scope));
    }

    /**
     * Messages of a client channel the customer sees that contain {@code text}, as {@link #search}.
     *
     * @throws NotFoundException for any channel that is not one of {@link #customerChannels}
     */
    @Transactional(readOnly = true)
    public List<ChatMessage> customerSearch(CustomerScope scope, UUID channelId, String text) {
        customerChannel(scope, channelId);
        return find(channelId, text, CUSTOMER, readerOf(scope));
    }

    /** One message of a channel the customer sees; empty when not there. */
    @Transactional(readOnly = true)
    public java.util.Optional<ChatMessage> customerMessage(CustomerScope scope, UUID channelId, UUID messageId) {
        customerChannel(scope, channelId);
        return one(channelId, messageId, CUSTOMER, readerOf(scope));
    }

    /**
     * The customer writes in one of their client channels, without files.
     *
     * @see #customerPost(CustomerScope, UUID, String, UUID, List)
     */
    @ModuleGate(FirmModule.CHAT)
    public ChatMessage customerPost(CustomerScope scope, UUID channelId, String text, UUID replyTo) {
        return customerPost(scope, channelId, text, replyTo, List.of());
    }

    /**
     * The customer writes in one of their client channels, with files if they like. The files pass the same checks as
     * a colleague's ({@link AttachmentChecks}: size, type from the bytes, no programs) before anything is stored, then
     * go through the file module's intake (virus scan, object storage) as the workspace's files, recorded as received
     * from the customer; the message is saved after them.
     *
     * @param attachments uploaded files, e.g. temporary files the caller deletes afterwards; never null
     * @throws InvalidInputException when the text is empty or too long, the reply's message is not in the channel, an
     *                               attachment is refused, or the account wrote more than its rate limit allows just
     *                               now; nothing is saved
     * @throws NoAccessException     for a manager viewing as the client: that view is read-only
     * @throws NotFoundException     for any channel that is not one of {@link #customerChannels}
     */
    @ModuleGate(FirmModule.CHAT)
    public ChatMessage customerPost(CustomerScope scope, UUID channelId, String text, UUID replyTo,
                                    List<ChatDraft.Upload> attachments) {
        record Checked(Channel channel, String projectName) {
        }
        Checked checked = transactions.execute(status -> {
            portalAccess.verifyActing(scope, PortalSection.MESSAGES);
            Channel channel = customerChannel(scope, channelId);
            List<FieldProblem> problems = new ArrayList<>(checkMessage(text));
            if (replyTo != null && one(channelId, replyTo, CUSTOMER, readerOf(scope)).isEmpty()) {
                problems.add(FieldProblem.of("message", "chat.error.reply-gone"));
            }
            problems.addAll(checkAttachments(attachments));
            InvalidInputException.throwIfAny(problems);
            rateLimits.take(RateLimits.Action.PORTAL_COMMENT, scope.accountId().toString(), "message");
            String projectName = channel.projectId() == null ? null
                    : projects.sharedProject(scope.clientId(), channel.projectId()).name();
            return new Checked(channel, projectName);
        });
        if (attachments.isEmpty()) {
            return transactions.execute(status -> insert(checked.channel(), checked.projectName(), true,
                    readerOf(scope), scope.displayName(), text, replyTo, List.of(), List.of()));
        }
        // all or nothing, as for a colleague's message (see post)
        return attachmentProblems(() -> files.receiveAll(checked.channel().scope(), incoming(attachments),
                abbreviate(readerOf(scope), 100), stored -> transactions.execute(status -> insert(checked.channel(),
                        checked.projectName(), true, readerOf(scope), scope.displayName(), text, replyTo,
                        attached(stored), List.of()))));
    }

    static List<FileService.Incoming> incoming(List<ChatDraft.Upload> uploads) {
        return uploads.stream().map(u -> new FileService.Incoming(u.originalName(), u.content())).toList();
    }

    static List<ChatAttachment> attached(List<StoredFile> stored) {
        return stored.stream().map(f -> new ChatAttachment(f.id(), f.name())).toList();
    }

    /** The file module's refusals (field "file") belong to the message's "attachment" field, where the form shows them. */
    static <T> T attachmentProblems(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.problems().stream()
                    .map(p -> "file".equals(p.field()) ? new FieldProblem("attachment", p.messageKey(), p.args()) : p)
                    .toList());
        }
    }

    /**
     * A short-lived download link for a file attached to a message of one of the customer's client channels.
     *
     * @throws NotFoundException for a channel that is not the customer's, or a file not attached in it
     */
    @Transactional(readOnly = true)
    public io.clientspace.file.SharedDownload customerAttachmentLink(CustomerScope scope, UUID channelId,
                                                                     UUID fileId) {
        customerChannel(scope, channelId);
        requireAttached(channelId, fileId);
        return files.attachmentDownload(scope.clientId(), fileId);
    }

    /** The customer has seen the channel up to {@code seq}; a manager's preview marks nothing. */
    @Transactional
    public void customerMarkRead(CustomerScope scope, UUID channelId, long seq) {
        customerChannel(scope, channelId);
        if (!scope.preview()) {
            read(channelId, CUSTOMER, readerOf(scope), seq);
        }
    }

    // -------------------------------------------------------------------------------------------------- rules

    /** Checks a message's text; the form shows the same problems before sending. */
    public static List<FieldProblem> checkMessage(String text) {
        String body = clean(text);
        if (body == null) {
            return List.of(FieldProblem.of("message", "chat.error.empty"));
        }
        if (body.length() > MESSAGE_MAX) {
            return List.of(FieldProblem.of("message", "validation.too-long", MESSAGE_MAX));
        }
        return List.of();
    }

    /** The message rendered from its Markdown subset to safe HTML; see {@link ChatMarkdown}. */
    public static String toHtml(String text) {
        return ChatMarkdown.toHtml(text);
    }

    // -------------------------------------------------------- the project thread's callers (ProjectConversationService)

    /** The client channel of a project, made on first use; the caller checked access. */
    UUID projectClientChannel(UUID clientId, UUID projectId) {
        return ensure(WorkScope.project(clientId, projectId), ChannelKind.CLIENT);
    }

    /** The id of a project's client channel if it was made; the caller checked access. */
    java.util.Optional<UUID> existingProjectClientChannel(UUID projectId) {
        return jdbc.query("select id from chat_channel where project_id = ? and kind = 'CLIENT'",
                (rs, i) -> rs.getObject(1, UUID.class), projectId).stream().findFirst();
    }

    /** Every message of a channel, oldest first; the caller checked access. */
    List<ChatMessage> all(UUID channelId) {
        return jdbc.query(SELECT + " where m.channel_id = ? order by m.seq", mapper(STAFF, null), channelId);
    }

    /** How many messages of a channel are not deleted; the caller checked access. */
    long countShown(UUID channelId) {
        Long n = jdbc.queryForObject("select count(*) from chat_message where channel_id = ? and deleted_at is null",
                Long.class, channelId);
        return n == null ? 0 : n;
    }

    /** Writes a message; the caller checked access and the text. */
    ChatMessage write(UUID clientId, UUID projectId, String projectName, boolean fromCustomer, String author,
                      String authorName, String text) {
        UUID channelId = ensure(WorkScope.project(clientId, projectId), ChannelKind.CLIENT);
        return insert(new Channel(channelId, clientId, projectId, ChannelKind.CLIENT), projectName, fromCustomer,
                author, authorName, text, null, List.of(), List.of());
    }

    // -------------------------------------------------------------------------------------------------- inside

    private record Channel(UUID id, UUID clientId, UUID projectId, ChannelKind kind) {
        WorkScope scope() {
            return new WorkScope(clientId, projectId);
        }
    }

    private record Prepared(Channel channel, List<String> mentioned, String projectName) {
    }

    private record Row(UUID id, UUID channelId, String authorKind, String author, Instant createdAt,
                       Instant deletedAt) {
    }

    private static final String SELECT = """
            select m.id, m.channel_id, m.seq, m.author_kind, m.author, m.author_name, m.body, m.created_at,
                   m.edited_at, m.deleted_at, q.id, q.author_name, q.body, q.deleted_at
            from chat_message m left join chat_message q on q.id = m.reply_to""";

    private UUID ensure(WorkScope scope, ChannelKind kind) {
        List<UUID> found = existingOne(scope, kind);
        if (!found.isEmpty()) {
            return found.get(0);
        }
        // two nodes (or two tabs) may make it at once: the unique index keeps one, and both read that one back
        jdbc.update("""
                insert into chat_channel (id, client_id, project_id, kind, created_at) values (?, ?, ?, ?, ?)
                on conflict do nothing""", UUID.randomUUID(), scope.clientId(), scope.projectId(), kind.name(),
                Timestamp.from(clock.instant()));
        return existingOne(scope, kind).get(0);
    }

    private List<UUID> existingOne(WorkScope scope, ChannelKind kind) {
        return scope.isProject()
                ? jdbc.query("select id from chat_channel where project_id = ? and kind = ?",
                        (rs, i) -> rs.getObject(1, UUID.class), scope.projectId(), kind.name())
                : jdbc.query("select id from chat_channel where client_id = ? and project_id is null and kind = ?",
                        (rs, i) -> rs.getObject(1, UUID.class), scope.clientId(), kind.name());
    }

    private List<UUID> existing(WorkScope scope) {
        return scope.isProject()
                ? jdbc.query("select id from chat_channel where project_id = ? order by kind",
                        (rs, i) -> rs.getObject(1, UUID.class), scope.projectId())
                : jdbc.query("select id from chat_channel where client_id = ? and project_id is null order by kind",
                        (rs, i) -> rs.getObject(1, UUID.class), scope.clientId());
    }

    private String title(WorkScope scope) {
        return scope.isProject() ? projects.get(scope.projectId()).name() : clients.get(scope.clientId()).name();
    }

    private Channel channelRow(UUID channelId) {
        return jdbc.query("select id, client_id, project_id, kind from chat_channel where id = ?",
                (rs, i) -> new Channel(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), ChannelKind.valueOf(rs.getString(4))), channelId)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("Channel"));
    }

    /** The channel, if the colleague may write in its workspace: editor or above (see ProjectService#may). */
    private Channel workingChannel(UUID channelId) {
        Channel channel = staffChannel(channelId);
        projects.requireWork(channel.scope());
        return channel;
    }

    /** The channel, if the colleague may open its workspace. */
    private Channel staffChannel(UUID channelId) {
        currentUser.requireStaff();
        Channel channel = channelRow(channelId);
        projects.requireAccess(channel.scope());
        if (channel.kind() == ChannelKind.INTERNAL && !projects.seesAmounts(channel.scope())) {
            throw new NoAccessException("The firm keeps the internal chat from colleagues who only view this client",
                    null);
        }
        return channel;
    }

    /** The channel, if it is one of the customer's client channels; "not found" for anything else. */
    private Channel customerChannel(CustomerScope scope, UUID channelId) {
        portalAccess.verify(scope, PortalSection.MESSAGES);
        Channel channel = channelRow(channelId);
        if (channel.kind() != ChannelKind.CLIENT || !channel.clientId().equals(scope.clientId())) {
            throw new NotFoundException("Channel");
        }
        if (channel.projectId() != null) {
            projects.sharedProject(scope.clientId(), channel.projectId()); // not shared: not found
            portalAccess.verify(scope, PortalSection.MESSAGES, channel.projectId());
        }
        return channel;
    }

    private static String readerOf(CustomerScope scope) {
        // the customer's username, as the project thread recorded its authors before chat
        return scope.username();
    }

    private long unread(UUID channelId, String readerKind, String reader) {
        // the subquery stops at the cap, so a channel of 100,000 unread messages costs what one of 100 does; its order
        // walks the (channel_id, seq) index from the last message read, where the table is mostly one busy channel
        Long n = jdbc.queryForObject("""
                select count(*) from (
                  select 1 from chat_message m
                  where m.channel_id = ? and m.deleted_at is null
                    and m.seq > coalesce((select r.last_seq from chat_read r where r.channel_id = ?
                                          and r.reader_kind = ? and r.reader = ?), 0)
                    and not (m.author_kind = ? and m.author = ?)
                  order by m.seq
                  limit ?) u""", Long.class, channelId, channelId, readerKind, reader, readerKind, reader,
                UNREAD_CAP);
        return n == null ? 0 : n;
    }

    private void read(UUID channelId, String readerKind, String reader, long seq) {
        jdbc.update("""
                insert into chat_read (channel_id, reader_kind, reader, last_seq) values (?, ?, ?, ?)
                on conflict (channel_id, reader_kind, reader)
                do update set last_seq = greatest(chat_read.last_seq, excluded.last_seq)""",
                channelId, readerKind, reader, seq);
        if (STAFF.equals(readerKind)) {
            jdbc.update("""
                    update chat_mention set seen = true where username = ? and not seen
                      and message_id in (select id from chat_message where channel_id = ? and seq <= ?)""",
                    reader, channelId, seq);
        }
    }

    private ChatPage page(UUID channelId, Long beforeSeq, String readerKind, String reader) {
        List<ChatMessage> newestFirst = jdbc.query(SELECT + " where m.channel_id = ? and m.seq < ? order by m.seq desc limit ?",
                mapper(readerKind, reader), channelId, beforeSeq == null ? Long.MAX_VALUE : beforeSeq,
                PAGE_SIZE + 1);
        boolean older = newestFirst.size() > PAGE_SIZE;
        List<ChatMessage> page = new ArrayList<>(newestFirst.subList(0, Math.min(PAGE_SIZE, newestFirst.size())));
        java.util.Collections.reverse(page);
        return new ChatPage(withAttachments(page), older);
    }

    private List<ChatMessage> find(UUID channelId, String text, String readerKind, String reader) {
        String needle = clean(text);
        if (needle == null) {
            return List.of();
        }
        String pattern = "%" + needle.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%";
        return withAttachments(jdbc.query(SELECT + " where m.channel_id = ? and m.deleted_at is null and lower(m.body) like ?"
                + " order by m.seq desc limit ?", mapper(readerKind, reader), channelId, pattern, PAGE_SIZE));
    }

    private java.util.Optional<ChatMessage> one(UUID channelId, UUID messageId, String readerKind, String reader) {
        return withAttachments(jdbc.query(SELECT + " where m.channel_id = ? and m.id = ?",
                mapper(readerKind, reader), channelId, messageId)).stream().findFirst();
    }

    private List<ChatMessage> withAttachments(List<ChatMessage> messages) {
        if (messages.isEmpty()) {
            return messages;
        }
        Map<UUID, List<ChatAttachment>> byMessage = new HashMap<>();
        List<UUID> ids = messages.stream().map(ChatMessage::id).toList();
        String marks = ids.stream().map(x -> "?").collect(Collectors.joining(","));
        jdbc.query("select message_id, file_id, name from chat_attachment where message_id in (" + marks
                + ") order by name", (ResultSet rs) -> {
                    byMessage.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new ChatAttachment(rs.getObject(2, UUID.class), rs.getString(3)));
                }, ids.toArray());
        if (byMessage.isEmpty()) {
            return messages;
        }
        return messages.stream().map(m -> m.deleted() || !byMessage.containsKey(m.id()) ? m
                : new ChatMessage(m.id(), m.channelId(), m.seq(), m.authorName(), m.fromCustomer(), m.body(),
                        m.html(), m.createdAt(), m.editedAt(), m.deleted(), m.quote(),
                        List.copyOf(byMessage.get(m.id())), m.mine(), m.changeable())).toList();
    }

    private org.springframework.jdbc.core.RowMapper<ChatMessage> mapper(String readerKind, String reader) {
        Instant now = clock.instant();
        return (rs, i) -> toMessage(rs, readerKind, reader, now);
    }

    private ChatMessage toMessage(ResultSet rs, String readerKind, String reader, Instant now) throws SQLException {
        String authorKind = rs.getString(4);
        boolean mine = reader != null && authorKind.equals(readerKind) && reader.equals(rs.getString(5));
        Instant created = rs.getTimestamp(8).toInstant();
        Timestamp edited = rs.getTimestamp(9);
        boolean deleted = rs.getTimestamp(10) != null;
        String body = deleted ? null : rs.getString(7);
        ChatQuote quote = null;
        UUID quoted = rs.getObject(11, UUID.class);
        if (quoted != null) {
            boolean quoteDeleted = rs.getTimestamp(14) != null;
            quote = new ChatQuote(quoted, rs.getString(12), quoteDeleted ? null : excerpt(rs.getString(13)),
                    quoteDeleted);
        }
        boolean changeable = mine && !deleted && now.isBefore(created.plus(EDIT_WINDOW));
        return new ChatMessage(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3),
                rs.getString(6), CUSTOMER.equals(authorKind), body, body == null ? null : ChatMarkdown.toHtml(body),
                created, edited == null ? null : edited.toInstant(), deleted, quote, List.of(), mine, changeable);
    }

    private static String excerpt(String body) {
        if (body == null) {
            return null;
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= QUOTE_MAX ? flat : flat.substring(0, QUOTE_MAX - 1) + "\u2026";
    }

    private Row row(UUID messageId) {
        return jdbc.query("select id, channel_id, author_kind, author, created_at, deleted_at from chat_message"
                        + " where id = ?", (rs, i) -> new Row(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null
                        : rs.getTimestamp(6).toInstant()), messageId)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("Message"));
    }

    private void requireChangeable(Row row, String readerKind, String reader, String field) {
        if (!row.authorKind().equals(readerKind) || !row.author().equals(reader)) {
            throw new NoAccessException("Only the author changes a message", null);
        }
        if (row.deletedAt() != null) {
            throw new InvalidInputException(List.of(FieldProblem.of(field, "chat.error.deleted")));
        }
        if (!clock.instant().isBefore(row.createdAt().plus(EDIT_WINDOW))) {
            throw new InvalidInputException(List.of(FieldProblem.of(field, "chat.error.edit-window",
                    EDIT_WINDOW.toMinutes())));
        }
    }

    /**
     * The colleagues the text mentions by username. A mention of a colleague who may not open the channel is a
     * problem that names them; an unknown name is plain text.
     */
    private List<String> mentions(Channel channel, String text, List<FieldProblem> problems) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            while (name.endsWith(".") || name.endsWith("-")) {
                name = name.substring(0, name.length() - 1);
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            return List.of();
        }
        Set<String> allowed = projects.workGroup(channel.scope()).stream().map(StaffMember::username)
                .collect(Collectors.toSet());
        List<String> result = new ArrayList<>();
        for (String name : names) {
            var member = staff.find(name);
            if (member.isEmpty()) {
                continue;
            }
            if (allowed.contains(member.get().username())) {
                result.add(member.get().username());
            } else {
                problems.add(FieldProblem.of("message", "chat.error.mention-no-access", member.get().displayName()));
            }
        }
        return result;
    }

    private List<FieldProblem> checkAttachments(Collection<ChatDraft.Upload> uploads) {
        return AttachmentChecks.check(files, uploads);
    }

    private ChatMessage insert(Channel channel, String projectName, boolean fromCustomer, String author, String authorName, String text,
                               UUID replyTo, List<ChatAttachment> attachments, List<String> mentioned) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String body = clean(text);
        String name = abbreviate(authorName == null || authorName.isBlank() ? author : authorName, 200);
        jdbc.update("""
                insert into chat_message (id, channel_id, author_kind, author, author_name, body, reply_to, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", id, channel.id(), fromCustomer ? CUSTOMER : STAFF,
                abbreviate(author, 254), name, body, replyTo, Timestamp.from(now));
        for (ChatAttachment a : attachments) {
            jdbc.update("insert into chat_attachment (message_id, file_id, name) values (?, ?, ?)", id, a.fileId(),
                    abbreviate(a.name(), 255));
        }
        for (String username : mentioned) {
            jdbc.update("insert into chat_mention (message_id, username) values (?, ?) on conflict do nothing", id,
                    username);
        }
        events.publishEvent(new ChatMessagePosted(channel.id(), id, channel.clientId(), channel.projectId(),
                channel.kind(), fromCustomer, author, name, mentioned));
        if (channel.kind() == ChannelKind.CLIENT && channel.projectId() != null) {
            // the project's client channel is the thread the customer and the team had before chat: its mails and
            // timeline entries stay (the timeline kinds keep their first names, so that older entries still read)
            events.publishEvent(new ProjectCommentPosted(id, channel.clientId(), channel.projectId(), projectName,
                    fromCustomer, name, author));
            events.publishEvent(new ActivityRecorded(channel.clientId(), channel.projectId(), null,
                    fromCustomer ? "PORTAL_COMMENT_CUSTOMER" : "PORTAL_COMMENT_TEAM", id, projectName, name));
        }
        live.publishItem(channel.id(), id);
        live.publish(channel.clientId());
        String kind = fromCustomer ? CUSTOMER : STAFF;
        // what one writes, one has read
        read(channel.id(), kind, abbreviate(author, 254), seqOf(id));
        return one(channel.id(), id, kind, abbreviate(author, 254)).orElseThrow();
    }

    private void requireAttached(UUID channelId, UUID fileId) {
        Long n = jdbc.queryForObject("""
                select count(*) from chat_attachment a join chat_message m on m.id = a.message_id
                where m.channel_id = ? and a.file_id = ? and m.deleted_at is null""", Long.class, channelId, fileId);
        if (n == null || n == 0) {
            throw new NotFoundException("File");
        }
    }

    private long seqOf(UUID messageId) {
        Long seq = jdbc.queryForObject("select seq from chat_message where id = ?", Long.class, messageId);
        return seq == null ? 0 : seq;
    }

    private static String abbreviate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
