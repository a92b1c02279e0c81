package io.clientspace.bench;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The client requests {@link RequestQueueBenchmark} reads: {@code open} open requests (QUEUED, IN_PROGRESS,
 * WAITING_CLIENT and RESOLVED, as the queue shows them) and {@code closed} closed or cancelled ones, spread over the
 * run's clients, a quarter of them in one of the client's projects. One INSERT ... SELECT each, not through
 * ClientRequestService: a raised request is a row plus a triage decision and an SLA process, and the queue reads only
 * the row (the process and its timers are what issue 19 §4 measures). Triage's fields (priority, group, targets) are
 * filled as the DMN would.
 */
@Component
class RequestQueueBenchData {

    private static final String RUN_CLIENTS = "select id, row_number() over (order by id) as n from client"
            + " where name like '%' || :marker";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    RequestQueueBenchData(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Adds the requests and analyzes; returns the rows added per kind. */
    Map<String, Integer> add(GeneratedData data, int open, int closed) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("marker", data.marker())
                .addValue("now", java.sql.Timestamp.from(clock.instant()));
        tx.executeWithoutResult(s -> {
            int clients = jdbc.queryForObject("select count(*) from client where name like '%' || :marker",
                    p, Integer.class);
            p.addValue("clients", Math.max(1, clients));
            p.addValue("open", open).addValue("closed", closed);
            rows.put("open client_request", jdbc.update("""
                    insert into client_request (id, client_id, project_id, number, category, subject, state,
                                                raised_by_staff, raised_by_name, raised_at, priority, handling_group,
                                                triage_rule, response_due_at, resolution_due_at, responded_at,
                                                response_breached_at, paused_since, assignee)
                    select gen_random_uuid(), c.id,
                           case when g % 4 = 0 then (select p.id from client_project p where p.client_id = c.id
                                                     order by p.id limit 1) end,
                           'Q' || :marker || '-' || g, 'QUESTION', 'Queue bench request ' || g,
                           (array['QUEUED', 'QUEUED', 'IN_PROGRESS', 'WAITING_CLIENT', 'RESOLVED'])[1 + g % 5],
                           'manager', 'Manager', x.raised, (array['P1', 'P2', 'P3', 'P4'])[1 + g % 4],
                           (array['Accounting', 'Legal', 'Support', 'Payroll'])[1 + g % 4], 'bench',
                           x.raised + interval '8 hours', x.raised + (1 + g % 10) * interval '1 day',
                           case when g % 5 > 1 then x.raised + interval '2 hours' end,
                           case when g % 17 = 0 then x.raised + interval '8 hours' end,
                           case when g % 5 = 3 then x.raised + interval '3 hours' end,
                           case when g % 5 > 1 then (array['manager', 'member', 'jonas'])[1 + g % 3] end
                    from generate_series(1, :open) g
                    join (""" + RUN_CLIENTS + """
                    ) c on c.n = 1 + g % :clients
                    cross join lateral (select cast(:now as timestamptz) - (g % 20) * interval '1 day' as raised) x
                    """, p));
            rows.put("closed client_request", jdbc.update("""
                    insert into client_request (id, client_id, number, category, subject, state, raised_by_staff,
                                                raised_by_name, raised_at, priority, handling_group, responded_at,
                                                resolved_at, closed_at, closed_how)
                    select gen_random_uuid(), c.id, 'QC' || :marker || '-' || g, 'QUESTION', 'Closed bench ' || g,
                           case when g % 7 = 0 then 'CANCELLED' else 'CLOSED' end, 'manager', 'Manager', x.raised,
                           'P3', 'Support', x.raised + interval '1 hour', x.raised + interval '2 days',
                           x.raised + interval '9 days', case when g % 7 = 0 then 'CANCELLED' else 'AUTO' end
                    from generate_series(1, :closed) g
                    join (""" + RUN_CLIENTS + """
                    ) c on c.n = 1 + g % :clients
                    cross join lateral (select cast(:now as timestamptz) - (30 + g % 300) * interval '1 day' as raised) x
                    """, p));
        });
        jdbc.getJdbcTemplate().execute("vacuum analyze client_request");
        return rows;
    }
}
