package io.clientspace.extranet;

import io.clientspace.shared.CustomerActed;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record of what each portal contact did, for the access review's "is it still appropriate" question: sign-ins
 * and answers here, downloads in {@link CustomerDownloads}' log. Answers arrive as {@link CustomerActed} from the
 * modules that own them and are written in their transaction (see DD013), so the evidence cannot disagree with them.
 */
@Component
class ContactActivityLog {

    /** How many entries a contact's activity shows, newest first. */
    static final int RECENT = 30;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ContactActivityLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void signedIn(UUID accountId, UUID clientId) {
        insert(accountId, clientId, ContactActivity.Kind.SIGN_IN.name(), null, null);
    }

    @EventListener
    void on(CustomerActed e) {
        insert(e.accountId(), e.clientId(), e.kind().name(), e.subjectId(), e.title());
    }

    /** The contact's latest activity, downloads included, newest first. */
    List<ContactActivity> recent(UUID accountId) {
        return jdbc.query("""
                select kind, happened_at, subject_id, subject_title from (
                    (select kind, happened_at, subject_id, subject_title from portal_activity
                     where account_id = ? order by happened_at desc limit ?)
                    union all
                    (select 'DOWNLOAD', downloaded_at, subject_id, subject_title from portal_download
                     where account_id = ? order by downloaded_at desc limit ?)
                ) recent order by happened_at desc limit ?""",
                (rs, i) -> new ContactActivity(ContactActivity.Kind.valueOf(rs.getString(1)),
                        rs.getTimestamp(2).toInstant(), rs.getObject(3, UUID.class), rs.getString(4)),
                accountId, RECENT, accountId, RECENT, RECENT);
    }

    private void insert(UUID accountId, UUID clientId, String kind, UUID subjectId, String title) {
        jdbc.update("""
                insert into portal_activity (id, account_id, client_id, kind, subject_id, subject_title, happened_at)
                values (?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), accountId, clientId, kind, subjectId,
                title == null || title.length() <= 300 ? title : title.substring(0, 300),
                Timestamp.from(clock.instant()));
    }
}
