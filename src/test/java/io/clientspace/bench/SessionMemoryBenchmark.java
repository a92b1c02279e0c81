package io.clientspace.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.clientspace.security.KeycloakProperties;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 19 §6, memory per signed-in session: {@code ./mvnw -Pbench,production verify -Dtest=SessionMemoryBenchmark}.
 * The app runs in this JVM, so the heap it measures is the server's. 50 browser contexts sign in as
 * {@code manager} and open the busy client's workspace, then 50 more sign in as the busy client's contact and open
 * the shared project page; every context stays open (its Vaadin session and UI alive, heartbeats running) until the
 * heap has been measured. Used heap after full collections, before and after each 50, divided by 50; the class
 * histogram's difference says what the sessions hold. One session of each kind opens first and is not counted, so
 * caches that fill on first use do not count as session memory. Writes target/bench/bench-memory.md.
 */
@ClientspaceIntegrationTest
class SessionMemoryBenchmark {

    static final double STAFF_GOAL_KB = 250;
    static final double PORTAL_GOAL_KB = 100;

    @Autowired
    BenchDataGenerator generator;
    @Autowired
    @Qualifier("customerAdmin")
    Keycloak customerAdmin;
    @Autowired
    KeycloakProperties keycloak;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WebApplicationContext web;
    @LocalServerPort
    int port;

    @Test
    void measure() throws Exception {
        GeneratedData data = BrowserBench.data(generator);
        String contact = BrowserBench.contactIdentity(data, customerAdmin, keycloak);
        boolean production = BrowserBench.productionMode(web.getServletContext());
        int sessions = Integer.getInteger("bench.sessions", 50);
        String workspace = "http://localhost:" + port + "/clients/company/" + data.largeClientId();
        String portal = "http://localhost:" + port + "/portal/projects/" + data.sharedProjectId();

        List<BrowserContext> open = new ArrayList<>();
        try (Playwright playwright = BrowserBench.playwright(); Browser browser = BrowserBench.launch(playwright)) {
            open.add(session(browser, workspace, "manager", "manager", BrowserBench.WORKSPACE_READY));
            open.add(session(browser, portal, contact, BrowserBench.CONTACT_PASSWORD, BrowserBench.PORTAL_READY));

            long before = usedHeapAfterGc();
            Map<String, long[]> h0 = histogram();
            for (int i = 0; i < sessions; i++) {
                open.add(session(browser, workspace, "manager", "manager", BrowserBench.WORKSPACE_READY));
            }
            long afterStaff = usedHeapAfterGc();
            Map<String, long[]> h1 = histogram();
            for (int i = 0; i < sessions; i++) {
                open.add(session(browser, portal, contact, BrowserBench.CONTACT_PASSWORD, BrowserBench.PORTAL_READY));
            }
            long afterPortal = usedHeapAfterGc();
            Map<String, long[]> h2 = histogram();

            double staffKb = (afterStaff - before) / 1024.0 / sessions;
            double portalKb = (afterPortal - afterStaff) / 1024.0 / sessions;
            StringBuilder s = new StringBuilder("# Clientspace memory per session (issue 19 §6)\n\n");
            s.append("Machine: ").append(BenchHarness.machine(jdbc)).append(
                    ". Shared with other builds and benchmarks while this ran: figures are noisy.\n\n");
            s.append("Vaadin mode: **").append(production ? "production" : "development (pre-compiled dev bundle)")
                    .append("**. ").append(sessions).append(" sessions of each kind, each its own browser context, "
                            + "all kept open until measured. Used heap (MemoryMXBean) after three System.gc().\n\n");
            s.append(String.format(Locale.ROOT, "| Step | used heap MB |%n|---|---:|%n| before | %.1f |%n"
                            + "| after %d staff sessions | %.1f |%n| after %d portal sessions | %.1f |%n%n",
                    before / 1e6, sessions, afterStaff / 1e6, sessions, afterPortal / 1e6));
            s.append("## Goals\n\n| Goal | Target | Measured | Met |\n|---|---|---:|---|\n");
            s.append(BenchHarness.goal("heap per staff session (manager, busy client's workspace)", "<= 250 kB",
                    staffKb, staffKb <= STAFF_GOAL_KB, " kB"));
            s.append(BenchHarness.goal("heap per portal session (contact, project page)", "<= 100 kB", portalKb,
                    portalKb <= PORTAL_GOAL_KB, " kB"));
            s.append("\n## What the staff sessions hold (class histogram, after minus before, top 15)\n\n")
                    .append(diff(h0, h1, sessions));
            s.append("\n## What the portal sessions hold (class histogram, after minus before, top 15)\n\n")
                    .append(diff(h1, h2, sessions));
            BenchHarness.write(Path.of("target", "bench", "bench-memory.md"), s.toString());
            System.out.println(s);
            assertThat(open).hasSize(2 + 2 * sessions);
            assertThat(afterPortal).isPositive();
        } finally {
            // the browser closes with the try; the contexts' sessions end with the test context
            open.clear();
        }
    }

    private BrowserContext session(Browser browser, String target, String user, String password, String ready) {
        BrowserContext context = BrowserBench.context(browser);
        Page page = context.newPage();
        BrowserBench.signIn(page, port, target, user, password);
        page.waitForFunction(ready, null, new Page.WaitForFunctionOptions().setTimeout(60_000));
        return context;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** jcmd's class histogram of this JVM (a full GC first): class name to {instances, bytes}. */
    private static Map<String, long[]> histogram() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", String.valueOf(ProcessHandle.current().pid()), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        Map<String, long[]> classes = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                try {
                    classes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                } catch (NumberFormatException e) {
                    // the header line
                }
            }
        }
        return classes;
    }

    private static String diff(Map<String, long[]> before, Map<String, long[]> after, int sessions) {
        record Row(String name, long instances, long bytes) {
        }
        List<Row> rows = new ArrayList<>();
        for (var e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            rows.add(new Row(e.getKey(), e.getValue()[0] - b[0], e.getValue()[1] - b[1]));
        }
        rows.sort(Comparator.comparingLong(Row::bytes).reversed());
        long total = rows.stream().mapToLong(Row::bytes).sum();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "Total difference %.1f kB, %.1f kB per session.%n%n| Class | instances | kB | kB per session |%n"
                        + "|---|---:|---:|---:|%n", total / 1024.0, total / 1024.0 / sessions));
        for (Row r : rows.subList(0, Math.min(15, rows.size()))) {
            s.append(String.format(Locale.ROOT, "| `%s` | %d | %.1f | %.2f |%n", r.name(), r.instances(),
                    r.bytes() / 1024.0, r.bytes() / 1024.0 / sessions));
        }
        return s.toString();
    }
}
