package io.clientspace.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A new deployment may hold BPMN and DMN models only; what is already stored still loads. */
class EngineHardeningTests {

    final EngineHardening.ResourceWhitelist whitelist = new EngineHardening.ResourceWhitelist();

    static DeploymentEntity deployment(boolean isNew, String... names) {
        DeploymentEntity deployment = new DeploymentEntity();
        deployment.setNew(isNew);
        for (String name : names) {
            ResourceEntity resource = new ResourceEntity();
            resource.setName(name);
            resource.setBytes(new byte[0]);
            deployment.addResource(resource);
        }
        return deployment;
    }

    @ParameterizedTest
    @ValueSource(strings = {"deal-stages.bpmn", "proposal-approval-rules.dmn", "bench/one-task.bpmn",
        "information-request.bpmn"})
    void modelsPass(String name) {
        assertThatCode(() -> whitelist.deploy(deployment(true, "ad-hoc-task.bpmn", name))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"script.js", "task.groovy", "payload.bpmn.js", "../deal-stages.bpmn", "form.form",
        "archive.zip", "processes.xml", ".bpmn", "deal stages.bpmn", "x.BPMN.exe"})
    void anythingElseIsRefused(String name) {
        assertThatThrownBy(() -> whitelist.deploy(deployment(true, "deal-stages.bpmn", name)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"script.js", "legacy.bpmn20.xml"})
    void storedDeploymentsStillLoad(String name) {
        assertThatCode(() -> whitelist.deploy(deployment(false, name))).doesNotThrowAnyException();
    }
}
