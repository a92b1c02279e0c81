package io.clientspace.bench;

import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Looks at PostgreSQL and the connection pool every {@value #EVERY_MS} ms while a concurrency run measures: backends
 * waiting on a lock ({@code pg_stat_activity.wait_event_type = 'Lock'}), locks not granted ({@code pg_locks}), and
 * the pool's busy connections and the threads waiting for one. It uses a connection of its own, outside the pool,
 * so it takes nothing from the threads it watches.
 */
final class LockSampler implements AutoCloseable {

    static final int EVERY_MS = 100;
    /** The machine's CPU load and this JVM's, both 0..1 of all cores: is a core free for another thread? */
    private static final com.sun.management.OperatingSystemMXBean OS =
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os ? os : null;

    private final Thread thread;
    private volatile boolean running = true;
    int samples;
    int samplesWithLockWaits;
    int maxLockWaiting;
    int maxNotGranted;
    int maxActive;
    int maxAwaiting;
    long sumAwaiting;
    double sumSystemCpu;
    double sumProcessCpu;
    int cpuSamples;
    final Map<String, Integer> waits = new TreeMap<>();

    LockSampler(String url, String user, String password, HikariPoolMXBean pool) {
        thread = new Thread(() -> run(url, user, password, pool), "bench-lock-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(String url, String user, String password, HikariPoolMXBean pool) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            while (running) {
                int lockWaiting = 0;
                try (ResultSet r = s.executeQuery("select wait_event, left(regexp_replace(query, '\\s+', ' ', 'g'), 70)"
                        + " from pg_stat_activity where wait_event_type = 'Lock' and pid <> pg_backend_pid()")) {
                    while (r.next()) {
                        lockWaiting++;
                        waits.merge(r.getString(1) + ": " + r.getString(2), 1, Integer::sum);
                    }
                }
                int notGranted;
                try (ResultSet r = s.executeQuery("select count(*) from pg_locks where not granted")) {
                    r.next();
                    notGranted = r.getInt(1);
                }
                double system = OS == null ? -1 : OS.getCpuLoad();
                double process = OS == null ? -1 : OS.getProcessCpuLoad();
                synchronized (this) {
                    samples++;
                    if (system >= 0 && process >= 0) {
                        cpuSamples++;
                        sumSystemCpu += system;
                        sumProcessCpu += process;
                    }
                    if (lockWaiting > 0) {
                        samplesWithLockWaits++;
                    }
                    maxLockWaiting = Math.max(maxLockWaiting, lockWaiting);
                    maxNotGranted = Math.max(maxNotGranted, notGranted);
                    if (pool != null) {
                        maxActive = Math.max(maxActive, pool.getActiveConnections());
                        int awaiting = pool.getThreadsAwaitingConnection();
                        maxAwaiting = Math.max(maxAwaiting, awaiting);
                        sumAwaiting += awaiting;
                    }
                }
                Thread.sleep(EVERY_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            waits.merge("sampler failed: " + e.getMessage(), 1, Integer::sum);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One line of target/bench/jmh-locks.csv, merged over a run's measurement iterations by the report. */
    synchronized String csv(String operation, int threads) {
        String top = waits.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(3).map(e -> e.getValue() + "x " + e.getKey().replace('|', '/').replace(',', ' '))
                .collect(Collectors.joining("; "));
        return String.join(",", operation, String.valueOf(threads), String.valueOf(samples),
                String.valueOf(samplesWithLockWaits), String.valueOf(maxLockWaiting), String.valueOf(maxNotGranted),
                String.valueOf(maxActive), String.valueOf(maxAwaiting), String.valueOf(sumAwaiting),
                String.valueOf(cpuSamples), String.format(java.util.Locale.ROOT, "%.2f", sumSystemCpu),
                String.format(java.util.Locale.ROOT, "%.2f", sumProcessCpu), top) + "\n";
    }
}
