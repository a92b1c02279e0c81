package io.clientspace.deal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every model in processes/ passes bpmnlint's recommended rules (processes/.bpmnlintrc), run with the version
 * pinned in tools/bpmnlint, just as a process owner sees them in Camunda Modeler. Needs npm, which CI has.
 */
class BpmnLintTests {

    static final Path TOOL = Path.of("tools", "bpmnlint");
    static final Path PROCESSES = Path.of("processes");
    static final Path CONFIG = PROCESSES.resolve(".bpmnlintrc");
    static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    static final Duration LINT_TIMEOUT = Duration.ofMinutes(2);
    static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    record Result(int exitCode, String output) {
    }

    @BeforeAll
    static void installPinnedBpmnlint() throws Exception {
        if (Files.isDirectory(TOOL.resolve("node_modules").resolve("bpmnlint"))) {
            return;
        }
        Result install = run(INSTALL_TIMEOUT, command("npm"), "ci", "--no-audit", "--no-fund");
        assertThat(install.exitCode()).withFailMessage(
                "npm ci in %s failed with exit code %d:%n%s", TOOL, install.exitCode(), install.output()).isZero();
    }

    @Test
    void everyModelPassesBpmnlintsRecommendedRules() throws Exception {
        List<String> models;
        try (Stream<Path> files = Files.list(PROCESSES)) {
            models = files.filter(f -> f.getFileName().toString().endsWith(".bpmn")).sorted()
                    .map(f -> f.toAbsolutePath().toString()).toList();
        }
        assertThat(models).as("models in %s", PROCESSES.toAbsolutePath()).isNotEmpty();

        Result lint = lint(models);
        assertThat(lint.exitCode()).withFailMessage(
                "bpmnlint found problems in processes/ (exit code %d). Fix them in Camunda Modeler, whose linting"
                        + " panel shows the same rules:%n%s", lint.exitCode(), lint.output()).isZero();
    }

    /** Without this, a lint run that checks nothing (wrong config, no files) would pass as well. */
    @Test
    void bpmnlintRefusesAModelWithADisconnectedTask(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.bpmn");
        Files.writeString(broken, """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Broken"
                    targetNamespace="http://clientspace/bpmn">
                  <bpmn:process id="broken" isExecutable="true">
                    <bpmn:startEvent id="Start" name="Start" />
                    <bpmn:task id="Lonely" name="Lonely task" />
                  </bpmn:process>
                </bpmn:definitions>
                """);
        Result lint = lint(List.of(broken.toAbsolutePath().toString()));
        assertThat(lint.exitCode()).as("exit code; output:%n%s", lint.output()).isNotZero();
        assertThat(lint.output()).contains("Lonely").contains("no-disconnected");
    }

    private static Result lint(List<String> models) throws Exception {
        List<String> args = new ArrayList<>(List.of("--no", "--", "bpmnlint", "-c", CONFIG.toAbsolutePath().toString()));
        args.addAll(models);
        // "--" keeps npx from reading bpmnlint's -c as its own --call option; --no forbids downloading another version
        return run(LINT_TIMEOUT, command("npx"), args.toArray(String[]::new));
    }

    private static String command(String name) {
        return WINDOWS ? name + ".cmd" : name;
    }

    private static Result run(Duration timeout, String command, String... args) throws IOException,
            InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(command);
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("bpmnlint", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(cmd).directory(TOOL.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("NO_COLOR", "1");
            builder.environment().put("FORCE_COLOR", "0");
            builder.environment().put("npm_config_update_notifier", "false");
            java.lang.Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail("%s did not finish within %s in %s; output so far:%n%s", String.join(" ", cmd), timeout,
                        TOOL.toAbsolutePath(), Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
