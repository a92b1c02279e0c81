package io.clientspace.conversation.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.conversation.MailBenchInbox;
import io.clientspace.conversation.MailProperties;
import io.clientspace.devservices.DevServices;
import io.clientspace.support.ClientspaceIntegrationTest;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The catch-all mailbox's reader against GreenMail's IMAP, with batches of two so that a few mails cross batch
 * boundaries: every unseen mail is handed over once and marked seen once the handler took it, and a mail the handler
 * fails on stays unseen, with those after it, for the next pass.
 */
@ClientspaceIntegrationTest
class ImapInboxIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    MailProperties properties;
    @Autowired
    DataSource dataSource;
    @Autowired
    MailBenchInbox appInbox;

    String marker;
    String to;

    @BeforeEach
    void mailbox() throws Exception {
        marker = UUID.randomUUID().toString().substring(0, 6);
        to = "batch-" + marker + "@" + properties.domain();
        // whatever other tests left unseen is read by the app's own pass first: the passes below read only ours
        appInbox.readOnce().orElseThrow();
    }

    ImapInbox inbox(ImapInbox.Handler handler) {
        MailProperties.Imap imap = properties.imap();
        return new ImapInbox(new ImapInbox.Settings(imap.host(), imap.port(), imap.ssl(), imap.user(),
                imap.password(), imap.folder(), imap.pollInterval(), properties.maxSizeBytes(), imap.mailbox()),
                dataSource, handler, 2);
    }

    List<String> sendMails(int count) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            MimeMessage m = new MimeMessage(DevServices.mail().smtpSession());
            m.setFrom(new InternetAddress("sender-" + marker + "@kunde.example"));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            String subject = "Batch " + marker + " " + i;
            m.setSubject(subject, "UTF-8");
            m.setText("Mail " + i + " of " + count + ".", "UTF-8");
            m.saveChanges();
            DevServices.mail().send(m);
            subjects.add(subject);
        }
        assertThat(DevServices.mail().awaitMessages(to, count, WAIT)).hasSize(count);
        return subjects;
    }

    /** What the handler was given: each mail's subject, in the order handed over. */
    static final class Recorder implements ImapInbox.Handler {

        final List<String> subjects = new CopyOnWriteArrayList<>();
        final String failOn;

        Recorder(String failOn) {
            this.failOn = failOn;
        }

        @Override
        public void mail(byte[] raw) {
            try {
                String subject = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw))
                        .getSubject();
                if (subject.equals(failOn)) {
                    throw new IllegalStateException("the database is down");
                }
                subjects.add(subject);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void oversize(String headers, long size) {
            throw new AssertionError("no mail here is over the limit");
        }
    }

    /** The subjects of the unseen mails of this test, as another IMAP client sees them. */
    List<String> unseen() throws Exception {
        MailProperties.Imap imap = properties.imap();
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(imap.host(), imap.port(), imap.user(), imap.password());
        try {
            Folder folder = store.getFolder(imap.folder());
            folder.open(Folder.READ_ONLY);
            try {
                List<String> subjects = new ArrayList<>();
                for (Message m : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    if (m.getSubject() != null && m.getSubject().startsWith("Batch " + marker + " ")) {
                        subjects.add(m.getSubject());
                    }
                }
                return subjects;
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    @Test
    void aPassHandsOverEveryUnseenMailOnceAcrossBatchesAndMarksThemAllSeen() throws Exception {
        List<String> sent = sendMails(5);
        assertThat(unseen()).containsExactlyInAnyOrderElementsOf(sent);
        Recorder recorder = new Recorder(null);

        assertThat(inbox(recorder).fetchOnce()).contains(5);

        assertThat(recorder.subjects).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(unseen()).isEmpty();
        Recorder again = new Recorder(null);
        assertThat(inbox(again).fetchOnce()).contains(0);
        assertThat(again.subjects).isEmpty();
    }

    @Test
    void aMailTheHandlerFailsOnStaysUnseenWithTheRestWhileThoseItTookAreSeen() throws Exception {
        List<String> sent = sendMails(5);
        // the third mail is the first of the second batch: the first batch is marked seen, the failed one is not
        Recorder failing = new Recorder(sent.get(2));

        assertThatThrownBy(() -> inbox(failing).fetchOnce()).hasMessageContaining("the database is down");

        assertThat(failing.subjects).containsExactlyElementsOf(sent.subList(0, 2));
        assertThat(unseen()).containsExactlyInAnyOrderElementsOf(sent.subList(2, 5));
        Recorder next = new Recorder(null);
        assertThat(inbox(next).fetchOnce()).contains(3);
        assertThat(next.subjects).containsExactlyInAnyOrderElementsOf(sent.subList(2, 5));
        assertThat(unseen()).isEmpty();
    }

    @Test
    void aMailTheHandlerFailsOnWithinABatchLeavesThoseBeforeItInTheBatchSeen() throws Exception {
        List<String> sent = sendMails(3);
        // the second mail fails within the first batch: the first one, which the handler took, is marked seen
        Recorder failing = new Recorder(sent.get(1));

        assertThatThrownBy(() -> inbox(failing).fetchOnce()).hasMessageContaining("the database is down");

        assertThat(failing.subjects).containsExactly(sent.get(0));
        assertThat(unseen()).containsExactlyInAnyOrderElementsOf(sent.subList(1, 3));
    }
}
