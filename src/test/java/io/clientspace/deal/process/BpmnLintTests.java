package io.clientspace.deal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.clientspace.support.NpmTool;
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

    @BeforeAll
    static void installPinnedBpmnlint() throws Exception {
        if (Files.isDirectory(TOOL.resolve("node_modules").resolve("bpmnlint"))) {
            return;
        }
        NpmTool.Result install = run(INSTALL_TIMEOUT, "npm", "ci", "--no-audit", "--no-fund");
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

        NpmTool.Result lint = lint(models);
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
        NpmTool.Result lint = lint(List.of(broken.toAbsolutePath().toString()));
        assertThat(lint.exitCode()).as("exit code; output:%n%s", lint.output()).isNotZero();
        assertThat(lint.output()).contains("Lonely").contains("no-disconnected");
    }

    private static NpmTool.Result lint(List<String> models) throws Exception {
        List<String> args = new ArrayList<>(List.of("--no", "--", "bpmnlint", "-c", CONFIG.toAbsolutePath().toString()));
        args.addAll(models);
        // "--" keeps npx from reading bpmnlint's -c as its own --call option; --no forbids downloading another version
        return run(LINT_TIMEOUT, "npx", args.toArray(String[]::new));
    }

    private static NpmTool.Result run(Duration timeout, String command, String... args) throws Exception {
        return NpmTool.run(TOOL, timeout, command, args);
    }
}
