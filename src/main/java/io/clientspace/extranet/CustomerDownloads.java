package io.clientspace.extranet;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of what customers downloaded: who, what and when. It belongs to external access, as it answers the
 * question "what did the people we let in take away"; the portal only reports each download here.
 */
@Service
public class CustomerDownloads {

    /** What was downloaded: a file of the client, or a version of one of its documents. */
    public enum Subject { FILE, DOCUMENT }

    private final PortalAccessPolicy policy;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CustomerDownloads(PortalAccessPolicy policy, JdbcTemplate jdbc, Clock clock) {
        this.policy = policy;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a customer's download; a manager's "view as client" is not the customer's and is not recorded.
     *
     * @param title what the customer saw it as, kept even if it is renamed later
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(CustomerScope scope, Subject subject, UUID id, String title) {
        policy.verify(scope);
        if (scope.preview()) {
            return;
        }
        jdbc.update("""
                insert into portal_download (id, account_id, client_id, subject_kind, subject_id, subject_title,
                                             downloaded_at) values (?, ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID(), scope.accountId(), scope.clientId(), subject.name(), id,
                title == null || title.length() <= 300 ? title : title.substring(0, 300),
                Timestamp.from(clock.instant()));
    }
}
