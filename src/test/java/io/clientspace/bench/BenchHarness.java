package io.clientspace.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small, honest harness (JMH does not resolve offline here): every operation runs its warm-up iterations, then its
 * measured ones one after another on one thread, each timed with {@link System#nanoTime()}; the report gives the
 * percentiles of those single timings and the throughput of the measured run as a whole.
 */
final class BenchHarness {

    /** One measured operation; times in milliseconds, throughput in operations per second. */
    record Result(String name, String description, int iterations, double p50, double p95, double p99, double mean,
                  double max, double throughput) {
    }

    /** A timer for operations measured side by side, one iteration of each in turn. */
    static final class Samples {
        private final long[] nanos;
        private int count;

        Samples(int iterations) {
            nanos = new long[iterations];
        }

        void add(long n) {
            nanos[count++] = n;
        }

        Result result(String name, String description) {
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            double total = Arrays.stream(sorted).sum() / 1e6;
            return new Result(name, description, count, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                    total / count, sorted[count - 1] / 1e6, count / (total / 1e3));
        }

        private static double pct(long[] sorted, double p) {
            int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    private final int warmup;
    private final int iterations;
    private final List<Result> results = new ArrayList<>();

    BenchHarness(int warmup, int iterations) {
        this.warmup = warmup;
        this.iterations = iterations;
    }

    int warmup() {
        return warmup;
    }

    int iterations() {
        return iterations;
    }

    /** Runs {@code op(i)} for warm-up and measured iterations; i counts on across both. */
    Result measure(String name, String description, IntConsumer op) {
        for (int i = 0; i < warmup; i++) {
            op.accept(i);
        }
        Samples samples = new Samples(iterations);
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            op.accept(warmup + i);
            samples.add(System.nanoTime() - t0);
        }
        return add(samples.result(name, description));
    }

    Result add(Result r) {
        results.add(r);
        System.out.printf(Locale.ROOT, "bench %-28s p50 %8.2f ms  p95 %8.2f ms  p99 %8.2f ms  %8.1f ops/s%n",
                r.name(), r.p50(), r.p95(), r.p99(), r.throughput());
        return r;
    }

    List<Result> results() {
        return results;
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String csv() {
        StringBuilder s = new StringBuilder("operation,iterations,p50_ms,p95_ms,p99_ms,mean_ms,max_ms,ops_per_s\n");
        for (Result r : results) {
            s.append(String.format(Locale.ROOT, "%s,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.1f%n", r.name(), r.iterations(),
                    r.p50(), r.p95(), r.p99(), r.mean(), r.max(), r.throughput()));
        }
        return s.toString();
    }

    String markdownTable() {
        StringBuilder s = new StringBuilder("| Operation | What it does | p50 ms | p95 ms | p99 ms | ops/s |\n"
                + "|---|---|---:|---:|---:|---:|\n");
        for (Result r : results) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.1f |%n", r.name(),
                    r.description(), r.p50(), r.p95(), r.p99(), r.throughput()));
        }
        return s.toString();
    }

    /** A row of a report's goal table. */
    static String goal(String name, String target, double value, boolean met, String unit) {
        return String.format(Locale.ROOT, "| %s | %s | %.1f%s | %s |%n", name, target, value, unit,
                met ? "yes" : "**no**");
    }

    /** The machine a report was measured on: cores, CPU, heap, Java, OS and PostgreSQL. */
    static String machine(JdbcTemplate jdbc) {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (Exception e) {
            // not Linux: the core count says enough
        }
        String pg = jdbc.queryForObject("show server_version", String.class);
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GB heap max, Java %s, %s %s, PostgreSQL %s (embedded)",
                Runtime.getRuntime().availableProcessors(), cpu, Runtime.getRuntime().maxMemory() / 1e9,
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.version"),
                pg);
    }
}
