package io.clientspace.modeling;

import static io.clientspace.modeling.ModelingTests.asOwner;
import static io.clientspace.support.Actors.as;
import static io.clientspace.support.Actors.asManager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealService;
import io.clientspace.deal.DealStage;
import io.clientspace.deal.DealStages;
import io.clientspace.deal.DealStagesWithALegalReview;
import io.clientspace.deal.StageMove;
import io.clientspace.deal.process.DealStagesProcess;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import io.clientspace.support.ClientspaceIntegrationTest;

/**
 * Running deal-stages instances move from v1 to a v2 that adds a "Legal review" stage, as a batch: the deals keep
 * their stage, their stall timer is carried over (one job, not zero and not two) and fires once.
 */
@ClientspaceIntegrationTest
@ExtendWith(LeavesTheEngineAsFound.class)
class ModelMigrationIntegrationTests {

    @Autowired
    ModelDeployments models;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DealStages dealStages;
    @Autowired
    ClientService clients;
    @Autowired
    DealService deals;


    @Test
    void runningDealsMoveToAVersionWithANewStageKeepTheirStateAndStallOnce() {
        // The suite shares one engine, and the product migrates every instance of a version. A version of this
        // test's own, deployed first, holds only this test's deals: the batch moves two instances, not the whole
        // suite's, and is finished before the extension removes the versions.
        repository.createDeployment().name("deal-stages, this test's own copy")
                .addString(DealStagesProcess.PROCESS_ID + ".bpmn", new String(models(latestVersion()))).deploy();
        dealStages.deployed();
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        Deal atNew = deal(client, "Migration A");
        Deal atQualified = asManager(() -> deals.moveOn(deal(client, "Migration B").id(), DealStage.NEW,
                StageMove.advance("Qualify", LocalDate.now().plusDays(2))));
        String instanceA = instanceOf(atNew);
        String instanceB = instanceOf(atQualified);
        String v1 = runtime.createProcessInstanceQuery().processInstanceId(instanceA).singleResult()
                .getProcessDefinitionId();
        int from = repository.getProcessDefinition(v1).getVersion();

        repository.createDeployment().name("deal-stages with a legal review")
                .addModelInstance(DealStagesProcess.PROCESS_ID + ".bpmn", DealStagesWithALegalReview.model()).deploy();
        dealStages.deployed();
        int to = from + 1;

        MigrationCheck check = asOwner(() -> models.checkMigration(DealStagesProcess.PROCESS_ID, from, to));
        assertThat(check.blocked()).isEmpty();
        assertThat(check.instances()).as("this test's two deals").isEqualTo(2);
        assertThat(check.canMigrate()).isTrue();
        // the dry run moved nothing
        assertThat(definitionVersionOf(instanceA)).isEqualTo(from);

        String batch = asOwner(() -> models.migrate(DealStagesProcess.PROCESS_ID, from, to));
        assertThat(batch).isNotBlank();
        waitUntil(() -> definitionVersionOf(instanceA) == to && definitionVersionOf(instanceB) == to,
                Duration.ofSeconds(60));
        waitUntil(() -> {
            MigrationProgress progress = asOwner(() -> models.progress(batch));
            return progress.finished() || progress.done() == progress.total();
        }, Duration.ofSeconds(60));

        assertThat(asManager(() -> deals.get(atNew.id())).stage()).isEqualTo(DealStage.NEW);
        assertThat(asManager(() -> deals.get(atQualified.id())).stage()).isEqualTo(DealStage.QUALIFIED);
        assertThat(asManager(() -> deals.get(atQualified.id())).nextStage().code())
                .isEqualTo(DealStage.PROPOSAL.code());
        List<Job> timers = management.createJobQuery().processInstanceId(instanceA).timers().list();
        assertThat(timers).as("the stall timer of the deal's stage, carried over").hasSize(1);
        assertThat(timers.get(0).getProcessDefinitionId()).isEqualTo(definitionIdOf(instanceA));

        management.executeJob(timers.get(0).getId());

        assertThat(asManager(() -> deals.get(atNew.id())).isStalled()).isTrue();
        assertThat(management.createJobQuery().processInstanceId(instanceA).timers().count())
                .as("a stall timer fires once").isZero();
        assertThat(asManager(() -> deals.get(atNew.id())).stage()).isEqualTo(DealStage.NEW);
        assertThat(as("admin", () -> models.audit(5), "ADMIN", "STAFF")).first()
                .extracting(AuditEntry::action).isEqualTo(ModelAction.MIGRATION);
    }

    @Test
    void aMigrationToAVersionWithoutTheActiveStageIsRefusedAndNamesTheInstance() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        Deal atNew = deal(client, "Migration C");
        String instance = instanceOf(atNew);
        int from = definitionVersionOf(instance);
        // v2 drops the New stage entirely: a deal waiting there cannot move
        repository.createDeployment().name("deal-stages without New")
                .addString(DealStagesProcess.PROCESS_ID + ".bpmn", new String(models(from))
                        .replace(DealStage.NEW.taskId(), "StageFresh"))
                .deploy();
        int to = from + 1;

        MigrationCheck check = asOwner(() -> models.checkMigration(DealStagesProcess.PROCESS_ID, from, to));
        assertThat(check.unmappedActivities()).contains(DealStage.NEW.taskId());
        assertThat(check.blocked()).extracting(MigrationCheck.Blocked::processInstanceId).contains(instance);
        assertThat(check.blocked()).filteredOn(b -> b.processInstanceId().equals(instance)).first()
                .satisfies(b -> assertThat(String.join(" ", b.reasons())).contains(DealStage.NEW.taskId()));
        assertThatThrownBy(() -> asOwner(() -> models.migrate(DealStagesProcess.PROCESS_ID, from, to)))
                .isInstanceOf(ModelRefusedException.class);
        assertThat(definitionVersionOf(instance)).isEqualTo(from);
    }

    int latestVersion() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(DealStagesProcess.PROCESS_ID)
                .latestVersion().singleResult().getVersion();
    }

    byte[] models(int version) {
        return asOwner(() -> models.xml(DealStagesProcess.PROCESS_ID, version));
    }

    Deal deal(Client client, String title) {
        return ModelingTests.runningDeal(deals, client, title);
    }

    String instanceOf(Deal deal) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(deal.id().toString())
                .processDefinitionKey(DealStagesProcess.PROCESS_ID).singleResult().getId();
    }

    String definitionIdOf(String instance) {
        return runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult()
                .getProcessDefinitionId();
    }

    int definitionVersionOf(String instance) {
        return repository.getProcessDefinition(definitionIdOf(instance)).getVersion();
    }

    /** Polls a condition the job executor brings about; fails with the condition unmet after {@code max}. */
    static void waitUntil(BooleanSupplier condition, Duration max) {
        long end = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not reached within " + max);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
