package io.clientspace.reports;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each report's figures on {@link ReportFixture}, against sums, counts, averages and medians worked out by hand in
 * the comments; currencies never mix; a member's reports hold only the clients they may open.
 */
@ClientspaceIntegrationTest
class ReportServiceIntegrationTests {

    @Autowired
    ReportService reports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    ReportFixture data;
    ReportFilter all;

    @BeforeEach
    void data() {
        data = new ReportFixture(jdbc, LocalDate.now(clock)).create();
        all = data.filter("2025-01-01", "2027-12-31");
    }

    @AfterEach
    void clean() {
        data.delete();
    }

    @Test
    void openDealsByStageCountAndValuePerCurrency() {
        // NEW: A1 1000 + A2 500 EUR; QUALIFIED: C5 800 EUR; PROPOSAL: A3 2000 USD; NEGOTIATION: B4 4000 EUR
        assertThat(rows(ReportKind.PIPELINE_STAGES, all)).containsExactly(
                List.of("StageNew", "EUR", 2L, "1500"),
                List.of("StageQualified", "EUR", 1L, "800"),
                List.of("StageProposal", "USD", 1L, "2000"),
                List.of("StageNegotiation", "EUR", 1L, "4000"));
        ReportTable list = asManager(() -> reports.drill(ReportKind.PIPELINE_STAGES, all, "StageNew", "EUR"));
        assertThat(column(list, 2)).containsExactly("Open A1", "Open A2");
    }

    @Test
    void weightedForecastByExpectedCloseMonth() {
        // 2027-01 EUR: A1 1000*10% + A2 500*10% + B4 4000*75% = 3150 of 5500; 2027-02: C5 800*25% = 200 EUR, A3 2000*50% USD
        assertThat(rows(ReportKind.FORECAST, all)).containsExactly(
                List.of(LocalDate.of(2027, 1, 1), "EUR", 3L, "5500", "3150"),
                List.of(LocalDate.of(2027, 2, 1), "EUR", 1L, "800", "200"),
                List.of(LocalDate.of(2027, 2, 1), "USD", 1L, "2000", "1000"));
        assertThat(rows(ReportKind.FORECAST, data.filter("2027-02-01", "2027-12-31"))).hasSize(2);
    }

    @Test
    void stalledDeals() {
        assertThat(rows(ReportKind.STALLED, all)).containsExactly(List.of("StageProposal", "USD", 1L, "2000"));
    }

    @Test
    void daysPerStageFromTheStageChanges() {
        // NEW: A6 10, B7 4, C8 2 days -> average 5.3, median 4; QUALIFIED: A6 4, B7 43, C8 58 (its repeated entry is
        // one stay) -> average 35, median 43; PROPOSAL: A6 10; NEGOTIATION: A6 25 Jan to 10 Mar = 44
        assertThat(rows(ReportKind.STAGE_DAYS, data.filter("2025-01-01", "2025-12-31"))).containsExactly(
                List.of("StageNew", 3L, "5.3", "4"),
                List.of("StageQualified", 3L, "35", "43"),
                List.of("StageProposal", 1L, "10", "10"),
                List.of("StageNegotiation", 1L, "44", "44"));
        // only the stays that ended within the range
        assertThat(rows(ReportKind.STAGE_DAYS, data.filter("2025-01-01", "2025-01-31"))).containsExactly(
                List.of("StageNew", 1L, "10", "10"),
                List.of("StageQualified", 1L, "4", "4"),
                List.of("StageProposal", 1L, "10", "10"));
    }

    @Test
    void wonAndLostPerMonthWithReasons() {
        assertThat(rows(ReportKind.WON_LOST, data.filter("2025-01-01", "2025-12-31"))).containsExactly(
                List.of(LocalDate.of(2025, 3, 1), "WON", "Good fit", 1L),
                List.of(LocalDate.of(2025, 3, 1), "LOST", "Price", 1L),
                List.of(LocalDate.of(2025, 4, 1), "LOST", "Price", 1L));
        ReportTable lostInApril = asManager(() -> reports.drill(ReportKind.WON_LOST,
                data.filter("2025-01-01", "2025-12-31"), LocalDate.of(2025, 4, 1), "LOST"));
        assertThat(column(lostInApril, 2)).containsExactly("Lost C8");
    }

    @Test
    void tasksPerPersonAndGroupWithUnassignedWork() {
        // open: manager 2 (one overdue, one due today), jonas 1 overdue, member 1 in 30 days, nobody 1; done ones never count
        assertThat(rows(ReportKind.TASKS_PEOPLE, all)).containsExactly(
                Arrays.asList(null, 1L, 0L, 0L),
                List.of("jonas", 1L, 1L, 0L),
                List.of("manager", 2L, 1L, 1L),
                List.of("member", 1L, 0L, 0L));
        assertThat(rows(ReportKind.TASKS_GROUPS, all)).containsExactly(
                Arrays.asList(null, null, 4L, 2L, 1L, 0L),
                List.of(data.relaunch, "Relaunch " + data.tag, 1L, 0L, 0L, 1L));
        ReportTable unassigned = asManager(() -> reports.drill(ReportKind.TASKS_PEOPLE, all, null, 0));
        assertThat(column(unassigned, 2)).containsExactly("Nobody's A");
        ReportTable overdue = asManager(() -> reports.drill(ReportKind.TASKS_GROUPS, all, null, 1));
        assertThat(column(overdue, 2)).containsExactlyInAnyOrder("Overdue A", "Overdue C");
        // the project filter keeps only the project's work
        assertThat(rows(ReportKind.TASKS_PEOPLE, all.withProject(data.relaunch)))
                .containsExactly(Arrays.asList(null, 1L, 0L, 0L));
    }

    @Test
    void informationRequestsWaitingOnUsPerPerson() {
        assertThat(rows(ReportKind.REQUESTS_WAITING, all)).containsExactly(
                List.of("manager", 1L, 2L, LocalDate.of(2025, 5, 1)),
                List.of("member", 1L, 1L, LocalDate.of(2025, 6, 1)));
        ReportTable managers = asManager(() -> reports.drill(ReportKind.REQUESTS_WAITING, all, "manager", 0));
        assertThat(column(managers, 2)).containsExactly("R-" + data.tag + "-1");
        assertThat(column(managers, 6)).containsExactly(2L);
        assertThat(rows(ReportKind.REQUESTS_WAITING, all.withProject(data.betaWeb)))
                .containsExactly(List.of("member", 1L, 1L, LocalDate.of(2025, 6, 1)));
    }

    @Test
    void hoursBookedAndBillablePerMonthPersonClientAndProject() {
        ReportFilter year = data.filter("2025-01-01", "2025-12-31");
        // March: manager 120 + 60 min = 3 h, 2 billable; member 90 min billable. April: member 30 billable, jonas 45 not
        assertThat(rows(ReportKind.HOURS_PEOPLE, year)).containsExactly(
                List.of(LocalDate.of(2025, 3, 1), "manager", "3", "2", "0.6667"),
                List.of(LocalDate.of(2025, 3, 1), "member", "1.5", "1.5", "1"),
                List.of(LocalDate.of(2025, 4, 1), "jonas", "0.75", "0", "0"),
                List.of(LocalDate.of(2025, 4, 1), "member", "0.5", "0.5", "1"));
        assertThat(rows(ReportKind.HOURS_CLIENTS, year)).containsExactly(
                Arrays.asList(data.alpha, "Alpha " + data.tag, null, "3", "2", "0.6667"),
                List.of(data.alpha, "Alpha " + data.tag, "Relaunch " + data.tag, "1.5", "1.5", "1"),
                Arrays.asList(data.beta, "Beta " + data.tag, null, "0.5", "0.5", "1"),
                Arrays.asList(data.gamma, "Gamma " + data.tag, null, "0.75", "0", "0"));
        // the relaunch ended on 4 March; the 90 minutes on 5 March were booked after it
        assertThat(rows(ReportKind.HOURS_PAST_END, year)).containsExactly(
                List.of(data.relaunch, "Relaunch " + data.tag, "Alpha " + data.tag, LocalDate.of(2025, 3, 4), "1.5",
                        "1.5"));
        ReportTable alphaBillable = asManager(() -> reports.drill(ReportKind.HOURS_CLIENTS, year, data.alpha, 1));
        assertThat(column(alphaBillable, 0)).containsExactly(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 5));
        // a range that ends before the work shows none of it
        assertThat(rows(ReportKind.HOURS_PEOPLE, data.filter("2025-01-01", "2025-03-02"))).isEmpty();
    }

    @Test
    void aMembersReportsHoldOnlyTheClientsTheyMayOpen() {
        ReportFilter everything = data.filter("2025-01-01", "2027-12-31");
        assertThat(asMember(() -> reports.run(ReportKind.PIPELINE_STAGES, everything)).rows())
                .extracting(r -> norm(r)).containsExactly(List.of("StageNegotiation", "EUR", 1L, "4000"));
        assertThat(asMember(() -> reports.run(ReportKind.TASKS_PEOPLE, everything)).rows())
                .extracting(r -> norm(r)).containsExactly(List.of("member", 1L, 0L, 0L));
        assertThat(asMember(() -> reports.run(ReportKind.REQUESTS_WAITING, everything)).rows())
                .extracting(r -> norm(r)).containsExactly(List.of("member", 1L, 1L, LocalDate.of(2025, 6, 1)));
        // member booked 90 minutes on Alpha, which they may not open: not in their report
        assertThat(asMember(() -> reports.run(ReportKind.HOURS_PEOPLE, everything)).rows())
                .extracting(r -> norm(r)).containsExactly(List.of(LocalDate.of(2025, 4, 1), "member", "0.5", "0.5", "1"));
        // every list behind every bar of every report: only Beta
        Set<UUID> seen = new HashSet<>();
        for (ReportKind kind : ReportKind.values()) {
            ReportTable table = asMember(() -> reports.run(kind, everything));
            int idColumn = idColumn(kind.drill().columns());
            for (List<Object> row : table.rows()) {
                ChartSpec chart = kind.chart();
                int measures = chart.hasSeriesColumn() ? 1 : chart.values().size();
                for (int m = 0; m < measures; m++) {
                    Object series = chart.hasSeriesColumn() ? row.get(chart.seriesColumn()) : (Object) m;
                    ReportTable list = asMember(() -> reports.drill(kind, everything, row.get(chart.categoryKey()),
                            series));
                    list.rows().forEach(r -> seen.add((UUID) r.get(idColumn)));
                }
            }
        }
        assertThat(seen).containsOnly(data.beta);
        // asking for another's client by id gives nothing, not their figures
        assertThat(asMember(() -> reports.run(ReportKind.PIPELINE_STAGES, everything.withClient(data.gamma))).rows())
                .isEmpty();
        assertThat(asMember(() -> reports.options()).clients()).extracting(ReportOptions.Option::id)
                .contains(data.beta).doesNotContain(data.alpha, data.gamma);
    }

    @Test
    void aRangeEndingBeforeItStartsOrLongerThanFiveYearsIsRefused() {
        assertThatThrownBy(() -> asManager(() -> reports.run(ReportKind.PIPELINE_STAGES,
                data.filter("2025-02-01", "2025-01-31"))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .containsExactly(FieldProblem.of("to", "reports.error.end-before-start")));
        assertThatThrownBy(() -> asManager(() -> reports.run(ReportKind.HOURS_PEOPLE,
                data.filter("2020-01-01", "2025-01-02"))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .containsExactly(FieldProblem.of("to", "reports.error.too-long", ReportFilter.MAX_YEARS)));
        // exactly five years is fine
        assertThat(asManager(() -> reports.run(ReportKind.HOURS_PEOPLE, data.filter("2020-01-01", "2025-01-01"))))
                .isNotNull();
    }

    @Test
    void anExportWithoutRowsWritesNothing() {
        List<String> calls = new ArrayList<>();
        RowSink sink = new RowSink() {
            public void start(List<Column> columns) {
                calls.add("start");
            }

            public void row(List<Object> values) {
                calls.add("row");
            }

            public void finish() {
                calls.add("finish");
            }
        };
        assertThatThrownBy(() -> asManager(() -> reports.export(ReportKind.HOURS_PEOPLE,
                data.filter("2024-01-01", "2024-12-31"), sink))).isInstanceOf(EmptyReportException.class);
        assertThat(calls).isEmpty();
        assertThat(asManager(() -> reports.count(ReportKind.HOURS_PEOPLE, data.filter("2024-01-01", "2024-12-31"))))
                .isZero();

        long written = asManager(() -> reports.export(ReportKind.PIPELINE_STAGES, all, sink));
        assertThat(written).isEqualTo(4);
        assertThat(calls).containsExactly("start", "row", "row", "row", "row", "finish");
    }

    private List<List<Object>> rows(ReportKind kind, ReportFilter filter) {
        return asManager(() -> reports.run(kind, filter)).rows().stream().map(ReportServiceIntegrationTests::norm)
                .toList();
    }

    private static int idColumn(List<Column> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals("client-id")) {
                return i;
            }
        }
        throw new IllegalStateException("no client id in " + columns);
    }

    private static List<Object> column(ReportTable table, int index) {
        return table.rows().stream().map(r -> r.get(index)).toList();
    }

    /** Numbers as plain strings without trailing zeros, so expectations read like the arithmetic above. */
    static List<Object> norm(List<Object> row) {
        return row.stream().map(v -> v instanceof BigDecimal b ? (Object) b.stripTrailingZeros().toPlainString() : v)
                .toList();
    }
}
