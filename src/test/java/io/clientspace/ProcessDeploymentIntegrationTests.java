package io.clientspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.deal.process.DealStagesProcess;
import io.clientspace.support.ClientspaceIntegrationTest;
import org.camunda.bpm.application.AbstractProcessApplication;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ClientspaceIntegrationTest
class ProcessDeploymentIntegrationTests {

    @Autowired
    RepositoryService repository;
    @Autowired
    AbstractProcessApplication processApplication;

    @Test
    void modelsFromProcessesFolderAreDeployedOnceAndNotAgainWhenUnchanged() {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(DealStagesProcess.PROCESS_ID)
                .count()).isEqualTo(1);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(DealStagesProcess.PROCESS_ID)
                .singleResult().getResourceName()).endsWith("deal-stages.bpmn");
        long deployments = repository.createDeploymentQuery().count();

        // What a restart does: the process application leaves (keeping its deployments) and comes back
        processApplication.undeploy();
        processApplication.deploy();

        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(DealStagesProcess.PROCESS_ID)
                .count()).isEqualTo(1);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }
}
