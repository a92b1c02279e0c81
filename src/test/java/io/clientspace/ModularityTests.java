package io.clientspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The business capabilities stay separate modules: no cycles, no reaching into another module's internals. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ClientspaceApplication.class);
    static final Path DOCS = Path.of("target", "spring-modulith-docs");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /** The diagrams of the modules and of each one, in target/spring-modulith-docs, written afresh by this run. */
    @Test
    void documentsTheModules() throws IOException {
        if (Files.exists(DOCS)) {
            try (Stream<Path> old = Files.walk(DOCS)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

        Path all = DOCS.resolve("components.puml");
        assertThat(all).as("the diagram of all modules").isRegularFile();
        String overview = Files.readString(all);
        assertThat(overview).startsWith("@startuml").contains("@enduml");
        for (ApplicationModule module : MODULES) {
            assertThat(overview).as("the overview names module %s", module.getName())
                    .containsIgnoringCase(module.getDisplayName());
            Path own = DOCS.resolve("module-" + module.getName() + ".puml");
            assertThat(own).as("the diagram of module %s", module.getName()).isRegularFile();
            assertThat(Files.readString(own)).startsWith("@startuml").containsIgnoringCase(module.getDisplayName());
        }
    }
}
