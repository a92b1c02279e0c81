package io.clientspace.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Offers events whose after-commit listener failed to that listener again, while the app runs: a mail that found the
 * SMTP server down goes out once it is back, without waiting for a restart. Spring Modulith's event publication
 * registry keeps such a publication incomplete; this resubmits the ones older than
 * {@code clientspace.events.retry-after}, every {@code clientspace.events.retry-interval}.
 * <p>
 * <b>Once, not twice.</b> One round runs at a time in the whole cluster (a PostgreSQL advisory lock, held on its own
 * connection), and the round waits for the listeners it started until they complete or
 * {@code clientspace.events.attempt-timeout} passes; only then may the next round, on any node, resubmit what is
 * still incomplete. Mail timeouts (application.yml) bound an attempt well below that. Publications younger than
 * retry-after are left to their first attempt. Republishing on restart is off for the same reason: in a cluster a
 * restarting node would resubmit what another node is working on (docs/decisions/DD016-fault-drills.md).
 * <p>
 * An incomplete publication may not have failed: its first attempt may still wait in the executor's queue, or still
 * be sending, when it is older than retry-after (a burst of mails, a slow mail server). Spring Modulith 1.4 cannot
 * tell the two apart, so this resubmits both, and {@link OncePerPublication} makes the attempt that comes second
 * find the publication complete and do nothing (DD040).
 */
@Component
public class EventPublicationRetry {

    private static final Logger log = LoggerFactory.getLogger(EventPublicationRetry.class);
    /** The advisory lock's key: "clientspace event retry", any constant no other code uses. */
    static final long LOCK_KEY = 0x636C_6576_7265_7472L;

    private final IncompleteEventPublications publications;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final EventRetryProperties properties;
    private final Counter resubmittedCount;

    EventPublicationRetry(IncompleteEventPublications publications, DataSource dataSource, JdbcTemplate jdbc,
                          EventRetryProperties properties, MeterRegistry meters) {
        this.publications = publications;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.properties = properties;
        this.resubmittedCount = Counter.builder("clientspace.events.resubmitted")
                .description("Event publications a retry round offered to their listener again")
                .register(meters);
    }

    /**
     * One round: resubmits the failed publications and waits for them.
     *
     * @return how many publications were resubmitted; 0 also when another node's round holds the lock
     */
    @Scheduled(fixedDelayString = "${clientspace.events.retry-interval:PT1M}",
            initialDelayString = "${clientspace.events.retry-interval:PT1M}")
    public int retry() {
        try (Connection lock = dataSource.getConnection()) {
            if (!advisory(lock, "select pg_try_advisory_lock(?)")) {
                return 0;
            }
            try {
                return resubmitAndWait();
            } finally {
                advisory(lock, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException | RuntimeException e) {
            // the database or a listener failed: the publications stay incomplete for the next round
            log.warn("Retrying failed event publications: {}", e.getMessage());
            return 0;
        }
    }

    private int resubmitAndWait() {
        Instant olderThan = Instant.now().minus(properties.retryAfter());
        Set<UUID> resubmitted = new HashSet<>();
        publications.resubmitIncompletePublications(p -> p.getPublicationDate().isBefore(olderThan)
                && resubmitted.add(p.getIdentifier()));
        if (resubmitted.isEmpty()) {
            return 0;
        }
        resubmittedCount.increment(resubmitted.size());
        log.info("Resubmitted {} incomplete event publications", resubmitted.size());
        long deadline = System.nanoTime() + properties.attemptTimeout().toNanos();
        List<UUID> ids = List.copyOf(resubmitted);
        while (System.nanoTime() < deadline && stillIncomplete(ids) > 0) {
            try {
                Thread.sleep(200); // polling the listeners' completion, which happens on other threads
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return resubmitted.size();
    }

    private int stillIncomplete(List<UUID> ids) {
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        Integer open = jdbc.queryForObject("select count(*) from event_publication where completion_date is null"
                + " and id in (" + marks + ")", Integer.class, ids.toArray());
        return open == null ? 0 : open;
    }

    private static boolean advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
