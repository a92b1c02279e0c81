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
        assertThat(built).as("bundles built from tools/frontend/src").isNotEmpty().contains("cs-echart.js",
                "cs-bpmn-viewer.js", "cs-bpmn-viewer.css", "cs-bpmn-modeler.js", "cs-bpmn-modeler.css",
                "cs-dmn-editor.js", "cs-dmn-editor.css");
        assertThat(names(COMMITTED)).as("bundles committed in %s", COMMITTED).isEqualTo(built);
        for (String name : built) {
            // byte for byte: the icon fonts next to the stylesheets are binary
            assertThat(Files.mismatch(COMMITTED.resolve(name), out.resolve(name))).withFailMessage(
                    "%s differs from what tools/frontend builds: run 'npm ci && npm run build' in tools/frontend and"
                            + " commit the result", COMMITTED.resolve(name))
                    .isEqualTo(-1L);
        }
    }

    /**
     * The read-only viewer is a module of its own, without the modeler, its properties panel or dmn-js, so a page
     * that only shows a diagram loads a fraction; and bpmn-js' watermark stays in both BPMN modules, as its licence
     * asks (docs/decisions/DD024).
     */
    @Test
    void theViewerCarriesNoEditorAndTheWatermarkStays() throws IOException {
        String viewer = Files.readString(COMMITTED.resolve("cs-bpmn-viewer.js"), StandardCharsets.UTF_8);
        assertThat(viewer).as("cs-bpmn-viewer.js").doesNotContain("bio-properties-panel", "djs-palette-entries",
                "dmn-decision-table");
        assertThat(Files.size(COMMITTED.resolve("cs-bpmn-viewer.js"))).as("bytes of cs-bpmn-viewer.js")
                .isLessThan(400_000L);
        for (String module : List.of("cs-bpmn-viewer.js", "cs-bpmn-modeler.js")) {
            assertThat(Files.readString(COMMITTED.resolve(module), StandardCharsets.UTF_8)).as(module)
                    .contains("bjs-powered-by", "https://bpmn.io");
        }
        assertThat(Files.readString(COMMITTED.resolve("cs-bpmn-modeler.js"), StandardCharsets.UTF_8))
                .as("cs-bpmn-modeler.js").contains("bio-properties-panel").doesNotContain("dmn-decision-table");
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
