package io.clientspace;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The business capabilities stay separate modules: no cycles, no reaching into another module's internals. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ClientspaceApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void documentsTheModules() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
