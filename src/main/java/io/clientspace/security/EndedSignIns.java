package io.clientspace.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sign-ins that Keycloak has ended (a sign-out elsewhere, an admin's "sign out", a disabled account), from its
 * back-channel logout call. Keycloak calls one node; the table tells the others, which read it on each sweep.
 */
@Component
class EndedSignIns {

    /** One ended sign-in: by Keycloak session id, or, when the token names none, every sign-in of the subject. */
    record Ended(String issuer, String subject, String sessionId, Instant endedAt) {

        boolean ends(String issuer, String subject, String sessionId, Instant signedInAt) {
            if (!this.issuer.equals(issuer)) {
                return false;
            }
            if (this.sessionId != null) {
                return this.sessionId.equals(sessionId);
            }
            return this.subject != null && this.subject.equals(subject) && !signedInAt.isAfter(endedAt);
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SessionProperties properties;
    private volatile List<Ended> known = List.of();
    private final List<Ended> recordedHere = new CopyOnWriteArrayList<>();

    EndedSignIns(JdbcTemplate jdbc, Clock clock, SessionProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    Ended record(String issuer, String subject, String sessionId) {
        Ended ended = new Ended(issuer, subject, sessionId, clock.instant());
        jdbc.update("insert into ended_sign_in (issuer, subject, session_id, ended_at) values (?, ?, ?, ?)",
                issuer, subject, sessionId, Timestamp.from(ended.endedAt()));
        recordedHere.add(ended);
        return ended;
    }

    /** Reads what every node has recorded; forgets what no open session can still be (older than a lifetime). */
    void refresh() {
        Timestamp horizon = Timestamp.from(clock.instant().minus(properties.absoluteLifetime()));
        jdbc.update("delete from ended_sign_in where ended_at < ?", horizon);
        known = jdbc.query("select issuer, subject, session_id, ended_at from ended_sign_in",
                (rs, i) -> new Ended(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()));
        recordedHere.clear();
    }

    boolean ended(String issuer, String subject, String sessionId, Instant signedInAt) {
        for (Ended e : known) {
            if (e.ends(issuer, subject, sessionId, signedInAt)) {
                return true;
            }
        }
        for (Ended e : recordedHere) {
            if (e.ends(issuer, subject, sessionId, signedInAt)) {
                return true;
            }
        }
        return false;
    }
}
