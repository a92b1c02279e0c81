package io.clientspace.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.clientspace.deal.DealDraft;
import io.clientspace.deal.DealService;
import io.clientspace.deal.DealStage;
import io.clientspace.deal.StageMove;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.portal.PortalService;
import io.clientspace.support.Actors;
import io.clientspace.task.Inbox;
import io.clientspace.task.WorkTaskService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.infra.ThreadParams;
import org.openjdk.jmh.runner.IterationType;
import org.springframework.core.env.Environment;

/**
 * The workspace benchmark's operations as JMH benchmarks (issue 19, DD037), run by {@link WorkspaceBenchmark} through
 * JMH's Runner. Each runs through the real services as a signed-in user; at N threads each thread is a different user
 * of the bench data ({@link GeneratedData#managers()}, {@code members()}, {@code contacts()}), picked by its JMH
 * thread index, so thread 0 is {@code manager}, {@code member} and the first contact, as in a one-thread run.
 *
 * <p>A failed call does not stop the run: it is counted by kind (optimistic lock, deadlock, other) and the report
 * shows the counts; the concurrency goal allows none.
 */
public class WorkspaceJmh {

    /** Where the states leave what JMH's results do not carry, for the report to read (also from a forked JVM). */
    static final Path FAILURES = Path.of("target", "bench", "jmh-failures.csv");
    static final Path LOCKS = Path.of("target", "bench", "jmh-locks.csv");
    /** The operations whose runs sample lock waits, the pool and the CPU: the concurrency runs, 1 thread too. */
    static final java.util.Set<String> SAMPLED = java.util.Set.copyOf(JmhRuns.CONCURRENT);

    /** The app, the data, and the failures and lock samples of one benchmark run. */
    @State(Scope.Benchmark)
    public static class Node {
        WorkspaceCalls workspace;
        WorkTaskService tasks;
        PortalService portal;
        DealService deals;
        GeneratedData data;
        String operation;
        int threads;
        final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        final Map<String, String> firstMessage = new ConcurrentHashMap<>();
        private Environment environment;
        private HikariDataSource hikari;
        private LockSampler sampler;
        private final StringBuilder lockLines = new StringBuilder();

        @Setup(Level.Trial)
        public void start(BenchmarkParams params) {
            BenchNode node = BenchNode.get();
            workspace = node.bean(WorkspaceCalls.class);
            tasks = node.bean(WorkTaskService.class);
            portal = node.bean(PortalService.class);
            deals = node.bean(DealService.class);
            environment = node.bean(Environment.class);
            data = node.data();
            try {
                hikari = node.bean(DataSource.class).unwrap(HikariDataSource.class);
            } catch (SQLException e) {
                hikari = null;
            }
            operation = operation(params);
            threads = params.getThreads();
        }

        @Setup(Level.Iteration)
        public void sample(IterationParams iteration) {
            if (SAMPLED.contains(operation) && iteration.getType() == IterationType.MEASUREMENT) {
                sampler = new LockSampler(environment.getProperty("spring.datasource.url"),
                        environment.getProperty("spring.datasource.username"),
                        environment.getProperty("spring.datasource.password"),
                        hikari == null ? null : hikari.getHikariPoolMXBean());
            }
        }

        @TearDown(Level.Iteration)
        public void stopSampling() {
            if (sampler != null) {
                sampler.close();
                lockLines.append(sampler.csv(operation, threads));
                sampler = null;
            }
        }

        @TearDown(Level.Trial)
        public void report() {
            StringBuilder lines = new StringBuilder();
            failures.forEach((kind, n) -> lines.append(String.join(",", operation, String.valueOf(threads), kind,
                    String.valueOf(n.get()), firstMessage.getOrDefault(kind, "").replace(',', ' ')
                            .replace('\n', ' '))).append('\n'));
            append(FAILURES, lines.toString());
            append(LOCKS, lockLines.toString());
        }

        /** Runs one operation; a failure is counted by kind and the operation's result is then null. */
        <T> T guard(Supplier<T> work) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                String kind = kind(e);
                failures.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                firstMessage.putIfAbsent(kind, String.valueOf(e));
                return null;
            }
        }
    }

    /** This thread's users: the thread index picks the manager, the member and the portal contact. */
    @State(Scope.Thread)
    public static class User {
        String manager;
        String member;
        String contact;

        @Setup(Level.Trial)
        public void pick(Node node, ThreadParams thread) {
            int i = thread.getThreadIndex();
            GeneratedData d = node.data;
            manager = d.managers().get(i % d.managers().size());
            member = d.members().get(i % d.members().size());
            contact = d.contacts().get(i % d.contacts().size());
        }

        <T> T asManager(Supplier<T> work) {
            return Actors.as(manager, work, "STAFF", "MANAGER");
        }

        <T> T asMember(Supplier<T> work) {
            return Actors.as(member, work, "STAFF", "MEMBER");
        }

        <T> T asContact(Node node, Function<CustomerScope, T> page) {
            return Actors.asCustomer(contact, node.data.largeClientId(),
                    () -> page.apply(node.portal.current().orElseThrow()));
        }
    }

    /** A deal in its first stage, created before each invocation (outside the measured time) by this thread. */
    @State(Scope.Thread)
    public static class FreshDeal {
        UUID id;

        @Setup(Level.Invocation)
        public void create(Node node, User user) {
            id = user.asManager(() -> node.deals.create(node.data.largeClientId(), draft())).id();
        }
    }

    /** Which tab's counter. */
    @State(Scope.Benchmark)
    public static class Counter {
        @Param({"deals", "tasks", "files", "documents", "external", "projects", "activity"})
        public String tab;
        Supplier<Object> call;

        @Setup(Level.Trial)
        public void pick(Node node) {
            call = node.workspace.counters(node.data.largeClientId()).get(tab);
        }
    }

    @Benchmark
    public Object workspaceOpen(Node node, User user) {
        return node.guard(() -> user.asManager(() -> {
            node.workspace.open(node.data.largeClientId());
            return Boolean.TRUE;
        }));
    }

    @Benchmark
    public Object counter(Node node, User user, Counter counter) {
        return node.guard(() -> user.asManager(counter.call));
    }

    @Benchmark
    public Object myTasks(Node node, User user) {
        return node.guard(() -> user.asMember(() -> List.of(node.tasks.inboxCounts(), node.tasks.inboxFirstPage(Inbox.OPEN, "", io.clientspace.shared.ui.Grids.WHOLE_LIST_ROWS))));
    }

    @Benchmark
    public Object portalProjects(Node node, User user) {
        return node.guard(() -> user.asContact(node, node.portal::projects));
    }

    @Benchmark
    public Object portalProject(Node node, User user) {
        return node.guard(() -> user.asContact(node, v -> node.portal.project(v, node.data.sharedProjectId())));
    }

    @Benchmark
    public Object dealCreate(Node node, User user) {
        return node.guard(() -> user.asManager(() -> node.deals.create(node.data.largeClientId(), draft())));
    }

    @Benchmark
    public Object dealStageComplete(Node node, User user, FreshDeal deal) {
        return node.guard(() -> user.asManager(() -> node.deals.moveOn(deal.id, DealStage.NEW,
                StageMove.advance("Next call", LocalDate.now().plusDays(5)))));
    }

    /** The report's name for a benchmark: the method, and the counter's tab. */
    static String operation(BenchmarkParams params) {
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        String tab = params.getParam("tab");
        return tab == null ? method : method + "-" + tab;
    }

    /** Optimistic lock and deadlock by their exceptions and SQL states, anything else by its class. */
    static String kind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.contains("OptimisticLock")) {
                return "optimistic-lock";
            }
            if (name.contains("Deadlock") || t instanceof SQLException s && "40P01".equals(s.getSQLState())) {
                return "deadlock";
            }
            if (t instanceof SQLException s && "40001".equals(s.getSQLState())) {
                return "serialization";
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return "other " + e.getClass().getSimpleName();
    }

    static DealDraft draft() {
        DealDraft d = new DealDraft();
        d.setTitle("Benchmark deal");
        d.setAmount(new BigDecimal("12000.00"));
        d.setCurrency("EUR");
        d.setExpectedClose(LocalDate.now().plusMonths(2));
        d.setOwner("manager");
        d.setNextStep("Kick-off call");
        d.setNextStepDue(LocalDate.now().plusDays(3));
        return d;
    }

    private static synchronized void append(Path file, String text) {
        if (text.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
