package io.clientspace.bench;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.devservices.TestClock;
import io.clientspace.reports.ChartSpec;
import io.clientspace.reports.ReportFilter;
import io.clientspace.reports.ReportKind;
import io.clientspace.reports.ReportService;
import io.clientspace.reports.ReportTable;
import io.clientspace.support.ClientspaceIntegrationTest;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 16's guards in the normal build, at {@link WorkspaceAtScaleGuardTests}'s reduced scale plus what the reports
 * read ({@link ReportsBenchData}): every report, and the list behind its first bar, is EXPLAINed on the app's real SQL
 * (as a manager over every client, as a member over their own, and filtered to the busy client) and must not read a
 * large table sequentially where an index should serve it; and each sends as many statements for the busy client as
 * for a quiet one and for the whole firm (no N+1). Everything runs in one transaction that is rolled back.
 */
@ClientspaceIntegrationTest
class ReportsAtScaleGuardTests {

    /** As {@link WorkspaceAtScaleGuardTests#LARGE_TABLE_ROWS}. */
    static final long LARGE_TABLE_ROWS = WorkspaceAtScaleGuardTests.LARGE_TABLE_ROWS;
    /** As {@link WorkspaceAtScaleGuardTests#SELECTIVE_PERCENT}. */
    static final long SELECTIVE_PERCENT = WorkspaceAtScaleGuardTests.SELECTIVE_PERCENT;
    /** A report or a list is one query; the member's scope and the firm's module switch may add a few reads. */
    static final int STATEMENTS_MAX = 6;

    @Autowired
    BenchDataGenerator generator;
    @Autowired
    ReportsBenchData reportsData;
    @Autowired
    ReportService reports;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DataSource dataSource;
    @Autowired
    EntityManager entityManager;
    @Autowired
    Clock clock;

    @Test
    void everyReportAndTheListBehindItsFirstBarUseIndexesWhereTheyReadAFewRows() {
        atScale((data, year) -> {
            QueryPlans plans = new QueryPlans(dataSource);
            List<String> scans = new ArrayList<>();
            int explained = 0;
            for (var call : calls(data, year).entrySet()) {
                for (SqlRecorder.Recorded statement : record(call.getValue())) {
                    if (statement.sql().trim().toLowerCase(Locale.ROOT).matches("(?s)(select|with)\\b.*")) {
                        explained++;
                        scans.addAll(plans.missingIndexes(call.getKey(), statement, LARGE_TABLE_ROWS,
                                SELECTIVE_PERCENT));
                    }
                }
            }
            assertThat(explained).as("statements explained").isGreaterThanOrEqualTo(ReportKind.values().length * 3);
            assertThat(scans).as("sequential scans of large tables").isEmpty();
        });
    }

    @Test
    void aReportSendsAsManyStatementsForTheBusyClientAsForAQuietOneAndTheWholeFirm() {
        atScale((data, year) -> {
            // the app's clock stands still while the counts are compared: the firm's modules are read again every
            // 10 s (FirmModuleService.CACHE_TTL, 4 statements) and the deal stages' latest version every minute; a CI
            // run once crossed those 10 s between the quiet client's count and the busy one's
            try (TestClock.Unpin still = TestClock.pin(clock.instant())) {
                // the first run fills what is cached (the firm's modules, the deal stages)
                asManager(() -> reports.run(ReportKind.PIPELINE_STAGES, year));
                asMember(() -> reports.run(ReportKind.PIPELINE_STAGES, year));
                Map<String, Integer> quiet = new LinkedHashMap<>();
                Map<String, Integer> busy = new LinkedHashMap<>();
                Map<String, Integer> firm = new LinkedHashMap<>();
                for (ReportKind kind : ReportKind.values()) {
                    quiet.put(kind + " manager", count(() -> reports.run(kind, year.withClient(data.smallClientId()))));
                    busy.put(kind + " manager", count(() -> reports.run(kind, year.withClient(data.largeClientId()))));
                    firm.put(kind + " manager", count(() -> reports.run(kind, year)));
                    quiet.put(kind + " member", countAsMember(() -> reports.run(kind,
                            year.withClient(data.smallClientId()))));
                    busy.put(kind + " member", countAsMember(() -> reports.run(kind,
                            year.withClient(data.largeClientId()))));
                    firm.put(kind + " member", countAsMember(() -> reports.run(kind, year)));
                }
                assertThat(busy).as("statements per report, busy client (quiet client: %s)", quiet).isEqualTo(quiet);
                assertThat(firm).as("statements per report, whole firm").isEqualTo(quiet);
                assertThat(firm.values()).as("statements per report").allMatch(n -> n >= 1 && n <= STATEMENTS_MAX);
            }
        });
    }

    /** Each report as manager, as member and for the busy client, and the list behind its first bar. */
    private Map<String, Supplier<Object>> calls(GeneratedData data, ReportFilter year) {
        Map<String, Supplier<Object>> calls = new LinkedHashMap<>();
        ReportFilter busy = year.withClient(data.largeClientId());
        for (ReportKind kind : ReportKind.values()) {
            calls.put(kind + " manager", () -> asManager(() -> reports.run(kind, year)));
            calls.put(kind + " member", () -> asMember(() -> reports.run(kind, year)));
            calls.put(kind + " busy client", () -> asManager(() -> reports.run(kind, busy)));
            ReportTable table = asManager(() -> reports.run(kind, year));
            if (table.isEmpty()) {
                // information requests waiting on us need running processes, which the guard scale does not start
                continue;
            }
            List<Object> first = table.rows().get(0);
            ChartSpec spec = kind.chart();
            Object key = first.get(spec.categoryKey());
            Object series = spec.hasSeriesColumn() ? first.get(spec.seriesColumn()) : 0;
            calls.put(kind + " list of its first bar, manager", () -> asManager(() -> reports.drill(kind, year, key,
                    series)));
            calls.put(kind + " list of its first bar, member", () -> asMember(() -> reports.drill(kind, year, key,
                    series)));
            calls.put(kind + " list of its first bar, busy client", () -> asManager(() -> reports.drill(kind, busy,
                    key, series)));
        }
        return calls;
    }

    private int count(Supplier<Object> call) {
        return record(() -> asManager(call)).size();
    }

    private int countAsMember(Supplier<Object> call) {
        return record(() -> asMember(call)).size();
    }

    /** Generates the guard scale and the reports' rows in a transaction, runs the check in it and rolls back. */
    private void atScale(BiConsumer<GeneratedData, ReportFilter> check) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            BenchScale scale = BenchScale.guard().overriddenBySystemProperties();
            GeneratedData data = generator.generate(scale);
            reportsData.add(data, 5_000, 2);
            entityManager.clear();
            LocalDate today = LocalDate.now(clock);
            check.accept(data, ReportFilter.between(today.minusYears(1), today));
        });
    }

    private List<SqlRecorder.Recorded> record(Supplier<Object> call) {
        entityManager.clear();
        return SqlRecorder.record(call::get).statements();
    }
}
