package io.clientspace.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs npm or npx in one of the project's pinned tool folders (tools/bpmnlint, tools/frontend) and returns its exit
 * code and output; a run past its timeout is killed and fails the test with what it printed so far.
 */
public final class NpmTool {

    static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    public record Result(int exitCode, String output) {
    }

    private NpmTool() {
    }

    /** @param command "npm" or "npx" (".cmd" is added on Windows) */
    public static Result run(Path dir, Duration timeout, String command, String... args) throws IOException,
            InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(WINDOWS ? command + ".cmd" : command);
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("npm", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("NO_COLOR", "1");
            builder.environment().put("FORCE_COLOR", "0");
            builder.environment().put("npm_config_update_notifier", "false");
            java.lang.Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail("%s did not finish within %s in %s; output so far:%n%s", String.join(" ", cmd), timeout,
                        dir.toAbsolutePath(), Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
