package io.clientspace.conversation;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.ClientService;
import io.clientspace.conversation.mail.InboxLease;
import io.clientspace.devservices.DevServices;
import io.clientspace.file.FileService;
import io.clientspace.file.StoredFile;
import io.clientspace.portal.PortalTestData;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.WorkScope;
import io.clientspace.support.Actors;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.support.Race;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Workspace mail against the real GreenMail (SMTP in, IMAP catch-all, SMTP out), PostgreSQL and object storage: what a
 * client sends to the workspace address appears in a thread, and a colleague's reply reaches the client threaded.
 */
@ClientspaceIntegrationTest
class MailServiceIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    io.clientspace.people.WorkspaceMemberService members;
    @Autowired
    MailService mail;
    @Autowired
    MailInbox inbox;
    @Autowired
    MailIngest ingest;
    @Autowired
    MailProperties properties;
    @Autowired
    PortalTestData data;
    @Autowired
    ClientService clients;
    @Autowired
    FileService files;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    JavaMailSender sender;
    @Autowired
    io.clientspace.timeline.TimelineService timeline;

    @TempDir
    Path dir;

    PortalTestData.World a;
    String marker;

    @BeforeEach
    void world() {
        marker = UUID.randomUUID().toString().substring(0, 6);
        a = data.world("mail-" + marker);
    }

    static <T> T asAdmin(Supplier<T> work) {
        return Actors.as("admin", work, "STAFF", "ADMIN");
    }

    WorkScope scope() {
        return WorkScope.client(a.client().id());
    }

    String address(WorkScope scope) {
        return asManager(() -> mail.address(scope)).address();
    }

    /** Sends a mail over GreenMail's SMTP, as a client's mail program would, and waits until the mailbox has it. */
    MimeMessage send(String from, String to, String subject, String text, Consumer<MimeMessage> extra)
            throws Exception {
        MimeMessage m = new MimeMessage(DevServices.mail().smtpSession());
        m.setFrom(new InternetAddress(from, "Sender " + marker, "UTF-8"));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        if (extra != null) {
            extra.accept(m);
        }
        m.saveChanges();
        DevServices.mail().send(m);
        assertThat(DevServices.mail().awaitMessage(to.split(",")[0].trim(), subject, WAIT)).isPresent();
        return m;
    }

    int fetch() throws Exception {
        Optional<Integer> read = inbox.fetchNow();
        assertThat(read).as("this test holds the mailbox's lease").isPresent();
        return read.get();
    }

    MailThreadSummary onlyThread(WorkScope scope) {
        List<MailThreadSummary> threads = asManager(() -> mail.threads(scope));
        assertThat(threads).hasSize(1);
        return threads.get(0);
    }

    @Test
    void eachWorkspaceHasItsOwnStableUnguessableAddress() {
        String client = address(scope());
        assertThat(client).matches("company-mail-" + marker + "-[a-z0-9-]+-[a-z2-9]{6}@inbox\\.localhost");
        assertThat(address(scope())).isEqualTo(client);
        String project = address(a.project().scope());
        assertThat(project).startsWith("project-mail-" + marker).isNotEqualTo(client);
        assertThat(asManager(() -> mail.address(scope())).canRotate()).isTrue();
    }

    @Test
    void aMailToTheWorkspaceAddressBecomesAThreadWithItsAttachmentInObjectStorage() throws Exception {
        String to = address(scope());
        Path pdf = PortalTestData.pdf("plan " + marker);
        send("anna-" + marker + "@kunde.example", to, "Plan for " + marker, "Please see the plan.", m -> {
            try {
                MimeBodyPart text = new MimeBodyPart();
                text.setText("Please see the plan.", "UTF-8");
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new DataHandler(new jakarta.mail.util.ByteArrayDataSource(Files.readAllBytes(pdf),
                        "application/pdf")));
                // as mail programs send files: base64 keeps the bytes (7bit would turn the PDF's LF into CRLF)
                file.setHeader("Content-Transfer-Encoding", "base64");
                file.setFileName("plan-" + marker + ".pdf");
                m.setContent(new MimeMultipart(text, file));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(fetch()).isGreaterThanOrEqualTo(1);

        MailThreadSummary summary = onlyThread(scope());
        assertThat(summary.subject()).isEqualTo("Plan for " + marker);
        assertThat(summary.messages()).isEqualTo(1);
        assertThat(asManager(() -> mail.openThreads(scope()))).isEqualTo(1);
        MailThreadView thread = asManager(() -> mail.thread(summary.id()));
        MailItem in = thread.messages().get(0);
        assertThat(in.text()).isEqualTo("Please see the plan.");
        assertThat(in.senderKind()).isEqualTo(MailItem.SenderKind.UNKNOWN);
        assertThat(in.attachments()).singleElement().extracting(ChatAttachment::name)
                .isEqualTo("plan-" + marker + ".pdf");
        UUID fileId = in.attachments().get(0).fileId();
        StoredFile stored = asManager(() -> files.in(scope())).stream().filter(f -> f.id().equals(fileId))
                .findFirst().orElseThrow();
        assertThat(stored.contentType()).isEqualTo("application/pdf");
        String link = asManager(() -> mail.attachmentLink(summary.id(), fileId));
        try (InputStream body = URI.create(link).toURL().openStream()) {
            assertThat(body.readAllBytes()).isEqualTo(Files.readAllBytes(pdf));
        }
    }

    @Test
    void mailFromAPortalContactOrAColleagueIsLinkedToThemAndAnyoneElseIsAnUnknownSender() throws Exception {
        String to = address(scope());
        String contact = a.username() + "@example.org"; // the world's active portal contact
        String colleague = "maria.keller@clientspace.example"; // the demo manager, from the staff directory
        String stranger = "stranger-" + marker + "@kunde.example";
        // mail programs do not keep the address's case: the link does not depend on it
        send(contact.toUpperCase(java.util.Locale.ROOT), to, "Who " + marker, "From the client.", null);
        send(colleague, to, "Re: Who " + marker, "From us, in copy.", null);
        send(stranger, to, "Re: Who " + marker, "From someone else.", null);
        fetch();

        MailThreadView thread = asManager(() -> mail.thread(onlyThread(scope()).id()));
        assertThat(thread.messages()).extracting(MailItem::fromAddress, MailItem::senderKind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(contact, MailItem.SenderKind.CONTACT),
                org.assertj.core.groups.Tuple.tuple(colleague, MailItem.SenderKind.COLLEAGUE),
                org.assertj.core.groups.Tuple.tuple(stranger, MailItem.SenderKind.UNKNOWN));
        // the contact of another client is no contact of this one
        PortalTestData.World other = data.world("mail-other-" + marker);
        String otherTo = address(WorkScope.client(other.client().id()));
        send(contact, otherTo, "Elsewhere " + marker, "Wrong client.", null);
        fetch();
        MailThreadSummary elsewhere = asManager(() -> mail.threads(WorkScope.client(other.client().id()))).get(0);
        assertThat(asManager(() -> mail.thread(elsewhere.id())).messages()).extracting(MailItem::senderKind)
                .containsExactly(MailItem.SenderKind.UNKNOWN);
    }

    @Test
    void aMailToTheWorkspaceAddressOnlyInDeliveredToIsStoredInThatWorkspace() {
        String to = address(scope());
        byte[] raw = ("From: bcc@kunde.example\r\nTo: team-" + marker + "@kunde.example\r\nDelivered-To: " + to
                + "\r\nSubject: Bcc " + marker + "\r\nMessage-ID: <bcc-" + marker + "@k>\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nThe workspace was in Bcc.\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        assertThat(ingest.receive(properties.imap().mailbox(), raw)).isEqualTo(MailIngest.Outcome.STORED);

        MailThreadSummary summary = onlyThread(scope());
        assertThat(summary.subject()).isEqualTo("Bcc " + marker);
        assertThat(asManager(() -> mail.thread(summary.id())).messages()).singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo("The workspace was in Bcc."));
    }

    @Test
    void anInfectedOrExecutableAttachmentIsNotStoredAndSaysSoWhileTheMailAndItsOtherFilesAre() throws Exception {
        String to = address(scope());
        Path pdf = PortalTestData.pdf("terms " + marker);
        byte[] eicar = io.clientspace.devservices.ClamdService.EICAR.getBytes(StandardCharsets.US_ASCII);
        // the start of a Windows program: its type is read from the bytes, not from the name
        byte[] program = new byte[512];
        program[0] = 'M';
        program[1] = 'Z';
        send("virus-" + marker + "@kunde.example", to, "Files " + marker, "Three files.", m -> {
            try {
                MimeBodyPart text = new MimeBodyPart();
                text.setText("Three files.", "UTF-8");
                m.setContent(new MimeMultipart(text, part(Files.readAllBytes(pdf), "application/pdf",
                        "terms-" + marker + ".pdf"), part(eicar, "text/plain", "notes-" + marker + ".txt"),
                        part(program, "application/octet-stream", "setup-" + marker + ".exe")));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        fetch();

        MailThreadSummary summary = onlyThread(scope());
        MailItem in = asManager(() -> mail.thread(summary.id())).messages().get(0);
        assertThat(in.text()).isEqualTo("Three files.");
        assertThat(in.attachments()).extracting(ChatAttachment::name).containsExactly("terms-" + marker + ".pdf");
        assertThat(in.notes()).extracting(MailItem.Note::key, MailItem.Note::args).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("mail.note.attachment-infected",
                        List.of("notes-" + marker + ".txt")),
                org.assertj.core.groups.Tuple.tuple("mail.note.attachment-refused",
                        List.of("setup-" + marker + ".exe")));
        assertThat(asManager(() -> files.in(scope()))).extracting(StoredFile::name)
                .contains("terms-" + marker + ".pdf")
                .doesNotContain("notes-" + marker + ".txt", "setup-" + marker + ".exe");
        assertThat(jdbc.queryForObject("select count(*) from stored_file where client_id = ? and name in (?, ?)",
                Integer.class, a.client().id(), "notes-" + marker + ".txt", "setup-" + marker + ".exe")).isZero();
    }

    private static MimeBodyPart part(byte[] bytes, String type, String name) throws Exception {
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new jakarta.mail.util.ByteArrayDataSource(bytes, type)));
        file.setHeader("Content-Transfer-Encoding", "base64");
        file.setFileName(name);
        return file;
    }

    @Test
    void aReplyGoesOutFromTheWorkspaceAddressThreadedAndTheClientsAnswerThreadsBack() throws Exception {
        String to = address(scope());
        String client = "bert-" + marker + "@kunde.example";
        MimeMessage first = send(client, to, "Question " + marker, "When do you start?", null);
        fetch();
        UUID threadId = onlyThread(scope()).id();

        MailItem reply = asManager(() -> mail.send(threadId, new MailDraft(MailDraft.Mode.REPLY, null,
                "Next Monday.", List.of())));
        assertThat(reply.sendState()).isEqualTo("SENT");
        MimeMessage out = DevServices.mail().awaitMessage(client, "Re: Question " + marker, WAIT).orElseThrow();
        InternetAddress from = (InternetAddress) out.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo(to);
        assertThat(from.getPersonal()).endsWith(" via Clientspace");
        assertThat(out.getHeader("In-Reply-To", null)).isEqualTo(first.getMessageID());
        assertThat(out.getHeader("References", " ")).contains(first.getMessageID());
        assertThat(out.getMessageID()).endsWith("@inbox.localhost>").isNotEqualTo(first.getMessageID());
        assertThat((String) out.getContent()).startsWith("Next Monday.").contains("> When do you start?");

        // the client answers under another subject: the headers thread it
        send(client, to, "Something else " + marker, "Great, thanks.", m -> {
            try {
                m.setHeader("In-Reply-To", out.getMessageID());
                m.setHeader("References", first.getMessageID() + " " + out.getMessageID());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        fetch();
        MailThreadSummary summary = onlyThread(scope());
        assertThat(summary.messages()).isEqualTo(3);
        assertThat(asManager(() -> mail.thread(threadId)).messages()).extracting(MailItem::outgoing)
                .containsExactly(false, true, false);
    }

    @Test
    void aReplyToAllLeavesOutTheWorkspaceAddressAndAForwardNeedsARecipient() throws Exception {
        String to = address(scope());
        String client = "carla-" + marker + "@kunde.example";
        String colleague = "dora-" + marker + "@kunde.example";
        send(client, to + ", " + colleague, "Team " + marker, "Both of you.", null);
        fetch();
        UUID threadId = onlyThread(scope()).id();
        asManager(() -> mail.send(threadId, new MailDraft(MailDraft.Mode.REPLY_ALL, null, "Noted.", List.of())));
        MimeMessage out = DevServices.mail().awaitMessage(colleague, "Re: Team " + marker, WAIT).orElseThrow();
        assertThat(out.getAllRecipients()).extracting(Object::toString).containsExactlyInAnyOrder(client, colleague);

        assertThatThrownBy(() -> asManager(() -> mail.send(threadId, new MailDraft(MailDraft.Mode.FORWARD, " ",
                "fyi", List.of())))).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).problems().get(0).messageKey())
                .isEqualTo("mail.error.no-recipient");
        asManager(() -> mail.send(threadId, new MailDraft(MailDraft.Mode.FORWARD, "eve-" + marker + "@partner.example",
                "For you.", List.of())));
        assertThat(DevServices.mail().awaitMessage("eve-" + marker + "@partner.example", "Fwd: Team " + marker,
                WAIT)).isPresent();
    }

    @Test
    void aMailSeenTwiceIsStoredOnce() throws Exception {
        String to = address(scope());
        MimeMessage m = send("dup-" + marker + "@kunde.example", to, "Twice " + marker, "Once only.", null);
        fetch();
        // the same message delivered again (a second copy in the mailbox), sent as it is: Transport.send would give it
        // a new Message-ID
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        m.writeTo(bytes);
        MimeMessage again = new MimeMessage(DevServices.mail().smtpSession(),
                new java.io.ByteArrayInputStream(bytes.toByteArray()));
        try (jakarta.mail.Transport transport = DevServices.mail().smtpSession().getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(again, again.getAllRecipients());
        }
        assertThat(DevServices.mail().awaitMessages(to, 2, WAIT)).hasSize(2);
        fetch();
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        m.writeTo(raw);
        assertThat(ingest.receive(properties.imap().mailbox(), raw.toByteArray()))
                .isEqualTo(MailIngest.Outcome.DUPLICATE);
        assertThat(onlyThread(scope()).messages()).isEqualTo(1);
    }

    @Test
    void severalMailsReadInOnePassAreEachStoredOnceEvenWithASecondCopyAmongThemAndNoneIsReadAgain() throws Exception {
        String to = address(scope());
        MimeMessage first = send("many-" + marker + "@kunde.example", to, "First " + marker, "One.", null);
        send("many-" + marker + "@kunde.example", to, "Second " + marker, "Two.", null);
        send("many-" + marker + "@kunde.example", to, "Third " + marker, "Three.", null);
        // a second copy of the first in the mailbox, as sent: Transport.send would give it a new Message-ID
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        first.writeTo(bytes);
        MimeMessage copy = new MimeMessage(DevServices.mail().smtpSession(),
                new java.io.ByteArrayInputStream(bytes.toByteArray()));
        try (jakarta.mail.Transport transport = DevServices.mail().smtpSession().getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(copy, copy.getAllRecipients());
        }
        assertThat(DevServices.mail().awaitMessages(to, 4, WAIT)).hasSize(4);

        assertThat(fetch()).isGreaterThanOrEqualTo(4);

        List<MailThreadSummary> threads = asManager(() -> mail.threads(scope()));
        assertThat(threads).extracting(MailThreadSummary::subject)
                .containsExactlyInAnyOrder("First " + marker, "Second " + marker, "Third " + marker);
        assertThat(threads).allSatisfy(t -> assertThat(t.messages()).isEqualTo(1));
        assertThat(fetch()).as("every mail of the pass was marked seen").isZero();
    }

    @Test
    void autoRepliesAreStoredMarkedAndNeverAnsweredEvenOnARotatedAddress() throws Exception {
        String old = address(scope());
        String away = "away-" + marker + "@kunde.example";
        send(away, old, "Out of office " + marker, "I am away.", m -> {
            try {
                m.setHeader("Auto-Submitted", "auto-replied");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        fetch();
        MailThreadView thread = asManager(() -> mail.thread(onlyThread(scope()).id()));
        assertThat(thread.messages().get(0).marker()).isEqualTo("AUTO");

        String now = asManager(() -> mail.rotate(scope())).address();
        String person = "person-" + marker + "@kunde.example";
        send(away, old, "Still away " + marker, "I am away.", m -> {
            try {
                m.setHeader("Auto-Submitted", "auto-replied");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        send(person, old, "Hello " + marker, "Are you there?", null);
        fetch();
        // the person is told the new address; the auto-reply's sender is told nothing
        MimeMessage bounce = DevServices.mail().awaitMessages(person, 1, WAIT).get(0);
        assertThat((String) bounce.getContent()).contains(now).contains(old);
        assertThat(bounce.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(DevServices.mail().received()).noneMatch(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(away);
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void mailToAnUnknownOrRotatedAddressIsUnmatchedForAdminsWhoFileItInAWorkspace() throws Exception {
        String old = address(scope());
        String now = asManager(() -> mail.rotate(scope())).address();
        assertThat(now).isNotEqualTo(old);
        assertThat(address(scope())).isEqualTo(now);
        String unknown = "nobody-" + marker + "-zzzzzz@inbox.localhost";
        send("f-" + marker + "@kunde.example", unknown, "Lost " + marker, "Anyone?", null);
        send("g-" + marker + "@kunde.example", old, "Old " + marker, "Old address.", null);
        send("h-" + marker + "@kunde.example", now, "New " + marker, "New address.", null);
        fetch();

        assertThat(onlyThread(scope()).subject()).isEqualTo("New " + marker);
        List<UnmatchedMail> unmatched = asAdmin(() -> mail.unmatched()).stream()
                .filter(u -> u.subject() != null && u.subject().endsWith(marker)).toList();
        assertThat(unmatched).extracting(UnmatchedMail::subject, UnmatchedMail::rotatedTo)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Lost " + marker, null),
                        org.assertj.core.groups.Tuple.tuple("Old " + marker, now));
        assertThatThrownBy(() -> asManager(() -> mail.unmatched())).isInstanceOf(NoAccessException.class);

        UUID lost = unmatched.stream().filter(u -> u.subject().startsWith("Lost")).findFirst().orElseThrow().id();
        asAdmin(() -> {
            mail.assignUnmatched(lost, scope());
            return null;
        });
        assertThat(asManager(() -> mail.threads(scope()))).extracting(MailThreadSummary::subject)
                .containsExactlyInAnyOrder("New " + marker, "Lost " + marker);
        assertThat(asAdmin(() -> mail.unmatched())).noneMatch(u -> u.id().equals(lost));
    }

    @Test
    void anAdminFilesAnUnmatchedMailWithItsAttachmentIntoAProjectAndItsTimelineSaysWho() throws Exception {
        String unknown = "drawings-" + marker + "-qqqqqq@inbox.localhost";
        Path pdf = PortalTestData.pdf("drawing " + marker);
        send("ida-" + marker + "@kunde.example", unknown, "Drawings " + marker, "The drawing.", m -> {
            try {
                MimeBodyPart text = new MimeBodyPart();
                text.setText("The drawing.", "UTF-8");
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new DataHandler(new jakarta.mail.util.ByteArrayDataSource(Files.readAllBytes(pdf),
                        "application/pdf")));
                file.setHeader("Content-Transfer-Encoding", "base64");
                file.setFileName("drawing-" + marker + ".pdf");
                m.setContent(new MimeMultipart(text, file));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        fetch();
        UUID id = asAdmin(() -> mail.unmatched()).stream().filter(u -> ("Drawings " + marker).equals(u.subject()))
                .findFirst().orElseThrow().id();
        WorkScope project = a.project().scope();
        // a project of another client is not a target: nothing is filed
        PortalTestData.World other = data.world("mail-target-" + marker);
        assertThatThrownBy(() -> asAdmin(() -> {
            mail.assignUnmatched(id, WorkScope.project(a.client().id(), other.project().id()));
            return null;
        })).isInstanceOf(io.clientspace.shared.NotFoundException.class);
        // nor may a manager file it
        assertThatThrownBy(() -> asManager(() -> {
            mail.assignUnmatched(id, project);
            return null;
        })).isInstanceOf(NoAccessException.class);

        asAdmin(() -> {
            mail.assignUnmatched(id, project);
            return null;
        });
        assertThat(asAdmin(() -> mail.unmatched())).noneMatch(u -> u.id().equals(id));
        MailThreadSummary summary = onlyThread(project);
        assertThat(summary.subject()).isEqualTo("Drawings " + marker);
        assertThat(asManager(() -> mail.threads(scope()))).isEmpty();
        MailItem in = asManager(() -> mail.thread(summary.id())).messages().get(0);
        assertThat(in.attachments()).singleElement().extracting(ChatAttachment::name)
                .isEqualTo("drawing-" + marker + ".pdf");
        UUID fileId = in.attachments().get(0).fileId();
        assertThat(asManager(() -> files.in(project))).extracting(StoredFile::id).contains(fileId);
        try (InputStream body = URI.create(asManager(() -> mail.attachmentLink(summary.id(), fileId))).toURL()
                .openStream()) {
            assertThat(body.readAllBytes()).isEqualTo(Files.readAllBytes(pdf));
        }
        assertThat(asManager(() -> timeline.in(project, 0))).filteredOn(e -> "MAIL_FILED".equals(e.kind()))
                .singleElement().satisfies(e -> {
                    assertThat(e.subjectId()).isEqualTo(summary.id());
                    assertThat(e.subjectTitle()).isEqualTo("Drawings " + marker);
                    assertThat(e.detail()).contains("ida-" + marker + "@kunde.example");
                    assertThat(e.actorName()).isNotBlank();
                });
        // filed once: a second attempt finds nothing to file
        assertThatThrownBy(() -> asAdmin(() -> {
            mail.assignUnmatched(id, scope());
            return null;
        })).isInstanceOf(io.clientspace.shared.NotFoundException.class);
    }

    @Test
    void brokenMimeIsKeptRawWithAMarker() {
        String to = address(scope());
        byte[] raw = ("From: x@kunde.example\r\nTo: " + to + "\r\nSubject: Broken " + marker + "\r\nMessage-ID: <b-"
                + marker + "@k>\r\nContent-Type: multipart/mixed\r\n\r\nno boundary\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(ingest.receive(properties.imap().mailbox(), raw)).isEqualTo(MailIngest.Outcome.STORED);
        MailItem item = asManager(() -> mail.thread(onlyThread(scope()).id())).messages().get(0);
        assertThat(item.marker()).isEqualTo("MALFORMED");
        assertThat(item.notes()).extracting(MailItem.Note::key).containsExactly("mail.note.malformed");
        byte[] kept = jdbc.queryForObject("select raw from mail_message where id = ?", byte[].class, item.id());
        assertThat(kept).isEqualTo(raw);
    }

    @Test
    void aMailOverTheLimitIsAStubWithItsHeadersAndANote() {
        String to = address(scope());
        String headers = "From: big@kunde.example\r\nTo: " + to + "\r\nSubject: Huge " + marker
                + "\r\nMessage-ID: <huge-" + marker + "@k>";
        assertThat(ingest.receiveOversize(properties.imap().mailbox(), headers, 40L * 1024 * 1024))
                .isEqualTo(MailIngest.Outcome.STORED);
        MailItem item = asManager(() -> mail.thread(onlyThread(scope()).id())).messages().get(0);
        assertThat(item.marker()).isEqualTo("OVERSIZE");
        assertThat(item.headers()).contains("Subject: Huge " + marker);
        assertThat(item.notes()).singleElement().satisfies(n -> {
            assertThat(n.key()).isEqualTo("mail.note.oversize");
            assertThat(n.args()).containsExactly(String.valueOf(properties.maxSizeMb()));
        });
    }

    @Test
    void whileOneNodeHoldsTheLeaseTheOtherReadsNothingAndOfTwoAtOnceOneReads() throws Exception {
        String to = address(scope());
        try (InboxLease held = InboxLease.tryAcquire(dataSource, properties.imap().mailbox()).orElseThrow()) {
            assertThat(held.held()).isTrue();
            assertThat(InboxLease.tryAcquire(dataSource, properties.imap().mailbox())).isEmpty();
            send("lease-" + marker + "@kunde.example", to, "Lease " + marker, "One node.", null);
            assertThat(inbox.fetchNow()).isEmpty();
            assertThat(asManager(() -> mail.threads(scope()))).isEmpty();
        }
        List<Race.Result> results = Race.atOnce(() -> inbox.fetchNow(), () -> inbox.fetchNow());
        assertThat(results).noneMatch(Race.Result::failed);
        assertThat(onlyThread(scope()).messages()).isEqualTo(1);
    }

    @Test
    void membersSeeNoMailOfClientsTheyMayNotOpen() throws Exception {
        send("m-" + marker + "@kunde.example", address(scope()), "Private " + marker, "Only the owner.", null);
        fetch();
        UUID threadId = onlyThread(scope()).id();
        assertThatThrownBy(() -> asMember(() -> mail.threads(scope()))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> mail.address(scope()))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> mail.thread(threadId))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> mail.send(threadId, new MailDraft(MailDraft.Mode.REPLY, null, "x",
                List.of())))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> mail.rotate(scope()))).isInstanceOf(NoAccessException.class);
    }

    @Test
    void aViewerReadsTheMailButNeitherAnswersNorClosesNorAssignsIt() throws Exception {
        send("v-" + marker + "@kunde.example", address(scope()), "Viewer " + marker, "Read only.", null);
        fetch();
        UUID threadId = onlyThread(scope()).id();
        io.clientspace.people.WorkspaceMember viewer = asManager(() -> members.grant(a.client().id(), "member",
                io.clientspace.client.AccessLevel.VIEWER, null));
        assertThat(asMember(() -> mail.thread(threadId)).messages()).hasSize(1);
        assertThatThrownBy(() -> asMember(() -> mail.send(threadId, new MailDraft(MailDraft.Mode.REPLY, null, "x",
                List.of())))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> {
            mail.setDone(threadId, true);
            return null;
        })).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> {
            mail.assign(threadId, "manager");
            return null;
        })).isInstanceOf(NoAccessException.class);
        // an editor may
        asManager(() -> members.change(a.client().id(), "member", io.clientspace.client.AccessLevel.EDITOR, null,
                viewer.version()));
        asMember(() -> {
            mail.setDone(threadId, true);
            return null;
        });
        assertThat(onlyThread(scope()).done()).isTrue();
    }

    @Test
    void badInputIsRefusedWithAReasonAndNothingIsSent() throws Exception {
        send("n-" + marker + "@kunde.example", address(scope()), "Input " + marker, "Hi.", null);
        fetch();
        UUID threadId = onlyThread(scope()).id();
        assertThat(problem(() -> mail.send(threadId, new MailDraft(MailDraft.Mode.REPLY, null, "  ", List.of()))))
                .isEqualTo("mail.error.empty");
        Path program = dir.resolve("tool.exe");
        Files.write(program, new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff});
        assertThat(problem(() -> mail.send(threadId, new MailDraft(MailDraft.Mode.REPLY, null, "See attached.",
                List.of(new ChatDraft.Upload("tool.exe", program)))))).startsWith("file.error.");
        var client = asManager(() -> clients.get(a.client().id()));
        asManager(() -> clients.archive(client.id(), client.version(), "done"));
        assertThat(problem(() -> mail.send(threadId, new MailDraft(MailDraft.Mode.REPLY, null, "Still there?",
                List.of())))).isEqualTo("mail.error.archived");
        assertThat(asManager(() -> mail.thread(threadId)).messages()).hasSize(1);
    }

    @Test
    void aNewMailAndAChangedSendStateReachEveryOpenMailTabOfThatWorkspaceOnly() throws Exception {
        var heard = new java.util.concurrent.LinkedBlockingQueue<UUID>();
        var elsewhere = new java.util.concurrent.LinkedBlockingQueue<UUID>();
        PortalTestData.World b = data.world("mail-other-" + marker);
        try (AutoCloseable tab = asManager(() -> mail.subscribe(scope(), heard::add));
             AutoCloseable other = asManager(() -> mail.subscribe(WorkScope.client(b.client().id()), elsewhere::add))) {
            send("live-" + marker + "@kunde.example", address(scope()), "Live " + marker, "Hello.", null);
            fetch();
            UUID threadId = onlyThread(scope()).id();
            // the notice travels through PostgreSQL NOTIFY and the listener connection, like a chat message
            assertThat(heard.poll(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(threadId);

            asManager(() -> mail.send(threadId, new MailDraft(MailDraft.Mode.REPLY, null, "Hi back.", List.of())));
            // stored (pending) and then sent: each change names the thread
            assertThat(heard.poll(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(threadId);
            assertThat(heard.poll(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(threadId);
            // one listener connection delivers the notices in commit order: the other workspace's tab heard none
            assertThat(elsewhere).isEmpty();
        }
        assertThatThrownBy(() -> asMember(() -> mail.subscribe(scope(), x -> { })))
                .isInstanceOf(NoAccessException.class);
    }

    @Test
    void aReplyTheMailServerCannotTakeStaysNotSentWithItsReasonAndARetrySendsItOnce() throws Exception {
        String client = "fail-" + marker + "@kunde.example";
        send(client, address(scope()), "Offline " + marker, "Are you there?", null);
        fetch();
        UUID threadId = onlyThread(scope()).id();
        JavaMailSenderImpl smtp = (JavaMailSenderImpl) sender;
        int port = smtp.getPort();
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort(); // nothing listens there once it is closed: connection refused
        }
        MailItem failed;
        smtp.setPort(closed);
        try {
            failed = asManager(() -> mail.send(threadId, new MailDraft(MailDraft.Mode.REPLY, null,
                    "Yes, here is the plan for Monday.", List.of())));
        } finally {
            smtp.setPort(port);
        }
        assertThat(failed.notSent()).isTrue();
        assertThat(failed.sendState()).isEqualTo("FAILED");
        assertThat(failed.sendReason()).isEqualTo("mail.not-sent.unreachable");
        assertThat(failed.sendError()).isNotBlank();
        // nothing lost: the typed text is in the thread, and the thread says it has a mail not sent
        MailItem stored = asManager(() -> mail.thread(threadId)).messages().stream().filter(MailItem::outgoing)
                .findFirst().orElseThrow();
        assertThat(stored.text()).startsWith("Yes, here is the plan for Monday.");
        assertThat(stored.sendReason()).isEqualTo("mail.not-sent.unreachable");
        assertThat(onlyThread(scope()).notSent()).isEqualTo(1);
        assertThat(DevServices.mail().received()).noneMatch(m -> subjectOf(m).equals("Re: Offline " + marker));

        MailItem sent = asManager(() -> mail.retry(failed.id()));
        assertThat(sent.notSent()).isFalse();
        assertThat(sent.sendReason()).isNull();
        assertThat(onlyThread(scope()).notSent()).isZero();
        assertThat(DevServices.mail().awaitMessage(client, "Re: Offline " + marker, WAIT)).isPresent();
        assertThat(problem(() -> mail.retry(failed.id()))).isEqualTo("mail.error.already-sent");
        assertThat(DevServices.mail().received()).filteredOn(m -> subjectOf(m).equals("Re: Offline " + marker))
                .hasSize(1);
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static String problem(Supplier<?> work) {
        try {
            asManager(work);
        } catch (InvalidInputException e) {
            return e.problems().stream().map(FieldProblem::messageKey).findFirst().orElseThrow();
        }
        throw new AssertionError("accepted");
    }
}
