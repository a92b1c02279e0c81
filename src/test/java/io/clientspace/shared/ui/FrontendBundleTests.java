package io.clientspace.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.clientspace.support.NpmTool;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed web-component bundles (src/main/resources/META-INF/resources/frontend-bundles) are exactly what
 * tools/frontend builds from its sources and lock file: nobody edits a minified file by hand, and nobody changes a
 * source or a library version without rebuilding. Needs npm, which CI has (docs/decisions/DD019).
 */
class FrontendBundleTests {

    static final Path TOOL = Path.of("tools", "frontend");
    static final Path COMMITTED = Path.of("src", "main", "resources", "META-INF", "resources", "frontend-bundles");
    static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    static final Duration BUILD_TIMEOUT = Duration.ofMinutes(2);

    @BeforeAll
    static void installPinnedTools() throws Exception {
        NpmTool.Result install = run(INSTALL_TIMEOUT, "npm", "ci", "--no-audit", "--no-fund");
        assertThat(install.exitCode()).withFailMessage(
                "npm ci in %s failed with exit code %d:%n%s", TOOL, install.exitCode(), install.output()).isZero();
    }

    @Test
    void committedBundlesAreWhatTheSourcesBuild(@TempDir Path out) throws Exception {
        NpmTool.Result build = run(BUILD_TIMEOUT, "npm", "run", "build", "--", out.toAbsolutePath().toString());
        assertThat(build.exitCode()).withFailMessage("npm run build failed:%n%s", build.output()).isZero();

        List<String> built = names(out);
        assertThat(built).as("bundles built from tools/frontend/src").isNotEmpty().contains("cs-echart.js");
        assertThat(names(COMMITTED)).as("bundles committed in %s", COMMITTED).isEqualTo(built);
        for (String name : built) {
            assertThat(Files.readString(COMMITTED.resolve(name), StandardCharsets.UTF_8)).withFailMessage(
                    "%s differs from what tools/frontend builds: run 'npm ci && npm run build' in tools/frontend and"
                            + " commit the result", COMMITTED.resolve(name))
                    .isEqualTo(Files.readString(out.resolve(name), StandardCharsets.UTF_8));
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static NpmTool.Result run(Duration timeout, String command, String... args) throws Exception {
        return NpmTool.run(TOOL, timeout, command, args);
    }
}
