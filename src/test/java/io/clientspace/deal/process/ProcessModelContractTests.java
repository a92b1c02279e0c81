package io.clientspace.deal.process;

import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.TreeMap;
import io.clientspace.acceptance.process.DocumentAcceptanceProcess;
import io.clientspace.inforequest.process.InformationRequestProcess;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.deal.DealStage;
import io.clientspace.extranet.process.AccessReviewProcess;
import io.clientspace.extranet.process.ExtranetInvitationProcess;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import io.clientspace.task.process.AdHocTaskProcess;
import io.clientspace.modeling.process.ProcessContracts;
import io.clientspace.proposal.process.ProposalApprovalProcess;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ManualTask;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model in processes/ must open cleanly in Camunda Modeler and keep what the Java code relies on. Process
 * owners edit these files; when an edit breaks the code's contract, this test fails the build and says what to put
 * back, rather than a deal getting stuck in production.
 */
class ProcessModelContractTests {

    /** Where process owners keep the models; Maven runs tests in the project root. */
    static final Path PROCESSES = Path.of("processes");

    static Stream<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".bpmn") && Files.isRegularFile(f))
                    .sorted().toList().stream();
        }
    }

    @Test
    void everyProcessTheCodeStartsHasItsModelInTheProcessesFolder() throws IOException {
        assertThat(Files.isDirectory(PROCESSES)).as("%s relative to %s", PROCESSES, Path.of("").toAbsolutePath())
                .isTrue();
        assertThat(models().map(f -> f.getFileName().toString()))
                .as("models in %s", PROCESSES.toAbsolutePath())
                .contains(ProcessContracts.processIds().stream().map(id -> id + ".bpmn").toArray(String[]::new))
                .contains(Path.of(DealStagesProcess.RESOURCE).getFileName().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void modelOpensInTheModelerAndKeepsTheCodesContract(Path file) {
        List<String> problems = check(file);
        assertThat(problems).withFailMessage(() -> problems.size() + " problem(s) in " + file + ":\n  "
                + String.join("\n  ", problems)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------------
    // The checks also have to catch what they claim to catch: each test below breaks a copy of deal-stages.bpmn
    // the way a process owner might, and expects the message that tells them what they broke.

    @Test
    void aMissingStageListenerIsNamed() {
        BpmnModelInstance model = dealStages();
        UserTask qualified = model.getModelElementById(DealStage.QUALIFIED.taskId());
        CamundaTaskListener create = qualified.getExtensionElements().getElementsQuery()
                .filterByType(CamundaTaskListener.class).list().stream()
                .filter(l -> "create".equals(l.getCamundaEvent())).findFirst().orElseThrow();
        qualified.getExtensionElements().removeChildElement(create);

        // without it the task is no stage (DD015), so its neighbours' checks follow; the cause is named first
        assertThat(check(DEAL_STAGES_FILE, model)).first().isEqualTo(
                "deal-stages.bpmn: user task StageQualified lost its create listener ${dealStageListener}");
    }

    @Test
    void anAdHocTaskModelThatLostItsMirrorListenerIsNamed() throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(PROCESSES.resolve(AdHocTaskProcess.PROCESS_ID + ".bpmn")
                .toFile());
        UserTask task = model.getModelElementById(AdHocTaskProcess.TASK);
        taskListeners(task).stream().filter(l -> "assignment".equals(l.getCamundaEvent())).findFirst()
                .ifPresent(l -> task.getExtensionElements().removeChildElement(l));
        task.setCamundaAssignee("${owner}");

        assertThat(check(AdHocTaskProcess.PROCESS_ID + ".bpmn", model)).containsExactly(
                "ad-hoc-task.bpmn: user task DoTask must be assigned to ${assignee}, but its assignee is ${owner}",
                "ad-hoc-task.bpmn: user task DoTask lost its assignment listener ${workTaskListener}");
    }

    @Test
    void anInvitationModelWithAFixedExpiryOrARenamedMessageIsNamed() throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(PROCESSES.resolve(ExtranetInvitationProcess.PROCESS_ID
                + ".bpmn").toFile());
        IntermediateCatchEvent timer = model.getModelElementById(ExtranetInvitationProcess.EXPIRED_TIMER);
        timer.getEventDefinitions().stream().filter(TimerEventDefinition.class::isInstance)
                .map(TimerEventDefinition.class::cast).findFirst().orElseThrow().getTimeDuration().setTextContent("P7D");
        IntermediateCatchEvent resent = model.getModelElementById(ExtranetInvitationProcess.RESENT);
        resent.getEventDefinitions().stream().filter(MessageEventDefinition.class::isInstance)
                .map(MessageEventDefinition.class::cast).findFirst().orElseThrow().getMessage()
                .setName("ResendInvitation");
        model.<ServiceTask>getModelElementById(ExtranetInvitationProcess.MARK_EXPIRED)
                .setCamundaDelegateExpression("${markExpired}");

        assertThat(check(ExtranetInvitationProcess.PROCESS_ID + ".bpmn", model)).containsExactly(
                "extranet-invitation.bpmn: service task MarkExpired must call ${markInvitationExpired}, but it calls"
                        + " ${markExpired}",
                "extranet-invitation.bpmn: intermediate catch event InvitationResent must wait for message"
                        + " InvitationResent, but it waits for ResendInvitation",
                "extranet-invitation.bpmn: timer event InvitationExpiredTimer must wait for ${invitationValidFor},"
                        + " but its duration is P7D");
    }

    @Test
    void aProposalModelWithAFixedExpiryOrAnUnusedDecisionIsNamed() throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(PROCESSES.resolve(ProposalApprovalProcess.PROCESS_ID
                + ".bpmn").toFile());
        IntermediateCatchEvent timer = model.getModelElementById(ProposalApprovalProcess.EXPIRY_TIMER);
        timer.getEventDefinitions().stream().filter(TimerEventDefinition.class::isInstance)
                .map(TimerEventDefinition.class::cast).findFirst().orElseThrow().getTimeDate()
                .setTextContent("2030-01-01T00:00:00");
        model.<BusinessRuleTask>getModelElementById(ProposalApprovalProcess.DECIDE_APPROVAL)
                .setCamundaDecisionRef("approval");
        IntermediateCatchEvent accepted = model.getModelElementById(ProposalApprovalProcess.ACCEPTED);
        accepted.getEventDefinitions().stream().filter(MessageEventDefinition.class::isInstance)
                .map(MessageEventDefinition.class::cast).findFirst().orElseThrow().getMessage()
                .setName("ProposalAccepted");

        assertThat(check(ProposalApprovalProcess.PROCESS_ID + ".bpmn", model)).containsExactly(
                "proposal-approval.bpmn: business rule task DecideApproval must evaluate decision"
                        + " proposal-approval-rules, but it evaluates approval",
                "proposal-approval.bpmn: intermediate catch event CustomerAccepted must wait for message"
                        + " CustomerAccepted, but it waits for ProposalAccepted",
                "proposal-approval.bpmn: timer event ValidUntilPassed must fire at ${expiresAt}, but its date is"
                        + " 2030-01-01T00:00:00");
    }

    @Test
    void aStageThatCannotBeWonByAnAcceptedProposalIsNamed() {
        BpmnModelInstance model = dealStages();
        BoundaryEvent event = model.getModelElementById(DealStagesProcess.proposalAcceptedEventId(DealStage.PROPOSAL));
        event.setCancelActivity(false);

        assertThat(check(DEAL_STAGES_FILE, model)).containsExactly(
                "deal-stages.bpmn: user task StageProposal has no interrupting message boundary event ProposalAccepted"
                        + " leading to DealWon, so an accepted proposal cannot win a deal in that stage");
    }

    @Test
    void theProposalRulesTableIsInTheProcessesFolderWithTheInputsAndOutputsTheCodeSets() throws IOException {
        var dmn = org.camunda.bpm.model.dmn.Dmn.readModelFromFile(
                Path.of(ProposalApprovalProcess.DECISION_RESOURCE).toFile());
        var decision = dmn.<org.camunda.bpm.model.dmn.instance.Decision>getModelElementById(
                ProposalApprovalProcess.DECISION_ID);
        assertThat(decision).as("decision %s in %s", ProposalApprovalProcess.DECISION_ID,
                ProposalApprovalProcess.DECISION_RESOURCE).isNotNull();
        var table = dmn.getModelElementsByType(org.camunda.bpm.model.dmn.instance.DecisionTable.class).iterator()
                .next();
        assertThat(table.getInputs()).extracting(i -> i.getInputExpression().getText().getTextContent().trim())
                .containsExactlyInAnyOrder(ProposalApprovalProcess.VAR_FEE_AMOUNT,
                        ProposalApprovalProcess.VAR_DISCOUNT_PERCENT, ProposalApprovalProcess.VAR_FEE_MODEL);
        assertThat(table.getOutputs()).extracting(org.camunda.bpm.model.dmn.instance.Output::getName)
                .containsExactlyInAnyOrder(ProposalApprovalProcess.OUT_APPROVAL_REQUIRED,
                        ProposalApprovalProcess.OUT_APPROVAL_REASON);
        assertThat(table.getRules()).as("a last rule that matches everything, so every proposal gets an answer")
                .last().satisfies(r -> assertThat(r.getInputEntries())
                        .allSatisfy(e -> assertThat(e.getText().getTextContent().trim()).isIn("-", "")));
    }

    @Test
    void aChangedAssigneeOrDueDateIsNamed() {
        BpmnModelInstance model = dealStages();
        UserTask newStage = model.getModelElementById(DealStage.NEW.taskId());
        newStage.setCamundaAssignee("${manager}");
        UserTask proposal = model.getModelElementById(DealStage.PROPOSAL.taskId());
        proposal.setCamundaDueDate(null);

        assertThat(check(DEAL_STAGES_FILE, model)).containsExactly(
                "deal-stages.bpmn: user task StageNew must be assigned to ${owner}, but its assignee is ${manager}",
                "deal-stages.bpmn: user task StageProposal must be due at ${nextStepDue}, but its due date is (none)");
    }

    @Test
    void aRenamedEndEventIsNamedAndARenamedStageMustBeReopenedByItsNewId() {
        BpmnModelInstance model = dealStages();
        // a stage's id is its own to choose (DD015), but the reopen gateway's condition must name the new one
        model.<UserTask>getModelElementById(DealStage.NEGOTIATION.taskId()).setId("Negotiation");
        model.<EndEvent>getModelElementById(DealStagesProcess.END_WON).setId("Won");

        assertThat(check(DEAL_STAGES_FILE, model)).containsExactlyInAnyOrder(
                "deal-stages.bpmn: end event DealWon is missing",
                "deal-stages.bpmn: from start event DealReopened no flow with ${reopenAt == 'Negotiation'} leads to"
                        + " user task Negotiation, so a deal lost there cannot reopen there");
    }

    @Test
    void aModelWhoseUserTasksLostTheStageListenerHasNoStages() {
        BpmnModelInstance model = dealStages();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list()
                    .forEach(l -> task.getExtensionElements().removeChildElement(l));
        }
        assertThat(check(DEAL_STAGES_FILE, model)).contains("deal-stages.bpmn: no user task reached from start event"
                + " DealCreated has the create listener ${dealStageListener}, so deals have no stages");
    }

    @Test
    void aStageWithoutItsStallTimerIsNamed() {
        BpmnModelInstance model = dealStages();
        BoundaryEvent timer = model.getModelElementById(DealStagesProcess.stallTimerId(DealStage.PROPOSAL));
        timer.setCancelActivity(true);

        assertThat(check(DEAL_STAGES_FILE, model)).contains(
                "deal-stages.bpmn: user task StageProposal has no non-interrupting timer ${stallAfter} leading to"
                        + " DealStalled, so a deal in that stage is never flagged as stalled");
    }

    @Test
    void aMissingClosedListenerIsNamed() {
        BpmnModelInstance model = dealStages();
        EndEvent lost = model.getModelElementById(DealStagesProcess.END_LOST);
        lost.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list()
                .forEach(l -> lost.getExtensionElements().removeChildElement(l));

        assertThat(check(DEAL_STAGES_FILE, model)).containsExactly(
                "deal-stages.bpmn: end event DealLost lost its end listener ${dealClosedListener}");
    }

    @Test
    void aStageWithoutItsLostBranchIsNamed() {
        BpmnModelInstance model = dealStages();
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (flow.getSource().getId().equals("AfterProposal") && flow.getConditionExpression() != null) {
                flow.removeConditionExpression();
                flow.setName("oops");
                // Now unconditional next to the default: still not a lost branch
            }
        }
        assertThat(check(DEAL_STAGES_FILE, model)).containsExactly(
                "deal-stages.bpmn: from user task StageProposal no flow with ${outcome == 'lost'} leads to end event"
                        + " DealLost, so a deal in that stage cannot be lost");
    }

    @Test
    void aModelWithoutLayoutIsNamed() {
        BpmnModelInstance model = dealStages();
        removeDiagramElement(model, DealStage.PROPOSAL.taskId());
        removeDiagramElement(model, "ProposalDone");

        assertThat(check(DEAL_STAGES_FILE, model)).containsExactly(
                "deal-stages.bpmn: user task StageProposal has no shape in the diagram; lay it out in Camunda Modeler",
                "deal-stages.bpmn: sequence flow ProposalDone has no edge in the diagram; lay it out in Camunda Modeler");
    }

    @Test
    void theFileNameMustBeTheProcessIdAndTheProcessExecutableWithHistoryTimeToLive() {
        BpmnModelInstance model = dealStages();
        Process process = model.getModelElementById(DealStagesProcess.PROCESS_ID);
        process.setExecutable(false);
        process.setCamundaHistoryTimeToLiveString(null);

        assertThat(check(DEAL_STAGES_FILE, model)).containsExactly(
                "deal-stages.bpmn: process deal-stages is not executable; tick \"Executable\" in Camunda Modeler",
                "deal-stages.bpmn: process deal-stages has no camunda:historyTimeToLive; set \"History cleanup >"
                        + " Time to live\" in Camunda Modeler");
        assertThat(check("deal-stage.bpmn", dealStages())).containsExactly(
                "deal-stage.bpmn: the file name must equal the process id, but the file holds no process deal-stage"
                        + " (it holds: deal-stages)");
    }

    @Test
    void aModelWithoutContractClassGetsOnlyTheGenericChecks() {
        BpmnModelInstance model = dealStages();
        model.<Process>getModelElementById(DealStagesProcess.PROCESS_ID).setId("lead-intake");
        UserTask newStage = model.getModelElementById(DealStage.NEW.taskId());
        newStage.setCamundaAssignee(null);
        assertThat(check("lead-intake.bpmn", model)).isEmpty();

        removeDiagramElement(model, DealStage.NEW.taskId());
        assertThat(check("lead-intake.bpmn", model)).containsExactly(
                "lead-intake.bpmn: user task StageNew has no shape in the diagram; lay it out in Camunda Modeler");
    }

    // ------------------------------------------------------------------------------------------------ the checks
    // One implementation for the build and the deploy gate: io.clientspace.modeling.process.ProcessContracts.

    static final String DEAL_STAGES_FILE = DealStagesProcess.PROCESS_ID + ".bpmn";

    static List<String> check(Path file) {
        String fileName = file.getFileName().toString();
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromFile(file.toFile());
        } catch (RuntimeException e) {
            return List.of(fileName + ": cannot be read as BPMN: " + e.getMessage());
        }
        return check(fileName, model);
    }

    static List<String> check(String fileName, BpmnModelInstance model) {
        return ProcessContracts.check(fileName, model);
    }

    static List<CamundaTaskListener> taskListeners(BaseElement element) {
        return element.getExtensionElements() == null ? List.of()
                : element.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list();
    }

    /** A fresh copy of the real deal-stages.bpmn to break; skips when the real one is broken already. */
    static BpmnModelInstance dealStages() {
        BpmnModelInstance model = Bpmn.readModelFromFile(new File(PROCESSES.toFile(), DEAL_STAGES_FILE));
        Assumptions.assumeTrue(check(DEAL_STAGES_FILE, model).isEmpty(),
                DEAL_STAGES_FILE + " has problems of its own; modelOpensInTheModelerAndKeepsTheCodesContract lists them");
        return Bpmn.readModelFromFile(new File(PROCESSES.toFile(), DEAL_STAGES_FILE));
    }

    static void removeDiagramElement(BpmnModelInstance model, String elementId) {
        BaseElement element = model.getModelElementById(elementId);
        DiagramElement di = element.getDiagramElement();
        di.getParentElement().removeChildElement(di);
    }
}
