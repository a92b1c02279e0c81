package io.clientspace.conversation.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catch-all mailbox over IMAP. Each unseen message is handed to the {@link Handler} and marked seen only after it
 * returned, so a crash in between reads the message again (the handler is idempotent by Message-ID). Reading needs the
 * {@link InboxLease}: of two nodes, one reads and the other waits for the lease.
 */
public final class ImapInbox {

    private static final Logger log = LoggerFactory.getLogger(ImapInbox.class);

    /** What the app does with each message. Throws to leave the message unseen, for the next pass. */
    public interface Handler {

        /** A whole mail, as received. */
        void mail(byte[] raw);

        /** A mail over the size limit: its headers only, the body was not fetched. */
        void oversize(String headers, long size);
    }

    /** Where the mailbox is. {@code mailbox} names it in the idempotency key and the lease. */
    public record Settings(String host, int port, boolean ssl, String user, String password, String folder,
                           Duration pollInterval, long maxSizeBytes, String mailbox) {
    }

    private final Settings settings;
    private final DataSource dataSource;
    private final Handler handler;
    private final Object wake = new Object();
    private volatile boolean running;
    private volatile Store openStore;

    public ImapInbox(Settings settings, DataSource dataSource, Handler handler) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.handler = handler;
    }

    /**
     * One pass: takes the lease, reads every unseen message, gives the lease back.
     *
     * @return how many messages were handled; empty when another node holds the lease
     */
    public Optional<Integer> fetchOnce() throws MessagingException, SQLException {
        Optional<InboxLease> lease = InboxLease.tryAcquire(dataSource, settings.mailbox());
        if (lease.isEmpty()) {
            return Optional.empty();
        }
        try (InboxLease held = lease.get()) {
            Store store = connect();
            try {
                Folder folder = store.getFolder(settings.folder());
                folder.open(Folder.READ_WRITE);
                try {
                    return Optional.of(readUnseen(folder));
                } finally {
                    folder.close(false);
                }
            } finally {
                store.close();
            }
        }
    }

    /** Reads until {@link #stop()}: waits for the lease, then reads and waits in IDLE (or polls) while it holds it. */
    public void run() {
        running = true;
        while (running) {
            try {
                Optional<InboxLease> lease = InboxLease.tryAcquire(dataSource, settings.mailbox());
                if (lease.isEmpty()) {
                    pause();
                    continue;
                }
                try (InboxLease held = lease.get()) {
                    log.info("Reading mailbox {} (this node holds its lease)", settings.mailbox());
                    readWhileHeld(held);
                }
            } catch (Exception e) {
                if (running) {
                    log.warn("Mailbox {}: {}; trying again in {}", settings.mailbox(), e.toString(),
                            settings.pollInterval());
                    pause();
                }
            }
        }
    }

    public void stop() {
        running = false;
        synchronized (wake) {
            wake.notifyAll();
        }
        Store store = openStore;
        if (store != null) {
            try {
                store.close(); // ends an IDLE in progress
            } catch (MessagingException ignored) {
                // closing anyway
            }
        }
    }

    private void readWhileHeld(InboxLease lease) throws MessagingException {
        Store store = connect();
        openStore = store;
        ScheduledExecutorService breaker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mail-inbox-idle-breaker");
            t.setDaemon(true);
            return t;
        });
        try {
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            boolean idle = store instanceof IMAPStore imap && imap.hasCapability("IDLE");
            while (running && lease.held()) {
                readUnseen(folder);
                if (idle && folder instanceof IMAPFolder imapFolder) {
                    // IDLE returns when mail arrives; any command from another thread ends it too, so the lease is
                    // checked at least every poll interval
                    ScheduledFuture<?> nudge = breaker.schedule(() -> noop(imapFolder),
                            settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    imapFolder.idle(true);
                    nudge.cancel(false);
                } else {
                    pause();
                }
            }
        } finally {
            breaker.shutdownNow();
            openStore = null;
            try {
                store.close();
            } catch (MessagingException ignored) {
                // already gone
            }
        }
    }

    private static void noop(IMAPFolder folder) {
        try {
            folder.doCommand(protocol -> {
                protocol.simpleCommand("NOOP", null);
                return null;
            });
        } catch (MessagingException ignored) {
            // the reading loop sees the broken connection itself
        }
    }

    private int readUnseen(Folder folder) throws MessagingException {
        Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        int handled = 0;
        for (Message message : unseen) {
            if (message instanceof IMAPMessage imap) {
                imap.setPeek(true); // \Seen only once the handler stored it
            }
            int size = message.getSize();
            if (size > settings.maxSizeBytes()) {
                String headers = message instanceof jakarta.mail.internet.MimeMessage mime
                        ? String.join("\r\n", Collections.list(mime.getAllHeaderLines())) : "";
                handler.oversize(headers, size);
            } else {
                ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 1024));
                try {
                    message.writeTo(out);
                } catch (IOException e) {
                    throw new MessagingException("Reading message " + message.getMessageNumber(), e);
                }
                handler.mail(out.toByteArray());
            }
            message.setFlag(Flags.Flag.SEEN, true);
            handled++;
        }
        return handled;
    }

    private Store connect() throws MessagingException {
        String protocol = settings.ssl() ? "imaps" : "imap";
        Properties props = new Properties();
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "60000");
        props.put("mail." + protocol + ".writetimeout", "10000");
        Store store = Session.getInstance(props).getStore(protocol);
        store.connect(settings.host(), settings.port(), settings.user(), settings.password());
        return store;
    }

    private void pause() {
        synchronized (wake) {
            try {
                wake.wait(settings.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
