package io.clientspace.conversation;

import io.clientspace.conversation.mail.ImapInbox;
import jakarta.mail.MessagingException;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the catch-all mailbox on one node of the cluster (the one holding the lease, see
 * {@link io.clientspace.conversation.mail.InboxLease}), in IDLE where the server offers it and by polling elsewhere,
 * and hands each mail to {@link MailIngest}. Off unless clientspace.mail-inbox.imap.enabled.
 */
@Component
class MailInbox implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailInbox.class);

    private final MailProperties properties;
    private final ImapInbox inbox;
    private volatile Thread reader;

    MailInbox(MailProperties properties, MailIngest ingest, DataSource dataSource) {
        this.properties = properties;
        MailProperties.Imap imap = properties.imap();
        String mailbox = imap.mailbox();
        this.inbox = new ImapInbox(new ImapInbox.Settings(imap.host(), imap.port(), imap.ssl(), imap.user(),
                imap.password(), imap.folder(), imap.pollInterval(), properties.maxSizeBytes(), mailbox),
                dataSource, new ImapInbox.Handler() {
            @Override
            public void mail(byte[] raw) {
                MailIngest.Outcome outcome = ingest.receive(mailbox, raw);
                log.debug("Mail in {}: {}", mailbox, outcome);
            }

            @Override
            public void oversize(String headers, long size) {
                ingest.receiveOversize(mailbox, headers, size);
            }
        });
    }

    /**
     * Reads what is waiting now, once, when no other node holds the lease (for the tests and an admin's "check now").
     *
     * @return how many mails were read; empty when another node holds the lease
     */
    Optional<Integer> fetchNow() throws MessagingException, SQLException {
        return inbox.fetchOnce();
    }

    @Override
    public void start() {
        if (!properties.imap().enabled() || reader != null) {
            return;
        }
        Thread t = new Thread(inbox::run, "mail-inbox");
        t.setDaemon(true);
        reader = t;
        t.start();
    }

    @Override
    public void stop() {
        Thread t = reader;
        if (t != null) {
            inbox.stop();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reader = null;
        }
    }

    @Override
    public boolean isRunning() {
        return reader != null;
    }

    @Override
    public int getPhase() {
        // after the web server and the database: stops before them
        return Integer.MAX_VALUE - 100;
    }
}
