package io.clientspace.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.BufferRecyclers;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import io.clientspace.support.ClientspaceIntegrationTest;
import org.apache.catalina.Context;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 19 §6, memory per signed-in session: {@code ./mvnw -Pbench,production verify -Dtest=SessionMemoryBenchmark}.
 * The app runs in this JVM, so the heap it measures is the server's. {@code -Dbench.sessions} (50) browser contexts
 * sign in as {@code manager} and open the busy client's workspace, then as many sign in as the busy client's contact
 * and open the shared project page. Used heap after full collections, before and after each kind, divided by the
 * count; the class histogram's difference says what the sessions hold. One session of each kind opens first and is
 * not counted, so caches that fill on first use do not count as session memory. Writes target/bench/bench-memory.md.
 * <p>
 * A hundred live Chromium contexts do not fit this machine's memory, so the contexts open in batches of
 * {@code -Dbench.sessions.batch} (10), each batch in its own Chromium, which is then killed (SIGKILL: no page gets to
 * say goodbye). What a session holds on the server stays: the HTTP session with its sign-in, the Vaadin session and
 * the UI on its page, kept until its heartbeats have been missed for {@code 3 x heartbeatInterval} (15 minutes),
 * long after the measurement. Only the push connection is gone; the report says how many HTTP sessions were alive.
 */
@ClientspaceIntegrationTest
class SessionMemoryBenchmark {

    static final double STAFF_GOAL_KB = 250;
    static final double PORTAL_GOAL_KB = 100;

    @Autowired
    BrowserBenchSetup setup;

    @Test
    void measure() throws Exception {
        BrowserBenchSetup.Prepared bench = setup.prepare();
        int sessions = Integer.getInteger("bench.sessions", 50);
        int batch = Integer.getInteger("bench.sessions.batch", 10);
        Kind staff = new Kind(bench.workspaceUrl(), "manager", "manager", BrowserBench.WORKSPACE_READY);
        Kind portal = new Kind(bench.portalUrl(), bench.contact(), BrowserBench.CONTACT_PASSWORD,
                BrowserBench.PORTAL_READY);

        // a batch of each kind before the baseline, not one session, so that caches filled on first use and the
        // request threads the load needs are there before the baseline
        open(staff, batch, batch);
        open(portal, batch, batch);
        int sessionsBefore = httpSessions();
        // the class histograms go to files and are read only after the last measurement: held in this heap, each
        // (one entry per loaded class, some 15,000) counted as session memory, about 50 kB per session
        long before = usedHeapAfterGc();
        int threadsBefore = requestThreads();
        Path h0 = histogram("before");
        open(staff, sessions, batch);
        long afterStaff = usedHeapAfterGc();
        int threadsAfterStaff = requestThreads();
        Path h1 = histogram("after-staff");
        open(portal, sessions, batch);
        long afterPortal = usedHeapAfterGc();
        int threadsAfterPortal = requestThreads();
        Path h2 = histogram("after-portal");
        int sessionsAfter = httpSessions();
        String nodes = stateNodesByComponent();

        double staffKb = (afterStaff - before) / 1024.0 / sessions;
        double portalKb = (afterPortal - afterStaff) / 1024.0 / sessions;
        StringBuilder s = new StringBuilder("# Clientspace memory per session (issue 19 §6)\n\n");
        s.append("Machine: ").append(setup.machine()).append(
                ". Shared with other builds and benchmarks while this ran: figures are noisy.\n\n");
        s.append("Vaadin mode: **").append(bench.production() ? "production" : "development (pre-compiled dev bundle)")
                .append("**. ").append(sessions).append(" sessions of each kind, each its own browser context"
                        + " signed in through Keycloak with its page ready, opened in batches of ").append(batch)
                .append(" (each batch's Chromium killed afterwards; the server keeps the sessions). Used heap"
                        + " (MemoryMXBean) after three System.gc(). HTTP sessions alive: ").append(sessionsBefore)
                .append(" before, ").append(sessionsAfter).append(" after.\n\n");
        s.append(String.format(Locale.ROOT, "| Step | used heap MB | Tomcat request threads |%n|---|---:|---:|%n"
                        + "| before | %.1f | %d |%n| after %d staff sessions | %.1f | %d |%n"
                        + "| after %d portal sessions | %.1f | %d |%n%n",
                before / 1e6, threadsBefore, sessions, afterStaff / 1e6, threadsAfterStaff, sessions,
                afterPortal / 1e6, threadsAfterPortal));
        s.append(released < 0 ? "Jackson's per-thread buffers were NOT emptied before each weighing (run with the bench"
                + " profile, which sets " + BufferRecyclers.SYSTEM_PROPERTY_TRACK_REUSABLE_BUFFERS + "): each request"
                + " thread that joined the pool during a step added its buffers to that step.\n\n"
                : "Before each weighing the request threads' Jackson buffers were emptied (" + released + " in all):"
                + " each thread keeps its own, up to about 70 kB, through a soft reference, whatever sessions it"
                + " served, so a thread joining the pool during a step added them to that step's sessions.\n\n");
        s.append("## Goals\n\n| Goal | Target | Measured | Met |\n|---|---|---:|---|\n");
        s.append(BenchHarness.goal("heap per staff session (manager, busy client's workspace)", "<= 250 kB",
                staffKb, staffKb <= STAFF_GOAL_KB, " kB"));
        s.append(BenchHarness.goal("heap per portal session (contact, project page)", "<= 100 kB", portalKb,
                portalKb <= PORTAL_GOAL_KB, " kB"));
        s.append("\n## What the staff sessions hold (class histogram, after minus before, top 15)\n\n")
                .append(diff(read(h0), read(h1), sessions));
        s.append("\n## What the portal sessions hold (class histogram, after minus before, top 15)\n\n")
                .append(diff(read(h1), read(h2), sessions));
        s.append("\n## Vaadin state nodes per UI, by the component that owns them (top 25 per route)\n\n")
                .append(nodes);
        BenchHarness.write(Path.of("target", "bench", "bench-memory.md"), s.toString());
        String dump = System.getProperty("bench.memory.heap-dump");
        if (dump != null) {
            // for a closer look than the histogram: every live object, with the 100 sessions still held
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).dumpHeap(dump, true);
        }
        System.out.println(s);
        // every session measured is still there: the server did not drop them when their browsers went away
        assertThat(sessionsAfter - sessionsBefore).as("HTTP sessions alive after the measured ones")
                .isGreaterThanOrEqualTo(2 * sessions);
    }

    /** A kind of session: the page it opens, who signs in, and when that page is ready. */
    private record Kind(String url, String user, String password, String ready) {
    }

    /** Opens {@code count} sessions of {@code kind}, {@code batch} at a time, each batch in a Chromium then killed. */
    private void open(Kind kind, int count, int batch) {
        for (int done = 0; done < count; done += batch) {
            Playwright playwright = BrowserBench.playwright();
            try {
                Browser browser = BrowserBench.launch(playwright);
                for (int i = done; i < Math.min(count, done + batch); i++) {
                    BrowserContext context = BrowserBench.context(browser);
                    Page page = context.newPage();
                    BrowserBench.signIn(page, setup.port(), kind.url(), kind.user(), kind.password());
                    page.waitForFunction(kind.ready(), null, new Page.WaitForFunctionOptions().setTimeout(60_000));
                }
                killChromium();
            } finally {
                try {
                    playwright.close();
                } catch (PlaywrightException gone) {
                    // the browser was killed on purpose
                }
            }
        }
    }

    /** SIGKILL to every Chromium process this JVM started (through Playwright's driver). */
    private static void killChromium() {
        List<ProcessHandle> chromium = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().orElse("").contains("chrom")).toList();
        chromium.forEach(ProcessHandle::destroyForcibly);
        chromium.forEach(p -> p.onExit().join());
    }

    /** HTTP sessions the embedded Tomcat holds. */
    private int httpSessions() {
        var tomcat = ((TomcatWebServer) setup.web().getWebServer()).getTomcat();
        int active = 0;
        for (var child : tomcat.getHost().findChildren()) {
            active += ((Context) child).getManager().getActiveSessions();
        }
        return active;
    }

    /**
     * For every UI the server holds, its state nodes counted by the class of the component whose element owns them
     * (a node with no element of its own, such as a grid's data or a list's items, counts under the nearest
     * component above it), averaged per UI of the same route: which parts of a page its sessions pay for.
     */
    private String stateNodesByComponent() {
        Map<String, Map<String, Integer>> byRoute = new java.util.TreeMap<>();
        Map<String, Map<String, Integer>> regions = new java.util.TreeMap<>();
        Map<String, Integer> uis = new HashMap<>();
        var tomcat = ((TomcatWebServer) setup.web().getWebServer()).getTomcat();
        for (var child : tomcat.getHost().findChildren()) {
            for (var session : ((Context) child).getManager().findSessions()) {
                var http = session.getSession();
                for (String name : java.util.Collections.list(http.getAttributeNames())) {
                    if (http.getAttribute(name) instanceof com.vaadin.flow.server.VaadinSession vaadin) {
                        vaadin.accessSynchronously(() -> vaadin.getUIs().forEach(ui -> count(ui, byRoute, regions, uis)));
                    }
                }
            }
        }
        StringBuilder s = new StringBuilder();
        byRoute.forEach((route, counts) -> {
            int n = uis.get(route);
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            s.append(String.format(Locale.ROOT, "**%s**: %d UIs, %.0f state nodes per UI%n%n"
                    + "| Component | nodes per UI |%n|---|---:|%n", route, n, total / (double) n));
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                    .forEach(e -> s.append(String.format(Locale.ROOT, "| %s | %.1f |%n", e.getKey(),
                            e.getValue() / (double) n)));
            s.append(String.format(Locale.ROOT, "%n| Part of the page | nodes per UI |%n|---|---:|%n"));
            regions.get(route).entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> s.append(String.format(Locale.ROOT, "| %s | %.1f |%n", e.getKey(),
                            e.getValue() / (double) n)));
            s.append('\n');
        });
        return s.toString();
    }

    private static void count(com.vaadin.flow.component.UI ui, Map<String, Map<String, Integer>> byRoute,
                              Map<String, Map<String, Integer>> regions, Map<String, Integer> uis) {
        var chain = ui.getInternals().getActiveRouterTargetsChain();
        String route = chain.isEmpty() ? "(no route)" : chain.get(0).getClass().getSimpleName();
        uis.merge(route, 1, Integer::sum);
        Map<String, Integer> counts = byRoute.computeIfAbsent(route, r -> new HashMap<>());
        Map<String, Integer> parts = regions.computeIfAbsent(route, r -> new HashMap<>());
        var target = chain.isEmpty() ? null : chain.get(0).getElement().getNode();
        ui.getInternals().getStateTree().getRootNode().visitNodeTree(node -> {
            counts.merge(owner(node), 1, Integer::sum);
            parts.merge(region(node, target), 1, Integer::sum);
        });
    }

    /**
     * The part of the page a node belongs to: the child of the route's component it lies under (named by its id, or
     * its class), two levels deep for the workspace's tab content; "(layout)" for the navigation around the page.
     */
    private static String region(com.vaadin.flow.internal.StateNode node,
                                 com.vaadin.flow.internal.StateNode target) {
        List<com.vaadin.flow.internal.StateNode> path = new ArrayList<>();
        for (var n = node; n != null; n = n.getParent()) {
            if (n == target) {
                if (path.isEmpty()) {
                    return "(the page itself)";
                }
                String name = name(path.get(path.size() - 1));
                return path.size() > 1 && name.contains("content") ? name + " > " + name(path.get(path.size() - 2))
                        : name;
            }
            path.add(n);
        }
        return "(layout)";
    }

    private static String name(com.vaadin.flow.internal.StateNode node) {
        if (!node.hasFeature(com.vaadin.flow.internal.nodefeature.ElementData.class)) {
            return "(data)";
        }
        var element = com.vaadin.flow.dom.Element.get(node);
        if (element.getAttribute("id") != null) {
            return "#" + element.getAttribute("id");
        }
        return element.getClassList().stream().findFirst().map(c -> "." + c)
                .orElseGet(() -> element.getComponent().map(c -> c.getClass().getSimpleName()).orElse(element.getTag()));
    }

    /** The class of the component that owns the node, or of the nearest one above it. */
    private static String owner(com.vaadin.flow.internal.StateNode node) {
        for (var n = node; n != null; n = n.getParent()) {
            boolean element = n.hasFeature(com.vaadin.flow.internal.nodefeature.ElementData.class);
            var component = element ? com.vaadin.flow.dom.Element.get(n).getComponent() : java.util.Optional.empty();
            if (component.isPresent()) {
                String name = component.get().getClass().getName();
                String simple = name.substring(name.lastIndexOf('.') + 1);
                return n == node ? simple : simple + " (its data)";
            }
        }
        return "(none)";
    }

    /** Live Tomcat request threads ("http-nio-PORT-exec-N"). */
    private static int requestThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("http-nio-") && t.getName().contains("-exec-")).count();
    }

    /** Buffers released by {@link #emptyJacksonBuffers} so far; -1 when Jackson does not track them. */
    private static int released;

    /**
     * Empties every thread's Jackson buffer recycler (soft references the collector keeps until memory runs short):
     * memory per request thread, not per session. Works only when the bench profile's system property asked Jackson
     * to track them; otherwise {@link #released} says so.
     */
    private static void emptyJacksonBuffers() {
        if (released < 0 || !Boolean.getBoolean(BufferRecyclers.SYSTEM_PROPERTY_TRACK_REUSABLE_BUFFERS)) {
            released = -1;
            return;
        }
        released += BufferRecyclers.releaseBuffers();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        emptyJacksonBuffers();
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /**
     * jcmd's class histogram of this JVM (a full GC first), written by jcmd straight to
     * target/bench/histogram-{step}.txt, so that nothing of it is in this heap while the next step is measured.
     */
    private static Path histogram(String step) throws IOException, InterruptedException {
        Path file = Path.of("target", "bench", "histogram-" + step + ".txt").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Process jcmd = new ProcessBuilder("jcmd", String.valueOf(ProcessHandle.current().pid()), "GC.class_histogram")
                .redirectErrorStream(true).redirectOutput(file.toFile()).start();
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd GC.class_histogram failed: " + Files.readString(file));
        }
        return file;
    }

    /** A histogram file read back: class name to {instances, bytes}. */
    private static Map<String, long[]> read(Path histogram) throws IOException {
        Map<String, long[]> classes = new HashMap<>();
        for (String line : Files.readAllLines(histogram, StandardCharsets.UTF_8)) {
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
