package io.clientspace.conversation;

import static io.clientspace.support.Actors.asCustomer;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static io.clientspace.support.Actors.asOtherManager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.clientspace.client.ClientService;
import io.clientspace.devservices.DevServices;
import io.clientspace.devservices.TestClock;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.file.FileService;
import io.clientspace.file.StoredFile;
import io.clientspace.portal.PortalTestData;
import io.clientspace.security.RateLimitProperties;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.WorkScope;
import io.clientspace.support.Actors;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.support.Race;
import io.clientspace.support.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Chat channels and messages against the real database, storage and mail, as staff and customers would use them. */
@ClientspaceIntegrationTest
class ChatServiceIntegrationTests {

    @Autowired
    ChatService chat;
    @Autowired
    PortalTestData data;
    @Autowired
    PortalAccessPolicy portalAccess;
    @Autowired
    ClientService clients;
    @Autowired
    FileService files;
    @Autowired
    StaffDirectory staff;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    io.clientspace.project.ProjectService projects;
    @Autowired
    RateLimitProperties rateLimits;

    @TempDir
    Path dir;

    PortalTestData.World a;

    @BeforeEach
    void world() {
        a = data.world("chat-" + UUID.randomUUID().toString().substring(0, 6));
    }

    WorkScope projectScope() {
        return a.project().scope();
    }

    ChatChannel channel(WorkScope scope, ChannelKind kind) {
        return asManager(() -> chat.channels(scope)).stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    <T> T asA(Supplier<T> work) {
        return asCustomer(a.username(), a.client().id(), work);
    }

    CustomerScope viewerA() {
        return asA(() -> portalAccess.current().orElseThrow());
    }

    @Test
    void everyWorkspaceHasOneInternalAndOneClientChannelEvenWhenTwoOpenItAtOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            PortalTestData.World fresh = round == 0 ? a : data.world("race" + round);
            for (WorkScope scope : List.of(WorkScope.client(fresh.client().id()), fresh.project().scope())) {
                List<Race.Result> results = Race.atOnce(() -> asManager(() -> chat.channels(scope)),
                        () -> asOtherManager(() -> chat.channels(scope)));
                assertThat(results).noneMatch(Race.Result::failed);
                List<?> first = (List<?>) results.get(0).value();
                List<?> second = (List<?>) results.get(1).value();
                assertThat(first).isEqualTo(second);
                assertThat(first.stream().map(c -> ((ChatChannel) c).kind()))
                        .containsExactly(ChannelKind.INTERNAL, ChannelKind.CLIENT);
            }
            assertThat(jdbc.queryForObject("select count(*) from chat_channel where client_id = ?", Long.class,
                    fresh.client().id())).as("round %d", round).isEqualTo(4);
        }
    }

    @Test
    void aColleagueSendingVeryManyMessagesIsAskedToWaitAndTheRefusedOneIsNotSaved() {
        UUID channel = channel(projectScope(), ChannelKind.INTERNAL).id();
        // a colleague of their own: the bucket is per username, and the other tests' colleagues keep theirs
        String chatty = "chatty-" + UUID.randomUUID().toString().substring(0, 6);
        int capacity = rateLimits.chatMessage().capacity();
        long started = System.nanoTime();
        for (int i = 0; i < capacity; i++) {
            int n = i;
            Actors.as(chatty, () -> chat.post(channel, ChatDraft.text("Line " + n)), "STAFF", "MANAGER");
        }
        // the bucket refills evenly while the burst runs: those few more pass too, then the colleague is refused
        double refilled = capacity * (System.nanoTime() - started) / (double) rateLimits.chatMessage().per().toNanos();
        InvalidInputException refused = null;
        int passed = capacity;
        for (int extra = 0; extra <= Math.ceil(refilled) + 1 && refused == null; extra++) {
            try {
                Actors.as(chatty, () -> chat.post(channel, ChatDraft.text("One more")), "STAFF", "MANAGER");
                passed++;
            } catch (InvalidInputException e) {
                refused = e;
            }
        }
        assertThat(refused).as("refused after %d messages", passed).isNotNull();
        assertThat(refused.problems()).extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(tuple("message", "rate-limit.chat-message"));
        assertThat(jdbc.queryForObject("select count(*) from chat_message where channel_id = ? and author = ?",
                Long.class, channel, chatty)).as("the refused message is not saved").isEqualTo(passed);

        // another colleague is not held up by it
        ChatMessage other = asManager(() -> chat.post(channel, ChatDraft.text("Still here")));
        assertThat(other.body()).isEqualTo("Still here");
    }

    @Test
    void messagesRenderSafelyAndTheAuthorMayChangeThemForFifteenMinutes() {
        UUID channel = channel(projectScope(), ChannelKind.INTERNAL).id();
        ChatMessage m = asManager(() -> chat.post(channel, ChatDraft.text("**Kick-off** <script>alert(1)</script>")));
        assertThat(m.html()).contains("<strong>Kick-off</strong>").doesNotContain("<script");
        assertThat(m.mine()).isTrue();
        assertThat(m.changeable()).isTrue();

        ChatMessage edited = asManager(() -> chat.edit(m.id(), "**Kick-off** on Monday"));
        assertThat(edited.edited()).isTrue();
        assertThat(edited.body()).isEqualTo("**Kick-off** on Monday");
        // another colleague sees it, but may neither edit nor delete it
        assertThat(asOtherManager(() -> chat.history(channel, null)).messages())
                .extracting(ChatMessage::body, ChatMessage::mine, ChatMessage::changeable)
                .containsExactly(tuple("**Kick-off** on Monday", false, false));
        assertThatThrownBy(() -> asOtherManager(() -> chat.edit(m.id(), "mine now")))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asOtherManager(() -> chat.delete(m.id()))).isInstanceOf(NoAccessException.class);

        ChatMessage reply = asOtherManager(() -> chat.post(channel, new ChatDraft("Monday works.", m.id(), List.of())));
        assertThat(reply.quote()).isEqualTo(new ChatQuote(m.id(), m.authorName(), "**Kick-off** on Monday", false));

        try (var later = TestClock.pin(Instant.now().plus(ChatService.EDIT_WINDOW).plusSeconds(5))) {
            assertThatThrownBy(() -> asManager(() -> chat.edit(m.id(), "too late")))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .containsExactly(FieldProblem.of("message", "chat.error.edit-window", 15L)));
            assertThatThrownBy(() -> asManager(() -> chat.delete(m.id())))
                    .isInstanceOf(InvalidInputException.class);
            assertThat(asManager(() -> chat.history(channel, null)).messages().get(0).changeable()).isFalse();
        }
        ChatMessage second = asManager(() -> chat.post(channel, ChatDraft.text("Agenda follows")));
        ChatMessage deleted = asManager(() -> chat.delete(second.id()));
        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.body()).isNull();
        assertThat(deleted.html()).isNull();
        assertThat(asManager(() -> chat.history(channel, null)).messages())
                .extracting(ChatMessage::deleted).containsExactly(false, false, true);
    }

    @Test
    void badInputIsRefusedWithItsOwnMessageAndNothingIsSaved() throws Exception {
        UUID channel = channel(projectScope(), ChannelKind.INTERNAL).id();
        assertProblem(() -> chat.post(channel, ChatDraft.text("   ")), "message", "chat.error.empty");
        assertProblem(() -> chat.post(channel, ChatDraft.text("x".repeat(4001))), "message", "validation.too-long");
        asManager(() -> chat.post(channel, ChatDraft.text("y".repeat(4000))));

        // member is not in the project's work group: mentioning them names them
        String memberName = staff.displayName("member");
        assertThatThrownBy(() -> asManager(() -> chat.post(channel, ChatDraft.text("@member please check"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(FieldProblem.of("message", "chat.error.mention-no-access", memberName)));

        // a program renamed to .pdf is refused by its bytes; neither the message nor any file is stored
        Path program = Files.write(dir.resolve("invoice.pdf"), "#!/bin/sh\necho owned\n".getBytes(StandardCharsets.UTF_8));
        Path fine = TestFiles.write(dir, TestFiles.pdf("fine"));
        long filesBefore = asManager(() -> files.countIn(projectScope()));
        assertThatThrownBy(() -> asManager(() -> chat.post(channel, new ChatDraft("See attached", null,
                List.of(new ChatDraft.Upload("brief.pdf", fine), new ChatDraft.Upload("invoice.pdf", program))))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::messageKey)
                        .containsExactly(tuple("attachment", "file.error.program")));
        assertThat(asManager(() -> files.countIn(projectScope()))).isEqualTo(filesBefore);
        assertThat(asManager(() -> chat.history(channel, null)).messages()).hasSize(1);

        // an archived client's channels are read-only
        var client = asManager(() -> clients.get(a.client().id()));
        asManager(() -> clients.archive(client.id(), client.version(), "done"));
        assertProblem(() -> chat.post(channel, ChatDraft.text("Anyone there?")), "message", "chat.error.archived");
        assertThat(asManager(() -> chat.history(channel, null)).messages()).hasSize(1);
    }

    @Test
    void customersAttachFilesThroughTheSameChecksAndOnlyTheirOwnChannelsServeThem() throws Exception {
        PortalTestData.World b = data.world("chat-files-" + UUID.randomUUID().toString().substring(0, 6));
        CustomerScope viewer = viewerA();
        UUID channel = asA(() -> chat.customerChannels(viewer)).get(1).id();
        long filesBefore = asManager(() -> files.countIn(projectScope()));

        // a program named like a photo is refused by its bytes, with its own message; no message, no file
        Path program = Files.write(dir.resolve("photo.png"), "#!/bin/sh\necho owned\n".getBytes(StandardCharsets.UTF_8));
        Path fine = TestFiles.write(dir, TestFiles.pdf("fine"));
        assertThatThrownBy(() -> asA(() -> chat.customerPost(viewer, channel, "Photo of the site", null,
                List.of(new ChatDraft.Upload("brief.pdf", fine), new ChatDraft.Upload("photo.png", program)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::messageKey)
                        .containsExactly(tuple("attachment", "file.error.program")));
        assertThat(asManager(() -> files.countIn(projectScope()))).isEqualTo(filesBefore);
        assertThat(asA(() -> chat.customerHistory(viewer, channel, null)).messages()).isEmpty();

        // a PDF goes through the file module's intake and becomes the project's file
        Path pdf = TestFiles.write(dir, TestFiles.pdf("brief"));
        ChatMessage m = asA(() -> chat.customerPost(viewer, channel, "Our brief", null,
                List.of(new ChatDraft.Upload("brief.pdf", pdf))));
        assertThat(m.fromCustomer()).isTrue();
        assertThat(m.attachments()).extracting(ChatAttachment::name).containsExactly("brief.pdf");
        UUID fileId = m.attachments().get(0).fileId();
        assertThat(asManager(() -> files.in(projectScope()))).filteredOn(f -> f.id().equals(fileId))
                .extracting(StoredFile::contentType).containsExactly("application/pdf");

        // both sides see it and download it
        assertThat(asManager(() -> chat.history(channel, null)).messages()).singleElement()
                .satisfies(x -> assertThat(x.attachments()).extracting(ChatAttachment::fileId).containsExactly(fileId));
        assertThat(asManager(() -> chat.attachmentLink(channel, fileId))).contains("X-Amz-Signature");
        assertThat(asA(() -> chat.customerAttachmentLink(viewer, channel, fileId)).link()).contains("X-Amz-Signature");

        // another customer's attachment: refused through A's channel and through B's
        UUID channelOfB = channel(b.project().scope(), ChannelKind.CLIENT).id();
        Path other = TestFiles.write(dir, TestFiles.pdf("other"));
        UUID fileOfB = asManager(() -> chat.post(channelOfB, new ChatDraft("For B", null,
                List.of(new ChatDraft.Upload("b-plan.pdf", other))))).attachments().get(0).fileId();
        assertThatThrownBy(() -> asA(() -> chat.customerAttachmentLink(viewer, channel, fileOfB)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asA(() -> chat.customerAttachmentLink(viewer, channelOfB, fileOfB)))
                .isInstanceOf(NotFoundException.class);
        // nor a file of A's workspace that no message of the channel carries
        assertThatThrownBy(() -> asA(() -> chat.customerAttachmentLink(viewer, channel, a.unsharedFile().id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void attachmentsBecomeTheWorkspacesFiles() {
        UUID channel = channel(projectScope(), ChannelKind.CLIENT).id();
        Path pdf = TestFiles.write(dir, TestFiles.pdf("minutes"));
        ChatMessage m = asManager(() -> chat.post(channel, new ChatDraft("Minutes attached", null,
                List.of(new ChatDraft.Upload("minutes.pdf", pdf)))));
        assertThat(m.attachments()).extracting(ChatAttachment::name).containsExactly("minutes.pdf");
        List<StoredFile> stored = asManager(() -> files.in(projectScope()));
        assertThat(stored).extracting(StoredFile::id).contains(m.attachments().get(0).fileId());
        assertThat(stored).filteredOn(f -> f.id().equals(m.attachments().get(0).fileId()))
                .extracting(StoredFile::contentType).containsExactly("application/pdf");
    }

    @Test
    void mentionsReachTheColleagueAndMailAtMostOncePerTenMinutesPerChannel() throws Exception {
        UUID channel = channel(projectScope(), ChannelKind.INTERNAL).id();
        var mail = DevServices.mail();
        String jonas = staff.find("jonas").orElseThrow().email();
        String subject = staff.displayName("manager") + " mentioned you in the chat of " + a.client().name();
        Duration wait = Duration.ofSeconds(20);

        asManager(() -> chat.post(channel, ChatDraft.text("@jonas can you review the brief?")));
        assertThat(mail.awaitMessage(jonas, subject, wait)).as("first mention mailed").isPresent();
        assertThat(asOtherManager(() -> chat.myMentions())).filteredOn(m -> m.place().contains(a.project().name()))
                .extracting(ChatMention::excerpt, ChatMention::path)
                .containsExactly(tuple("@jonas can you review the brief?",
                        "client-projects/" + a.project().id() + "?tab=chat"));
        asManager(() -> chat.post(channel, ChatDraft.text("@jonas and the budget, too")));
        try (var later = TestClock.pin(Instant.now().plus(ChatService.MENTION_MAIL_EVERY).plusSeconds(5))) {
            asManager(() -> chat.post(channel, ChatDraft.text("@jonas ten minutes on: still open")));
            assertThat(mailsWith(jonas, subject, 2, wait))
                    .as("the second mention within ten minutes was not mailed, the third was").isEqualTo(2);
        }
        long seq = asOtherManager(() -> chat.history(channel, null)).messages().get(2).seq();
        asOtherManager(() -> {
            chat.markRead(channel, seq);
            return null;
        });
        assertThat(jdbc.queryForObject("select count(*) from chat_mention m join chat_message x on x.id = m.message_id"
                + " where x.channel_id = ? and not m.seen", Long.class, channel)).isZero();
        assertThat(asOtherManager(() -> chat.myMentions())).as("seen mentions leave the list")
                .noneMatch(m -> m.place().contains(a.project().name()));
    }

    @Test
    void unreadCountsArePerColleagueAndChannelAndClearWhenSeen() {
        WorkScope scope = projectScope();
        UUID internal = channel(scope, ChannelKind.INTERNAL).id();
        asManager(() -> chat.post(internal, ChatDraft.text("one")));
        asManager(() -> chat.post(internal, ChatDraft.text("two")));
        ChatMessage three = asManager(() -> chat.post(internal, ChatDraft.text("three")));
        assertThat(asManager(() -> chat.unreadIn(scope))).as("one's own messages are read").isZero();
        assertThat(asOtherManager(() -> chat.unreadIn(scope))).isEqualTo(3);
        assertThat(asOtherManager(() -> chat.channels(scope))).extracting(ChatChannel::kind, ChatChannel::unread)
                .containsExactly(tuple(ChannelKind.INTERNAL, 3L), tuple(ChannelKind.CLIENT, 0L));
        asOtherManager(() -> {
            chat.markRead(internal, three.seq());
            return null;
        });
        assertThat(asOtherManager(() -> chat.unreadIn(scope))).isZero();
    }

    @Test
    void theSideMenuCountsUnreadMessagesInTheChannelsAColleagueHasOpenedUpToTheCap() {
        // a colleague of this test's own, so that no channel another test opened counts
        String reader = "reader-" + UUID.randomUUID().toString().substring(0, 8);
        WorkScope project = projectScope();
        UUID internal = channel(project, ChannelKind.INTERNAL).id();
        UUID client = channel(WorkScope.client(a.client().id()), ChannelKind.CLIENT).id();
        ChatMessage first = asManager(() -> chat.post(internal, ChatDraft.text("one")));
        ChatMessage hello = asManager(() -> chat.post(client, ChatDraft.text("hello")));
        assertThat(Actors.as(reader, chat::unreadInMyChannels, "STAFF", "MANAGER"))
                .as("channels the colleague never opened do not count").isZero();

        // the colleague opens both channels, which marks what they show as read
        Actors.as(reader, () -> {
            chat.markRead(internal, first.seq());
            chat.markRead(client, hello.seq());
            return null;
        }, "STAFF", "MANAGER");
        assertThat(Actors.as(reader, chat::myUnreadChannels, "STAFF", "MANAGER")).isEmpty();
        asManager(() -> chat.post(internal, ChatDraft.text("two")));
        ChatMessage three = asManager(() -> chat.post(internal, ChatDraft.text("three")));
        CustomerScope viewer = viewerA();
        asA(() -> chat.customerPost(viewer, client, "From the client", null));

        assertThat(Actors.as(reader, chat::myUnreadChannels, "STAFF", "MANAGER"))
                .extracting(ChatUnread::channelId, ChatUnread::kind, ChatUnread::unread)
                .containsExactly(tuple(internal, ChannelKind.INTERNAL, 2L), tuple(client, ChannelKind.CLIENT, 1L));
        assertThat(Actors.as(reader, chat::myUnreadChannels, "STAFF", "MANAGER")).first().satisfies(u -> {
            assertThat(u.place()).contains(a.project().name());
            assertThat(u.path()).endsWith("?tab=" + ConversationNavigation.CHAT_TAB);
        });
        assertThat(Actors.as(reader, chat::unreadInMyChannels, "STAFF", "MANAGER")).isEqualTo(3);
        // as a member who may not open this client, the same colleague sees none of it
        assertThat(Actors.as(reader, chat::myUnreadChannels, "STAFF", "MEMBER")).isEmpty();

        Actors.as(reader, () -> {
            chat.markRead(internal, three.seq());
            return null;
        }, "STAFF", "MANAGER");
        assertThat(Actors.as(reader, chat::myUnreadChannels, "STAFF", "MANAGER"))
                .extracting(ChatUnread::channelId).containsExactly(client);
        assertThat(Actors.as(reader, chat::unreadInMyChannels, "STAFF", "MANAGER")).isEqualTo(1);

        // a busy channel: the count stops at the cap, as each channel's does (DD021)
        jdbc.update("""
                insert into chat_message (id, channel_id, author_kind, author, author_name, body, created_at)
                select gen_random_uuid(), ?, 'STAFF', 'manager', 'Manager', 'Message number ' || n, now()
                from generate_series(1, 150) n""", internal);
        assertThat(Actors.as(reader, chat::myUnreadChannels, "STAFF", "MANAGER"))
                .extracting(ChatUnread::channelId, ChatUnread::unread)
                .containsExactly(tuple(internal, (long) ChatService.UNREAD_CAP), tuple(client, 1L));
        assertThat(Actors.as(reader, chat::unreadInMyChannels, "STAFF", "MANAGER"))
                .isEqualTo(ChatService.UNREAD_CAP);
    }

    @Test
    void historyPagesByKeysetAndSearchStaysInTheChannel() {
        UUID channel = channel(projectScope(), ChannelKind.INTERNAL).id();
        UUID other = channel(WorkScope.client(a.client().id()), ChannelKind.INTERNAL).id();
        jdbc.update("""
                insert into chat_message (id, channel_id, author_kind, author, author_name, body, created_at)
                select gen_random_uuid(), ?, 'STAFF', 'jonas', 'Jonas', 'Message ' || n, now() - (130 - n) * interval '1 minute'
                from generate_series(1, 120) n""", channel);
        asManager(() -> chat.post(other, ChatDraft.text("Message 7 elsewhere")));

        ChatPage newest = asManager(() -> chat.history(channel, null));
        assertThat(newest.messages()).hasSize(ChatService.PAGE_SIZE);
        assertThat(newest.messages().get(0).body()).isEqualTo("Message 71");
        assertThat(newest.messages().get(49).body()).isEqualTo("Message 120");
        assertThat(newest.hasOlder()).isTrue();
        ChatPage older = asManager(() -> chat.history(channel, newest.oldestSeq()));
        assertThat(older.messages().get(0).body()).isEqualTo("Message 21");
        ChatPage oldest = asManager(() -> chat.history(channel, older.oldestSeq()));
        assertThat(oldest.messages()).hasSize(20);
        assertThat(oldest.hasOlder()).isFalse();

        assertThat(asManager(() -> chat.search(channel, "message 7"))).extracting(ChatMessage::body)
                .containsExactly("Message 79", "Message 78", "Message 77", "Message 76", "Message 75", "Message 74",
                        "Message 73", "Message 72", "Message 71", "Message 70", "Message 7");
        assertThat(asManager(() -> chat.search(channel, "100%"))).isEmpty();
    }

    @Test
    void customersSeeOnlyTheirOwnClientChannels() {
        PortalTestData.World b = data.world("chat-other");
        CustomerScope viewer = viewerA();
        List<ChatChannel> mine = asA(() -> chat.customerChannels(viewer));
        assertThat(mine).extracting(ChatChannel::projectId, ChatChannel::kind)
                .containsExactly(tuple(null, ChannelKind.CLIENT), tuple(a.project().id(), ChannelKind.CLIENT));
        UUID projectChannel = mine.get(1).id();

        // the team's answer reaches the customer, and the customer's message the team
        UUID staffSide = channel(projectScope(), ChannelKind.CLIENT).id();
        assertThat(staffSide).isEqualTo(projectChannel);
        asManager(() -> chat.post(staffSide, ChatDraft.text("Welcome to the project channel")));
        ChatMessage question = asA(() -> chat.customerPost(viewer, projectChannel, "Thanks! When do we start?", null));
        assertThat(question.fromCustomer()).isTrue();
        assertThat(asA(() -> chat.customerHistory(viewer, projectChannel, null)).messages())
                .extracting(ChatMessage::body).containsExactly("Welcome to the project channel",
                        "Thanks! When do we start?");
        assertThat(asManager(() -> chat.unreadIn(projectScope()))).isEqualTo(1);

        // every other channel id is "not found": internal channels, the hidden project's, another customer's
        List<UUID> foreign = List.of(
                channel(projectScope(), ChannelKind.INTERNAL).id(),
                channel(WorkScope.client(a.client().id()), ChannelKind.INTERNAL).id(),
                channel(a.hiddenProject().scope(), ChannelKind.CLIENT).id(),
                channel(WorkScope.client(b.client().id()), ChannelKind.CLIENT).id(),
                channel(b.project().scope(), ChannelKind.CLIENT).id(),
                UUID.randomUUID());
        for (UUID id : foreign) {
            assertThatThrownBy(() -> asA(() -> chat.customerHistory(viewer, id, null)))
                    .as("history of %s", id).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> asA(() -> chat.customerPost(viewer, id, "Hello", null)))
                    .as("post to %s", id).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> asA(() -> {
                chat.customerMarkRead(viewer, id, 1);
                return null;
            })).as("mark read in %s", id).isInstanceOf(NotFoundException.class);
        }
        assertThat(jdbc.queryForObject("select count(*) from chat_message where channel_id in (?, ?)", Long.class,
                foreign.get(3), foreign.get(4))).isZero();

        // unsharing the project takes its channel away from the portal
        asManager(() -> projects.setSharing(a.project().id(), false, false));
        assertThat(asA(() -> chat.customerChannels(viewer))).extracting(ChatChannel::projectId).containsExactly(
                (UUID) null);
        assertThatThrownBy(() -> asA(() -> chat.customerHistory(viewer, projectChannel, null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void membersSeeOnlyChannelsOfWorkspacesTheyMayOpen() {
        UUID channel = channel(projectScope(), ChannelKind.INTERNAL).id();
        assertThatThrownBy(() -> asMember(() -> chat.channels(projectScope()))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> chat.channels(WorkScope.client(a.client().id()))))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> chat.history(channel, null))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> chat.post(channel, ChatDraft.text("hi"))))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> chat.search(channel, "hi"))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> chat.unreadIn(projectScope()))).isInstanceOf(NoAccessException.class);
    }

    private void assertProblem(Supplier<?> call, String field, String key) {
        assertThatThrownBy(() -> asManager(call)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field, FieldProblem::messageKey)
                        .containsExactly(tuple(field, key)));
    }

    /** Waits until at least {@code atLeast} mails to the address have that subject; answers how many have. */
    private static long mailsWith(String to, String subject, int atLeast, Duration wait) throws InterruptedException {
        var mail = DevServices.mail();
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            var mine = mail.awaitMessages(to, 0, Duration.ZERO);
            long n = mine.stream().filter(m -> subjectIs(m, subject)).count();
            long left = deadline - System.nanoTime();
            if (n >= atLeast || left <= 0) {
                return n;
            }
            mail.awaitMessages(to, mine.size() + 1, Duration.ofNanos(left));
        }
    }

    private static boolean subjectIs(jakarta.mail.internet.MimeMessage m, String subject) {
        try {
            return subject.equals(m.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
