package io.clientspace.reports;

import java.math.BigDecimal;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small fixed data set for the report tests, written straight into the tables so every timestamp is exact. All its
 * clients carry one tag of their own, so filtering by it leaves out whatever else the shared test database holds.
 * Alpha belongs to {@code manager}, Beta to {@code member}, Gamma to {@code jonas}; {@link #delete()} removes it all.
 */
public final class ReportFixture {

    public final String tag = "rep-" + UUID.randomUUID().toString().substring(0, 8);
    final UUID alpha = UUID.randomUUID();
    final UUID beta = UUID.randomUUID();
    final UUID gamma = UUID.randomUUID();
    final UUID relaunch = UUID.randomUUID();
    final UUID betaWeb = UUID.randomUUID();
    final LocalDate today;
    private final JdbcTemplate jdbc;
    private final List<UUID> tasks = new ArrayList<>();
    private final List<UUID> deals = new ArrayList<>();

    public ReportFixture(JdbcTemplate jdbc, LocalDate today) {
        this.jdbc = jdbc;
        this.today = today;
    }

    public ReportFixture create() {
        client(alpha, "Alpha " + tag, "manager");
        client(beta, "Beta " + tag, "member");
        client(gamma, "Gamma " + tag, "jonas");
        jdbc.update("insert into client_project (id, client_id, name, status, start_date, end_date, owner, created_by,"
                + " created_at, updated_at) values (?, ?, ?, 'ACTIVE', ?, ?, 'manager', 'manager', now(), now())",
                relaunch, alpha, "Relaunch " + tag, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 4));

        jdbc.update("insert into client_project (id, client_id, name, status, owner, created_by, created_at,"
                + " updated_at) values (?, ?, ?, 'ACTIVE', 'member', 'member', now(), now())", betaWeb, beta,
                "Beta web " + tag);

        // open deals
        deal(alpha, "Open A1", "1000", "EUR", "StageNew", LocalDate.of(2027, 1, 15), null, null, null, false);
        deal(alpha, "Open A2", "500", "EUR", "StageNew", LocalDate.of(2027, 1, 20), null, null, null, false);
        deal(alpha, "Open A3", "2000", "USD", "StageProposal", LocalDate.of(2027, 2, 10), null, null, null, true);
        deal(beta, "Open B4", "4000", "EUR", "StageNegotiation", LocalDate.of(2027, 1, 5), null, null, null, false);
        deal(gamma, "Open C5", "800", "EUR", "StageQualified", LocalDate.of(2027, 2, 1), null, null, null, false);
        // closed deals, with the stage changes the timeline recorded
        UUID won = deal(alpha, "Won A6", "3000", "EUR", "WON", LocalDate.of(2025, 3, 1), at("2025-01-01"),
                at("2025-03-10"), "Good fit", false);
        stage(alpha, won, "2025-01-11", "DEAL_STAGE", "StageQualified");
        stage(alpha, won, "2025-01-15", "DEAL_STAGE", "StageProposal");
        stage(alpha, won, "2025-01-25", "DEAL_STAGE", "StageNegotiation");
        stage(alpha, won, "2025-03-10", "DEAL_STAGE", "WON|Good fit");
        UUID lostB = deal(beta, "Lost B7", "1500", "EUR", "LOST", LocalDate.of(2025, 3, 1), at("2025-02-01"),
                at("2025-03-20"), "Price", false);
        stage(beta, lostB, "2025-02-05", "DEAL_STAGE", "StageQualified");
        stage(beta, lostB, "2025-03-20", "DEAL_STAGE", "LOST|Price");
        UUID lostC = deal(gamma, "Lost C8", "700", "EUR", "LOST", LocalDate.of(2025, 4, 1), at("2025-02-01"),
                at("2025-04-02"), "Price", false);
        stage(gamma, lostC, "2025-02-03", "DEAL_STAGE", "StageQualified");
        // the same stage recorded twice (an edit on the way) is one stay, not two
        stage(gamma, lostC, "2025-02-10", "DEAL_STAGE", "StageQualified");
        stage(gamma, lostC, "2025-04-02", "DEAL_STAGE", "LOST|Price");

        // open tasks, relative to today; one done
        UUID t1 = task(alpha, "Overdue A", "manager", today.minusDays(2), null, false);
        task(alpha, "Due today A", "manager", today, null, false);
        UUID t3 = task(alpha, "Nobody's A", null, null, relaunch, false);
        UUID t4 = task(beta, "Later B", "member", today.plusDays(30), null, false);
        UUID t5 = task(gamma, "Overdue C", "jonas", today.minusDays(1), null, false);
        task(alpha, "Done A", "manager", today.minusDays(5), null, true);

        time(t1, alpha, "manager", "2025-03-03", 120, true);
        time(t1, alpha, "manager", "2025-03-04", 60, false);
        time(t3, alpha, "member", "2025-03-05", 90, true);
        time(t4, beta, "member", "2025-04-01", 30, true);
        time(t5, gamma, "jonas", "2025-04-02", 45, false);

        // information requests: Alpha's has two answers waiting on manager since 1 May, and one still with the
        // client; Beta's one answer waits on member since 1 June
        UUID r1 = request(alpha, relaunch, "1", "IN_PROGRESS", "manager");
        item(r1, 1, "ANSWERED", "2025-05-01");
        item(r1, 2, "ANSWERED", "2025-05-03");
        item(r1, 3, "OPEN", null);
        UUID r2 = request(beta, betaWeb, "2", "SENT", "member");
        item(r2, 1, "ANSWERED", "2025-06-01");
        item(r2, 2, "ACCEPTED", "2025-05-20");

        // proposals (sent, answered and expired at noon UTC; submissions and approvals to the hour)
        // Alpha: accepted after 10 days, approved after 26 h
        proposal(alpha, 1, "FIXED_FEE", "10000", "EUR", "ACCEPTED", "2025-01-09T10:00:00Z", "DISCOUNT",
                "2025-01-10T12:00:00Z", "2025-01-10", "2025-01-20", null);
        // Alpha: declined in February after 34 days, no approval needed
        proposal(alpha, 2, "HOURLY_RATE", "5000", "EUR", "DECLINED", "2025-01-15T09:00:00Z", null, null,
                "2025-01-15", "2025-02-18", null);
        // Alpha: accepted after 4 days, approved after 10 h
        proposal(alpha, 3, "FIXED_FEE", "2000", "USD", "ACCEPTED", "2025-02-01T08:00:00Z", "AMOUNT",
                "2025-02-01T18:00:00Z", "2025-02-01", "2025-02-05", null);
        // Alpha: approved after 50 h, expired in March
        proposal(alpha, 4, "RETAINER", "3000", "EUR", "EXPIRED", "2025-02-02T09:00:00Z", "RETAINER",
                "2025-02-04T11:00:00Z", "2025-02-04", null, "2025-03-04");
        // Alpha: submitted, sent to the approver and returned: a draft again, never sent
        proposal(alpha, 5, "FIXED_FEE", "1000", "EUR", "DRAFT", "2025-02-10T08:00:00Z", "DISCOUNT", null, null,
                null, null);
        // Beta (member's): accepted after 6 days
        proposal(beta, 6, "MILESTONE", "4000", "EUR", "ACCEPTED", "2025-01-20T09:00:00Z", null, null,
                "2025-01-20", "2025-01-26", null);
        // Gamma: still waiting for the answer
        proposal(gamma, 7, "FIXED_FEE", "1500", "EUR", "SENT", "2025-02-10T09:00:00Z", null, null, "2025-02-10",
                null, null);
        // Gamma: declined in January after 25 days
        proposal(gamma, 8, "HOURLY_RATE", "800", "EUR", "DECLINED", "2024-12-20T09:00:00Z", null, null,
                "2025-01-05", "2025-01-30", null);

        // document acceptances (sent, accepted and expired at noon UTC)
        acceptance(alpha, relaunch, "Contract A1", "ACCEPTED", at("2025-01-10"), at("2025-02-10"), at("2025-01-13"),
                null);
        acceptance(alpha, relaunch, "Contract A2", "ACCEPTED", at("2025-01-20"), at("2025-02-20"), at("2025-02-03"),
                null);
        acceptance(beta, betaWeb, "Contract B3", "ACCEPTED", at("2025-02-01"), at("2025-03-01"), at("2025-02-02"),
                null);
        acceptance(gamma, null, "Contract C4", "EXPIRED", at("2025-02-10"), at("2025-02-24"), null, at("2025-02-24"));
        acceptance(alpha, null, "Contract A5", "WITHDRAWN", at("2025-01-25"), at("2025-02-25"), null, null);
        // pending ones, relative to now: due in 10 h and 47 h; not in 50 h, and not one already past its deadline
        Instant now = Instant.now();
        Timestamp sentLately = Timestamp.from(now.minus(Duration.ofDays(5)));
        acceptance(alpha, relaunch, "Due A6", "PENDING", sentLately, Timestamp.from(now.plus(Duration.ofHours(10))),
                null, null);
        acceptance(beta, null, "Due B7", "PENDING", sentLately, Timestamp.from(now.plus(Duration.ofHours(47))), null,
                null);
        acceptance(gamma, null, "Later C8", "PENDING", sentLately, Timestamp.from(now.plus(Duration.ofHours(50))),
                null, null);
        acceptance(alpha, null, "Overdue A9", "PENDING", Timestamp.from(now.minus(Duration.ofDays(10))),
                Timestamp.from(now.minus(Duration.ofHours(2))), null, null);

        // information requests: three completed (10, 20 and 4 days), one still running with two items returned
        UUID i1 = request(alpha, relaunch, "I1", "COMPLETED", "manager", at("2025-01-05"), at("2025-01-15"));
        item(i1, 1, "ACCEPTED", "2025-01-10");
        UUID i2 = request(alpha, relaunch, "I2", "COMPLETED", "manager", at("2025-01-20"), at("2025-02-09"));
        item(i2, 1, "ACCEPTED", "2025-02-01");
        UUID i3 = request(beta, betaWeb, "I3", "COMPLETED", "member", at("2025-02-01"), at("2025-02-05"));
        item(i3, 1, "ACCEPTED", "2025-02-03");
        UUID i4 = request(alpha, relaunch, "I4", "IN_PROGRESS", "manager", at("2025-02-15"), null);
        returned(i4, 1, "2025-02-20");
        returned(i4, 2, "2025-03-02");
        // returned on 25 Feb, answered again and accepted: no longer RETURNED, yet it was returned
        item(i4, 4, "ACCEPTED", "2025-02-26");
        returnedOnTheTimeline(alpha, i4, "2025-02-25");
        item(i4, 3, "OPEN", null);

        // client requests (raised, first response, breaches and resolution to the hour)
        clientRequest(alpha, 1, "P1", "manager", "2025-01-10T09:00:00Z", "2025-01-10T10:00:00Z", null, null,
                "2025-01-10T15:00:00Z", "CLOSED");
        clientRequest(alpha, 2, "P1", "manager", "2025-01-11T09:00:00Z", "2025-01-11T12:00:00Z",
                "2025-01-11T10:00:00Z", null, "2025-01-11T16:00:00Z", "CLOSED");
        clientRequest(beta, 3, "P2", "member", "2025-01-12T09:00:00Z", "2025-01-12T11:00:00Z", null, null,
                "2025-01-13T09:00:00Z", "RESOLVED");
        clientRequest(gamma, 4, "P2", "manager", "2025-02-01T09:00:00Z", "2025-02-01T17:00:00Z", null,
                "2025-02-03T09:00:00Z", null, "IN_PROGRESS");
        clientRequest(gamma, 5, "P3", "member", "2025-02-02T09:00:00Z", null, null, null, null, "QUEUED");
        clientRequest(alpha, 6, null, null, "2025-02-05T09:00:00Z", null, null, null, null, "QUEUED");
        clientRequest(alpha, 7, "P1", "manager", "2025-01-20T09:00:00Z", null, null, null, null, "CANCELLED");
        return this;
    }

    public void delete() {
        // an accepted acceptance is evidence: the database refuses to delete it (V18). The test database's superuser
        // may switch that trigger off for its own session, and only here.
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement st = connection.createStatement()) {
                st.execute("set session_replication_role = replica");
                try {
                    for (UUID client : List.of(alpha, beta, gamma)) {
                        st.execute("delete from document_acceptance where client_id = '" + client + "'");
                    }
                } finally {
                    st.execute("set session_replication_role = origin");
                }
            }
            return null;
        });
        for (UUID client : List.of(alpha, beta, gamma)) {
            jdbc.update("delete from document_version where document_id in (select id from document where client_id"
                    + " = ?)", client);
            jdbc.update("delete from document where client_id = ?", client);
            jdbc.update("delete from portal_account where client_id = ?", client);
            jdbc.update("delete from client_request where client_id = ?", client);
            jdbc.update("delete from time_entry where client_id = ?", client);
            jdbc.update("delete from work_task where client_id = ?", client);
            jdbc.update("delete from timeline_entry where client_id = ?", client);
            jdbc.update("delete from proposal where client_id = ?", client);
            jdbc.update("delete from deal where client_id = ?", client);
            jdbc.update("delete from info_request where client_id = ?", client);
            jdbc.update("delete from client_project where client_id = ?", client);
            jdbc.update("delete from client_tag where client_id = ?", client);
            jdbc.update("delete from client where id = ?", client);
        }
    }

    ReportFilter filter(String from, String to) {
        return ReportFilter.between(LocalDate.parse(from), LocalDate.parse(to)).withTag(tag);
    }

    private void client(UUID id, String name, String owner) {
        jdbc.update("insert into client (id, kind, name, owner, created_at, updated_at) values (?, 'COMPANY', ?, ?,"
                + " now(), now())", id, name, owner);
        jdbc.update("insert into client_tag (client_id, tag) values (?, ?)", id, tag);
    }

    private UUID deal(UUID client, String title, String amount, String currency, String stage, LocalDate expected,
                      Timestamp created, Timestamp closed, String reason, boolean stalled) {
        UUID id = UUID.randomUUID();
        Timestamp createdAt = created == null ? Timestamp.from(Instant.now()) : created;
        jdbc.update("insert into deal (id, client_id, title, amount, currency, expected_close, owner, stage, created_at,"
                + " updated_at, stage_changed_at, closed_at, close_reason, stalled_at) values (?, ?, ?, ?, ?, ?, 'manager',"
                + " ?, ?, ?, ?, ?, ?, ?)", id, client, title, new BigDecimal(amount), currency, expected, stage,
                createdAt, createdAt, closed == null ? createdAt : closed, closed, reason,
                stalled ? Timestamp.from(Instant.now()) : null);
        deals.add(id);
        return id;
    }

    private void stage(UUID client, UUID deal, String day, String kind, String detail) {
        jdbc.update("insert into timeline_entry (id, client_id, occurred_at, actor, kind, subject_id, subject_title,"
                + " detail) values (?, ?, ?, 'manager', ?, ?, 'deal', ?)", UUID.randomUUID(), client, at(day), kind,
                deal, detail);
    }

    private UUID task(UUID client, String title, String assignee, LocalDate due, UUID project, boolean done) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into work_task (id, client_id, title, assignee, due_date, source, created_at, completed_at,"
                + " project_id) values (?, ?, ?, ?, ?, 'AD_HOC', now(), ?, ?)", id, client, title, assignee, due,
                done ? Timestamp.from(Instant.now()) : null, project);
        tasks.add(id);
        return id;
    }

    private void time(UUID task, UUID client, String staff, String day, int minutes, boolean billable) {
        jdbc.update("insert into time_entry (id, task_id, client_id, staff, work_date, minutes, billable, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, now())", UUID.randomUUID(), task, client, staff, LocalDate.parse(day),
                minutes, billable);
    }

    private UUID request(UUID client, UUID project, String n, String status, String sentBy) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into info_request (id, client_id, project_id, number, title, status, created_by, created_at,"
                + " sent_by, sent_at) values (?, ?, ?, ?, ?, ?, ?, now(), ?, now())", id, client, project,
                "R-" + tag + "-" + n, "Request " + n, status, sentBy, sentBy);
        return id;
    }

    /** An information request numbered {@code R-<tag>-<n>}, titled "Request n", sent and perhaps closed. */
    private UUID request(UUID client, UUID project, String n, String status, String sentBy, Timestamp sent,
                         Timestamp closed) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into info_request (id, client_id, project_id, number, title, status, created_by, created_at,"
                + " sent_by, sent_at, closed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, client, project,
                "R-" + tag + "-" + n, "Request " + n, status, sentBy, sent, sentBy, sent, closed);
        return id;
    }

    /** An item the team returned to the client for rework on {@code day}, as the item and the timeline show it. */
    private void returned(UUID request, int position, String day) {
        returnedOnTheTimeline(jdbc.queryForObject("select client_id from info_request where id = ?", UUID.class,
                request), request, day);
        jdbc.update("insert into info_request_item (id, request_id, position, kind, prompt, state, answered_at,"
                + " review_comment, reviewed_by, reviewed_at) values (?, ?, ?, 'QUESTION', 'Question', 'RETURNED',"
                + " ?, 'Please redo', 'manager', ?)", UUID.randomUUID(), request, position, at(day), at(day));
    }

    /** The timeline entry a return leaves (InformationRequestChanged's REQUEST_ITEM_RETURNED). */
    private void returnedOnTheTimeline(UUID client, UUID request, String day) {
        jdbc.update("insert into timeline_entry (id, client_id, occurred_at, actor, kind, subject_id, subject_title,"
                + " detail) values (?, ?, ?, 'manager', 'REQUEST_ITEM_RETURNED', ?, 'request', 'Question')",
                UUID.randomUUID(), client, at(day), request);
    }

    /** A client request's number: unique per fixture, within the column's 20 characters. */
    public String clientRequestNumber(int n) {
        return "CR" + tag.substring(4) + "-" + n;
    }

    /** Client request {@code n}, "Ask n"; times are ISO instants, null where it has not happened. */
    private void clientRequest(UUID client, int n, String priority, String group, String raised, String responded,
                               String responseBreached, String resolutionBreached, String resolved, String state) {
        jdbc.update("insert into client_request (id, client_id, number, category, subject, state, raised_by_staff,"
                + " raised_by_name, raised_at, priority, handling_group, responded_at, response_breached_at,"
                + " resolution_breached_at, resolved_at, resolved_by, closed_at, closed_how) values (?, ?, ?, 'GENERAL',"
                + " ?, ?, 'manager', 'Manager', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), client,
                clientRequestNumber(n), "Ask " + n, state, instant(raised), priority, group, instant(responded),
                instant(responseBreached), instant(resolutionBreached), instant(resolved),
                resolved == null ? null : "manager",
                "CLOSED".equals(state) ? instant(resolved) : "CANCELLED".equals(state) ? instant(raised) : null,
                "CLOSED".equals(state) ? "CONFIRMED" : "CANCELLED".equals(state) ? "CANCELLED" : null);
    }

    /**
     * An acceptance of version 1 of a document of its own, titled {@code title}; an accepted one carries its
     * evidence, accepted by a portal account of the client.
     */
    private void acceptance(UUID client, UUID project, String title, String status, Timestamp sent, Timestamp expires,
                            Timestamp accepted, Timestamp expired) {
        UUID document = UUID.randomUUID();
        UUID version = UUID.randomUUID();
        jdbc.update("insert into document (id, client_id, title, type, status, created_by, created_at, updated_at,"
                + " project_id) values (?, ?, ?, 'CONTRACT', 'PENDING', 'manager', now(), now(), ?)", document, client,
                title, project);
        jdbc.update("insert into document_version (id, document_id, number, file_name, content_type, size_bytes,"
                + " object_key, sha256, uploaded_by, uploaded_at) values (?, ?, 1, 'contract.pdf', 'application/pdf',"
                + " 10, ?, ?, 'manager', now())", version, document, "rep/" + version, "0".repeat(64));
        UUID account = null;
        if (accepted != null) {
            account = UUID.randomUUID();
            jdbc.update("insert into portal_account (id, client_id, username, email, display_name, status, granted_by,"
                    + " granted_at) values (?, ?, ?, ?, 'Client Contact', 'ACTIVE', 'manager', now())", account,
                    client, "rep-" + account, "rep-" + account + "@example.com");
        }
        jdbc.update("insert into document_acceptance (id, client_id, project_id, document_id, version_id,"
                + " document_title, version_number, file_name, content_type, version_sha256, status, sent_by, sent_at,"
                + " expires_at, expired_at, accepted_at, accepted_name, accepted_account_id, accepted_ip, withdrawn_at,"
                + " withdrawn_by, withdraw_reason) values (?, ?, ?, ?, ?, ?, 1, 'contract.pdf', 'application/pdf', ?,"
                + " ?, 'manager', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), client, project, document,
                version, title, "0".repeat(64), status, sent, expires, expired, accepted,
                accepted == null ? null : "Client Contact", account, accepted == null ? null : "192.0.2.1",
                "WITHDRAWN".equals(status) ? sent : null, "WITHDRAWN".equals(status) ? "manager" : null,
                "WITHDRAWN".equals(status) ? "Sent by mistake" : null);
    }

    private void item(UUID request, int position, String state, String answered) {
        jdbc.update("insert into info_request_item (id, request_id, position, kind, prompt, state, answered_at)"
                + " values (?, ?, ?, 'QUESTION', 'Question', ?, ?)", UUID.randomUUID(), request, position, state,
                answered == null ? null : at(answered));
    }

    /** A proposal's number: unique per fixture, within the column's 16 characters. */
    public String proposalNumber(int n) {
        return "P" + tag.substring(4) + "-" + n;
    }

    /** Proposal {@code n}, titled "Proposal n"; the days are sent, answered (accepted or declined) and expired. */
    private void proposal(UUID client, int n, String feeModel, String fee, String currency, String status,
                          String submitted, String approvalReason, String approved, String sent, String decided,
                          String expired) {
        jdbc.update("insert into proposal (id, client_id, number, title, fee_model, currency, fee_amount, scope,"
                + " valid_until, status, owner, created_by, last_edited_by, created_at, updated_at, submitted_at,"
                + " submitted_by, approval_reason, approved_at, approved_by, sent_at, decided_at, decided_by_name,"
                + " expired_at, returned_at, returned_by) values (?, ?, ?, ?, ?, ?, ?, 'Scope', ?, ?, 'manager',"
                + " 'manager', 'manager', ?, ?, ?, 'manager', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(), client, proposalNumber(n), "Proposal " + n, feeModel, currency,
                new BigDecimal(fee), LocalDate.of(2025, 12, 31), status, instant(submitted), instant(submitted),
                instant(submitted), approvalReason, instant(approved), approved == null ? null : "jonas",
                sent == null ? null : at(sent), decided == null ? null : at(decided),
                decided == null ? null : "Client contact", expired == null ? null : at(expired),
                "DRAFT".equals(status) && approvalReason != null ? instant(submitted) : null,
                "DRAFT".equals(status) && approvalReason != null ? "jonas" : null);
    }

    private static Timestamp instant(String value) {
        return value == null ? null : Timestamp.from(Instant.parse(value));
    }

    /** Noon UTC: a day that no firm time zone moves into another month. */
    static Timestamp at(String day) {
        return Timestamp.from(Instant.parse(day + "T12:00:00Z"));
    }
}
