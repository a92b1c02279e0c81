package io.clientspace.bench;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the reports read on top of {@link BenchDataGenerator}'s firm (issue 16): hours booked on every client and a
 * busy client with {@code largeTimeEntries} of them, proposals, document acceptances, client requests, stage changes
 * on the deals' timelines, and the portal contacts' sign-ins and downloads. Set-based INSERT ... SELECT over the rows
 * of one generated run (its marker), in the caller's transaction when there is one (the guards roll theirs back).
 */
@Component
class ReportsBenchData {

    private static final String RUN_CLIENTS = "select id, owner from client where name like '%' || :marker";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    ReportsBenchData(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * @param largeTimeEntries time entries on the large client, spread over its tasks and the last 300 days
     * @param perClient        proposals, acceptances of documents, client requests per other client (about)
     * @return rows written per table
     */
    Map<String, Integer> add(GeneratedData data, int largeTimeEntries, int perClient) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("marker", data.marker())
                .addValue("large", data.largeClientId())
                .addValue("entries", largeTimeEntries)
                .addValue("perClient", perClient)
                .addValue("today", LocalDate.now(clock))
                .addValue("now", OffsetDateTime.now(clock));
        Map<String, Integer> rows = new LinkedHashMap<>();
        tx.executeWithoutResult(s -> {
            rows.put("time_entry (large client)", jdbc.update("""
                    insert into time_entry (id, task_id, client_id, staff, work_date, minutes, billable, note, created_at)
                    select gen_random_uuid(), t.id, t.client_id, (array['manager', 'member', 'jonas'])[1 + n % 3],
                           cast(:today as date) - (n % 300), 15 * (1 + n % 16), n % 4 <> 0, null, :now
                    from generate_series(0, :entries - 1) n
                    join (select id, client_id, row_number() over (order by id) - 1 as rn
                          from work_task where client_id = :large) t
                      on t.rn = n % (select count(*) from work_task where client_id = :large)""", p));
            rows.put("time_entry (other clients)", jdbc.update("""
                    insert into time_entry (id, task_id, client_id, staff, work_date, minutes, billable, note, created_at)
                    select gen_random_uuid(), t.id, t.client_id, c.owner, cast(:today as date) - (abs(hashtext(t.id::text)) % 300),
                           30 + abs(hashtext(t.title)) % 240, abs(hashtext(t.id::text)) % 3 <> 0, null, :now
                    from work_task t join (""" + RUN_CLIENTS + """
                    ) c on c.id = t.client_id where t.client_id <> :large""", p));
            // a third of the projects ended a month ago, so hours go on past their end
            rows.put("client_project (ended)", jdbc.update("""
                    update client_project pr set end_date = cast(:today as date) - 30
                    from (""" + RUN_CLIENTS + ") c where c.id = pr.client_id and abs(hashtext(pr.id::text)) % 3 = 0", p));
            rows.put("proposal", jdbc.update("""
                    insert into proposal (id, client_id, number, title, fee_model, currency, fee_amount, scope, valid_until,
                                          status, owner, created_by, last_edited_by, created_at, updated_at,
                                          approval_reason, approved_by, approved_at, submitted_at, submitted_by,
                                          sent_at, decided_at, expired_at, decline_reason)
                    select gen_random_uuid(), x.id, 'B' || :marker || '-' || x.k, 'Bench proposal ' || x.k,
                           (array['FIXED_FEE', 'HOURLY_RATE', 'RETAINER', 'MILESTONE'])[1 + x.k % 4],
                           case when x.k % 5 = 0 then 'USD' else 'EUR' end, 1000 + x.k % 50000, 'Scope',
                           cast(:today as date) + 30,
                           (array['SENT', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'ACCEPTED'])[1 + x.k % 5], x.owner, x.owner,
                           x.owner, x.sent - interval '2 days', x.sent,
                           case when x.k % 3 = 0 then 'Discount over 10 %' end,
                           case when x.k % 3 = 0 then 'manager' end,
                           case when x.k % 3 = 0 then x.sent - interval '1 day' end,
                           x.sent - interval '2 days', x.owner, x.sent,
                           case when x.k % 5 in (1, 2, 4) then x.sent + (x.k % 20) * interval '1 day' end,
                           case when x.k % 5 = 3 then x.sent + interval '30 days' end,
                           case when x.k % 5 = 2 then 'Too expensive' end
                    from (select c.id, c.owner, row_number() over () as k,
                                 cast(:now as timestamptz) - (abs(hashtext(c.id::text || g)) % 330) * interval '1 day' as sent
                          from (""" + RUN_CLIENTS + """
                          ) c cross join generate_series(1, case when c.id = :large then 20 * :perClient else :perClient end) g) x
                    """, p));
            rows.put("document_acceptance", jdbc.update("""
                    insert into document_acceptance (id, client_id, project_id, document_id, version_id, document_title,
                                                     version_number, file_name, content_type, version_sha256, status,
                                                     sent_by, sent_at, expires_at, expired_at, accepted_at, accepted_name,
                                                     accepted_account_id, accepted_ip)
                    select gen_random_uuid(), d.client_id, d.project_id, d.id, v.id, d.title, v.number, v.file_name,
                           v.content_type, v.sha256, x.status, 'manager', x.sent, x.sent + interval '14 days',
                           case when x.status = 'EXPIRED' then x.sent + interval '14 days' end,
                           case when x.status = 'ACCEPTED' then x.sent + (x.k % 10) * interval '1 day' end,
                           case when x.status = 'ACCEPTED' then 'Contact' end,
                           case when x.status = 'ACCEPTED' then x.account end,
                           case when x.status = 'ACCEPTED' then '127.0.0.1' end
                    from document d join document_version v on v.document_id = d.id and v.number = 1
                    cross join lateral (select abs(hashtext(d.id::text)) as k,
                            case when abs(hashtext(d.id::text)) % 7 = 0
                                 then cast(:now as timestamptz) - interval '13 days'
                                      + (abs(hashtext(d.id::text)) % 72) * interval '1 hour'
                                 else cast(:now as timestamptz) - (abs(hashtext(d.id::text)) % 300) * interval '1 day'
                            end as sent,
                            (select pa.id from portal_account pa where pa.client_id = d.client_id limit 1) as account,
                            case when abs(hashtext(d.id::text)) % 7 = 0 then 'PENDING'
                                 when abs(hashtext(d.id::text)) % 3 = 0 then 'EXPIRED' else 'ACCEPTED' end as status0) y
                    cross join lateral (select y.k, y.sent, y.account,
                            case when y.status0 = 'ACCEPTED' and y.account is null then 'EXPIRED' else y.status0 end
                                as status) x
                    where d.client_id in (select id from client where name like '%' || :marker)""", p));
            rows.put("client_request", jdbc.update("""
                    insert into client_request (id, client_id, number, category, subject, state, raised_by_staff,
                                                raised_by_name, raised_at, priority, handling_group, responded_at,
                                                response_breached_at, resolution_breached_at, resolved_at)
                    select gen_random_uuid(), x.id, 'B' || :marker || '-' || x.k, 'QUESTION', 'Bench request ' || x.k,
                           (array['QUEUED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'CLOSED'])[1 + x.k % 5], 'manager',
                           'Manager', x.raised, (array['P1', 'P2', 'P3', 'P4'])[1 + x.k % 4],
                           (array['Accounting', 'Legal', 'Support'])[1 + x.k % 3],
                           case when x.k % 5 > 0 then x.raised + (x.k % 48) * interval '1 hour' end,
                           case when x.k % 11 = 0 then x.raised + interval '8 hours' end,
                           case when x.k % 13 = 0 then x.raised + interval '5 days' end,
                           case when x.k % 5 > 1 then x.raised + (x.k % 9) * interval '1 day' end
                    from (select c.id, row_number() over () as k,
                                 cast(:now as timestamptz) - (abs(hashtext(c.id::text || g)) % 330) * interval '1 day' as raised
                          from (""" + RUN_CLIENTS + """
                          ) c cross join generate_series(1, case when c.id = :large then 20 * :perClient else :perClient end) g) x
                    """, p));
            // each deal entered Qualified five days after it was created; closed ones then Won or Lost
            rows.put("timeline_entry (stage changes)", jdbc.update("""
                    insert into timeline_entry (id, client_id, project_id, occurred_at, actor, kind, subject_id,
                                                subject_title, detail)
                    select gen_random_uuid(), d.client_id, null, d.created_at + s.after, 'manager', 'DEAL_STAGE', d.id,
                           d.title, s.stage || '|' || 'StageNew'
                    from deal d join (""" + RUN_CLIENTS + """
                    ) c on c.id = d.client_id
                    cross join lateral (select interval '5 days' as after, cast('StageQualified' as text) as stage
                                        union all
                                        select interval '20 days', d.stage where d.closed_at is not null) s""", p));
            rows.put("portal_activity", jdbc.update("""
                    insert into portal_activity (id, account_id, client_id, kind, subject_id, subject_title, happened_at)
                    select gen_random_uuid(), a.id, a.client_id, 'SIGN_IN', null, null,
                           cast(:now as timestamptz) - g * interval '3 days'
                    from portal_account a join (""" + RUN_CLIENTS + """
                    ) c on c.id = a.client_id cross join generate_series(1, 20) g where a.status = 'ACTIVE'""", p));
            rows.put("portal_download", jdbc.update("""
                    insert into portal_download (id, account_id, client_id, subject_kind, subject_id, subject_title,
                                                 downloaded_at)
                    select gen_random_uuid(), a.id, a.client_id, 'FILE', gen_random_uuid(), 'file-' || g || '.pdf',
                           cast(:now as timestamptz) - g * interval '5 days'
                    from portal_account a join (""" + RUN_CLIENTS + """
                    ) c on c.id = a.client_id cross join generate_series(1, 10) g where a.status = 'ACTIVE'""", p));
            jdbc.getJdbcTemplate().execute("analyze");
        });
        return rows;
    }
}
