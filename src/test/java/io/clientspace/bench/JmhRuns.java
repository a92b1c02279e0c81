package io.clientspace.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How JMH runs {@link WorkspaceJmh}: every operation at one thread, and the concurrency operations at each further
 * level; each in SampleTime mode (milliseconds, for p50/p95/p99) and in Throughput mode (operations per second).
 * Every number is explicit and a system property overrides it, so a quick run is one command line:
 * {@code -Dbench.forks} (0: in this JVM, against the context and data {@link BenchNode} holds; 1: a JVM per
 * benchmark that starts its own), {@code -Dbench.jmh.warmup-iterations}, {@code -Dbench.jmh.warmup-time} (s),
 * {@code -Dbench.jmh.iterations}, {@code -Dbench.jmh.time} (s), {@code -Dbench.threads} (e.g. {@code 1,2,4,8}) and
 * {@code -Dbench.include} (a regular expression on the method names).
 */
record JmhRuns(int forks, int warmupIterations, int warmupSeconds, int iterations, int seconds,
               List<Integer> threadLevels, String include) {

    /** Measured at one thread. */
    static final List<String> SINGLE = List.of("workspaceOpen", "counter", "myTasks", "portalProjects",
            "portalProject", "dealCreate", "dealStageComplete");
    /** Measured at every level (issue 19 section 3). */
    static final List<String> CONCURRENT = List.of("workspaceOpen", "myTasks", "portalProject", "dealCreate",
            "dealStageComplete");
    static final Path DIR = Path.of("target", "bench");

    static JmhRuns fromSystemProperties() {
        List<Integer> levels = Arrays.stream(System.getProperty("bench.threads", "1,2,4,8").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
        return new JmhRuns(Integer.getInteger("bench.forks", 0),
                Integer.getInteger("bench.jmh.warmup-iterations", 1), Integer.getInteger("bench.jmh.warmup-time", 2),
                Integer.getInteger("bench.jmh.iterations", 3), Integer.getInteger("bench.jmh.time", 2), levels,
                System.getProperty("bench.include", ".*"));
    }

    String describe() {
        return String.format("JMH 1.37, forks %d%s, warm-up %d x %d s, measurement %d x %d s per benchmark and mode",
                forks, forks == 0 ? " (in the JVM that generated the data, DD037)" : "", warmupIterations,
                warmupSeconds, iterations, seconds);
    }

    JmhReport run() throws RunnerException, IOException {
        Files.createDirectories(DIR.resolve("jmh"));
        Files.deleteIfExists(WorkspaceJmh.FAILURES);
        Files.deleteIfExists(WorkspaceJmh.LOCKS);
        List<RunResult> sampled = new ArrayList<>();
        List<RunResult> throughput = new ArrayList<>();
        List<Path> json = new ArrayList<>();
        for (int threads : threadLevels) {
            List<String> methods = (threads == 1 ? SINGLE : CONCURRENT).stream().filter(m -> m.matches(include))
                    .toList();
            if (methods.isEmpty()) {
                continue;
            }
            String pattern = WorkspaceJmh.class.getName().replace(".", "\\.") + "\\.(" + String.join("|", methods)
                    + ")$";
            for (Mode mode : List.of(Mode.SampleTime, Mode.Throughput)) {
                Path file = DIR.resolve("jmh").resolve(mode.shortLabel() + "-t" + threads + ".json");
                ChainedOptionsBuilder options = new OptionsBuilder().include(pattern).mode(mode)
                        .timeUnit(mode == Mode.SampleTime ? TimeUnit.MILLISECONDS : TimeUnit.SECONDS)
                        .threads(threads).forks(forks)
                        .warmupIterations(warmupIterations).warmupTime(TimeValue.seconds(warmupSeconds))
                        .measurementIterations(iterations).measurementTime(TimeValue.seconds(seconds))
                        .shouldFailOnError(true)
                        .result(file.toString()).resultFormat(ResultFormatType.JSON);
                if (forks > 0) {
                    options.jvmArgsAppend(forkedJvmArgs());
                }
                (mode == Mode.SampleTime ? sampled : throughput).addAll(new Runner(options.build()).run());
                json.add(file);
            }
        }
        mergeJson(json, DIR.resolve("jmh.json"));
        return new JmhReport(sampled, throughput);
    }

    /** A forked JVM starts the app itself: it needs the heap and every bench and dev-services property. */
    private static String[] forkedJvmArgs() {
        List<String> args = new ArrayList<>(List.of("-Xmx2g", "-Djava.awt.headless=true"));
        // its own dev services, beside this JVM's (which keep running for the report)
        args.add("-Dclientspace.devservices.home=" + Path.of("target", "devservices-jmh-fork").toAbsolutePath());
        for (Map.Entry<Object, Object> p : System.getProperties().entrySet()) {
            String key = p.getKey().toString();
            if (key.startsWith("clientspace.") || key.startsWith("bench.")) {
                args.add("-D" + key + "=" + p.getValue());
            }
        }
        return args.toArray(String[]::new);
    }

    /** One JSON array of every run's results, as JMH writes each: target/bench/jmh.json. */
    private static void mergeJson(List<Path> files, Path into) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode all = json.createArrayNode();
        for (Path f : files) {
            if (Files.exists(f)) {
                json.readTree(f.toFile()).forEach(all::add);
            }
        }
        json.writeValue(into.toFile(), all);
    }
}
