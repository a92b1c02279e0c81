package io.clientspace.extranet;

import io.clientspace.client.ClientArchived;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps one access review running for every client with active portal contacts (DD020): the first sign-in of a
 * contact starts it, in that sign-in's transaction, and at start-up clients that had active contacts before reviews
 * existed (or were granted access directly) get theirs. Archiving the client ends them.
 */
@Component
class AccessReviewStarter {

    private static final Logger log = LoggerFactory.getLogger(AccessReviewStarter.class);

    private final AccessReviewService reviews;
    private final JdbcTemplate jdbc;

    AccessReviewStarter(AccessReviewService reviews, JdbcTemplate jdbc) {
        this.reviews = reviews;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(PortalAccessChanged event) {
        if (event.change() == PortalAccessChanged.Change.ACTIVATED) {
            reviews.ensureReviewsRun(event.clientId());
        }
    }

    /** Runs after {@link ArchivedClientPortalAccess} revoked the access, in the archiving transaction. */
    @EventListener
    void on(ClientArchived event) {
        reviews.endFor(event.clientId(), "Client archived: " + event.reason());
    }

    @EventListener(ApplicationReadyEvent.class)
    void startMissing() {
        var clients = jdbc.queryForList("select distinct client_id from portal_account where status = 'ACTIVE'",
                UUID.class);
        for (UUID clientId : clients) {
            try {
                reviews.ensureReviewsRun(clientId);
            } catch (RuntimeException e) {
                // one client's failure must not keep the others' reviews from starting, nor the app from running
                log.warn("Could not start the access review of client {}", clientId, e);
            }
        }
    }
}
