package io.clientspace.reports;

import static io.clientspace.support.Actors.as;
import static io.clientspace.support.Actors.asManager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The auditors' activity export over a month of 2003 that only this test writes to: the timeline, a portal sign-in
 * and acceptance, a download, a deploy and a colleague change, oldest first; the file's SHA-256 recorded.
 */
@ClientspaceIntegrationTest
class ActivityExportIntegrationTests {

    static final LocalDate FROM = LocalDate.of(2003, 3, 1);
    static final LocalDate TO = LocalDate.of(2003, 3, 31);
    static final String ADMIN = "auditor-admin";

    @Autowired
    ActivityExportService exports;
    @Autowired
    JdbcTemplate jdbc;

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final UUID client = UUID.randomUUID();
    final UUID account = UUID.randomUUID();
    final String deployment = "dep-" + tag;

    @BeforeEach
    void data() {
        jdbc.update("insert into client (id, kind, name, owner, created_at, updated_at) values (?, 'COMPANY', ?,"
                + " 'manager', now(), now())", client, "Audit " + tag);
        timeline("2003-03-05", "DEAL_STAGE", "Deal one");
        timeline("2003-04-02", "DEAL_STAGE", "Outside the range");
        jdbc.update("insert into portal_account (id, client_id, username, email, display_name, status, granted_by,"
                + " granted_at) values (?, ?, ?, ?, 'Carla Client', 'ACTIVE', 'manager', now())", account, client,
                "ae-" + tag, "ae-" + tag + "@example.com");
        jdbc.update("insert into portal_activity (id, account_id, client_id, kind, subject_id, subject_title,"
                + " happened_at) values (?, ?, ?, 'SIGN_IN', null, null, ?)", UUID.randomUUID(), account, client,
                at("2003-03-06"));
        jdbc.update("insert into portal_activity (id, account_id, client_id, kind, subject_id, subject_title,"
                + " happened_at) values (?, ?, ?, 'DOCUMENT_ACCEPTED', ?, 'Contract', ?)", UUID.randomUUID(),
                account, client, UUID.randomUUID(), at("2003-03-07"));
        jdbc.update("insert into portal_download (id, account_id, client_id, subject_kind, subject_id, subject_title,"
                + " downloaded_at) values (?, ?, ?, 'DOCUMENT', ?, 'Contract.pdf', ?)", UUID.randomUUID(), account,
                client, UUID.randomUUID(), at("2003-03-08"));
        jdbc.update("insert into model_deployment (id, model_key, kind, version, deployment_id, action, deployed_by,"
                + " deployed_at, change_note) values (?, 'deal-stages', 'BPMN', 7, ?, 'DEPLOY', 'po', ?, 'Faster')",
                UUID.randomUUID(), deployment, at("2003-03-09"));
        timeline("2003-03-10", "TASK_CREATED", "Task two");
        jdbc.update("insert into colleague_audit (at, actor, colleague, action, detail) values (?, 'admin', ?,"
                + " 'INVITED', 'member')", at("2003-03-11"), "new-" + tag);
    }

    @AfterEach
    void clean() {
        jdbc.update("delete from activity_export where exported_by = ?", ADMIN);
        jdbc.update("delete from colleague_audit where colleague = ?", "new-" + tag);
        jdbc.update("delete from model_deployment where deployment_id = ?", deployment);
        jdbc.update("delete from portal_download where client_id = ?", client);
        jdbc.update("delete from portal_activity where client_id = ?", client);
        jdbc.update("delete from portal_account where client_id = ?", client);
        jdbc.update("delete from timeline_entry where client_id = ?", client);
        jdbc.update("delete from client where id = ?", client);
    }

    @Test
    void everythingRecordedInTheRangeOldestFirstWithTheFilesHashRecorded() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ActivityExportService.ActivityExport export = asAdmin(() -> exports.export(FROM, TO, out));
        byte[] bytes = out.toByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF" + String.join(",", ActivityExportService.HEADER) + "\r\n");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertThat(rows).extracting(r -> List.of(r.get("when_utc"), r.get("who"), r.get("source"), r.get("what"),
                r.get("client"), r.get("record"))).containsExactly(
                List.of("2003-03-05T12:00:00Z", "manager", "TIMELINE", "DEAL_STAGE", "Audit " + tag, "Deal one"),
                List.of("2003-03-06T12:00:00Z", "ae-" + tag, "PORTAL", "SIGN_IN", "Audit " + tag, ""),
                List.of("2003-03-07T12:00:00Z", "ae-" + tag, "PORTAL", "DOCUMENT_ACCEPTED", "Audit " + tag,
                        "Contract"),
                List.of("2003-03-08T12:00:00Z", "ae-" + tag, "DOWNLOAD", "DOCUMENT", "Audit " + tag, "Contract.pdf"),
                List.of("2003-03-09T12:00:00Z", "po", "DEPLOY", "DEPLOY", "", "deal-stages v7"),
                List.of("2003-03-10T12:00:00Z", "manager", "TIMELINE", "TASK_CREATED", "Audit " + tag, "Task two"),
                List.of("2003-03-11T12:00:00Z", "admin", "COLLEAGUE", "INVITED", "", "new-" + tag));
        assertThat(rows.get(0).get("client_id")).isEqualTo(client.toString());

        String sha = HexFormat.of().formatHex(ClientExportService.sha256().digest(bytes));
        assertThat(export.sha256()).isEqualTo(sha);
        assertThat(export.rows()).isEqualTo(7);
        assertThat(export.exportedBy()).isEqualTo(ADMIN);
        assertThat(jdbc.queryForObject("select sha256 from activity_export where id = ?", String.class, export.id()))
                .isEqualTo(sha);
        assertThat(asAdmin(() -> exports.recent(20))).first().isEqualTo(export);
        assertThat(asAdmin(() -> exports.count(FROM, TO))).isEqualTo(7);
    }

    @Test
    void onlyAdminsBadRangesAndAnEmptyRangeGiveNoFile() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> asManager(() -> exports.export(FROM, TO, out))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asManager(() -> exports.recent(20))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asAdmin(() -> exports.export(TO, FROM, out)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> asAdmin(() -> exports.export(FROM.minusYears(6), TO, out)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> asAdmin(() -> exports.export(LocalDate.of(2002, 1, 1), LocalDate.of(2002, 1, 31),
                out))).isInstanceOf(EmptyReportException.class);
        assertThat(out.size()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from activity_export where exported_by = ?", Integer.class,
                ADMIN)).isZero();
    }

    private static <T> T asAdmin(java.util.function.Supplier<T> work) {
        return as(ADMIN, work, "STAFF", "ADMIN");
    }

    private void timeline(String day, String kind, String title) {
        jdbc.update("insert into timeline_entry (id, client_id, occurred_at, actor, kind, subject_id, subject_title)"
                + " values (?, ?, ?, 'manager', ?, ?, ?)", UUID.randomUUID(), client, at(day), kind,
                UUID.randomUUID(), title);
    }

    private static Timestamp at(String day) {
        return Timestamp.from(Instant.parse(day + "T12:00:00Z"));
    }
}
