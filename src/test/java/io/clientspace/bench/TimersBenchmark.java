package io.clientspace.bench;

import static io.clientspace.support.Actors.asManager;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.deal.process.DealStagesProcess;
import io.clientspace.drills.ClusterNodes;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 19 §4, timers at volume: {@code ./mvnw -Pbench verify -Dtest=TimersBenchmark} (the normal build never runs
 * it). On whole app nodes (the drills' {@link ClusterNodes}, one database), it starts {@code -Dbench.timers.count}
 * (default 10,000) deal-stages instances as DealService.create starts them, makes every stall timer due in one
 * UPDATE of act_ru_job, and times the job executor firing them all: first on one node, then, on a fresh batch, on
 * two. The raw engine's job throughput is measured the same way, in the same run, on a model that is nothing but a
 * user task with the same kind of non-interrupting timer. Each timer must fire exactly once and none may be lost.
 * Writes target/bench/bench-timers.md and bench-timers.csv.
 */
class TimersBenchmark {

    static final String RAW = "bench-raw-timer";
    static final int COUNT = Integer.getInteger("bench.timers.count", 10_000);
    static final int BATCH = 50;
    static final long TIMEOUT_MS = Long.getLong("bench.timers.timeout-seconds", 600) * 1000;

    static ClusterNodes.Node a;
    static ClusterNodes.Node b;
    static JdbcTemplate jdbc;
    static Map<String, Object> settings;
    static String database;

    record Phase(String name, String description, int nodes, int jobs, double seconds, int firedOnce, int duplicates,
                 int lost, int jobsLeft, long acquiredFailures, long failedJobs, long rejected, Mails mails) {
        double jobsPerSecond() {
            return jobs / seconds;
        }
    }

    /**
     * The stall mails of a deal-stages run, counted once every DealStalled publication was complete: deals whose
     * owner got the mail once, more than once, or not at all; and the retry's work meanwhile, on every node.
     */
    record Mails(int once, int twice, int missing, double seconds, double resubmitted, double skipped) {
    }

    @BeforeAll
    static void start() {
        database = ClusterNodes.createDatabase("bench_timers");
        // the job executor looks for due jobs every 200 ms to a second rather than backing off to a minute when idle,
        // so the measurement starts when the jobs fall due, not when an idle executor wakes up
        settings = new HashMap<>(Map.of("camunda.bpm.job-execution.max-wait", "1000",
                "camunda.bpm.job-execution.wait-time-in-millis", "200"));
        settings.putAll(overrides());
        a = ClusterNodes.start("timers-a", database, settings);
        jdbc = a.bean(JdbcTemplate.class);
    }

    /** Job executor settings to try: -Dbench.timers.job-execution.max-jobs-per-acquisition=10 and the like. */
    static Map<String, Object> overrides() {
        Map<String, Object> extra = new HashMap<>();
        String prefix = "bench.timers.job-execution.";
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> extra.put("camunda.bpm.job-execution." + k.substring(prefix.length()),
                        System.getProperty(k)));
        return extra;
    }

    @AfterAll
    static void stop() {
        for (ClusterNodes.Node node : new ClusterNodes.Node[] {b, a}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void timersAtVolume() {
        a.bean(RepositoryService.class).createDeployment().name(RAW).addModelInstance(RAW + ".bpmn", rawModel())
                .deploy();
        List<Phase> phases = new ArrayList<>();
        // a small round first, so class loading and JIT do not count against the first measured batch
        fireDeals("warm-up", 1, Math.min(200, COUNT), List.of(a));
        fireRaw("warm-up raw", 1, Math.min(200, COUNT), List.of(a));

        phases.add(fireRaw("raw engine, 1 node", 1, COUNT, List.of(a)));
        phases.add(fireDeals("deal-stages, 1 node", 1, COUNT, List.of(a)));
        b = ClusterNodes.start("timers-b", database, settings);
        phases.add(fireDeals("deal-stages, 2 nodes", 2, COUNT, List.of(a, b)));
        phases.add(fireRaw("raw engine, 2 nodes", 2, COUNT, List.of(a, b)));

        report(phases);
        for (Phase p : phases) {
            assertThat(p.duplicates()).as(p.name() + ": timers fired more than once").isZero();
            assertThat(p.lost()).as(p.name() + ": timers lost").isZero();
            assertThat(p.firedOnce()).as(p.name() + ": timers fired exactly once").isEqualTo(p.jobs());
            if (p.mails() != null) {
                assertThat(p.mails().once()).as(p.name() + ": each owner mailed exactly once").isEqualTo(p.jobs());
            }
        }
    }

    /** A user task with a non-interrupting timer that leads to a plain end event: the timer's job and nothing else. */
    static BpmnModelInstance rawModel() {
        return Bpmn.createExecutableProcess(RAW).camundaHistoryTimeToLive(1)
                .startEvent("Start").userTask("Wait").endEvent("Done")
                .moveToActivity("Wait").boundaryEvent("Stalled").cancelActivity(false).timerWithDuration("P14D")
                .endEvent("Fired").done();
    }

    Phase fireDeals(String name, int nodes, int count, List<ClusterNodes.Node> running) {
        Client client = asManager(() -> a.bean(ClientService.class).create(ClientTestData.company("manager"), false));
        startDeals(client.id(), count);
        String jobs = """
                select count(*) from act_ru_job j join deal d on d.process_instance_id = j.process_instance_id_
                where d.client_id = '%s' and j.type_ = 'timer'""".formatted(client.id());
        String due = """
                update act_ru_job j set duedate_ = now() - interval '1 second' from deal d
                where d.process_instance_id = j.process_instance_id_ and d.client_id = '%s' and j.type_ = 'timer'"""
                .formatted(client.id());
        String fired = """
                select count(*) from deal d where d.client_id = '%s' and d.stalled_at is not null"""
                .formatted(client.id());
        String perInstance = """
                select d.process_instance_id, (select count(*) from act_hi_actinst h
                    where h.proc_inst_id_ = d.process_instance_id and h.act_type_ = 'boundaryTimer') n
                from deal d where d.client_id = '%s'""".formatted(client.id());
        double resubmittedBefore = sum(running, "clientspace.events.resubmitted");
        double skippedBefore = sum(running, "clientspace.events.duplicate-attempts");
        Phase phase = fire(name, "the stall timer of deal-stages: its listener flags the deal (stalled_at) and "
                + "publishes DealStalled, whose listener mails the owner", nodes, count, running, jobs, due, fired,
                perInstance);
        long t0 = System.nanoTime();
        await(name + ": every stall mail sent", () -> jdbc.queryForObject("""
                select count(*) from event_publication where completion_date is null
                and listener_id like '%DealStallNotifier%'""", Integer.class) == 0);
        double mailSeconds = phase.seconds() + (System.nanoTime() - t0) / 1e9;
        Map<String, Integer> perTitle = new HashMap<>();
        jdbc.queryForList("select title from deal where client_id = ?", String.class, client.id())
                .forEach(t -> perTitle.put(t, 0));
        // the deals are titled "Timer" and eight hex digits (startDeals); the subject's wording is the owner's language
        Pattern title = Pattern.compile("Timer [0-9a-f]{8}");
        for (String subject : ClusterNodes.mailSubjects()) {
            Matcher m = title.matcher(subject == null ? "" : subject);
            if (m.find()) {
                perTitle.computeIfPresent(m.group(), (k, n) -> n + 1);
            }
        }
        int once = (int) perTitle.values().stream().filter(n -> n == 1).count();
        int twice = (int) perTitle.values().stream().filter(n -> n > 1).count();
        int missing = (int) perTitle.values().stream().filter(n -> n == 0).count();
        Mails mails = new Mails(once, twice, missing, mailSeconds,
                sum(running, "clientspace.events.resubmitted") - resubmittedBefore,
                sum(running, "clientspace.events.duplicate-attempts") - skippedBefore);
        System.out.printf(Locale.ROOT, "bench %-24s stall mails: once %d, more than once %d, missing %d, all sent "
                + "after %.1f s; publications resubmitted %.0f, attempts skipped %.0f%n", name, once, twice, missing,
                mailSeconds, mails.resubmitted(), mails.skipped());
        return new Phase(phase.name(), phase.description(), phase.nodes(), phase.jobs(), phase.seconds(),
                phase.firedOnce(), phase.duplicates(), phase.lost(), phase.jobsLeft(), phase.acquiredFailures(),
                phase.failedJobs(), phase.rejected(), mails);
    }

    static double sum(List<ClusterNodes.Node> nodes, String counter) {
        return nodes.stream().mapToDouble(n -> {
            var found = n.bean(MeterRegistry.class).find(counter).counter();
            return found == null ? 0 : found.count();
        }).sum();
    }

    Phase fireRaw(String name, int nodes, int count, List<ClusterNodes.Node> running) {
        String key = "raw-" + UUID.randomUUID();
        RuntimeService runtime = a.bean(RuntimeService.class);
        TransactionTemplate tx = new TransactionTemplate(a.bean(PlatformTransactionManager.class));
        for (int i = 0; i < count; i += BATCH) {
            int n = Math.min(BATCH, count - i);
            tx.executeWithoutResult(s -> {
                for (int k = 0; k < n; k++) {
                    runtime.startProcessInstanceByKey(RAW, key);
                }
            });
        }
        String instances = "select id_ from act_ru_execution where business_key_ = '%s' and parent_id_ is null"
                .formatted(key);
        String jobs = "select count(*) from act_ru_job where type_ = 'timer' and process_instance_id_ in ("
                + instances + ")";
        String due = "update act_ru_job set duedate_ = now() - interval '1 second' where type_ = 'timer'"
                + " and process_instance_id_ in (" + instances + ")";
        String fired = "select count(*) from act_hi_actinst h join act_ru_execution e on e.id_ = h.proc_inst_id_"
                + " where e.business_key_ = '%s' and e.parent_id_ is null and h.act_id_ = 'Fired'".formatted(key);
        String perInstance = """
                select e.id_, (select count(*) from act_hi_actinst h
                    where h.proc_inst_id_ = e.id_ and h.act_type_ = 'boundaryTimer') n
                from act_ru_execution e where e.business_key_ = '%s' and e.parent_id_ is null""".formatted(key);
        return fire(name, "a user task's non-interrupting timer leading to a plain end event", nodes, count, running,
                jobs, due, fired, perInstance);
    }

    /** Deals as DealService.create writes and starts them, in batches of 50 starts per transaction. */
    static void startDeals(UUID client, int count) {
        RuntimeService runtime = a.bean(RuntimeService.class);
        EntityManager entityManager = a.bean(EntityManager.class);
        TransactionTemplate tx = new TransactionTemplate(a.bean(PlatformTransactionManager.class));
        LocalDate today = LocalDate.now();
        java.util.Date nextStepDue = java.util.Date.from(today.plusDays(7).atStartOfDay(
                java.time.ZoneId.systemDefault()).toInstant());
        for (int i = 0; i < count; i += BATCH) {
            int n = Math.min(BATCH, count - i);
            tx.executeWithoutResult(s -> {
                List<Object[]> rows = new ArrayList<>();
                Timestamp now = Timestamp.from(Instant.now());
                for (int k = 0; k < n; k++) {
                    UUID id = UUID.randomUUID();
                    rows.add(new Object[] {id, client, "Timer " + id.toString().substring(0, 8), 1000, "EUR",
                            Date.valueOf(today.plusDays(30)), "manager", "StageNew", "Call back",
                            Date.valueOf(today.plusDays(7)), now, now, now});
                }
                jdbc.batchUpdate("""
                        insert into deal (id, client_id, title, amount, currency, expected_close, owner, stage,
                                          next_step, next_step_due, created_at, updated_at, stage_changed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
                List<Object[]> started = new ArrayList<>();
                for (Object[] row : rows) {
                    String deal = row[0].toString();
                    Map<String, Object> variables = new HashMap<>();
                    variables.put(DealStagesProcess.VAR_DEAL_ID, deal);
                    variables.put(DealStagesProcess.VAR_OWNER, "manager");
                    variables.put(DealStagesProcess.VAR_NEXT_STEP_DUE, nextStepDue);
                    String instance = runtime.startProcessInstanceByKey(DealStagesProcess.PROCESS_ID, deal,
                            variables).getId();
                    started.add(new Object[] {instance, row[0]});
                }
                // the stage listener changed the deal rows through JPA: write that first, or its flush would
                // later overwrite the link
                entityManager.flush();
                jdbc.batchUpdate("update deal set process_instance_id = ? where id = ?", started);
            });
        }
    }

    /**
     * Makes every timer of the batch due in one UPDATE and waits until no timer job of it is left and every instance
     * shows the timer's effect; then counts, per instance, the timer activities the engine recorded.
     */
    Phase fire(String name, String description, int nodes, int count, List<ClusterNodes.Node> running, String jobs,
               String due, String fired, String perInstance) {
        int before = jdbc.queryForObject(jobs, Integer.class);
        assertThat(before).as(name + ": one stall timer per instance").isEqualTo(count);
        running.forEach(n -> n.bean(ManagementService.class).reportDbMetricsNow());
        Timestamp metricsFrom = Timestamp.from(Instant.now().minusMillis(1));
        long t0 = System.nanoTime();
        int made = jdbc.update(due);
        assertThat(made).isEqualTo(count);
        await(name, () -> jdbc.queryForObject(jobs, Integer.class) == 0
                && jdbc.queryForObject(fired, Integer.class) >= count);
        double seconds = (System.nanoTime() - t0) / 1e9;
        running.forEach(n -> n.bean(ManagementService.class).reportDbMetricsNow());
        int once = 0;
        int duplicates = 0;
        int lost = 0;
        for (Map<String, Object> row : jdbc.queryForList(perInstance)) {
            long n = ((Number) row.get("n")).longValue();
            if (n == 1) {
                once++;
            } else if (n > 1) {
                duplicates++;
            } else {
                lost++;
            }
        }
        int left = jdbc.queryForObject(jobs, Integer.class);
        ManagementService management = a.bean(ManagementService.class);
        java.util.Date from = new java.util.Date(metricsFrom.getTime());
        long acquiredFailures = management.createMetricsQuery().name(Metrics.JOB_ACQUIRED_FAILURE).startDate(from)
                .sum();
        long failed = management.createMetricsQuery().name(Metrics.JOB_FAILED).startDate(from).sum();
        long rejected = management.createMetricsQuery().name(Metrics.JOB_EXECUTION_REJECTED).startDate(from).sum();
        Phase phase = new Phase(name, description, nodes, count, seconds, once, duplicates, lost, left,
                acquiredFailures, failed, rejected, null);
        System.out.printf(Locale.ROOT, "bench %-24s %6d jobs in %7.1f s = %7.1f jobs/s; once %d, duplicates %d, "
                        + "lost %d, left %d; acquisition conflicts %d, failed %d, rejected %d%n", name, count,
                seconds, phase.jobsPerSecond(), once, duplicates, lost, left, acquiredFailures, failed, rejected);
        return phase;
    }

    static void await(String what, BooleanSupplier condition) {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError(what + ": not every timer fired within " + TIMEOUT_MS / 1000 + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static void report(List<Phase> phases) {
        JobExecutionProperty je = a.bean(CamundaBpmProperties.class).getJobExecution();
        String settingsLine = String.format(Locale.ROOT, "core pool %d, max pool %d threads, queue %d, "
                        + "maxJobsPerAcquisition %d, lock time %d ms, wait time %d ms, max wait %d ms, backoff %d ms "
                        + "(per node)", je.getCorePoolSize(), je.getMaxPoolSize(), je.getQueueCapacity(),
                je.getMaxJobsPerAcquisition(), je.getLockTimeInMillis(), je.getWaitTimeInMillis(), je.getMaxWait(),
                je.getBackoffTimeInMillis());
        Map<String, Phase> byName = new HashMap<>();
        phases.forEach(p -> byName.put(p.name(), p));
        StringBuilder md = new StringBuilder("# Timers at volume (issue 19 §4)\n\n");
        md.append("Machine: ").append(BenchHarness.machine(jdbc)).append(". Shared with other work: the figures are "
                + "noisy. Both nodes run in this one JVM, on the same cores and the same embedded PostgreSQL.\n\n");
        md.append("Job executor: ").append(settingsLine).append(".\n\n");
        md.append("Each batch: ").append(COUNT).append(" instances started in transactions of ").append(BATCH)
                .append(", then every timer made due in one UPDATE of act_ru_job; the time runs from that UPDATE "
                        + "until no timer job of the batch is left and every instance shows the timer's effect.\n\n");
        md.append("| Run | What fires | Nodes | Jobs | Wall s | Jobs/s | Fired once | Duplicates | Lost | Jobs left "
                + "| Acquisition conflicts | Failed | Rejected |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
                + "---:|---:|\n");
        StringBuilder csv = new StringBuilder("run,nodes,jobs,wall_s,jobs_per_s,fired_once,duplicates,lost,jobs_left,"
                + "acquisition_conflicts,failed,rejected\n");
        for (Phase p : phases) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.1f | %.1f | %d | %d | %d | %d | %d | %d "
                            + "| %d |%n", p.name(), p.description(), p.nodes(), p.jobs(), p.seconds(),
                    p.jobsPerSecond(), p.firedOnce(), p.duplicates(), p.lost(), p.jobsLeft(), p.acquiredFailures(),
                    p.failedJobs(), p.rejected()));
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%.2f,%.1f,%d,%d,%d,%d,%d,%d,%d%n", p.name(), p.nodes(),
                    p.jobs(), p.seconds(), p.jobsPerSecond(), p.firedOnce(), p.duplicates(), p.lost(), p.jobsLeft(),
                    p.acquiredFailures(), p.failedJobs(), p.rejected()));
        }
        Phase raw1 = byName.get("raw engine, 1 node");
        Phase deal1 = byName.get("deal-stages, 1 node");
        Phase deal2 = byName.get("deal-stages, 2 nodes");
        Phase raw2 = byName.get("raw engine, 2 nodes");
        md.append(String.format(Locale.ROOT, "%nRatios: deal-stages / raw engine on 1 node %.0f %%, on 2 nodes %.0f %%;"
                        + " 2 nodes / 1 node for deal-stages %.2f×, for the raw engine %.2f×.%n%n",
                100 * deal1.jobsPerSecond() / raw1.jobsPerSecond(), 100 * deal2.jobsPerSecond() / raw2.jobsPerSecond(),
                deal2.jobsPerSecond() / deal1.jobsPerSecond(), raw2.jobsPerSecond() / raw1.jobsPerSecond()));
        md.append("| Goal | Target | Value | Met |\n|---|---|---:|---|\n");
        for (Phase p : phases) {
            md.append(String.format(Locale.ROOT, "| %s: each timer fires once | %d | %d | %s |%n", p.name(),
                    p.jobs(), p.firedOnce(), p.firedOnce() == p.jobs() && p.duplicates() == 0 ? "yes" : "**no**"));
            md.append(String.format(Locale.ROOT, "| %s: none lost | 0 | %d | %s |%n", p.name(),
                    p.lost() + p.jobsLeft(), p.lost() + p.jobsLeft() == 0 ? "yes" : "**no**"));
        }
        md.append("\n| Run | Stall mails sent once | More than once | Missing | All sent after s "
                + "| Publications the retry offered again | Attempts that found theirs complete |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        for (Phase p : phases) {
            if (p.mails() != null) {
                Mails m = p.mails();
                md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.0f | %.0f |%n", p.name(),
                        m.once(), m.twice(), m.missing(), m.seconds(), m.resubmitted(), m.skipped()));
            }
        }
        for (Phase p : phases) {
            if (p.mails() != null) {
                md.append(String.format(Locale.ROOT, "%n| Goal | Target | Value | Met |%n|---|---|---:|---|%n"
                                + "| %s: each owner mailed once | %d | %d | %s |%n", p.name(), p.jobs(),
                        p.mails().once(), p.mails().once() == p.jobs() ? "yes" : "**no**"));
            }
        }
        md.append("\nStall mails are counted by subject on the drills' SMTP server once no DealStalled publication "
                + "is incomplete; the time runs from the timers falling due. The nodes' event retry offers "
                + "publications older than 1 s again, so under this burst it offers mails whose first attempt is "
                + "still queued; each such attempt must find its publication complete and send nothing (DD040). "
                + "Both counters are read when the last mail has gone out: attempts offered again that are still "
                + "queued then find their publication complete later, so the last column is a lower bound.\n");
        md.append("\n\"Fired once\" counts instances with exactly one boundaryTimer activity in the engine's history; "
                + "\"duplicates\" those with more, \"lost\" those with none. Acquisition conflicts, failed and "
                + "rejected jobs are the engine's own metrics (job-acquired-failure: an optimistic-locking conflict "
                + "when a node tries to lock a job another node locked first; job-failed; job-execution-rejected: "
                + "acquired but the executor's queue was full).\n");
        System.out.println(md);
        BenchHarness.write(Path.of("target/bench/bench-timers.md"), md.toString());
        BenchHarness.write(Path.of("target/bench/bench-timers.csv"), csv.toString());
    }
}
