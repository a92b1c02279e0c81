package io.clientspace.modeling;

import static io.clientspace.support.Actors.as;
import static io.clientspace.support.Actors.asManager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealDraft;
import io.clientspace.deal.DealService;
import io.clientspace.deal.DealStages;
import io.clientspace.deal.process.DealStagesProcess;
import io.clientspace.proposal.process.ProposalApprovalProcess;
import io.clientspace.shared.NoAccessException;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.application.AbstractProcessApplication;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deploys through the gate against the real engine and PostgreSQL: versions with who, when, source, note and diff;
 * stale versions, wrong ids and unsafe models refused with nothing left behind; rollback; the firm settings reaching
 * a new deal; and the coexistence of build-time and app-time versions across restarts (DD022). Each test removes
 * the versions it deployed, so the other tests see the shipped models.
 */
@ClientspaceIntegrationTest
@ExtendWith(LeavesTheEngineAsFound.class)
class ModelDeploymentIntegrationTests {

    static final String DEAL_STAGES = DealStagesProcess.PROCESS_ID;

    @Autowired
    ModelDeployments models;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    AbstractProcessApplication processApplication;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DealStages dealStages;
    @Autowired
    ClientService clients;
    @Autowired
    DealService deals;


    static <T> T asOwner(Supplier<T> work) {
        return as("paula", work, "PROCESS_OWNER", "STAFF");
    }

    static <T> T asAdmin(Supplier<T> work) {
        return as("admin", work, "ADMIN", "STAFF");
    }

    int latest() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(DEAL_STAGES).latestVersion()
                .singleResult().getVersion();
    }

    @Test
    void aSettingsChangeIsANewVersionWithWhoWhenSourceNoteAndDiffAndANewDealUsesIt() {
        int v1 = latest();
        assertThat(asOwner(() -> models.settings(DEAL_STAGES))).extracting(ModelSetting::variable,
                ModelSetting::value).containsExactly(tuple(DealStagesProcess.VAR_STALL_AFTER, "P14D"));

        ModelVersion v2 = asOwner(() -> models.saveSettings(DEAL_STAGES, v1,
                Map.of(DealStagesProcess.VAR_STALL_AFTER, "P21D"), "Deals move slower in December"));

        assertThat(v2.version()).isEqualTo(v1 + 1);
        assertThat(v2.source()).isEqualTo(ModelSource.APP);
        assertThat(v2.action()).isEqualTo(ModelAction.SETTINGS);
        assertThat(v2.deployedBy()).isEqualTo("paula");
        assertThat(v2.deployedAt()).isNotNull();
        assertThat(v2.changeNote()).isEqualTo("Deals move slower in December");
        assertThat(v2.diff().added()).isEmpty();
        assertThat(v2.diff().removed()).isEmpty();
        assertThat(v2.diff().changed()).isNotEmpty().allMatch(id -> !id.startsWith("Stage"));
        assertThat(asOwner(() -> models.versions(DEAL_STAGES))).extracting(ModelVersion::version,
                ModelVersion::source).startsWith(tuple(v1 + 1, ModelSource.APP), tuple(v1, ModelSource.BUILD));
        assertThat(asOwner(() -> models.settings(DEAL_STAGES))).extracting(ModelSetting::value)
                .containsExactly("P21D");
        assertThat(asAdmin(() -> models.audit(10))).first().satisfies(a -> {
            assertThat(a.action()).isEqualTo(ModelAction.SETTINGS);
            assertThat(a.actor()).isEqualTo("paula");
            assertThat(a.version()).isEqualTo(v1 + 1);
            assertThat(a.detail()).contains("stallAfter: P14D → P21D").contains("Deals move slower");
        });

        // a new deal starts on the new version and waits 21 days before it counts as stalled
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        DealDraft draft = new DealDraft();
        draft.setTitle("Winter retainer");
        draft.setAmount(new BigDecimal("1200"));
        draft.setExpectedClose(LocalDate.now().plusMonths(2));
        draft.setOwner("manager");
        Deal deal = asManager(() -> deals.create(client.id(), draft));
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(deal.id().toString())
                .processDefinitionKey(DEAL_STAGES).singleResult();
        assertThat(instance.getProcessDefinitionId()).isEqualTo(v2.definitionId());
        assertThat(runtime.getVariable(instance.getId(), DealStagesProcess.VAR_STALL_AFTER)).isEqualTo("P21D");
    }

    @Test
    void aBadDurationInTheSettingsIsRefusedAndNothingIsDeployed() {
        int v1 = latest();
        assertThatThrownBy(() -> asOwner(() -> models.saveSettings(DEAL_STAGES, v1,
                Map.of(DealStagesProcess.VAR_STALL_AFTER, "3 weeks"), null)))
                .isInstanceOfSatisfying(ModelRefusedException.class, e -> assertThat(e.problems())
                        .extracting(Problem::key, Problem::args)
                        .containsExactly(tuple("modeling.timer.badDefault", List.of("stallAfter", "3 weeks"))));
        assertThat(latest()).isEqualTo(v1);
    }

    @Test
    void twoOwnersDeployingTheSameVersionOneGetsStale() {
        int v1 = latest();
        byte[] xml = asOwner(() -> models.xml(DEAL_STAGES, v1));
        asOwner(() -> models.deploy(DEAL_STAGES, v1, edit(xml, "P14D", "P10D"), "first"));

        assertThatThrownBy(() -> asOwner(() -> models.deploy(DEAL_STAGES, v1, edit(xml, "P14D", "P30D"), "second")))
                .isInstanceOfSatisfying(StaleModelException.class,
                        e -> assertThat(e.latestVersion()).isEqualTo(v1 + 1));
        assertThat(latest()).isEqualTo(v1 + 1);
        assertThat(asOwner(() -> models.settings(DEAL_STAGES))).extracting(ModelSetting::value)
                .containsExactly("P10D");
    }

    @Test
    void anEditedFileUploadedFromCamundaModelerIsTheNextVersionAndTheDownloadGivesItBack() throws IOException {
        int v1 = latest();
        // what a process owner commits back to processes/ after editing it in Camunda Modeler: another stall period
        // and another name for the New stage
        byte[] edited = edit(edit(Files.readAllBytes(Path.of(DealStagesProcess.RESOURCE)), "P14D", "P9D"),
                "id=\"StageNew\" name=\"New\"", "id=\"StageNew\" name=\"New lead\"");

        ModelVersion v2 = asOwner(() -> models.upload(DEAL_STAGES, v1, "deal-stages (edited).bpmn", edited,
                "Faster follow-up"));

        assertThat(v2.version()).isEqualTo(v1 + 1);
        assertThat(v2.source()).isEqualTo(ModelSource.APP);
        assertThat(v2.action()).isEqualTo(ModelAction.UPLOAD);
        assertThat(v2.deployedBy()).isEqualTo("paula");
        assertThat(v2.changeNote()).isEqualTo("Faster follow-up");
        assertThat(v2.diff().changed()).contains("StageNew");
        assertThat(asOwner(() -> models.model(DEAL_STAGES))).get().extracting(ModelSummary::latestVersion)
                .isEqualTo(v1 + 1);
        assertThat(asOwner(() -> models.versions(DEAL_STAGES))).first()
                .extracting(ModelVersion::version, ModelVersion::source, ModelVersion::action)
                .containsExactly(v1 + 1, ModelSource.APP, ModelAction.UPLOAD);
        assertThat(asOwner(() -> models.settings(DEAL_STAGES))).extracting(ModelSetting::value)
                .containsExactly("P9D");
        assertThat(repository.getBpmnModelInstance(v2.definitionId()).getModelElementById("StageNew")
                .getAttributeValue("name")).isEqualTo("New lead");

        // the download of the current version: under the name it has in processes/, with the uploaded bytes
        assertThat(asOwner(() -> models.fileName(DEAL_STAGES))).isEqualTo(DEAL_STAGES + ".bpmn");
        assertThat(asOwner(() -> models.xml(DEAL_STAGES, asOwner(() -> models.model(DEAL_STAGES)).orElseThrow()
                .latestVersion()))).isEqualTo(edited);
        assertThat(asAdmin(() -> models.audit(1))).first().extracting(AuditEntry::action, AuditEntry::actor)
                .containsExactly(ModelAction.UPLOAD, "paula");
    }

    @Test
    void aFileWithAnotherProcessIdIsRefused() throws IOException {
        int v1 = latest();
        byte[] other = Files.readAllBytes(Path.of("processes", ProposalApprovalProcess.PROCESS_ID + ".bpmn"));

        assertThatThrownBy(() -> asOwner(() -> models.upload(DEAL_STAGES, v1, "proposal-approval.bpmn", other,
                null))).isInstanceOfSatisfying(ModelRefusedException.class, e -> assertThat(e.problems())
                        .extracting(Problem::key, Problem::args).contains(tuple("modeling.problem.wrongKey",
                                List.of(ProposalApprovalProcess.PROCESS_ID, DEAL_STAGES))));
        assertThatThrownBy(() -> asOwner(() -> models.upload(DEAL_STAGES, v1, "notes.txt", other, null)))
                .isInstanceOfSatisfying(ModelRefusedException.class, e -> assertThat(e.problems())
                        .extracting(Problem::key).containsExactly("modeling.problem.fileType"));
        assertThat(latest()).isEqualTo(v1);
    }

    @Test
    void anExpressionReachingABeanOfTheAppIsRefusedWithNothingLeftBehind() {
        int v1 = latest();
        int auditRows = jdbc.queryForObject("select count(*) from model_audit", Integer.class);
        int deploymentRows = jdbc.queryForObject("select count(*) from model_deployment", Integer.class);
        byte[] xml = asOwner(() -> models.xml(DEAL_STAGES, v1));
        byte[] unsafe = edit(xml, "${outcome == 'lost'}", "${jdbcTemplate.execute('drop table deal') == null}");

        assertThatThrownBy(() -> asOwner(() -> models.deploy(DEAL_STAGES, v1, unsafe, "harmless")))
                .isInstanceOfSatisfying(ModelRefusedException.class, e -> assertThat(e.problems())
                        .extracting(Problem::key, Problem::args)
                        .contains(tuple("modeling.safety.otherBean", List.of("jdbcTemplate"))));
        assertThat(latest()).isEqualTo(v1);
        assertThat(jdbc.queryForObject("select count(*) from model_audit", Integer.class)).isEqualTo(auditRows);
        assertThat(jdbc.queryForObject("select count(*) from model_deployment", Integer.class))
                .isEqualTo(deploymentRows);
    }

    @Test
    void rollingBackDeploysTheEarlierVersionAgain() {
        int v1 = latest();
        byte[] original = asOwner(() -> models.xml(DEAL_STAGES, v1));
        asOwner(() -> models.deploy(DEAL_STAGES, v1, edit(original, "P14D", "P7D"), null));

        ModelVersion back = asOwner(() -> models.rollback(DEAL_STAGES, v1 + 1, v1, "December was a mistake"));

        assertThat(back.version()).isEqualTo(v1 + 2);
        assertThat(back.action()).isEqualTo(ModelAction.ROLLBACK);
        assertThat(asOwner(() -> models.xml(DEAL_STAGES, v1 + 2))).isEqualTo(original);
        assertThat(asAdmin(() -> models.audit(1))).first().extracting(AuditEntry::action, AuditEntry::detail)
                .containsExactly(ModelAction.ROLLBACK, "to version " + v1 + " — December was a mistake");
    }

    @Test
    void onlyProcessOwnersAndAdminsSeeAndChangeModels() {
        assertThatThrownBy(() -> asManager(() -> models.models())).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asManager(() -> models.deploy(DEAL_STAGES, 1, new byte[0], null)))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asOwner(() -> models.audit(10))).isInstanceOf(NoAccessException.class);
        assertThat(asAdmin(() -> models.models())).extracting(ModelSummary::key, ModelSummary::kind)
                .contains(tuple(DEAL_STAGES, ModelKind.BPMN),
                        tuple(ProposalApprovalProcess.DECISION_ID, ModelKind.DMN));
    }

    // ----------------------------------------------------------------------------------- coexistence (DD022)

    @Test
    void aRestartKeepsTheNewerAppTimeVersion() {
        int v1 = latest();
        ModelVersion app = asOwner(() -> models.saveSettings(DEAL_STAGES, v1,
                Map.of(DealStagesProcess.VAR_STALL_AFTER, "P21D"), null));

        restart();

        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(DEAL_STAGES)
                .latestVersion().singleResult();
        assertThat(latest.getId()).isEqualTo(app.definitionId());
        assertThat(asOwner(() -> models.settings(DEAL_STAGES))).extracting(ModelSetting::value)
                .containsExactly("P21D");
    }

    @Test
    void aReleaseThatChangedTheClasspathModelWinsOverAnAppTimeVersion() throws IOException {
        int v1 = latest();
        ProcessDefinition shipped = repository.createProcessDefinitionQuery().processDefinitionKey(DEAL_STAGES)
                .processDefinitionVersion(v1).singleResult();
        Deployment build = repository.createDeploymentQuery().deploymentId(shipped.getDeploymentId())
                .singleResult();
        byte[] classpath = Files.readAllBytes(Path.of(DealStagesProcess.RESOURCE));
        // the previous release shipped another deal-stages.bpmn: its build deployment is the last one from the classpath
        repository.createDeployment().name(build.getName()).source(build.getSource())
                .addString(shipped.getResourceName(), new String(edit(classpath, "P14D", "P12D"),
                        StandardCharsets.UTF_8)).deploy();
        ModelVersion app = asOwner(() -> models.saveSettings(DEAL_STAGES, v1 + 1,
                Map.of(DealStagesProcess.VAR_STALL_AFTER, "P21D"), null));

        restart(); // with this release's processes/, whose deal-stages.bpmn differs from the previous release's

        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(DEAL_STAGES)
                .latestVersion().singleResult();
        assertThat(latest.getVersion()).isEqualTo(app.version() + 1);
        assertThat(repository.createDeploymentQuery().deploymentId(latest.getDeploymentId()).singleResult()
                .getSource()).isEqualTo(build.getSource());
        assertThat(asOwner(() -> models.settings(DEAL_STAGES))).extracting(ModelSetting::value)
                .containsExactly("P14D");
        assertThat(asOwner(() -> models.versions(DEAL_STAGES))).first().extracting(ModelVersion::source)
                .isEqualTo(ModelSource.BUILD);
    }

    /** What a restart does to the process application: it leaves, keeping its deployments, and comes back. */
    void restart() {
        processApplication.undeploy();
        processApplication.deploy();
        dealStages.deployed();
    }

    static byte[] edit(byte[] xml, String from, String to) {
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }
}
