package io.clientspace.reports;

import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import io.clientspace.shared.NoAccessException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The activity export for auditors (admins only): everything recorded across all clients in a date range, one CSV
 * row per event, oldest first: the timeline (what colleagues did on clients and projects), portal sign-ins and the
 * customers' answers (proposals and documents accepted or declined), portal downloads, process model deploys and
 * colleague administration (invitations, role changes, deactivations). Staff sign-ins and denied sign-ins happen in
 * Keycloak and are not recorded here; its event log holds them.
 * <p>
 * The file streams from a database cursor; its SHA-256 is computed as it is written and recorded with who made it,
 * when, for which range and how many rows ({@code activity_export}), so the file handed over can be verified later.
 */
@Service
public class ActivityExportService {

    /** The CSV's columns: machine names, as an auditor's tools expect them, in every language. */
    public static final List<String> HEADER = List.of("when_utc", "who", "source", "what", "client_id", "client",
            "record_id", "record", "detail");
    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";

    private static final String EVENTS = """
            select t.occurred_at as at, t.actor as who, 'TIMELINE' as source, t.kind as what, c.id::text as client_id,
                   c.name as client, t.subject_id::text as record_id, t.subject_title as record, t.detail as detail
            from timeline_entry t join client c on c.id = t.client_id
            where t.occurred_at >= :fromTs and t.occurred_at < :toTs
            union all
            select pa.happened_at, a.username, 'PORTAL', pa.kind, c.id::text, c.name, pa.subject_id::text,
                   pa.subject_title, a.display_name
            from portal_activity pa join portal_account a on a.id = pa.account_id join client c on c.id = pa.client_id
            where pa.happened_at >= :fromTs and pa.happened_at < :toTs
            union all
            select d.downloaded_at, a.username, 'DOWNLOAD', d.subject_kind, c.id::text, c.name, d.subject_id::text,
                   d.subject_title, a.display_name
            from portal_download d join portal_account a on a.id = d.account_id join client c on c.id = d.client_id
            where d.downloaded_at >= :fromTs and d.downloaded_at < :toTs
            union all
            select m.deployed_at, m.deployed_by, 'DEPLOY', m.action, null, null, m.deployment_id,
                   m.model_key || ' v' || m.version, m.change_note
            from model_deployment m where m.deployed_at >= :fromTs and m.deployed_at < :toTs
            union all
            select ca.at, ca.actor, 'COLLEAGUE', ca.action, null, null, null, ca.colleague, ca.detail
            from colleague_audit ca where ca.at >= :fromTs and ca.at < :toTs
            """;

    /** One export as recorded. */
    public record ActivityExport(UUID id, String exportedBy, Instant exportedAt, LocalDate from, LocalDate to,
                                 long rows, String sha256) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentUserProvider currentUser;
    private final Clock clock;

    ActivityExportService(DataSource dataSource, CurrentUserProvider currentUser, Clock clock) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // inside the transaction PostgreSQL reads through a cursor: the file never sits in memory
        template.setFetchSize(500);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * How many rows an export of the range would have; an export of none is refused before a file is started.
     *
     * @throws io.clientspace.shared.InvalidInputException a missing date, an end before the start, over 5 years
     * @throws NoAccessException unless the current user is an admin
     */
    @Transactional(readOnly = true)
    public long count(LocalDate from, LocalDate to) {
        admin();
        return jdbc.queryForObject("select count(*) from (" + EVENTS + ") e", params(from, to), Long.class);
    }

    /**
     * Streams the range's events as CSV (UTF-8 with a byte order mark, RFC 4180) into {@code out} and records the
     * export with the file's SHA-256. The caller closes {@code out}.
     *
     * @throws EmptyReportException when the range holds nothing: nothing was written or recorded
     * @throws io.clientspace.shared.InvalidInputException a missing date, an end before the start, over 5 years
     * @throws NoAccessException unless the current user is an admin
     */
    @Transactional
    public ActivityExport export(LocalDate from, LocalDate to, OutputStream out) {
        CurrentUser user = admin();
        MapSqlParameterSource p = params(from, to);
        MessageDigest sha = ClientExportService.sha256();
        Writer writer = new OutputStreamWriter(new DigestOutputStream(out, sha), StandardCharsets.UTF_8);
        CSVPrinter[] printer = {null};
        long[] rows = {0};
        jdbc.query(EVENTS + " order by 1, 3, 7", p, rs -> {
            try {
                if (printer[0] == null) {
                    writer.write('\uFEFF');
                    printer[0] = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                            .setHeader(HEADER.toArray(String[]::new)).get());
                }
                printer[0].printRecord(rs.getObject(1, OffsetDateTime.class).toInstant().toString(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9));
                rows[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (rows[0] == 0) {
            throw new EmptyReportException();
        }
        try {
            printer[0].flush();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ActivityExport export = new ActivityExport(UUID.randomUUID(), user.username(),
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), from, to,
                rows[0], HexFormat.of().formatHex(sha.digest()));
        jdbc.update("insert into activity_export (id, exported_by, exported_at, range_from, range_to, row_count,"
                + " sha256) values (:id, :by, :at, :from, :to, :rows, :sha)", new MapSqlParameterSource()
                .addValue("id", export.id()).addValue("by", export.exportedBy())
                .addValue("at", Timestamp.from(export.exportedAt())).addValue("from", from).addValue("to", to)
                .addValue("rows", export.rows()).addValue("sha", export.sha256()));
        return export;
    }

    /** The latest recorded exports, newest first. @throws NoAccessException unless an admin */
    @Transactional(readOnly = true)
    public List<ActivityExport> recent(int limit) {
        admin();
        return jdbc.query("select id, exported_by, exported_at, range_from, range_to, row_count, sha256"
                + " from activity_export order by exported_at desc, id limit :limit",
                new MapSqlParameterSource("limit", limit), (rs, n) -> new ActivityExport(rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getLong(6), rs.getString(7)));
    }

    private CurrentUser admin() {
        CurrentUser user = currentUser.require();
        if (!user.has(Roles.ADMIN)) {
            throw new NoAccessException("The activity export is for admins", null);
        }
        return user;
    }

    private MapSqlParameterSource params(LocalDate from, LocalDate to) {
        ReportFilter.between(from, to).check();
        return new MapSqlParameterSource()
                .addValue("fromTs", OffsetDateTime.from(from.atStartOfDay(clock.getZone())))
                .addValue("toTs", OffsetDateTime.from(to.plusDays(1).atStartOfDay(clock.getZone())));
    }
}
