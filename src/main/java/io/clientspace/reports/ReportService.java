package io.clientspace.reports;

import io.clientspace.shared.FirmModule;
import io.clientspace.shared.ModuleGate;
import io.clientspace.client.ClientService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import io.clientspace.deal.DealStage;
import io.clientspace.deal.DealStages;
import io.clientspace.proposal.FeeModel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the reports on our own tables (deals, tasks, time entries, projects, proposals, document acceptances,
 * information requests, client requests, the timeline's stage changes), never on Camunda history. Every query is
 * limited to the clients the current user may open ({@link ClientService#amountScopeOfCurrentUser()}: all for admins
 * and managers, their own and those they were let into for members, without those they only view while the firm keeps
 * amounts from viewers) and to the filters.
 * <p>
 * Reports read several modules' tables in one grouped query each. That is on purpose: a report is a read model
 * across modules, and asking each module's service for its rows would move every row into Java to add them up.
 * The tables' owners stay the only writers.
 */
@Service
public class ReportService {

    /** The longest list a bar opens on screen; the list says when it was cut. */
    public static final int LIST_LIMIT = 500;

    /**
     * Weighted forecast: the chance of closing that each open stage stands for, as the deployed deal-stages model
     * says (its stages' winProbability property, DD015); the parameters come from {@link #params}.
     */
    static final String STAGE_WEIGHT = "coalesce((select w.weight from unnest(array[:weightStages]::text[],"
            + " array[:weights]::numeric[]) as w(stage, weight) where w.stage = d.stage), 0)";

    /** The stages in the model's order, then Won and Lost. */
    private static final String STAGE_ORDER = "array_position(array[:stageOrder]::text[], %s::text)";
    /** An item the client submitted and the team has not reviewed yet, on a request still running. */
    private static final String REQUEST_WAITS = "ir.status in ('SENT', 'IN_PROGRESS') and i.state = 'ANSWERED'";
    private static final String OPEN_TASK = "wt.completed_at is null and wt.cancelled_at is null";
    private static final String HOURS = "round(sum(te.minutes) / 60.0, 2)";
    private static final String BILLABLE_HOURS = "round(coalesce(sum(te.minutes) filter (where te.billable), 0) / 60.0, 2)";
    private static final String RATIO = "round(coalesce(sum(te.minutes) filter (where te.billable), 0)::numeric"
            + " / nullif(sum(te.minutes), 0), 4)";
    /** Every stage a deal entered, from its creation (New) and the timeline's stage changes; repeats dropped. */
    private static final String STAGE_SPANS_CTE = """
            with ev as (
                select d.id as deal_id, d.created_at as at, cast(:firstStage as text) as stage
                from deal d join client c on c.id = d.client_id where true %1$s
                union all
                select d.id, t.occurred_at, split_part(t.detail, '|', 1)
                from timeline_entry t join deal d on d.id = t.subject_id join client c on c.id = d.client_id
                where t.kind in ('DEAL_STAGE', 'DEAL_MOVED_BACK', 'DEAL_REOPENED') and t.client_id = d.client_id %1$s
            ), changes as (
                select deal_id, stage, at, lag(stage) over (partition by deal_id order by at) as previous from ev
            ), spans as (
                select deal_id, stage, at as entered, lead(at) over (partition by deal_id order by at) as left_at
                from changes where previous is null or previous <> stage
            )
            """;

    /** A proposal {@code p} of client {@code c}; {@code %1$s} is the scope and the filters. */
    private static final String PROPOSAL_FROM = " from proposal p join client c on c.id = p.client_id where true %1$s";
    /**
     * The proposal events within the range, one row each: sent, answered (accepted or declined, with the days from
     * sending to the answer) and expired, each in the month it happened.
     */
    private static final String PROPOSAL_EVENTS_CTE = """
            with ev as (
                select date_trunc('month', p.sent_at at time zone :zone)::date as month, cast('SENT' as text) as what,
                       cast(null as numeric) as days
                """ + PROPOSAL_FROM + """
                 and p.sent_at >= :fromTs and p.sent_at < :toTs
                union all
                select date_trunc('month', p.decided_at at time zone :zone)::date, p.status,
                       extract(epoch from p.decided_at - p.sent_at) / 86400
                """ + PROPOSAL_FROM + """
                 and p.status in ('ACCEPTED', 'DECLINED') and p.decided_at >= :fromTs and p.decided_at < :toTs
                union all
                select date_trunc('month', p.expired_at at time zone :zone)::date, 'EXPIRED', null
                """ + PROPOSAL_FROM + """
                 and p.status = 'EXPIRED' and p.expired_at >= :fromTs and p.expired_at < :toTs
            )
            """;
    private static final String PROPOSAL_SENT_IN_RANGE = " and p.sent_at >= :fromTs and p.sent_at < :toTs";
    private static final String PROPOSAL_SUBMITTED_IN_RANGE =
            " and p.submitted_at >= :fromTs and p.submitted_at < :toTs";
    private static final String APPROVAL_HOURS = "extract(epoch from p.approved_at - p.submitted_at) / 3600";

    /** A document acceptance {@code a} of client {@code c}; {@code %1$s} is the scope and the filters. */
    private static final String ACCEPTANCE_FROM =
            " from document_acceptance a join client c on c.id = a.client_id where true %1$s";
    /** Sent, accepted (with the days from sending) and expired, each in the month it happened within the range. */
    private static final String ACCEPTANCE_EVENTS_CTE = """
            with ev as (
                select date_trunc('month', a.sent_at at time zone :zone)::date as month, cast('SENT' as text) as what,
                       cast(null as numeric) as days
                """ + ACCEPTANCE_FROM + """
                 and a.sent_at >= :fromTs and a.sent_at < :toTs
                union all
                select date_trunc('month', a.accepted_at at time zone :zone)::date, 'ACCEPTED',
                       extract(epoch from a.accepted_at - a.sent_at) / 86400
                """ + ACCEPTANCE_FROM + """
                 and a.status = 'ACCEPTED' and a.accepted_at >= :fromTs and a.accepted_at < :toTs
                union all
                select date_trunc('month', a.expired_at at time zone :zone)::date, 'EXPIRED', null
                """ + ACCEPTANCE_FROM + """
                 and a.status = 'EXPIRED' and a.expired_at >= :fromTs and a.expired_at < :toTs
            )
            """;
    /** A pending acceptance whose deadline is within the next 48 hours (not one already past it). */
    private static final String ACCEPTANCE_DUE = " and a.status = 'PENDING' and a.expires_at >= :now"
            + " and a.expires_at < :soon";
    /** The timeline's kind for an item returned to the client (InformationRequestChanged.timelineKind). */
    static final String ITEM_RETURNED = "REQUEST_ITEM_RETURNED";
    /** An information request {@code ir} of client {@code c}; {@code %1$s} is the scope and the filters. */
    private static final String INFO_REQUEST_FROM =
            " from info_request ir join client c on c.id = ir.client_id where true %1$s";
    /**
     * Sent, completed (with the days from sending) and items returned to the client, each in the month it happened.
     * A return is read from the timeline (one REQUEST_ITEM_RETURNED entry per return), not from the item's state: an
     * item returned, answered again and accepted is no longer RETURNED, yet it was returned, and an item returned
     * twice counts twice.
     */
    private static final String INFO_REQUEST_EVENTS_CTE = """
            with ev as (
                select date_trunc('month', ir.sent_at at time zone :zone)::date as month,
                       cast('SENT' as text) as what, cast(null as numeric) as days
                """ + INFO_REQUEST_FROM + """
                 and ir.sent_at >= :fromTs and ir.sent_at < :toTs
                union all
                select date_trunc('month', ir.closed_at at time zone :zone)::date, 'COMPLETED',
                       extract(epoch from ir.closed_at - ir.sent_at) / 86400
                """ + INFO_REQUEST_FROM + """
                 and ir.status = 'COMPLETED' and ir.closed_at >= :fromTs and ir.closed_at < :toTs
                union all
                select date_trunc('month', t.occurred_at at time zone :zone)::date, 'RETURNED', null
                from timeline_entry t join info_request ir on ir.id = t.subject_id join client c
                on c.id = ir.client_id where t.kind = 'REQUEST_ITEM_RETURNED' and t.client_id = ir.client_id %1$s
                 and t.occurred_at >= :fromTs and t.occurred_at < :toTs
            )
            """;
    /** A client request {@code cr} of client {@code c} raised in the range, not cancelled. */
    private static final String CLIENT_REQUEST_FROM = " from client_request cr join client c on c.id = cr.client_id"
            + " where cr.state <> 'CANCELLED' and cr.raised_at >= :fromTs and cr.raised_at < :toTs %1$s";
    private static final String SLA_BREACHED =
            "(cr.response_breached_at is not null or cr.resolution_breached_at is not null)";
    private static final String SLA_MET = "(not " + SLA_BREACHED + " and cr.resolved_at is not null)";
    private static final String RESPONSE_HOURS = "extract(epoch from cr.responded_at - cr.raised_at) / 3600";
    private static final String SLA_FIGURES = ", count(*), count(*) filter (where " + SLA_MET + "),"
            + " count(*) filter (where " + SLA_BREACHED + "),"
            + " count(*) filter (where not " + SLA_BREACHED + " and cr.resolved_at is null),"
            + " round((percentile_cont(0.5) within group (order by " + RESPONSE_HOURS + "))::numeric, 2)";

    /** How long a client's portal may stay silent before the engagement report flags it. */
    static final int QUIET_DAYS = 30;
    /**
     * Everything portal contacts did, one row each, for clients {@code c} within the scope and filters ({@code %1$s}):
     * {@code what} 0 sign-in, 1 download, 2 message (in the client's or a shared project's chat), 3 an answer (a proposal or a document
     * accepted or declined: it counts as activity, not as one of the three measures).
     */
    private static final String PORTAL_ACTS_CTE = """
            with acts as (
                select pa.client_id, pa.account_id, case when pa.kind = 'SIGN_IN' then 0 else 3 end as what,
                       pa.happened_at as at, cast(null as text) as who, pa.subject_title as subject
                from portal_activity pa join client c on c.id = pa.client_id where true %1$s
                union all
                select d.client_id, d.account_id, 1, d.downloaded_at, null, d.subject_title
                from portal_download d join client c on c.id = d.client_id where true %1$s
                union all
                select ch.client_id, a.id, 2, m.created_at, m.author_name, left(m.body, 120)
                from chat_message m join chat_channel ch on ch.id = m.channel_id join client c on c.id = ch.client_id
                left join portal_account a on a.client_id = ch.client_id and a.username = m.author
                where m.author_kind = 'CUSTOMER' and m.deleted_at is null %1$s
            )
            """;
    private static final String IN_RANGE = " x.at >= :fromTs and x.at < :toTs";

    private final NamedParameterJdbcTemplate jdbc;
    private final ClientService clients;
    private final DealStages stages;
    private final Clock clock;

    ReportService(DataSource dataSource, ClientService clients, DealStages stages, Clock clock) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // inside a transaction PostgreSQL then reads through a cursor: an export never holds all its rows
        template.setFetchSize(500);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.clients = clients;
        this.stages = stages;
        this.clock = clock;
    }

    /** The report's table for the range and filters. @throws io.clientspace.shared.InvalidInputException bad range */
    @Transactional(readOnly = true)
    @ModuleGate(FirmModule.REPORTS)
    public ReportTable run(ReportKind kind, ReportFilter filter) {
        filter.check();
        Query q = report(kind, filter);
        List<List<Object>> rows = jdbc.query(q.sql, q.params, (rs, n) -> row(rs, kind.columns()));
        return new ReportTable(kind.columns(), rows, false);
    }

    /**
     * The list behind one bar: the deals, tasks, time entries or stage spans it counts.
     *
     * @param categoryKey the bar group's key (a value of the chart's category key column; may be null, e.g. for
     *                    unassigned work)
     * @param series      the bar's series: a value of the series column, or the index of its value column
     */
    @Transactional(readOnly = true)
    @ModuleGate(FirmModule.REPORTS)
    public ReportTable drill(ReportKind kind, ReportFilter filter, Object categoryKey, Object series) {
        filter.check();
        Query q = drillQuery(kind, filter, categoryKey, series);
        q.params.addValue("limit", LIST_LIMIT + 1);
        List<Column> columns = kind.drill().columns();
        List<List<Object>> rows = new ArrayList<>(jdbc.query(q.sql + " limit :limit", q.params,
                (rs, n) -> row(rs, columns)));
        boolean truncated = rows.size() > LIST_LIMIT;
        return new ReportTable(columns, truncated ? rows.subList(0, LIST_LIMIT) : rows, truncated);
    }

    /** How many rows the report has; an export of none is refused before a file is started. */
    @Transactional(readOnly = true)
    @ModuleGate(FirmModule.REPORTS)
    public long count(ReportKind kind, ReportFilter filter) {
        filter.check();
        Query q = report(kind, filter);
        Long n = jdbc.queryForObject("select count(*) from (" + q.sql + ") r", q.params, Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Streams the report's rows into {@code sink}, one at a time from a database cursor.
     *
     * @return the number of rows written
     * @throws EmptyReportException when there is none: nothing was written
     */
    @Transactional(readOnly = true)
    @ModuleGate(FirmModule.REPORTS)
    public long export(ReportKind kind, ReportFilter filter, RowSink sink) {
        filter.check();
        return stream(report(kind, filter), kind.columns(), sink);
    }

    /**
     * Streams the whole list behind one bar into {@code sink}, one row at a time from a database cursor: the list the
     * screen cuts at {@link #LIST_LIMIT} rows, here uncut (a busy client's hours can be a hundred thousand entries).
     *
     * @return the number of rows written
     * @throws EmptyReportException when there is none: nothing was written
     */
    @Transactional(readOnly = true)
    @ModuleGate(FirmModule.REPORTS)
    public long exportDrill(ReportKind kind, ReportFilter filter, Object categoryKey, Object series, RowSink sink) {
        filter.check();
        Query q = drillQuery(kind, filter, categoryKey, series);
        return stream(q, kind.drill().columns(), sink);
    }

    private long stream(Query q, List<Column> columns, RowSink sink) {
        long[] written = {0};
        jdbc.query(q.sql, q.params, rs -> {
            if (written[0] == 0) {
                sink.start(columns);
            }
            sink.row(row(rs, columns));
            written[0]++;
        });
        if (written[0] == 0) {
            throw new EmptyReportException();
        }
        sink.finish();
        return written[0];
    }

    /** What the filters can choose from, within the clients the current user may open. */
    @Transactional(readOnly = true)
    public ReportOptions options() {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String scope = scope(p);
        List<String> owners = jdbc.queryForList(
                "select distinct c.owner from client c where true " + scope + " order by 1", p, String.class);
        List<ReportOptions.Option> clientOptions = jdbc.query(
                "select c.id, c.name from client c where true " + scope + " order by lower(c.name)", p,
                (rs, n) -> new ReportOptions.Option(rs.getObject(1, UUID.class), rs.getString(2)));
        List<String> tags = jdbc.queryForList("select distinct ct.tag from client_tag ct join client c on c.id ="
                + " ct.client_id where true " + scope + " order by 1", p, String.class);
        List<ReportOptions.Option> projects = jdbc.query("select p.id, p.name || ' (' || c.name || ')' from"
                + " client_project p join client c on c.id = p.client_id where true " + scope
                + " order by lower(p.name)", p,
                (rs, n) -> new ReportOptions.Option(rs.getObject(1, UUID.class), rs.getString(2)));
        return new ReportOptions(owners, clientOptions, tags, projects);
    }

    // ------------------------------------------------------------------------------------------------ queries

    private record Query(String sql, MapSqlParameterSource params) {
    }

    private Query report(ReportKind kind, ReportFilter f) {
        MapSqlParameterSource p = params(f);
        String w = filters(f, p, kind.projectFilter(), projectColumn(kind));
        String sql = switch (kind) {
            case PIPELINE_STAGES -> "select d.stage, d.currency, count(*), sum(d.amount) from deal d join client c"
                    + " on c.id = d.client_id where d.closed_at is null " + w + " group by d.stage, d.currency"
                    + " order by " + STAGE_ORDER.formatted("d.stage") + ", d.currency";
            case FORECAST -> "select date_trunc('month', d.expected_close)::date, d.currency, count(*), sum(d.amount),"
                    + " round(sum(d.amount * " + STAGE_WEIGHT + "), 2) from deal d join client c on c.id = d.client_id"
                    + " where d.closed_at is null and d.expected_close between :from and :to " + w
                    + " group by 1, 2 order by 1, 2";
            case STALLED -> "select d.stage, d.currency, count(*), sum(d.amount) from deal d join client c"
                    + " on c.id = d.client_id where d.closed_at is null and d.stalled_at is not null " + w
                    + " group by d.stage, d.currency order by " + STAGE_ORDER.formatted("d.stage") + ", d.currency";
            case STAGE_DAYS -> STAGE_SPANS_CTE.formatted(w) + """
                    select s.stage, count(*),
                           round((avg(extract(epoch from s.left_at - s.entered)) / 86400)::numeric, 1),
                           round((percentile_cont(0.5) within group (order by extract(epoch from s.left_at - s.entered))
                                 / 86400)::numeric, 1)
                    from spans s
                    where s.left_at is not null and s.stage in (:openStages)
                      and s.left_at >= :fromTs and s.left_at < :toTs
                    group by s.stage order by """ + " " + STAGE_ORDER.formatted("s.stage");
            case WON_LOST -> "select date_trunc('month', d.closed_at at time zone :zone)::date, d.stage,"
                    + " d.close_reason, count(*) from deal d join client c on c.id = d.client_id"
                    + " where d.stage in ('WON', 'LOST') and d.closed_at >= :fromTs and d.closed_at < :toTs " + w
                    + " group by 1, 2, 3 order by 1, 2 desc, 3 nulls first";
            case TASKS_PEOPLE -> "select wt.assignee, count(*), count(*) filter (where wt.due_date < :today),"
                    + " count(*) filter (where wt.due_date between :today and :weekEnd) from work_task wt"
                    + " join client c on c.id = wt.client_id where " + OPEN_TASK + " " + w
                    + " group by wt.assignee order by wt.assignee nulls first";
            case TASKS_GROUPS -> "select p.id, p.name, count(*), count(*) filter (where wt.due_date < :today),"
                    + " count(*) filter (where wt.due_date between :today and :weekEnd),"
                    + " count(*) filter (where wt.assignee is null) from work_task wt"
                    + " join client c on c.id = wt.client_id left join client_project p on p.id = wt.project_id"
                    + " where " + OPEN_TASK + " " + w + " group by p.id, p.name order by p.name nulls first, p.id";
            case REQUESTS_WAITING -> "select ir.sent_by, count(distinct ir.id), count(*),"
                    + " (min(i.answered_at) at time zone :zone)::date from info_request ir join info_request_item i"
                    + " on i.request_id = ir.id join client c on c.id = ir.client_id where " + REQUEST_WAITS + w
                    + " group by ir.sent_by order by ir.sent_by";
            case HOURS_PEOPLE -> "select date_trunc('month', te.work_date)::date, te.staff, " + HOURS + ", "
                    + BILLABLE_HOURS + ", " + RATIO + " from time_entry te join client c on c.id = te.client_id"
                    + " join work_task wt on wt.id = te.task_id where te.work_date between :from and :to " + w
                    + " group by 1, 2 order by 1, 2";
            case HOURS_CLIENTS -> "select c.id, c.name, p.name, " + HOURS + ", " + BILLABLE_HOURS + ", " + RATIO
                    + " from time_entry te join client c on c.id = te.client_id join work_task wt on wt.id ="
                    + " te.task_id left join client_project p on p.id = wt.project_id"
                    + " where te.work_date between :from and :to " + w
                    + " group by c.id, c.name, p.id, p.name order by lower(c.name), c.id, p.name nulls first";
            case HOURS_PAST_END -> "select p.id, p.name, c.name, p.end_date, " + HOURS + ", " + BILLABLE_HOURS
                    + " from time_entry te join client c on c.id = te.client_id join work_task wt on wt.id ="
                    + " te.task_id join client_project p on p.id = wt.project_id where p.end_date is not null"
                    + " and te.work_date > p.end_date and te.work_date between :from and :to " + w
                    + " group by p.id, p.name, c.name, p.end_date order by p.end_date, lower(p.name), p.id";
            case PROPOSAL_OUTCOMES -> PROPOSAL_EVENTS_CTE.formatted(w) + """
                    select month, count(*) filter (where what = 'SENT'), count(*) filter (where what = 'ACCEPTED'),
                           count(*) filter (where what = 'DECLINED'), count(*) filter (where what = 'EXPIRED'),
                           round(count(*) filter (where what = 'ACCEPTED')::numeric
                                 / nullif(count(*) filter (where what in ('ACCEPTED', 'DECLINED')), 0), 4),
                           round(percentile_cont(0.5) within group (order by days)::numeric, 1)
                    from ev group by month order by month""";
            case PROPOSAL_VALUE -> "select p.fee_model, p.currency, count(*), sum(p.fee_amount),"
                    + " count(*) filter (where p.status = 'ACCEPTED'),"
                    + " coalesce(sum(p.fee_amount) filter (where p.status = 'ACCEPTED'), 0)"
                    + PROPOSAL_FROM.formatted(w) + PROPOSAL_SENT_IN_RANGE + " group by p.fee_model, p.currency"
                    + " order by array_position(array[:feeModels]::text[], p.fee_model::text), p.currency";
            case PROPOSAL_APPROVALS -> "select date_trunc('month', p.submitted_at at time zone :zone)::date, count(*),"
                    + " count(*) filter (where p.approval_reason is not null),"
                    + " count(*) filter (where p.approved_at is not null),"
                    + " round((percentile_cont(0.5) within group (order by " + APPROVAL_HOURS + "))::numeric, 2)"
                    + PROPOSAL_FROM.formatted(w) + PROPOSAL_SUBMITTED_IN_RANGE + " group by 1 order by 1";
            case ACCEPTANCE_OUTCOMES -> ACCEPTANCE_EVENTS_CTE.formatted(w) + """
                    select month, count(*) filter (where what = 'SENT'), count(*) filter (where what = 'ACCEPTED'),
                           count(*) filter (where what = 'EXPIRED'),
                           round(percentile_cont(0.5) within group (order by days)::numeric, 1)
                    from ev group by month order by month""";
            case ACCEPTANCES_DUE -> "select c.id, c.name, count(*)" + ACCEPTANCE_FROM.formatted(w) + ACCEPTANCE_DUE
                    + " group by c.id, c.name order by lower(c.name), c.id";
            case INFO_REQUEST_OUTCOMES -> INFO_REQUEST_EVENTS_CTE.formatted(w) + """
                    select month, count(*) filter (where what = 'SENT'), count(*) filter (where what = 'COMPLETED'),
                           round(percentile_cont(0.5) within group (order by days)::numeric, 1),
                           count(*) filter (where what = 'RETURNED')
                    from ev group by month order by month""";
            case REQUEST_SLA_PRIORITY -> "select cr.priority" + SLA_FIGURES + CLIENT_REQUEST_FROM.formatted(w)
                    + " group by cr.priority order by cr.priority nulls last";
            case REQUEST_SLA_GROUPS -> "select cr.handling_group" + SLA_FIGURES + CLIENT_REQUEST_FROM.formatted(w)
                    + " group by cr.handling_group order by cr.handling_group nulls last";
            case PORTAL_ENGAGEMENT -> PORTAL_ACTS_CTE.formatted(w) + "select c.id, c.name,"
                    + " (select count(*) from portal_account pa where pa.client_id = c.id and pa.status = 'ACTIVE'),"
                    + " count(distinct x.account_id) filter (where" + IN_RANGE + "),"
                    + " count(*) filter (where x.what = 0 and" + IN_RANGE + "),"
                    + " count(*) filter (where x.what = 1 and" + IN_RANGE + "),"
                    + " count(*) filter (where x.what = 2 and" + IN_RANGE + "),"
                    + " (max(x.at) at time zone :zone)::date, coalesce(max(x.at) < :quietSince, true)"
                    + " from client c left join acts x on x.client_id = c.id"
                    + " where exists (select 1 from portal_account pa where pa.client_id = c.id"
                    + " and pa.status <> 'NOT_INVITED') " + w + " group by c.id, c.name order by lower(c.name), c.id";
        };
        return new Query(sql, p);
    }

    private Query drillQuery(ReportKind kind, ReportFilter f, Object key, Object series) {
        MapSqlParameterSource p = params(f);
        String w = filters(f, p, kind.projectFilter(), projectColumn(kind));
        p.addValue("key", key);
        p.addValue("series", series);
        monthOfKey(p, key);
        String deals = "select c.id, c.name, d.title, d.stage, d.amount, d.currency, d.expected_close, d.owner,"
                + " (d.closed_at at time zone :zone)::date, d.close_reason from deal d join client c"
                + " on c.id = d.client_id where true " + w;
        String tasks = "select c.id, c.name, wt.title, wt.assignee, wt.due_date, p.name from work_task wt"
                + " join client c on c.id = wt.client_id left join client_project p on p.id = wt.project_id"
                + " where " + OPEN_TASK + " " + w;
        String time = "select te.work_date, c.id, c.name, p.name, te.staff, round(te.minutes / 60.0, 2), te.billable,"
                + " wt.title from time_entry te join client c on c.id = te.client_id join work_task wt"
                + " on wt.id = te.task_id left join client_project p on p.id = wt.project_id"
                + " where te.work_date between :from and :to " + w;
        String proposals = "select c.id, c.name, p.number, p.title, p.status, p.fee_model, p.fee_amount, p.currency,"
                + " (p.sent_at at time zone :zone)::date,"
                + " (coalesce(p.decided_at, p.expired_at, p.withdrawn_at) at time zone :zone)::date,"
                + " round((extract(epoch from p.decided_at - p.sent_at) / 86400)::numeric, 1)"
                + PROPOSAL_FROM.formatted(w);
        String proposalOrder = " order by p.sent_at, p.number";
        String acceptances = "select c.id, c.name, a.document_title || ' v' || a.version_number, a.sent_by,"
                + " (a.sent_at at time zone :zone)::date, (a.expires_at at time zone :zone)::date,"
                + " (a.accepted_at at time zone :zone)::date, (a.expired_at at time zone :zone)::date,"
                + " round((extract(epoch from a.accepted_at - a.sent_at) / 86400)::numeric, 1)"
                + ACCEPTANCE_FROM.formatted(w);
        String acceptanceOrder = " order by a.sent_at, a.id";
        String infoRequests = "select c.id, c.name, ir.number, ir.title, pr.name, ir.sent_by,"
                + " (ir.sent_at at time zone :zone)::date,"
                + " (case when ir.status = 'COMPLETED' then ir.closed_at end at time zone :zone)::date,"
                + " round((extract(epoch from case when ir.status = 'COMPLETED' then ir.closed_at end - ir.sent_at)"
                + " / 86400)::numeric, 1),"
                + " (select count(*) from timeline_entry rt where rt.subject_id = ir.id and rt.client_id = ir.client_id"
                + " and rt.kind = '" + ITEM_RETURNED + "')"
                + " from info_request ir join client c on c.id = ir.client_id join client_project pr"
                + " on pr.id = ir.project_id where true " + w;
        String clientRequests = "select c.id, c.name, cr.number, cr.subject, cr.priority, cr.handling_group,"
                + " (cr.raised_at at time zone :zone)::date, round((" + RESPONSE_HOURS + ")::numeric, 2),"
                + " (cr.resolved_at at time zone :zone)::date, " + SLA_BREACHED + CLIENT_REQUEST_FROM.formatted(w);
        String clientRequestOrder = " order by cr.raised_at, cr.number";
        String dealOrder = " order by lower(c.name), d.title, d.id";
        String taskOrder = " order by wt.due_date nulls last, wt.title, wt.id";
        String timeOrder = " order by te.work_date, lower(c.name), te.id";
        String sql = switch (kind) {
            case PIPELINE_STAGES -> deals + " and d.closed_at is null and d.stage = :key and d.currency = :series"
                    + dealOrder;
            case FORECAST -> deals + " and d.closed_at is null and d.expected_close between :from and :to"
                    + inMonth("d.expected_close", false) + " and d.currency = :series" + dealOrder;
            case STALLED -> deals + " and d.closed_at is null and d.stalled_at is not null and d.stage = :key"
                    + " and d.currency = :series" + dealOrder;
            case WON_LOST -> deals + " and d.stage = :series and d.closed_at >= :fromTs and d.closed_at < :toTs"
                    + inMonth("d.closed_at", true) + dealOrder;
            case STAGE_DAYS -> STAGE_SPANS_CTE.formatted(w) + """
                    select c.id, c.name, d.title, s.stage, (s.entered at time zone :zone)::date,
                           (s.left_at at time zone :zone)::date,
                           round((extract(epoch from s.left_at - s.entered) / 86400)::numeric, 1)
                    from spans s join deal d on d.id = s.deal_id join client c on c.id = d.client_id
                    where s.left_at is not null and s.stage = :key and s.left_at >= :fromTs and s.left_at < :toTs
                    order by s.left_at, d.id""";
            case TASKS_PEOPLE -> tasks + (key == null ? " and wt.assignee is null" : " and wt.assignee = :key")
                    + taskMeasure((Integer) series, false) + taskOrder;
            case TASKS_GROUPS -> tasks + (key == null ? " and wt.project_id is null" : " and wt.project_id = :key")
                    + taskMeasure((Integer) series, true) + taskOrder;
            case REQUESTS_WAITING -> "select c.id, c.name, ir.number, ir.title, p.name, ir.sent_by, count(*),"
                    + " (min(i.answered_at) at time zone :zone)::date from info_request ir join info_request_item i"
                    + " on i.request_id = ir.id join client c on c.id = ir.client_id join client_project p"
                    + " on p.id = ir.project_id where " + REQUEST_WAITS + w + " and ir.sent_by = :key"
                    + " group by c.id, c.name, ir.id, ir.number, ir.title, p.name, ir.sent_by"
                    + " order by min(i.answered_at), ir.number";
            case HOURS_PEOPLE -> time + inMonth("te.work_date", false)
                    + billableOnly((Integer) series) + timeOrder;
            case HOURS_CLIENTS -> time + " and c.id = :key" + billableOnly((Integer) series) + timeOrder;
            case HOURS_PAST_END -> time + " and p.id = :key and te.work_date > p.end_date"
                    + billableOnly((Integer) series) + timeOrder;
            case PROPOSAL_OUTCOMES -> proposals + proposalOutcome((Integer) series) + proposalOrder;
            case PROPOSAL_VALUE -> proposals + PROPOSAL_SENT_IN_RANGE + " and p.fee_model = :key"
                    + " and p.currency = :series" + proposalOrder;
            case PROPOSAL_APPROVALS -> "select c.id, c.name, p.number, p.title, p.status,"
                    + " (p.submitted_at at time zone :zone)::date, (p.approved_at at time zone :zone)::date,"
                    + " round((" + APPROVAL_HOURS + ")::numeric, 2), p.approved_by" + PROPOSAL_FROM.formatted(w)
                    + PROPOSAL_SUBMITTED_IN_RANGE
                    + inMonth("p.submitted_at", true)
                    + approvalMeasure((Integer) series) + " order by p.submitted_at, p.number";
            case ACCEPTANCE_OUTCOMES -> acceptances + acceptanceOutcome((Integer) series) + acceptanceOrder;
            case ACCEPTANCES_DUE -> acceptances + ACCEPTANCE_DUE + " and c.id = :key" + onlyMeasure((Integer) series)
                    + " order by a.expires_at, a.id";
            case INFO_REQUEST_OUTCOMES -> infoRequests + infoRequestOutcome((Integer) series)
                    + " order by ir.sent_at, ir.number";
            case REQUEST_SLA_PRIORITY -> clientRequests + (key == null ? " and cr.priority is null"
                    : " and cr.priority = :key") + slaMeasure((Integer) series) + clientRequestOrder;
            case REQUEST_SLA_GROUPS -> clientRequests + (key == null ? " and cr.handling_group is null"
                    : " and cr.handling_group = :key") + slaMeasure((Integer) series) + clientRequestOrder;
            case PORTAL_ENGAGEMENT -> {
                int what = (Integer) series;
                if (what < 0 || what > 2) {
                    throw new IllegalArgumentException("No such measure: " + series);
                }
                p.addValue("what", what);
                yield PORTAL_ACTS_CTE.formatted(w) + "select c.id, c.name, coalesce(a.display_name, x.who),"
                        + " x.subject, (x.at at time zone :zone)::date from acts x join client c on c.id = x.client_id"
                        + " left join portal_account a on a.id = x.account_id where x.client_id = :key"
                        + " and x.what = :what and" + IN_RANGE + " order by x.at, lower(coalesce(a.display_name, x.who))";
            }
        };
        return new Query(sql, p);
    }

    private static String projectColumn(ReportKind kind) {
        return switch (kind) {
            case REQUESTS_WAITING, INFO_REQUEST_OUTCOMES -> "ir.project_id";
            case ACCEPTANCE_OUTCOMES, ACCEPTANCES_DUE -> "a.project_id";
            case REQUEST_SLA_PRIORITY, REQUEST_SLA_GROUPS -> "cr.project_id";
            default -> "wt.project_id";
        };
    }

    /** 0 open, 1 overdue, 2 due this week, 3 unassigned (groups only). */
    private static String taskMeasure(int series, boolean groups) {
        return switch (series) {
            case 0 -> "";
            case 1 -> " and wt.due_date < :today";
            case 2 -> " and wt.due_date between :today and :weekEnd";
            case 3 -> {
                if (!groups) {
                    throw new IllegalArgumentException("No such measure: " + series);
                }
                yield " and wt.assignee is null";
            }
            default -> throw new IllegalArgumentException("No such measure: " + series);
        };
    }

    /** 0 sent, 1 accepted, 2 declined, 3 expired: each in the month (the key) it happened. */
    private static String proposalOutcome(int series) {
        String at = switch (series) {
            case 0 -> "p.sent_at";
            case 1, 2 -> "p.decided_at";
            case 3 -> "p.expired_at";
            default -> throw new IllegalArgumentException("No such measure: " + series);
        };
        String status = switch (series) {
            case 1 -> " and p.status = 'ACCEPTED'";
            case 2 -> " and p.status = 'DECLINED'";
            case 3 -> " and p.status = 'EXPIRED'";
            default -> "";
        };
        return status + " and " + at + " >= :fromTs and " + at + " < :toTs" + inMonth(at, true);
    }

    /** 0 sent, 1 accepted, 2 expired: each in the month (the key) it happened. */
    private static String acceptanceOutcome(int series) {
        String at = switch (series) {
            case 0 -> "a.sent_at";
            case 1 -> "a.accepted_at";
            case 2 -> "a.expired_at";
            default -> throw new IllegalArgumentException("No such measure: " + series);
        };
        String status = switch (series) {
            case 1 -> " and a.status = 'ACCEPTED'";
            case 2 -> " and a.status = 'EXPIRED'";
            default -> "";
        };
        return status + " and " + at + " >= :fromTs and " + at + " < :toTs" + inMonth(at, true);
    }

    /** 0 sent, 1 completed, 2 with items returned: each in the month (the key) it happened. */
    private static String infoRequestOutcome(int series) {
        return switch (series) {
            case 0 -> " and ir.sent_at >= :fromTs and ir.sent_at < :toTs" + inMonth("ir.sent_at", true);
            case 1 -> " and ir.status = 'COMPLETED' and ir.closed_at >= :fromTs and ir.closed_at < :toTs"
                    + inMonth("ir.closed_at", true);
            case 2 -> " and exists (select 1 from timeline_entry rt where rt.subject_id = ir.id"
                    + " and rt.client_id = ir.client_id and rt.kind = '" + ITEM_RETURNED + "'"
                    + " and rt.occurred_at >= :fromTs and rt.occurred_at < :toTs"
                    + inMonth("rt.occurred_at", true) + ")";
            default -> throw new IllegalArgumentException("No such measure: " + series);
        };
    }

    /**
     * The list's month as a range on {@code column}, which an index on it can serve (a condition on
     * {@code date_trunc('month', column)} cannot): a date column, or with {@code instant} a timestamp, whose month is
     * the one it falls in the firm's time zone. The bounds are {@link #monthOfKey}'s.
     */
    private static String inMonth(String column, boolean instant) {
        String suffix = instant ? "Ts" : "";
        return " and " + column + " >= :monthStart" + suffix + " and " + column + " < :monthEnd" + suffix;
    }

    /**
     * The bounds of the month a bar's key stands for (its first day, as the reports' month column has it), from its
     * first midnight in the firm's time zone to the next month's: the same rows as the month the column's value has
     * in that zone. A key that is no month's first day matches nothing, as it did when the lists compared
     * date_trunc('month', ...) with it.
     */
    private void monthOfKey(MapSqlParameterSource p, Object key) {
        boolean month = key instanceof LocalDate first && first.getDayOfMonth() == 1;
        LocalDate start = key instanceof LocalDate day ? day : LocalDate.EPOCH;
        LocalDate end = month ? start.plusMonths(1) : start;
        p.addValue("monthStart", start);
        p.addValue("monthEnd", end);
        p.addValue("monthStartTs", OffsetDateTime.from(start.atStartOfDay(clock.getZone())));
        p.addValue("monthEndTs", OffsetDateTime.from(end.atStartOfDay(clock.getZone())));
    }

    /** 0 SLA met, 1 breached (the chart's two bars; a table row opens all the requests behind it). */
    private static String slaMeasure(int series) {
        return switch (series) {
            case 0 -> " and " + SLA_MET;
            case 1 -> " and " + SLA_BREACHED;
            default -> throw new IllegalArgumentException("No such measure: " + series);
        };
    }

    /** A report with one measure: its only series is 0. */
    private static String onlyMeasure(int series) {
        if (series != 0) {
            throw new IllegalArgumentException("No such measure: " + series);
        }
        return "";
    }

    /** 0 submitted (every one), 1 the rules asked for approval, 2 approved. */
    private static String approvalMeasure(int series) {
        return switch (series) {
            case 0 -> "";
            case 1 -> " and p.approval_reason is not null";
            case 2 -> " and p.approved_at is not null";
            default -> throw new IllegalArgumentException("No such measure: " + series);
        };
    }

    /** 0 booked (every entry), 1 billable. */
    private static String billableOnly(int series) {
        return switch (series) {
            case 0 -> "";
            case 1 -> " and te.billable";
            default -> throw new IllegalArgumentException("No such measure: " + series);
        };
    }

    private MapSqlParameterSource params(ReportFilter f) {
        LocalDate today = LocalDate.now(clock);
        MapSqlParameterSource p = new MapSqlParameterSource();
        p.addValue("from", f.from());
        p.addValue("to", f.to());
        p.addValue("fromTs", OffsetDateTime.from(f.from().atStartOfDay(clock.getZone())));
        p.addValue("toTs", OffsetDateTime.from(f.to().plusDays(1).atStartOfDay(clock.getZone())));
        p.addValue("zone", clock.getZone().getId());
        p.addValue("today", today);
        OffsetDateTime now = OffsetDateTime.now(clock);
        p.addValue("now", now);
        p.addValue("soon", now.plusHours(48));
        p.addValue("quietSince", now.minusDays(QUIET_DAYS));
        p.addValue("weekEnd", today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)));
        // the stages as the deployed model has them: their order, the first one, their weights
        List<DealStage> open = stages.open();
        List<String> order = new ArrayList<>(open.stream().map(DealStage::code).toList());
        order.add(DealStage.WON.code());
        order.add(DealStage.LOST.code());
        p.addValue("stageOrder", order);
        p.addValue("openStages", open.stream().map(DealStage::code).toList());
        p.addValue("firstStage", stages.first().code());
        p.addValue("weightStages", open.stream().map(DealStage::code).toList());
        p.addValue("weights", open.stream().map(stages::winProbability).toList());
        p.addValue("feeModels", Arrays.stream(FeeModel.values()).map(FeeModel::name).toList());
        return p;
    }

    /** The current user's scope and the filters, as conditions on client {@code c} and the project column. */
    private String filters(ReportFilter f, MapSqlParameterSource p, boolean projects, String projectColumn) {
        StringBuilder w = new StringBuilder(scope(p));
        if (f.owner() != null) {
            w.append(" and c.owner = :owner");
            p.addValue("owner", f.owner());
        }
        if (f.clientId() != null) {
            w.append(" and c.id = :client");
            p.addValue("client", f.clientId());
        }
        if (f.hasTag()) {
            w.append(" and exists (select 1 from client_tag ct where ct.client_id = c.id"
                    + " and lower(ct.tag) = lower(:tag))");
            p.addValue("tag", f.tag().trim());
        }
        if (projects && f.projectId() != null) {
            w.append(" and ").append(projectColumn).append(" = :project");
            p.addValue("project", f.projectId());
        }
        return w.toString();
    }

    private String scope(MapSqlParameterSource p) {
        // reports carry amounts: a client the user only views is left out while the firm keeps amounts from viewers
        Optional<List<UUID>> scope = clients.amountScopeOfCurrentUser();
        if (scope.isEmpty()) {
            return "";
        }
        if (scope.get().isEmpty()) {
            return " and false";
        }
        p.addValue("scope", scope.get());
        return " and c.id in (:scope)";
    }

    private static List<Object> row(ResultSet rs, List<Column> columns) throws SQLException {
        List<Object> values = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            int at = i + 1;
            Object value = switch (columns.get(i).type()) {
                case TEXT, STAGE, OUTCOME, FEE_MODEL, PROPOSAL_STATUS, PERSON, CURRENCY -> rs.getString(at);
                case MONTH, DATE -> rs.getObject(at, LocalDate.class);
                case COUNT -> rs.getLong(at);
                case MONEY, HOURS, DAYS, RATIO -> rs.getBigDecimal(at);
                case FLAG -> rs.getBoolean(at);
                case ID -> rs.getObject(at, UUID.class);
            };
            values.add(value);
        }
        return values;
    }
}
