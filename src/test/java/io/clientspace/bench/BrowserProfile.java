package io.clientspace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the browser's own time goes on one warm visit (issue 19 §5): one visit under Chromium's tracing, its main
 * thread's time split by what ran (script, style, layout, paint, garbage collection...), each event counted without
 * the events inside it; and one visit under V8's sampling profiler, its script time by function. The raw trace and
 * profile are written to target/bench for Chrome's performance panel.
 */
final class BrowserProfile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TOP = 12;

    private BrowserProfile() {
    }

    /** Traces one visit of {@code url} until {@code ready} holds; returns a Markdown table of main-thread time. */
    static String trace(Browser browser, Page page, String url, String ready, String name) {
        browser.startTracing(page, new Browser.StartTracingOptions().setCategories(List.of(
                "devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink", "toplevel")));
        double readyAt = BrowserBench.open(page, url, ready);
        byte[] trace = browser.stopTracing();
        write(name + ".trace.json", trace);
        try {
            return mainThread(JSON.readTree(trace), readyAt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Profiles one visit's script with V8's sampler; returns a Markdown table of self time by function. */
    static String profile(Page page, String url, String ready, String name) {
        CDPSession cdp = page.context().newCDPSession(page);
        cdp.send("Profiler.enable");
        JsonObject interval = new JsonObject();
        interval.addProperty("interval", 200);
        cdp.send("Profiler.setSamplingInterval", interval);
        cdp.send("Profiler.start");
        BrowserBench.open(page, url, ready);
        JsonObject profile = cdp.send("Profiler.stop").getAsJsonObject("profile");
        cdp.detach();
        write(name + ".cpuprofile", profile.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return functions(profile);
    }

    /**
     * The busiest renderer main thread's events, each with its own time (its duration less the events directly
     * inside it), summed by name; the top ones as a table, with the total of the top-level tasks.
     */
    static String mainThread(JsonNode trace, double readyAt) {
        JsonNode events = trace.isArray() ? trace : trace.path("traceEvents");
        Map<String, String> threadNames = new HashMap<>();
        for (JsonNode e : events) {
            if ("M".equals(e.path("ph").asText()) && "thread_name".equals(e.path("name").asText())) {
                threadNames.put(e.path("pid").asText() + "/" + e.path("tid").asText(),
                        e.path("args").path("name").asText());
            }
        }
        Map<String, List<JsonNode>> byThread = new HashMap<>();
        for (JsonNode e : events) {
            String thread = e.path("pid").asText() + "/" + e.path("tid").asText();
            if ("X".equals(e.path("ph").asText()) && "CrRendererMain".equals(threadNames.get(thread))) {
                byThread.computeIfAbsent(thread, t -> new ArrayList<>()).add(e);
            }
        }
        List<JsonNode> main = byThread.values().stream()
                .max(Comparator.comparingDouble(l -> l.stream().filter(e -> "RunTask".equals(e.path("name")
                        .asText())).mapToDouble(e -> e.path("dur").asDouble()).sum()))
                .orElse(List.of());
        record Span(String name, double start, double end, double[] children) {
        }
        List<Span> spans = new ArrayList<>();
        for (JsonNode e : main) {
            double ts = e.path("ts").asDouble();
            spans.add(new Span(e.path("name").asText(), ts, ts + e.path("dur").asDouble(), new double[1]));
        }
        spans.sort(Comparator.comparingDouble(Span::start).thenComparing(Comparator.comparingDouble(Span::end)
                .reversed()));
        Map<String, Double> self = new HashMap<>();
        double tasks = 0;
        Deque<Span> stack = new ArrayDeque<>();
        List<Span> done = new ArrayList<>();
        for (Span s : spans) {
            while (!stack.isEmpty() && stack.peek().end() <= s.start()) {
                stack.pop();
            }
            if (!stack.isEmpty() && s.end() <= stack.peek().end()) {
                stack.peek().children()[0] += s.end() - s.start();
            } else if (!stack.isEmpty()) {
                continue; // overlaps its neighbour without nesting: not a well-formed child, left out
            } else {
                tasks += s.end() - s.start();
            }
            stack.push(s);
            done.add(s);
        }
        for (Span s : done) {
            self.merge(s.name(), Math.max(0, s.end() - s.start() - s.children()[0]) / 1000.0, Double::sum);
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Main thread, one traced visit (ready at "
                + "%.0f ms): top-level tasks %.0f ms in all. Own time by event:%n%n| Event | ms |%n|---|---:|%n",
                readyAt, tasks / 1000.0));
        self.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> out.append(String.format(Locale.ROOT, "| %s | %.1f |%n", e.getKey(), e.getValue())));
        return out.toString();
    }

    /** Self time by function (name, file, line) from a V8 CPU profile; the top ones as a table. */
    static String functions(JsonObject profile) {
        JsonArray nodes = profile.getAsJsonArray("nodes");
        JsonArray samples = profile.getAsJsonArray("samples");
        JsonArray deltas = profile.getAsJsonArray("timeDeltas");
        Map<Integer, String> names = new HashMap<>();
        for (var n : nodes) {
            JsonObject node = n.getAsJsonObject();
            JsonObject frame = node.getAsJsonObject("callFrame");
            String function = frame.get("functionName").getAsString();
            String url = frame.get("url").getAsString();
            String file = url.isEmpty() ? "" : url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*$", "");
            file = file.replaceFirst("^(chunk-[0-9a-f]{8})[0-9a-f]+", "$1");
            names.put(node.get("id").getAsInt(), (function.isEmpty() ? "(anonymous)" : function)
                    + (file.isEmpty() ? "" : " " + file + ":" + (frame.get("lineNumber").getAsInt() + 1) + ":"
                    + (frame.get("columnNumber").getAsInt() + 1)));
        }
        Map<String, Double> self = new HashMap<>();
        double total = 0;
        for (int i = 0; i < samples.size(); i++) {
            double dt = deltas.get(i).getAsDouble() / 1000.0;
            String name = names.getOrDefault(samples.get(i).getAsInt(), "?");
            if (!name.startsWith("(idle)")) {
                self.merge(name, dt, Double::sum);
                total += dt;
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Script, one profiled visit: %.0f ms "
                + "sampled (idle left out). Own time by function:%n%n| Function | ms |%n|---|---:|%n", total));
        self.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> out.append(String.format(Locale.ROOT, "| `%s` | %.1f |%n", e.getKey(),
                        e.getValue())));
        return out.toString();
    }

    private static void write(String file, byte[] bytes) {
        try {
            Path dir = Path.of("target", "bench");
            Files.createDirectories(dir);
            Files.write(dir.resolve(file), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
