package io.clientspace.modeling;

import static io.clientspace.modeling.ModelMigrationIntegrationTests.waitUntil;
import static io.clientspace.modeling.ModelingTests.asOwner;
import static io.clientspace.support.Actors.as;
import static io.clientspace.support.Actors.asManager;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealService;
import io.clientspace.deal.DealStage;
import io.clientspace.deal.DealStages;
import io.clientspace.deal.StageMove;
import io.clientspace.deal.process.DealStagesProcess;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.application.AbstractProcessApplication;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import io.clientspace.support.ClientspaceIntegrationTest;

/**
 * What a process owner reads on a model's page about the instances that run on it, against the real engine and its
 * job executor: how many run on each version and on each activity of the diagram, and a job that failed as an
 * incident that a retry clears once its cause is fixed.
 */
@ClientspaceIntegrationTest
@ExtendWith(LeavesTheEngineAsFound.class)
class ModelRuntimeIntegrationTests {

    @Autowired
    ModelDeployments models;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    AbstractProcessApplication processApplication;
    @Autowired
    DealStages dealStages;
    @Autowired
    ClientService clients;
    @Autowired
    DealService deals;

    @Test
    void theModelPageCountsRunningDealsPerVersionAndPerActivity() {
        // The suite shares one engine: a version of this test's own holds only this test's deals, so the counts are
        // exactly theirs
        int before = latestDealStagesVersion();
        repository.createDeployment().name("deal-stages, this test's own copy")
                .addString(DealStagesProcess.PROCESS_ID + ".bpmn", new String(asOwner(() -> models.xml(
                        DealStagesProcess.PROCESS_ID, before)))).deploy();
        dealStages.deployed();
        int mine = before + 1;
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        deal(client, "Counted A");
        deal(client, "Counted B");
        asManager(() -> deals.moveOn(deal(client, "Counted C").id(), DealStage.NEW,
                StageMove.advance("Qualify", LocalDate.now().plusDays(2))));

        assertThat(asOwner(() -> models.versions(DealStagesProcess.PROCESS_ID)))
                .filteredOn(v -> v.version() == mine).singleElement().extracting(ModelVersion::running)
                .isEqualTo(3L);
        assertThat(asOwner(() -> models.activeByActivity(DealStagesProcess.PROCESS_ID, mine)))
                .isEqualTo(Map.of(DealStage.NEW.taskId(), 2L, DealStage.QUALIFIED.taskId(), 1L));
        // the version before keeps its own count: none of these deals is on it
        long runningBefore = runtime.createProcessInstanceQuery().processDefinitionId(repository
                .createProcessDefinitionQuery().processDefinitionKey(DealStagesProcess.PROCESS_ID)
                .processDefinitionVersion(before).singleResult().getId()).count();
        assertThat(asOwner(() -> models.versions(DealStagesProcess.PROCESS_ID)))
                .filteredOn(v -> v.version() == before).singleElement().extracting(ModelVersion::running)
                .isEqualTo(runningBefore);
    }

    @Test
    void aJobThatFailsIsAnIncidentAndARetryAfterTheFixRunsItAndClearsIt() {
        // a process of this test's own whose asynchronous gateway fails while "ready" and "cancelled" are both false:
        // the gateway finds no way out, the job executor tries three times, and the job becomes an incident
        String key = "incident-drill-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        BpmnModelInstance model = Bpmn.createExecutableProcess(key).name("Incident drill")
                .camundaHistoryTimeToLive(1)
                .startEvent("Started")
                .exclusiveGateway("ReadyOrNot").camundaAsyncBefore()
                .condition("ready", "${ready}")
                .userTask("Checked").name("Checked")
                .endEvent("Done")
                .moveToNode("ReadyOrNot")
                .condition("cancelled", "${cancelled}")
                .endEvent("Cancelled")
                .done();
        Deployment deployment = repository.createDeployment().name("incident drill")
                .addModelInstance(key + ".bpmn", model).deploy();
        // as ModelDeployments does for app-time versions: the (deployment-aware) job executor runs their jobs
        management.registerProcessApplication(deployment.getId(), processApplication.getReference());
        String instance = runtime.startProcessInstanceByKey(key, Map.of("ready", false, "cancelled", false)).getId();

        waitUntil(() -> !asOwner(() -> models.incidents(key)).isEmpty(), Duration.ofSeconds(60));
        List<ModelIncident> incidents = asOwner(() -> models.incidents(key));
        assertThat(incidents).singleElement().satisfies(i -> {
            assertThat(i.version()).isEqualTo(1);
            assertThat(i.activityId()).isEqualTo("ReadyOrNot");
            assertThat(i.processInstanceId()).isEqualTo(instance);
            assertThat(i.jobId()).isNotNull();
            assertThat(i.at()).isNotNull();
            assertThat(i.message()).contains("ReadyOrNot");
        });
        assertThat(asOwner(() -> models.model(key))).get().extracting(ModelSummary::incidents).isEqualTo(1L);
        assertThat(runtime.createExecutionQuery().processInstanceId(instance).activityId("Checked").count())
                .as("still stuck before the gateway").isZero();

        // the process owner fixes the cause, then retries from the model's page
        runtime.setVariable(instance, "ready", true);
        String jobId = incidents.get(0).jobId();
        asOwner(() -> {
            models.retry(key, jobId);
            return null;
        });

        waitUntil(() -> runtime.createExecutionQuery().processInstanceId(instance).activityId("Checked").count() == 1,
                Duration.ofSeconds(60));
        assertThat(asOwner(() -> models.incidents(key))).isEmpty();
        assertThat(asOwner(() -> models.model(key))).get().extracting(ModelSummary::incidents).isEqualTo(0L);
        assertThat(management.createJobQuery().jobId(jobId).count()).as("the job ran").isZero();
        assertThat(as("admin", () -> models.audit(1), "ADMIN", "STAFF")).first()
                .extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::detail)
                .containsExactly(ModelAction.RETRY, "paula", "job " + jobId);
    }

    int latestDealStagesVersion() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(DealStagesProcess.PROCESS_ID)
                .latestVersion().singleResult().getVersion();
    }

    Deal deal(Client client, String title) {
        return ModelingTests.runningDeal(deals, client, title);
    }
}
