package io.clientspace.reports;

import static io.clientspace.reports.ColumnType.COUNT;
import static io.clientspace.reports.ColumnType.CURRENCY;
import static io.clientspace.reports.ColumnType.DATE;
import static io.clientspace.reports.ColumnType.DAYS;
import static io.clientspace.reports.ColumnType.FEE_MODEL;
import static io.clientspace.reports.ColumnType.FLAG;
import static io.clientspace.reports.ColumnType.HOURS;
import static io.clientspace.reports.ColumnType.ID;
import static io.clientspace.reports.ColumnType.MONTH;
import static io.clientspace.reports.ColumnType.OUTCOME;
import static io.clientspace.reports.ColumnType.PERSON;
import static io.clientspace.reports.ColumnType.PROPOSAL_STATUS;
import static io.clientspace.reports.ColumnType.RATIO;
import static io.clientspace.reports.ColumnType.STAGE;
import static io.clientspace.reports.ColumnType.TEXT;

import java.util.List;

/**
 * The reports, in the order the screen offers them. Each says its group, its columns, how its chart is drawn, which
 * list a bar opens, and what the date range means for it ({@code rangeKey}, a translation key).
 */
public enum ReportKind {

    /** Open deals now, by stage: count and value, each currency apart. */
    PIPELINE_STAGES(Group.PIPELINE, false, "reports.range.none", Shared.DEALS_BY_STAGE,
            ChartSpec.bySeriesColumn(0, 1, 3), DrillList.DEALS),
    /** Open deals by the month they are expected to close, weighted by their stage's chance. */
    FORECAST(Group.PIPELINE, false, "reports.range.expected-close",
            List.of(Column.of("month", MONTH), Column.of("currency", CURRENCY), Column.of("deals", COUNT),
                    Column.money("value", 1), Column.money("weighted", 1)),
            ChartSpec.bySeriesColumn(0, 1, 4), DrillList.DEALS),
    /** Open deals flagged as stalled, by stage. */
    STALLED(Group.PIPELINE, false, "reports.range.none", Shared.DEALS_BY_STAGE,
            ChartSpec.bySeriesColumn(0, 1, 2), DrillList.DEALS),
    /** How long deals stayed in each stage, from the stage changes they left in the range. */
    STAGE_DAYS(Group.PIPELINE, false, "reports.range.left-stage",
            List.of(Column.of("stage", STAGE), Column.of("moves", COUNT), Column.of("average-days", DAYS),
                    Column.of("median-days", DAYS)),
            ChartSpec.byColumns(0, 2, 3), DrillList.STAGE_SPANS),
    /** Deals won and lost per month, with the reasons given. */
    WON_LOST(Group.PIPELINE, false, "reports.range.closed",
            List.of(Column.of("month", MONTH), Column.of("outcome", OUTCOME), Column.of("reason", TEXT),
                    Column.of("deals", COUNT)),
            ChartSpec.bySeriesColumn(0, 1, 3), DrillList.DEALS),
    /** Open tasks per person now: open, overdue, due this week; nobody's work as "Unassigned". */
    TASKS_PEOPLE(Group.WORKLOAD, true, "reports.range.none",
            List.of(Column.of("person", PERSON), Column.of("open", COUNT), Column.of("overdue", COUNT),
                    Column.of("due-this-week", COUNT)),
            ChartSpec.byColumns(0, 1, 2, 3), DrillList.TASKS),
    /** Open tasks per work group (a project; work on the client itself apart), with the unassigned ones. */
    TASKS_GROUPS(Group.WORKLOAD, true, "reports.range.none",
            List.of(Column.of("project-id", ID), Column.of("group", TEXT), Column.of("open", COUNT),
                    Column.of("overdue", COUNT), Column.of("due-this-week", COUNT), Column.of("unassigned", COUNT)),
            ChartSpec.byColumnsKeyed(1, 0, 2, 3, 4, 5), DrillList.TASKS),
    /** Information requests whose client has answered and who now wait on the person who sent them. */
    REQUESTS_WAITING(Group.WORKLOAD, true, "reports.range.none",
            List.of(Column.of("person", PERSON), Column.of("requests", COUNT), Column.of("items", COUNT),
                    Column.of("waiting-since", DATE)),
            ChartSpec.byColumns(0, 1, 2), DrillList.REQUESTS),
    /** Hours booked and billable per month and person, and the billable ratio. */
    HOURS_PEOPLE(Group.HOURS, true, "reports.range.worked",
            List.of(Column.of("month", MONTH), Column.of("person", PERSON), Column.of("booked", HOURS),
                    Column.of("billable", HOURS), Column.of("ratio", RATIO)),
            ChartSpec.byColumns(0, 2, 3), DrillList.TIME),
    /** Hours booked and billable per client and project, and the billable ratio. */
    HOURS_CLIENTS(Group.HOURS, true, "reports.range.worked",
            List.of(Column.of("client-id", ID), Column.of("client", TEXT), Column.of("project", TEXT),
                    Column.of("booked", HOURS), Column.of("billable", HOURS), Column.of("ratio", RATIO)),
            ChartSpec.byColumnsKeyed(1, 0, 3, 4), DrillList.TIME),
    /** Hours booked on projects after their end date. */
    HOURS_PAST_END(Group.HOURS, true, "reports.range.worked",
            List.of(Column.of("project-id", ID), Column.of("project", TEXT), Column.of("client", TEXT),
                    Column.of("end", DATE), Column.of("booked", HOURS), Column.of("billable", HOURS)),
            ChartSpec.byColumnsKeyed(1, 0, 4, 5), DrillList.TIME),
    /**
     * Proposals per month: sent (by the day they were sent), accepted and declined (by the customer's answer),
     * expired (by the day they lapsed); the conversion rate, accepted of those the customer answered (accepted or
     * declined); and the median days from sending to that answer.
     */
    PROPOSAL_OUTCOMES(Group.PROPOSALS, false, "reports.range.proposals",
            List.of(Column.of("month", MONTH), Column.of("sent", COUNT), Column.of("accepted", COUNT),
                    Column.of("declined", COUNT), Column.of("expired", COUNT), Column.of("conversion", RATIO),
                    Column.of("median-days", DAYS)),
            ChartSpec.byColumns(0, 1, 2, 3, 4), DrillList.PROPOSALS),
    /** The value of the proposals sent in the range, by fee model, each currency apart, and how much was accepted. */
    PROPOSAL_VALUE(Group.PROPOSALS, false, "reports.range.proposal-value",
            List.of(Column.of("fee-model", FEE_MODEL), Column.of("currency", CURRENCY), Column.of("proposals", COUNT),
                    Column.money("value", 1), Column.of("accepted", COUNT), Column.money("accepted-value", 1)),
            ChartSpec.bySeriesColumn(0, 1, 3), DrillList.PROPOSALS),
    /**
     * Proposals submitted per month: how many the rules sent to an approver, how many were approved, and the median
     * hours from submission to approval.
     */
    PROPOSAL_APPROVALS(Group.PROPOSALS, false, "reports.range.approvals",
            List.of(Column.of("month", MONTH), Column.of("submitted", COUNT), Column.of("approval-required", COUNT),
                    Column.of("approved", COUNT), Column.of("approval-hours", HOURS)),
            ChartSpec.byColumns(0, 1, 2, 3), DrillList.APPROVALS),
    /**
     * Document acceptances per month: sent (by the day they were sent), accepted (by the day the client accepted)
     * and expired (by the day they lapsed); and the median days from sending to acceptance.
     */
    ACCEPTANCE_OUTCOMES(Group.PROMISES, true, "reports.range.acceptances",
            List.of(Column.of("month", MONTH), Column.of("sent", COUNT), Column.of("accepted", COUNT),
                    Column.of("expired", COUNT), Column.of("median-days", DAYS)),
            ChartSpec.byColumns(0, 1, 2, 3), DrillList.ACCEPTANCES),
    /** Acceptances still pending whose deadline falls within the next 48 hours, per client. */
    ACCEPTANCES_DUE(Group.PROMISES, true, "reports.range.due-soon",
            List.of(Column.of("client-id", ID), Column.of("client", TEXT), Column.of("due-48h", COUNT)),
            ChartSpec.byColumnsKeyed(1, 0, 2), DrillList.ACCEPTANCES),
    /**
     * Information requests per month: sent, completed (by the day the last item was accepted), the median days from
     * sending to completion, and the items returned to the client for rework (by the day they were returned).
     */
    INFO_REQUEST_OUTCOMES(Group.PROMISES, true, "reports.range.info-requests",
            List.of(Column.of("month", MONTH), Column.of("sent", COUNT), Column.of("completed", COUNT),
                    Column.of("median-days", DAYS), Column.of("returned-items", COUNT)),
            ChartSpec.byColumns(0, 1, 2, 4), DrillList.INFO_REQUESTS),
    /**
     * Client requests raised in the range, by priority: SLA met (resolved without a breach), breached (the response
     * or the resolution target missed), still running; and the median hours to the first response.
     */
    REQUEST_SLA_PRIORITY(Group.PROMISES, true, "reports.range.sla",
            List.of(Column.of("priority", TEXT), Column.of("requests", COUNT), Column.of("sla-met", COUNT),
                    Column.of("sla-breached", COUNT), Column.of("running", COUNT), Column.of("response-hours", HOURS)),
            ChartSpec.byColumns(0, 2, 3), DrillList.CLIENT_REQUESTS),
    /** The same as {@link #REQUEST_SLA_PRIORITY}, by the handling group triage chose. */
    REQUEST_SLA_GROUPS(Group.PROMISES, true, "reports.range.sla",
            List.of(Column.of("handling-group", TEXT), Column.of("requests", COUNT), Column.of("sla-met", COUNT),
                    Column.of("sla-breached", COUNT), Column.of("running", COUNT), Column.of("response-hours", HOURS)),
            ChartSpec.byColumns(0, 2, 3), DrillList.CLIENT_REQUESTS),
    /**
     * Per client with a portal (a contact invited at least once): the contacts with access now, the contacts who did
     * anything in the range, their sign-ins, downloads and messages (chat and project comments) in the range, the
     * day of the last portal activity of any kind, and whether there was none in the last 30 days.
     */
    PORTAL_ENGAGEMENT(Group.PORTAL, false, "reports.range.portal",
            List.of(Column.of("client-id", ID), Column.of("client", TEXT), Column.of("contacts", COUNT),
                    Column.of("active-contacts", COUNT), Column.of("sign-ins", COUNT), Column.of("downloads", COUNT),
                    Column.of("messages", COUNT), Column.of("last-activity", DATE), Column.of("quiet-30d", FLAG)),
            ChartSpec.byColumnsKeyed(1, 0, 4, 5, 6), DrillList.PORTAL_ACTIVITY);

    public enum Group { PIPELINE, WORKLOAD, HOURS, PROPOSALS, PROMISES, PORTAL }

    /** Column lists more than one report uses (an enum constant cannot read the enum's own static fields). */
    private static final class Shared {
        static final List<Column> DEALS_BY_STAGE = List.of(Column.of("stage", STAGE), Column.of("currency", CURRENCY),
                Column.of("deals", COUNT), Column.money("value", 1));
    }

    /** The list a bar opens. */
    public enum DrillList {
        DEALS(List.of(Column.of("client-id", ID), Column.of("client", TEXT), Column.of("deal", TEXT),
                Column.of("stage", STAGE), Column.money("value", 5), Column.of("currency", CURRENCY),
                Column.of("expected-close", DATE), Column.of("owner", PERSON), Column.of("closed", DATE),
                Column.of("reason", TEXT))),
        STAGE_SPANS(List.of(Column.of("client-id", ID), Column.of("client", TEXT), Column.of("deal", TEXT),
                Column.of("stage", STAGE), Column.of("entered", DATE), Column.of("left", DATE),
                Column.of("days", DAYS))),
        TASKS(List.of(Column.of("client-id", ID), Column.of("client", TEXT), Column.of("task", TEXT),
                Column.of("person", PERSON), Column.of("due", DATE), Column.of("project", TEXT))),
        REQUESTS(List.of(Column.of("client-id", ID), Column.of("client", TEXT), Column.of("request", TEXT),
                Column.of("title", TEXT), Column.of("project", TEXT), Column.of("person", PERSON),
                Column.of("items", COUNT), Column.of("waiting-since", DATE))),
        TIME(List.of(Column.of("date", DATE), Column.of("client-id", ID), Column.of("client", TEXT),
                Column.of("project", TEXT), Column.of("person", PERSON), Column.of("hours", HOURS),
                Column.of("billable", ColumnType.FLAG), Column.of("task", TEXT))),
        PROPOSALS(List.of(Column.of("client-id", ID), Column.of("client", TEXT), Column.of("number", TEXT),
                Column.of("proposal", TEXT), Column.of("status", PROPOSAL_STATUS), Column.of("fee-model", FEE_MODEL),
                Column.money("value", 7), Column.of("currency", CURRENCY), Column.of("sent", DATE),
                Column.of("closed", DATE), Column.of("days", DAYS))),
        APPROVALS(List.of(Column.of("client-id", ID), Column.of("client", TEXT), Column.of("number", TEXT),
                Column.of("proposal", TEXT), Column.of("status", PROPOSAL_STATUS), Column.of("submitted", DATE),
                Column.of("approved", DATE), Column.of("hours", HOURS), Column.of("approver", PERSON))),
        ACCEPTANCES(List.of(Column.of("client-id", ID), Column.of("client", TEXT), Column.of("document", TEXT),
                Column.of("person", PERSON), Column.of("sent", DATE), Column.of("expires", DATE),
                Column.of("accepted", DATE), Column.of("expired", DATE), Column.of("days", DAYS))),
        INFO_REQUESTS(List.of(Column.of("client-id", ID), Column.of("client", TEXT), Column.of("request", TEXT),
                Column.of("title", TEXT), Column.of("project", TEXT), Column.of("person", PERSON),
                Column.of("sent", DATE), Column.of("completed", DATE), Column.of("days", DAYS),
                Column.of("returned-items", COUNT))),
        CLIENT_REQUESTS(List.of(Column.of("client-id", ID), Column.of("client", TEXT), Column.of("request", TEXT),
                Column.of("subject", TEXT), Column.of("priority", TEXT), Column.of("handling-group", TEXT),
                Column.of("raised", DATE), Column.of("response-hours", HOURS), Column.of("resolved", DATE),
                Column.of("sla-breached", FLAG))),
        PORTAL_ACTIVITY(List.of(Column.of("client-id", ID), Column.of("client", TEXT), Column.of("contact", TEXT),
                Column.of("subject", TEXT), Column.of("date", DATE)));

        private final List<Column> columns;

        DrillList(List<Column> columns) {
            this.columns = columns;
        }

        public List<Column> columns() {
            return columns;
        }
    }

    private final Group group;
    private final boolean projectFilter;
    private final String rangeKey;
    private final List<Column> columns;
    private final ChartSpec chart;
    private final DrillList drill;

    ReportKind(Group group, boolean projectFilter, String rangeKey, List<Column> columns, ChartSpec chart,
               DrillList drill) {
        this.group = group;
        this.projectFilter = projectFilter;
        this.rangeKey = rangeKey;
        this.columns = columns;
        this.chart = chart;
        this.drill = drill;
    }

    public Group group() {
        return group;
    }

    /** Whether the project filter applies: deals and proposals belong to a client, not to a project. */
    public boolean projectFilter() {
        return projectFilter;
    }

    /** Translation key saying what the date range selects in this report. */
    public String rangeKey() {
        return rangeKey;
    }

    public List<Column> columns() {
        return columns;
    }

    public ChartSpec chart() {
        return chart;
    }

    public DrillList drill() {
        return drill;
    }
}
