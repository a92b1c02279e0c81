package io.clientspace.conversation;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The catch-all mailbox's one read pass ({@link MailInbox#fetchNow}: take the lease, read every unseen mail, hand
 * each to {@link MailIngest}) for the mail ingest benchmark in io.clientspace.bench, which sits outside this package.
 */
@Component
public final class MailBenchInbox {

    private final MailInbox inbox;

    MailBenchInbox(MailInbox inbox) {
        this.inbox = inbox;
    }

    /** How many mails one pass read; empty when another reader holds the lease. */
    public Optional<Integer> readOnce() throws Exception {
        return inbox.fetchNow();
    }
}
