package io.clientspace.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.support.ClientspaceIntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Engine authorization is on, and it is live: a user the webapps would sign in is checked, while the app's own engine
 * calls, which run without an authenticated engine user, are not.
 */
@ClientspaceIntegrationTest
class EngineAuthorizationIntegrationTests {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;

    @Test
    void theAppsOwnCallsPassAndAnEngineUserWithoutGrantsSeesNothing() {
        assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();
        long definitions = repository.createProcessDefinitionQuery().count();
        assertThat(definitions).as("definitions the app sees without an engine user").isPositive();
        identity.setAuthentication("process-owner-without-grants", List.of("process-owners"));
        try {
            assertThat(repository.createProcessDefinitionQuery().count()).as("seen by a user without grants")
                    .isZero();
        } finally {
            identity.clearAuthentication();
        }
        identity.setAuthentication("an-admin", List.of(CamundaSingleSignOn.CAMUNDA_ADMIN_GROUP));
        try {
            assertThat(repository.createProcessDefinitionQuery().count()).as("seen by a Camunda admin")
                    .isEqualTo(definitions);
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void theEngineRefusesADeploymentThatIsNotAModel() {
        long before = repository.createDeploymentQuery().count();
        assertThatThrownBy(() -> repository.createDeployment().name("smuggled")
                .addString("deal-stages.js", "java.lang.Runtime.getRuntime().exec('id')")
                .deploy()).isInstanceOf(ProcessEngineException.class).hasMessageContaining("deal-stages.js");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    }
}
