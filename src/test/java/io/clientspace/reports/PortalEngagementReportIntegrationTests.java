package io.clientspace.reports;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.support.ClientspaceIntegrationTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Portal engagement report on a small data set, against figures worked out by hand. The range is the last 60
 * days; "quiet" means no portal activity of any kind in the last 30.
 * <pre>
 * Client  owner    contacts (status)                     in the range                        before it / not counted
 *  Alpha  manager  Ann (ACTIVE), Abe (ACTIVE), Ava (REVOKED)
 *                    Ann: sign-ins 2 d and 10 d ago, a download 2 d ago, a chat message 1 d ago
 *                    Abe: sign-in 40 d ago, a message in the project chat 40 d ago                     Ava: sign-in 100 d ago;
 *                                                                                            a colleague's and a
 *                                                                                            deleted chat message
 *  Beta   member   Bea (ACTIVE): sign-in and a download 45 d ago                             (quiet)
 *  Gamma  jonas    Gil (INVITED): nothing                                                    (quiet, never active)
 *  Delta  manager  Dan (NOT_INVITED): no portal, not in the report
 * </pre>
 */
@ClientspaceIntegrationTest
class PortalEngagementReportIntegrationTests {

    @Autowired
    ReportService reports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    final String tag = "portal-" + UUID.randomUUID().toString().substring(0, 8);
    final UUID alpha = UUID.randomUUID();
    final UUID beta = UUID.randomUUID();
    final UUID gamma = UUID.randomUUID();
    final UUID delta = UUID.randomUUID();
    final List<UUID> clients = List.of(alpha, beta, gamma, delta);
    final Instant now = Instant.now();
    ReportFilter range;

    @BeforeEach
    void data() {
        range = ReportFilter.between(LocalDate.now(clock).minusDays(60), LocalDate.now(clock)).withTag(tag);
        client(alpha, "Alpha", "manager");
        client(beta, "Beta", "member");
        client(gamma, "Gamma", "jonas");
        client(delta, "Delta", "manager");
        UUID ann = account(alpha, "Ann", "ACTIVE");
        UUID abe = account(alpha, "Abe", "ACTIVE");
        UUID ava = account(alpha, "Ava", "REVOKED");
        UUID bea = account(beta, "Bea", "ACTIVE");
        account(gamma, "Gil", "INVITED");
        account(delta, "Dan", "NOT_INVITED");

        signIn(ann, alpha, 2);
        signIn(ann, alpha, 10);
        download(ann, alpha, "Contract.pdf", 2);
        UUID channel = UUID.randomUUID();
        jdbc.update("insert into chat_channel (id, client_id, kind, created_at) values (?, ?, 'CLIENT', now())",
                channel, alpha);
        message(channel, "CUSTOMER", username("Ann"), "Ann", "Thanks for the draft", 1, false);
        message(channel, "STAFF", "manager", "Manager", "You are welcome", 1, false);
        message(channel, "CUSTOMER", username("Ann"), "Ann", "Oops", 1, true);
        signIn(abe, alpha, 40);
        UUID project = UUID.randomUUID();
        jdbc.update("insert into client_project (id, client_id, name, status, owner, created_by, created_at,"
                + " updated_at) values (?, ?, 'Site', 'ACTIVE', 'manager', 'manager', now(), now())", project, alpha);
        UUID projectChannel = UUID.randomUUID();
        jdbc.update("insert into chat_channel (id, client_id, project_id, kind, created_at) values (?, ?, ?, 'CLIENT',"
                + " now())", projectChannel, alpha, project);
        message(projectChannel, "CUSTOMER", username("Abe"), "Abe", "Looks good", 40, false);
        signIn(ava, alpha, 100);

        signIn(bea, beta, 45);
        download(bea, beta, "Offer.pdf", 45);
    }

    @AfterEach
    void clean() {
        for (UUID client : clients) {
            jdbc.update("delete from chat_message where channel_id in (select id from chat_channel where client_id = ?)",
                    client);
            jdbc.update("delete from chat_channel where client_id = ?", client);
            jdbc.update("delete from portal_download where client_id = ?", client);
            jdbc.update("delete from portal_activity where client_id = ?", client);
            jdbc.update("delete from portal_account where client_id = ?", client);
            jdbc.update("delete from client_project where client_id = ?", client);
            jdbc.update("delete from client_tag where client_id = ?", client);
            jdbc.update("delete from client where id = ?", client);
        }
    }

    @Test
    void contactsSignInsDownloadsAndMessagesPerClientAndTheQuietOnes() {
        assertThat(rows(range)).containsExactly(
                // 2 with access (Ava is revoked); Ann and Abe acted; 3 sign-ins, 1 download, 2 messages
                List.of(alpha, "Alpha " + tag, 2L, 2L, 3L, 1L, 2L, day(1), false),
                // last seen 45 days ago: quiet
                List.of(beta, "Beta " + tag, 1L, 1L, 1L, 1L, 0L, day(45), true),
                // invited, never signed in: quiet, no last activity
                Arrays.asList(gamma, "Gamma " + tag, 0L, 0L, 0L, 0L, 0L, null, true));
        // a shorter range: only what Ann did in the last 30 days; contacts and "quiet" stay as of today
        ReportFilter month = ReportFilter.between(LocalDate.now(clock).minusDays(30), LocalDate.now(clock))
                .withTag(tag);
        assertThat(rows(month)).containsExactly(
                List.of(alpha, "Alpha " + tag, 2L, 1L, 2L, 1L, 1L, day(1), false),
                List.of(beta, "Beta " + tag, 1L, 0L, 0L, 0L, 0L, day(45), true),
                Arrays.asList(gamma, "Gamma " + tag, 0L, 0L, 0L, 0L, 0L, null, true));
    }

    @Test
    void aBarOpensTheSignInsDownloadsOrMessagesBehindIt() {
        ReportTable signIns = asManager(() -> reports.drill(ReportKind.PORTAL_ENGAGEMENT, range, alpha, 0));
        assertThat(signIns.rows()).extracting(r -> r.subList(2, 5)).containsExactly(
                Arrays.asList("Abe", null, day(40)), Arrays.asList("Ann", null, day(10)),
                Arrays.asList("Ann", null, day(2)));
        ReportTable downloads = asManager(() -> reports.drill(ReportKind.PORTAL_ENGAGEMENT, range, alpha, 1));
        assertThat(downloads.rows()).extracting(r -> r.subList(2, 5)).containsExactly(
                List.of("Ann", "Contract.pdf", day(2)));
        ReportTable messages = asManager(() -> reports.drill(ReportKind.PORTAL_ENGAGEMENT, range, alpha, 2));
        assertThat(messages.rows()).extracting(r -> r.subList(2, 5)).containsExactly(
                List.of("Abe", "Looks good", day(40)), List.of("Ann", "Thanks for the draft", day(1)));
    }

    @Test
    void aMemberSeesOnlyThePortalsOfClientsTheyMayOpen() {
        assertThat(asMember(() -> reports.run(ReportKind.PORTAL_ENGAGEMENT, range)).rows())
                .extracting(r -> r.get(0)).containsExactly(beta);
        assertThat(asMember(() -> reports.run(ReportKind.PORTAL_ENGAGEMENT, range.withClient(alpha))).rows())
                .isEmpty();
        assertThat(asMember(() -> reports.drill(ReportKind.PORTAL_ENGAGEMENT, range, alpha, 0)).rows()).isEmpty();
    }

    @Test
    void theExportHoldsTheTableAndAnEmptyOneIsRefused() {
        List<List<Object>> exported = new ArrayList<>();
        long written = asManager(() -> reports.export(ReportKind.PORTAL_ENGAGEMENT, range, new RowSink() {
            public void start(List<Column> columns) {
                assertThat(columns).isEqualTo(ReportKind.PORTAL_ENGAGEMENT.columns());
            }

            public void row(List<Object> values) {
                exported.add(values);
            }

            public void finish() {
            }
        }));
        assertThat(written).isEqualTo(3);
        assertThat(exported).isEqualTo(asManager(() -> reports.run(ReportKind.PORTAL_ENGAGEMENT, range)).rows());
        ReportFilter nobody = range.withTag(tag + "-none");
        assertThatThrownBy(() -> asManager(() -> reports.export(ReportKind.PORTAL_ENGAGEMENT, nobody, new RowSink() {
            public void start(List<Column> columns) {
                throw new AssertionError("an empty export starts no file");
            }

            public void row(List<Object> values) {
            }

            public void finish() {
            }
        }))).isInstanceOf(EmptyReportException.class);
    }

    private List<List<Object>> rows(ReportFilter filter) {
        return asManager(() -> reports.run(ReportKind.PORTAL_ENGAGEMENT, filter)).rows();
    }

    private LocalDate day(int daysAgo) {
        return LocalDate.ofInstant(ago(daysAgo).toInstant(), clock.getZone());
    }

    private Timestamp ago(int days) {
        return Timestamp.from(now.minus(Duration.ofDays(days)));
    }

    private String username(String name) {
        return "pe-" + tag + "-" + name.toLowerCase();
    }

    private void client(UUID id, String name, String owner) {
        jdbc.update("insert into client (id, kind, name, owner, created_at, updated_at) values (?, 'COMPANY', ?, ?,"
                + " now(), now())", id, name + " " + tag, owner);
        jdbc.update("insert into client_tag (client_id, tag) values (?, ?)", id, tag);
    }

    private UUID account(UUID client, String name, String status) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into portal_account (id, client_id, username, email, display_name, status, granted_by,"
                + " granted_at) values (?, ?, ?, ?, ?, ?, 'manager', now())", id, client, username(name),
                username(name) + "@example.com", name, status);
        return id;
    }

    private void signIn(UUID account, UUID client, int daysAgo) {
        jdbc.update("insert into portal_activity (id, account_id, client_id, kind, happened_at) values (?, ?, ?,"
                + " 'SIGN_IN', ?)", UUID.randomUUID(), account, client, ago(daysAgo));
    }

    private void download(UUID account, UUID client, String title, int daysAgo) {
        jdbc.update("insert into portal_download (id, account_id, client_id, subject_kind, subject_id, subject_title,"
                + " downloaded_at) values (?, ?, ?, 'DOCUMENT', ?, ?, ?)", UUID.randomUUID(), account, client,
                UUID.randomUUID(), title, ago(daysAgo));
    }

    private void message(UUID channel, String kind, String author, String name, String body, int daysAgo,
                         boolean deleted) {
        jdbc.update("insert into chat_message (id, channel_id, author_kind, author, author_name, body, created_at,"
                + " deleted_at) values (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), channel, kind, author, name, body,
                ago(daysAgo), deleted ? ago(daysAgo) : null);
    }
}
