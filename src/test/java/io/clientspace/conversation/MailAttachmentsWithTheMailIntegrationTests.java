package io.clientspace.conversation;

import static io.clientspace.support.Actors.asManager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.devservices.ClamdService;
import io.clientspace.devservices.DevServices;
import io.clientspace.file.StorageProperties;
import io.clientspace.portal.PortalTestData;
import io.clientspace.shared.WorkScope;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.support.TestFiles;
import io.minio.MinioClient;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A mail's attachments are saved with the mail or not at all, against the real GreenMail, clamd, PostgreSQL and
 * S3-compatible storage: a mail whose rows cannot be saved leaves no file and no object behind (and the next read
 * stores it whole, once), a second copy read at the same moment as the first leaves no second file, and a refused
 * attachment still does not stop the mail.
 */
@ClientspaceIntegrationTest
class MailAttachmentsWithTheMailIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    PortalTestData data;
    @Autowired
    MailIngest ingest;
    @Autowired
    MailInbox inbox;
    @Autowired
    MinioClient minio;
    @Autowired
    StorageProperties storage;
    @Autowired
    MailService mail;
    @Autowired
    MailProperties properties;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    PortalTestData.World a;
    String marker;
    String to;
    long rowsBefore;
    List<String> objectsBefore;

    @BeforeEach
    void world() {
        marker = UUID.randomUUID().toString().substring(0, 6);
        a = data.world("mailatt-" + marker);
        to = asManager(() -> mail.address(scope())).address();
        rowsBefore = rows();
        objectsBefore = objects();
    }

    WorkScope scope() {
        return WorkScope.client(a.client().id());
    }

    long rows() {
        return jdbc.queryForObject("select count(*) from stored_file where client_id = ?", Long.class,
                a.client().id());
    }

    long rowsNamed(String name) {
        return jdbc.queryForObject("select count(*) from stored_file where client_id = ? and name = ?", Long.class,
                a.client().id(), name);
    }

    List<String> objects() {
        return TestFiles.objectsUnder(minio, storage.bucket(), "clients/" + a.client().id() + "/");
    }

    /** A mail from a client with the given files (name, bytes, type), as its mail program would write it. */
    MimeMessage mailWith(Session session, String subject, Object[]... files) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("anna-" + marker + "@kunde.example", "Anna " + marker, "UTF-8"));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        m.setSubject(subject, "UTF-8");
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Files attached.", "UTF-8");
        parts.addBodyPart(text);
        for (Object[] file : files) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new jakarta.mail.util.ByteArrayDataSource((byte[]) file[1],
                    (String) file[2])));
            part.setHeader("Content-Transfer-Encoding", "base64");
            part.setFileName((String) file[0]);
            parts.addBodyPart(part);
        }
        m.setContent(parts);
        m.saveChanges();
        return m;
    }

    static byte[] raw(MimeMessage m) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        m.writeTo(bytes);
        return bytes.toByteArray();
    }

    Optional<Integer> fetchNow() throws Exception {
        return inbox.fetchNow();
    }

    List<MailThreadSummary> threads() {
        return asManager(() -> mail.threads(scope()));
    }

    @Test
    void aMailWhoseRowsCannotBeSavedLeavesNoFileAndNoObjectAndTheNextReadStoresItAndItsFileOnce() throws Exception {
        String name = "plan-" + marker + ".pdf";
        byte[] pdf = TestFiles.pdf("plan " + marker);
        String subject = "Plan " + marker;
        // the database refuses the mail's last row, its attachment's, after the file's row and the mail's own were
        // written in the same transaction: what a broken connection or a full disk at that moment would do
        String fail = "fail_mail_" + marker;
        jdbc.execute("create function " + fail + "() returns trigger language plpgsql as $$ begin if new.name = '"
                + name + "' then raise exception 'the mail could not be saved'; end if; return new; end $$");
        jdbc.execute("create trigger " + fail + " before insert on mail_attachment for each row execute function "
                + fail + "()");
        try {
            DevServices.mail().send(mailWith(DevServices.mail().smtpSession(), subject,
                    new Object[] {name, pdf, "application/pdf"}));
            assertThat(DevServices.mail().awaitMessage(to, subject, WAIT)).isPresent();

            assertThatThrownBy(this::fetchNow).hasStackTraceContaining("the mail could not be saved");

            assertThat(rows()).as("no file row").isEqualTo(rowsBefore);
            assertThat(objects()).as("no object in storage").containsExactlyInAnyOrderElementsOf(objectsBefore);
            assertThat(threads()).as("no thread").isEmpty();
            assertThat(jdbc.queryForObject("select count(*) from mail_message where subject = ?", Long.class,
                    subject)).as("no mail row").isZero();
        } finally {
            jdbc.execute("drop trigger " + fail + " on mail_attachment");
            jdbc.execute("drop function " + fail + "()");
        }

        // the mail was not marked seen: the next read stores it, with its file, once
        assertThat(fetchNow()).hasValueSatisfying(read -> assertThat(read).isGreaterThanOrEqualTo(1));

        List<MailThreadSummary> threads = threads();
        assertThat(threads).singleElement().satisfies(t -> assertThat(t.messages()).isEqualTo(1));
        MailItem in = asManager(() -> mail.thread(threads.get(0).id())).messages().get(0);
        assertThat(in.attachments()).extracting(ChatAttachment::name).containsExactly(name);
        assertThat(rowsNamed(name)).isEqualTo(1);
        assertThat(rows()).isEqualTo(rowsBefore + 1);
        assertThat(objects()).hasSize(objectsBefore.size() + 1).containsAll(objectsBefore);
        assertThat(fetchNow()).as("nothing is left to read again").hasValue(0);
    }

    @Test
    void twoReadsOfTheSameMailAtOnceStoreItWithItsFileOnceAndTheSecondCopyLeavesNoFileAndNoObject() throws Exception {
        String name = "offer-" + marker + ".pdf";
        String subject = "Offer " + marker;
        byte[] raw = raw(mailWith(Session.getInstance(new Properties()), subject,
                new Object[] {name, TestFiles.pdf("offer " + marker), "application/pdf"}));
        String mailbox = properties.imap().mailbox();

        List<MailIngest.Outcome> outcomes;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection hold = dataSource.getConnection()) {
            hold.setAutoCommit(false);
            try (Statement lock = hold.createStatement()) {
                // mail rows wait for this: both reads find the mail not stored yet, write its file and then queue at
                // the mail's insert, as two readers of one mail would meet there
                lock.execute("lock table mail_message in share mode");
            }
            Future<MailIngest.Outcome> first = pool.submit(() -> ingest.receive(mailbox, raw));
            Future<MailIngest.Outcome> second = pool.submit(() -> ingest.receive(mailbox, raw));
            awaitWaitingMailInserts(2);
            hold.rollback();
            outcomes = List.of(first.get(1, TimeUnit.MINUTES), second.get(1, TimeUnit.MINUTES));
        } finally {
            pool.shutdownNow();
        }

        List<MailThreadSummary> threads = threads();
        assertThat(threads).singleElement().satisfies(t -> assertThat(t.messages()).isEqualTo(1));
        assertThat(asManager(() -> mail.thread(threads.get(0).id())).messages().get(0).attachments())
                .extracting(ChatAttachment::name).containsExactly(name);
        assertThat(rowsNamed(name)).as("one file in the Files tab").isEqualTo(1);
        assertThat(rows()).isEqualTo(rowsBefore + 1);
        assertThat(objects()).as("one object").hasSize(objectsBefore.size() + 1).containsAll(objectsBefore);
        assertThat(outcomes).as("the second read knows it stored nothing")
                .containsExactlyInAnyOrder(MailIngest.Outcome.STORED, MailIngest.Outcome.DUPLICATE);

        // a copy read later is known by its Message-ID and stores nothing either
        List<String> objectsOnce = objects();
        assertThat(ingest.receive(mailbox, raw)).isEqualTo(MailIngest.Outcome.DUPLICATE);
        assertThat(rows()).isEqualTo(rowsBefore + 1);
        assertThat(objects()).containsExactlyInAnyOrderElementsOf(objectsOnce);
    }

    /** Waits until this many inserts of a workspace mail wait for a lock; fails after {@link #WAIT}. */
    private void awaitWaitingMailInserts(int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            Long waiting = jdbc.queryForObject("""
                    select count(*) from pg_stat_activity where wait_event_type = 'Lock'
                      and query like 'insert into mail_message (id, thread_id,%'""", Long.class);
            if (waiting != null && waiting >= count) {
                return;
            }
            assertThat(Instant.now()).as("%d reads of the mail waiting at its insert", count).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aMailWithACleanAndAnInfectedFileIsStoredWithTheCleanFileAndANoteAndTheInfectedOneLeavesNoObject()
            throws Exception {
        String clean = "terms-" + marker + ".pdf";
        String infected = "notes-" + marker + ".txt";
        byte[] raw = raw(mailWith(Session.getInstance(new Properties()), "Terms " + marker,
                new Object[] {clean, TestFiles.pdf("terms " + marker), "application/pdf"},
                new Object[] {infected, ("Notes\n" + ClamdService.EICAR + "\n").getBytes(StandardCharsets.US_ASCII),
                        "text/plain"}));

        assertThat(ingest.receive(properties.imap().mailbox(), raw)).isEqualTo(MailIngest.Outcome.STORED);

        List<MailThreadSummary> threads = threads();
        assertThat(threads).singleElement();
        MailItem in = asManager(() -> mail.thread(threads.get(0).id())).messages().get(0);
        assertThat(in.text()).isEqualTo("Files attached.");
        assertThat(in.attachments()).extracting(ChatAttachment::name).containsExactly(clean);
        assertThat(in.notes()).extracting(MailItem.Note::key, MailItem.Note::args).containsExactly(
                org.assertj.core.groups.Tuple.tuple("mail.note.attachment-infected", List.of(infected)));
        assertThat(rowsNamed(clean)).isEqualTo(1);
        assertThat(rowsNamed(infected)).isZero();
        assertThat(rows()).isEqualTo(rowsBefore + 1);
        assertThat(objects()).as("only the clean file's object").hasSize(objectsBefore.size() + 1)
                .containsAll(objectsBefore);
    }
}
