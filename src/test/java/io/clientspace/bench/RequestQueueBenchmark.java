package io.clientspace.bench;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;

import io.clientspace.request.ClientRequest;
import io.clientspace.request.ClientRequestService;
import io.clientspace.request.ClientRequestService.QueueFilter;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 19 §7, the request queue: {@code ./mvnw -Pbench verify -Dtest=RequestQueueBenchmark} (the normal build never
 * runs it). On the guard-scale firm ({@link BenchScale#guard()}, overridable with {@code clientspace.bench.*}) plus
 * {@code -Dbench.queue.open} (10,000) open and {@code -Dbench.queue.closed} (20,000) closed client requests
 * ({@link RequestQueueBenchData}, INSERT ... SELECT), it measures server side what the staff queue
 * ({@code RequestQueueView}) asks of {@link ClientRequestService} when it opens: {@code staffToAssign()},
 * {@code groupsInQueue()} and {@code queue(any)}, as a manager (every client) and as a member (their clients), and a
 * filtered reload (one group and priority). It counts the statements of one {@code queue(any)}, EXPLAINs each distinct
 * one and names any sequential scan of a large table. Writes target/bench/bench-request-queue.md and .csv.
 * Iterations: {@code -Dbench.queue.warmup} (2), {@code -Dbench.queue.iterations} (8).
 */
@ClientspaceIntegrationTest
class RequestQueueBenchmark {

    static final double P95_GOAL_MS = 150;

    @Autowired
    BenchDataGenerator generator;
    @Autowired
    RequestQueueBenchData queueData;
    @Autowired
    ClientRequestService requests;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void measure() {
        BenchScale scale = BenchScale.guard().overriddenBySystemProperties();
        int open = Integer.getInteger("bench.queue.open", 10_000);
        int closed = Integer.getInteger("bench.queue.closed", 20_000);
        long t0 = System.nanoTime();
        GeneratedData data = generator.generate(scale);
        Map<String, Integer> added = queueData.add(data, open, closed);
        double generatedIn = (System.nanoTime() - t0) / 1e9;
        long openInTable = jdbc.queryForObject("select count(*) from client_request where state in"
                + " ('QUEUED', 'IN_PROGRESS', 'WAITING_CLIENT', 'RESOLVED')", Long.class);
        long allInTable = jdbc.queryForObject("select count(*) from client_request", Long.class);

        BenchHarness bench = new BenchHarness(Integer.getInteger("bench.queue.warmup", 2),
                Integer.getInteger("bench.queue.iterations", 8));
        int managerRows = asManager(() -> requests.queue(QueueFilter.any())).size();
        int memberRows = asMember(() -> requests.queue(QueueFilter.any())).size();
        QueueFilter filtered = new QueueFilter("Accounting", "P1", null, null, null);
        int filteredRows = asManager(() -> requests.queue(filtered)).size();
        bench.measure("queue-open-manager", "the view opens as manager: staffToAssign, groupsInQueue, queue(any)"
                + " (" + managerRows + " rows)", i -> asManager(() -> openView()));
        bench.measure("queue-open-member", "the view opens as member: the same three calls (" + memberRows
                + " rows)", i -> asMember(() -> openView()));
        bench.measure("queue-any-manager", "queue(any) alone, manager (the grid's rows)",
                i -> asManager(() -> requests.queue(QueueFilter.any())));
        bench.measure("queue-filtered-manager", "queue(group Accounting, P1), manager, a filter change ("
                + filteredRows + " rows)", i -> asManager(() -> requests.queue(filtered)));

        List<SqlRecorder.Recorded> statements = asManager(() -> SqlRecorder.record(
                () -> requests.queue(QueueFilter.any())).statements());
        report(bench, scale, added, generatedIn, openInTable, allInTable, statements);
    }

    private Object openView() {
        requests.staffToAssign();
        List<String> groups = requests.groupsInQueue();
        List<ClientRequest> rows = requests.queue(QueueFilter.any());
        return groups.size() + rows.size();
    }

    /** Distinct statements (by SQL text) with how often each was sent, in first-seen order. */
    private static Map<String, List<SqlRecorder.Recorded>> distinct(List<SqlRecorder.Recorded> statements) {
        Map<String, List<SqlRecorder.Recorded>> bySql = new LinkedHashMap<>();
        for (SqlRecorder.Recorded s : statements) {
            bySql.computeIfAbsent(s.sql(), k -> new ArrayList<>()).add(s);
        }
        return bySql;
    }

    private String plans(Map<String, List<SqlRecorder.Recorded>> bySql, List<String> scans) {
        StringBuilder md = new StringBuilder();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            QueryPlans plans = new QueryPlans(dataSource);
            for (var e : bySql.entrySet()) {
                SqlRecorder.Recorded first = e.getValue().get(0);
                if (!first.sql().trim().toLowerCase(Locale.ROOT).matches("(?s)(select|with)\\b.*")) {
                    continue;
                }
                scans.addAll(plans.missingIndexes("queue(any)", first, WorkspaceAtScaleGuardTests.LARGE_TABLE_ROWS,
                        WorkspaceAtScaleGuardTests.SELECTIVE_PERCENT));
                md.append("Sent ").append(e.getValue().size()).append("x:\n\n```sql\n")
                        .append(first.sql().replaceAll("(\\?,)+\\?", "?, ...")).append("\n```\n\n```\n");
                try (Connection c = dataSource.getConnection();
                     var explain = first.prepare(c, "explain (analyze, costs off) ");
                     ResultSet rs = explain.executeQuery()) {
                    while (rs.next()) {
                        md.append(rs.getString(1)).append('\n');
                    }
                } catch (Exception ex) {
                    md.append("EXPLAIN failed: ").append(ex.getMessage()).append('\n');
                }
                md.append("```\n\n");
            }
        });
        return md.toString();
    }

    private void report(BenchHarness bench, BenchScale scale, Map<String, Integer> added, double generatedIn,
                        long openInTable, long allInTable, List<SqlRecorder.Recorded> statements) {
        Map<String, List<SqlRecorder.Recorded>> bySql = distinct(statements);
        List<String> scans = new ArrayList<>();
        String plans = plans(bySql, scans);
        StringBuilder goals = new StringBuilder("| Goal | Target | Measured | Met |\n|---|---|---|---|\n");
        for (var r : bench.results()) {
            goals.append(BenchHarness.goal(r.name() + " p95", "<= 150 ms", r.p95(), r.p95() <= P95_GOAL_MS, " ms"));
        }
        String md = "# Clientspace request queue benchmark (issue 19 §7)\n\n"
                + "Run " + Instant.now() + " on " + BenchHarness.machine(jdbc) + ". The machine's 2 cores are shared"
                + " with other sessions: figures are noisy.\n\n"
                + String.format(Locale.ROOT, "Data (generated in %.0f s): the guard-scale firm (%d clients, %d"
                        + " projects), plus %s, by INSERT ... SELECT (RequestQueueBenchData; no SLA processes)."
                        + " client_request holds %,d rows, %,d of them open.%n%n", generatedIn, scale.clients(),
                scale.projects(), added, allInTable, openInTable)
                + "Server side, no browser: the calls RequestQueueView makes when it opens (staffToAssign,"
                + " groupsInQueue, queue(any)) and on a filter change (queue(filter)). The view has no paging: it"
                + " loads every open request the user may see into the grid (setAllRowsVisible), so its \"first page\""
                + " is the whole queue. Warm-up " + bench.warmup() + ", " + bench.iterations()
                + " measured runs each, one thread.\n\n"
                + bench.markdownTable() + "\n" + goals + "\n"
                + "## Statements of one queue(any), manager\n\n"
                + statements.size() + " statements, " + bySql.size() + " distinct.\n\n"
                + (scans.isEmpty() ? "No sequential scan of a large table (>= "
                        + WorkspaceAtScaleGuardTests.LARGE_TABLE_ROWS + " rows) that an index should serve.\n\n"
                        : "Sequential scans of large tables:\n\n    " + String.join("\n    ", scans) + "\n\n")
                + plans;
        Path dir = Path.of("target", "bench");
        BenchHarness.write(dir.resolve("bench-request-queue.md"), md);
        BenchHarness.write(dir.resolve("bench-request-queue.csv"), bench.csv());
        System.out.println(md);
    }
}
