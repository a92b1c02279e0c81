package io.clientspace.conversation.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.eclipse.angus.mail.imap.protocol.UIDSet;
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

    /** At most this many messages are fetched and marked seen together. */
    static final int BATCH_MESSAGES = 100;
    /** At most this many bytes of messages are held in memory at once (a single larger message is a batch alone). */
    static final long BATCH_BYTES = 32L * 1024 * 1024;

    private final Settings settings;
    private final DataSource dataSource;
    private final Handler handler;
    private final int batchMessages;
    private final Object wake = new Object();
    private volatile boolean running;
    private volatile Store openStore;

    public ImapInbox(Settings settings, DataSource dataSource, Handler handler) {
        this(settings, dataSource, handler, BATCH_MESSAGES);
    }

    /** With smaller batches, for the tests to cross batch boundaries with a few mails. */
    ImapInbox(Settings settings, DataSource dataSource, Handler handler, int batchMessages) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.handler = handler;
        this.batchMessages = batchMessages;
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

    /**
     * Reads every unseen message in a few round trips, not three per message: one SEARCH, one FETCH of the sizes and
     * UIDs of all of them, then per batch (at most {@link #BATCH_MESSAGES} messages and {@link #BATCH_BYTES}) one
     * UID FETCH of the bodies and, once the handler has returned for each, one STORE that marks them \Seen. A message
     * is marked only after the handler stored it: a crash within a batch leaves the rest of it unseen, and the next
     * pass skips the ones already stored by their Message-ID.
     */
    private int readUnseen(Folder folder) throws MessagingException {
        if (!(folder instanceof IMAPFolder imap)) {
            throw new MessagingException("Not an IMAP folder: " + folder.getFullName());
        }
        Message[] unseen = imap.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        if (unseen.length == 0) {
            return 0;
        }
        FetchProfile sizes = new FetchProfile();
        sizes.add(UIDFolder.FetchProfileItem.UID);
        sizes.add(FetchProfile.Item.SIZE);
        imap.fetch(unseen, sizes);
        int handled = 0;
        List<Message> batch = new ArrayList<>();
        long bytes = 0;
        for (Message message : unseen) {
            long size = Math.max(0, message.getSize());
            long fetched = size > settings.maxSizeBytes() ? 0 : size;
            if (!batch.isEmpty() && (batch.size() >= batchMessages || bytes + fetched > BATCH_BYTES)) {
                handled += readBatch(imap, batch);
                batch.clear();
                bytes = 0;
            }
            batch.add(message);
            bytes += fetched;
        }
        if (!batch.isEmpty()) {
            handled += readBatch(imap, batch);
        }
        return handled;
    }

    /** Hands each message of the batch to the handler, then marks those it took as seen, in one STORE. */
    private int readBatch(IMAPFolder folder, List<Message> batch) throws MessagingException {
        List<Message> whole = batch.stream().filter(m -> !oversize(m)).toList();
        Map<Long, byte[]> bodies = whole.isEmpty() ? Map.of() : bodies(folder, whole);
        List<Message> done = new ArrayList<>(batch.size());
        try {
            for (Message message : batch) {
                if (oversize(message)) {
                    if (message instanceof IMAPMessage imap) {
                        imap.setPeek(true); // the headers only, and \Seen only once the handler stored it
                    }
                    String headers = message instanceof jakarta.mail.internet.MimeMessage mime
                            ? String.join("\r\n", Collections.list(mime.getAllHeaderLines())) : "";
                    handler.oversize(headers, message.getSize());
                } else {
                    byte[] raw = bodies.get(folder.getUID(message));
                    if (raw == null) {
                        continue; // expunged by another client since the search: nothing to read, nothing to mark
                    }
                    handler.mail(raw);
                }
                done.add(message);
            }
        } catch (RuntimeException | MessagingException e) {
            try {
                markSeen(folder, done);
            } catch (MessagingException f) {
                e.addSuppressed(f);
            }
            throw e;
        }
        markSeen(folder, done);
        return done.size();
    }

    private boolean oversize(Message message) {
        try {
            return message.getSize() > settings.maxSizeBytes();
        } catch (MessagingException e) {
            return false;
        }
    }

    /** The whole messages, by UID, in one UID FETCH (BODY.PEEK: reading them does not mark them seen). */
    private static Map<Long, byte[]> bodies(IMAPFolder folder, List<Message> messages) throws MessagingException {
        long[] uids = new long[messages.size()];
        for (int i = 0; i < uids.length; i++) {
            uids[i] = folder.getUID(messages.get(i));
        }
        Arrays.sort(uids);
        String set = UIDSet.toString(UIDSet.createUIDSets(uids));
        @SuppressWarnings("unchecked")
        Map<Long, byte[]> bodies = (Map<Long, byte[]>) folder.doCommand(protocol -> {
            Response[] responses = protocol.command("UID FETCH " + set + " (UID BODY.PEEK[])", null);
            Map<Long, byte[]> found = new HashMap<>();
            for (Response r : responses) {
                if (r instanceof FetchResponse fetch) {
                    UID uid = fetch.getItem(UID.class);
                    BODY body = fetch.getItem(BODY.class);
                    if (uid != null && body != null && body.getByteArray() != null) {
                        found.put(uid.uid, body.getByteArray().getNewBytes());
                    }
                }
            }
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(responses[responses.length - 1]);
            return found;
        });
        return bodies;
    }

    private static void markSeen(IMAPFolder folder, List<Message> messages) throws MessagingException {
        if (!messages.isEmpty()) {
            folder.setFlags(messages.toArray(Message[]::new), new Flags(Flags.Flag.SEEN), true);
        }
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
