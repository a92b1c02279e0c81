package io.clientspace.deal.process;

import org.camunda.bpm.model.bpmn.Bpmn;

import java.time.Duration;
import java.time.Instant;
import static io.clientspace.deal.process.DealStagesProcess.CLOSED_LISTENER;
import static io.clientspace.deal.process.DealStagesProcess.END_LOST;
import static io.clientspace.deal.process.DealStagesProcess.END_WON;
import static io.clientspace.deal.process.DealStagesProcess.OUTCOME_ADVANCE;
import static io.clientspace.deal.process.DealStagesProcess.OUTCOME_LOST;
import static io.clientspace.deal.process.DealStagesProcess.OUTCOME_WON;
import static io.clientspace.deal.process.DealStagesProcess.PROCESS_ID;
import static io.clientspace.deal.process.DealStagesProcess.STAGE_LISTENER;
import static io.clientspace.deal.process.DealStagesProcess.START;
import static io.clientspace.deal.process.DealStagesProcess.VAR_DEAL_ID;
import static io.clientspace.deal.process.DealStagesProcess.VAR_LOST_REASON;
import static io.clientspace.deal.process.DealStagesProcess.VAR_NEXT_STEP_DUE;
import static io.clientspace.deal.process.DealStagesProcess.VAR_OUTCOME;
import static io.clientspace.deal.process.DealStagesProcess.VAR_OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.delegate.ExecutionListener.EVENTNAME_END;
import static org.camunda.bpm.engine.delegate.TaskListener.EVENTNAME_COMPLETE;
import static org.camunda.bpm.engine.delegate.TaskListener.EVENTNAME_CREATE;
import static org.camunda.bpm.engine.delegate.TaskListener.EVENTNAME_DELETE;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.clientspace.deal.DealStage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.test.TestHelper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * deal-stages.bpmn on a bare engine, one test per path a deal can take. The listeners are recorded instead of run:
 * what they do with the deal row is the service's business; that the model calls them at the right moments, with
 * the task already assigned and due, is the model's.
 */
@Deployment(resources = DealStagesProcess.RESOURCE)
class DealStagesProcessTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-test.cfg.xml").build();

    static final String OWNER = "jonas";
    static final LocalDate FIRST_DUE = LocalDate.of(2030, 1, 10);

    /** What a listener saw: event, element id, and for tasks the assignee and due date at that moment. */
    record Call(String event, String elementId, String assignee, Date due, Object lostReason) {
    }

    final List<Call> stageCalls = new ArrayList<>();
    final List<Call> closedCalls = new ArrayList<>();
    /** Assignments are kept apart: the engine reports them around "create", and again on every reassignment. */
    final List<Call> assignmentCalls = new ArrayList<>();
    final List<Call> stalledCalls = new ArrayList<>();
    final String dealId = UUID.randomUUID().toString();

    @BeforeEach
    void registerListeners() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register(STAGE_LISTENER, (TaskListener) (DelegateTask t) -> {
            Call call = new Call(t.getEventName(), t.getTaskDefinitionKey(), t.getAssignee(), t.getDueDate(), null);
            (TaskListener.EVENTNAME_ASSIGNMENT.equals(t.getEventName()) ? assignmentCalls : stageCalls).add(call);
        });
        Mocks.register(DealStagesProcess.STALLED_LISTENER, (ExecutionListener) (DelegateExecution e) -> stalledCalls.add(
                new Call(e.getEventName(), e.getCurrentActivityId(), null, null, null)));
        Mocks.register(CLOSED_LISTENER, (ExecutionListener) (DelegateExecution e) -> closedCalls.add(
                new Call(e.getEventName(), e.getCurrentActivityId(), null, null, e.getVariable(VAR_LOST_REASON))));
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    /** Surefire runs every test class in one JVM: leave no second engine registered for the Spring tests. */
    @AfterAll
    static void closeEngine() {
        TestHelper.closeProcessEngines();
    }

    /** The stages of the model under test, as the product reads them from it. */
    static final List<DealStage> SHIPPED = DealStagesProcess.stages(
            Bpmn.readModelFromFile(new java.io.File(DealStagesProcess.RESOURCE)));

    static java.util.Optional<DealStage> next(DealStage stage) {
        int i = SHIPPED.indexOf(stage);
        return i < 0 || i + 1 == SHIPPED.size() ? java.util.Optional.empty() : java.util.Optional.of(SHIPPED.get(i + 1));
    }

    @Test
    void aDealMovesThroughEveryStageAndIsWon() {
        ProcessInstance pi = start(FIRST_DUE);
        assertStageOpen(pi, DealStage.NEW, FIRST_DUE);

        LocalDate due = FIRST_DUE;
        DealStage stage = DealStage.NEW;
        while (next(stage).isPresent()) {
            due = due.plusDays(7);
            advance(pi, stage, due);
            stage = next(stage).orElseThrow();
            assertStageOpen(pi, stage, due);
        }
        assertThat(stage).isEqualTo(DealStage.NEGOTIATION);
        complete(task(stage.taskId(), pi), Variables.putValue(VAR_OUTCOME, OUTCOME_WON));

        BpmnAwareTests.assertThat(pi).isEnded()
                .hasPassed(START, DealStage.NEW.taskId(), DealStage.QUALIFIED.taskId(), DealStage.PROPOSAL.taskId(),
                        DealStage.NEGOTIATION.taskId(), END_WON)
                .hasNotPassed(END_LOST);
        assertThat(stageCalls).extracting(Call::event, Call::elementId).containsExactlyElementsOf(
                openedAndCompleted(DealStage.NEW, DealStage.QUALIFIED, DealStage.PROPOSAL, DealStage.NEGOTIATION));
        assertThat(closedCalls).extracting(Call::event, Call::elementId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EVENTNAME_END, END_WON));
    }

    @Test
    void aStageReassignedOutsideClientspaceIsReported() {
        ProcessInstance pi = start(FIRST_DUE);
        assertThat(assignmentCalls).extracting(Call::elementId, Call::assignee)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DealStage.NEW.taskId(), OWNER));

        // what Camunda Tasklist does when a process owner hands the stage to someone else
        BpmnAwareTests.taskService().setAssignee(task(DealStage.NEW.taskId(), pi).getId(), "maria");

        assertThat(assignmentCalls).extracting(Call::elementId, Call::assignee).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DealStage.NEW.taskId(), OWNER),
                org.assertj.core.groups.Tuple.tuple(DealStage.NEW.taskId(), "maria"));
    }

    @Test
    void aDealThatDoesNotMoveForTheStallPeriodIsFlaggedAndStaysInItsStage() {
        Instant before = Instant.now();
        ProcessInstance pi = start(FIRST_DUE);
        assertThat(runtimeService().getVariable(pi.getId(), DealStagesProcess.VAR_STALL_AFTER)).isEqualTo("P14D");
        var timer = BpmnAwareTests.managementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .singleResult();
        assertThat(timer.getDuedate()).isBetween(Date.from(before.plus(Duration.ofDays(14))),
                Date.from(Instant.now().plus(Duration.ofDays(14))));

        BpmnAwareTests.managementService().executeJob(timer.getId());

        assertThat(stalledCalls).extracting(Call::event, Call::elementId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EVENTNAME_END, DealStagesProcess.END_STALLED));
        BpmnAwareTests.assertThat(pi).isWaitingAt(DealStage.NEW.taskId())
                .hasPassed(DealStagesProcess.stallTimerId(DealStage.NEW));
        assertThat(stageCalls).extracting(Call::event).doesNotContain(EVENTNAME_COMPLETE, EVENTNAME_DELETE);
    }

    @Test
    void movingOnStartsTheStallClockAgain() {
        ProcessInstance pi = start(FIRST_DUE);
        String firstTimer = BpmnAwareTests.managementService().createJobQuery().processInstanceId(pi.getId())
                .timers().singleResult().getId();

        advance(pi, DealStage.NEW, FIRST_DUE.plusDays(3));

        var timers = BpmnAwareTests.managementService().createJobQuery().processInstanceId(pi.getId()).timers().list();
        assertThat(timers).singleElement().satisfies(t -> {
            assertThat(t.getId()).isNotEqualTo(firstTimer);
            assertThat(t.getExecutionId()).isNotNull();
        });
        assertThat(stalledCalls).isEmpty();
    }

    @Test
    void aDealIsLostFromNew() {
        ProcessInstance pi = start(null);
        assertStageOpen(pi, DealStage.NEW, null);
        lose(pi, DealStage.NEW, "No budget this year");
        assertLostAfter(pi, "No budget this year", DealStage.NEW);
    }

    @Test
    void aDealIsLostFromQualified() {
        ProcessInstance pi = start(FIRST_DUE);
        advance(pi, DealStage.NEW, FIRST_DUE.plusDays(1));
        assertStageOpen(pi, DealStage.QUALIFIED, FIRST_DUE.plusDays(1));
        lose(pi, DealStage.QUALIFIED, "Chose a competitor");
        assertLostAfter(pi, "Chose a competitor", DealStage.NEW, DealStage.QUALIFIED);
    }

    @Test
    void aDealIsLostFromProposal() {
        ProcessInstance pi = start(FIRST_DUE);
        advance(pi, DealStage.NEW, FIRST_DUE.plusDays(1));
        advance(pi, DealStage.QUALIFIED, FIRST_DUE.plusDays(2));
        assertStageOpen(pi, DealStage.PROPOSAL, FIRST_DUE.plusDays(2));
        lose(pi, DealStage.PROPOSAL, "Proposal too expensive");
        assertLostAfter(pi, "Proposal too expensive", DealStage.NEW, DealStage.QUALIFIED, DealStage.PROPOSAL);
    }

    @Test
    void aDealIsLostFromNegotiation() {
        ProcessInstance pi = start(FIRST_DUE);
        advance(pi, DealStage.NEW, FIRST_DUE.plusDays(1));
        advance(pi, DealStage.QUALIFIED, FIRST_DUE.plusDays(2));
        advance(pi, DealStage.PROPOSAL, FIRST_DUE.plusDays(3));
        assertStageOpen(pi, DealStage.NEGOTIATION, FIRST_DUE.plusDays(3));
        lose(pi, DealStage.NEGOTIATION, "Legal terms not acceptable");
        assertLostAfter(pi, "Legal terms not acceptable",
                DealStage.NEW, DealStage.QUALIFIED, DealStage.PROPOSAL, DealStage.NEGOTIATION);
    }

    @Test
    void anAcceptedProposalWinsTheDealFromAnyOpenStage() {
        for (DealStage stage : List.of(DealStage.NEW, DealStage.QUALIFIED, DealStage.PROPOSAL, DealStage.NEGOTIATION)) {
            stageCalls.clear();
            closedCalls.clear();
            String key = UUID.randomUUID().toString();
            ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_ID, key, Variables.createVariables()
                    .putValue(VAR_DEAL_ID, key).putValue(VAR_OWNER, OWNER).putValue(VAR_NEXT_STEP_DUE, null));
            for (DealStage s = DealStage.NEW; !s.equals(stage); s = next(s).orElseThrow()) {
                complete(task(s.taskId(), pi), Variables.createVariables().putValue(VAR_OUTCOME, OUTCOME_ADVANCE)
                        .putValue(VAR_NEXT_STEP_DUE, null));
            }

            // what DealService.winByProposal does
            var moved = runtimeService().createMessageCorrelation(DealStagesProcess.MSG_PROPOSAL_ACCEPTED)
                    .processInstanceBusinessKey(key)
                    .setVariable(DealStagesProcess.VAR_WON_REASON, "Proposal P-2030-0001 accepted by Lena Hoffmann")
                    .correlateAllWithResult();

            assertThat(moved).as("from %s", stage).hasSize(1);
            BpmnAwareTests.assertThat(pi).isEnded()
                    .hasPassed(DealStagesProcess.proposalAcceptedEventId(stage), DealStagesProcess.WON_JOIN, END_WON)
                    .hasNotPassed(END_LOST);
            assertThat(stageCalls.get(stageCalls.size() - 1)).extracting(Call::event, Call::elementId)
                    .as("the stage's task is closed, so it leaves the task lists")
                    .containsExactly(EVENTNAME_DELETE, stage.taskId());
            assertThat(closedCalls).extracting(Call::event, Call::elementId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(EVENTNAME_END, END_WON));
            assertThat(BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
                    .processInstanceId(pi.getId()).variableName(DealStagesProcess.VAR_WON_REASON).singleResult()
                    .getValue()).isEqualTo("Proposal P-2030-0001 accepted by Lena Hoffmann");
        }
    }

    @Test
    void anAcceptedProposalForAClosedDealMovesNothing() {
        ProcessInstance pi = start(null);
        lose(pi, DealStage.NEW, "No budget");
        assertThat(runtimeService().createMessageCorrelation(DealStagesProcess.MSG_PROPOSAL_ACCEPTED)
                .processInstanceBusinessKey(dealId).correlateAllWithResult()).isEmpty();
    }

    @Test
    void cancellingTheProcessClosesTheOpenStepButDoesNotCloseTheDeal() {
        ProcessInstance pi = start(FIRST_DUE);
        advance(pi, DealStage.NEW, FIRST_DUE.plusDays(1));
        runtimeService().deleteProcessInstance(pi.getId(), "cancelled in Cockpit");

        BpmnAwareTests.assertThat(pi).isEnded().hasNotPassed(END_WON, END_LOST);
        assertThat(stageCalls).extracting(Call::event, Call::elementId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EVENTNAME_CREATE, DealStage.NEW.taskId()),
                org.assertj.core.groups.Tuple.tuple(EVENTNAME_COMPLETE, DealStage.NEW.taskId()),
                org.assertj.core.groups.Tuple.tuple(EVENTNAME_CREATE, DealStage.QUALIFIED.taskId()),
                org.assertj.core.groups.Tuple.tuple(EVENTNAME_DELETE, DealStage.QUALIFIED.taskId()));
        assertThat(closedCalls).isEmpty();
    }

    @Test
    void aDealMovesBackAStageWithAReason() {
        ProcessInstance pi = start(FIRST_DUE);
        advance(pi, DealStage.NEW, FIRST_DUE.plusDays(1));
        advance(pi, DealStage.QUALIFIED, FIRST_DUE.plusDays(2));
        assertStageOpen(pi, DealStage.PROPOSAL, FIRST_DUE.plusDays(2));
        String proposalStall = BpmnAwareTests.managementService().createJobQuery().processInstanceId(pi.getId())
                .timers().singleResult().getId();

        // what DealService.moveBack does
        var moved = runtimeService().createMessageCorrelation(DealStagesProcess.MSG_MOVED_BACK)
                .processInstanceId(pi.getId())
                .setVariable(DealStagesProcess.VAR_MOVED_BACK_REASON, "Scope changed: needs qualifying again")
                .correlateWithResult();

        assertThat(moved.getExecution().getProcessInstanceId()).isEqualTo(pi.getId());
        assertStageOpen(pi, DealStage.QUALIFIED, FIRST_DUE.plusDays(2));
        BpmnAwareTests.assertThat(pi).hasPassed(DealStagesProcess.movedBackEventId(DealStage.PROPOSAL))
                .hasNotPassed(END_WON, END_LOST);
        assertThat(stageCalls.subList(stageCalls.size() - 2, stageCalls.size()))
                .extracting(Call::event, Call::elementId)
                .as("the Proposal task is cancelled, not completed, so it leaves the task lists without a result")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EVENTNAME_DELETE, DealStage.PROPOSAL.taskId()),
                        org.assertj.core.groups.Tuple.tuple(EVENTNAME_CREATE, DealStage.QUALIFIED.taskId()));
        assertThat(runtimeService().getVariable(pi.getId(), DealStagesProcess.VAR_MOVED_BACK_REASON))
                .isEqualTo("Scope changed: needs qualifying again");
        var timers = BpmnAwareTests.managementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .list();
        assertThat(timers).as("the stall clock starts again in Qualified").singleElement()
                .satisfies(t -> assertThat(t.getId()).isNotEqualTo(proposalStall));

        // and on again from there, as usual
        advance(pi, DealStage.QUALIFIED, FIRST_DUE.plusDays(5));
        assertStageOpen(pi, DealStage.PROPOSAL, FIRST_DUE.plusDays(5));
    }

    @Test
    void aDealInItsFirstStageCannotMoveBack() {
        ProcessInstance pi = start(FIRST_DUE);

        assertThat(runtimeService().createMessageCorrelation(DealStagesProcess.MSG_MOVED_BACK)
                .processInstanceId(pi.getId()).correlateAllWithResult()).isEmpty();
        assertStageOpen(pi, DealStage.NEW, FIRST_DUE);
    }

    @Test
    void aLostDealIsReopenedAtTheStageItWasLostFrom() {
        ProcessInstance lost = start(FIRST_DUE);
        advance(lost, DealStage.NEW, FIRST_DUE.plusDays(1));
        advance(lost, DealStage.QUALIFIED, FIRST_DUE.plusDays(2));
        lose(lost, DealStage.PROPOSAL, "Budget frozen");
        BpmnAwareTests.assertThat(lost).isEnded().hasPassed(END_LOST);
        stageCalls.clear();
        closedCalls.clear();

        // what DealService.reopen does
        ProcessInstance reopened = runtimeService().createMessageCorrelation(DealStagesProcess.MSG_REOPENED)
                .processInstanceBusinessKey(dealId)
                .setVariables(Variables.createVariables().putValue(VAR_DEAL_ID, dealId).putValue(VAR_OWNER, OWNER)
                        .putValue(VAR_NEXT_STEP_DUE, date(FIRST_DUE.plusDays(9)))
                        .putValue(DealStagesProcess.VAR_REOPEN_AT, DealStage.PROPOSAL.taskId())
                        .putValue(DealStagesProcess.VAR_REOPEN_REASON, "Budget approved after all"))
                .correlateStartMessage();

        assertThat(reopened.getId()).isNotEqualTo(lost.getId());
        BpmnAwareTests.assertThat(reopened).hasPassed(DealStagesProcess.START_REOPENED)
                .hasNotPassed(START, DealStage.NEW.taskId(), DealStage.QUALIFIED.taskId());
        assertStageOpen(reopened, DealStage.PROPOSAL, FIRST_DUE.plusDays(9));
        assertThat(runtimeService().getVariable(reopened.getId(), DealStagesProcess.VAR_STALL_AFTER))
                .as("the reopened deal is watched for stalling like a new one").isEqualTo("P14D");
        assertThat(BpmnAwareTests.managementService().createJobQuery().processInstanceId(reopened.getId()).timers()
                .count()).isEqualTo(1);
        assertThat(closedCalls).isEmpty();

        // it can be won from there like any deal
        advance(reopened, DealStage.PROPOSAL, FIRST_DUE.plusDays(12));
        complete(task(DealStage.NEGOTIATION.taskId(), reopened), Variables.putValue(VAR_OUTCOME, OUTCOME_WON));
        BpmnAwareTests.assertThat(reopened).isEnded().hasPassed(END_WON);
    }

    @Test
    void aDealLostBeforeItsStageWasRecordedReopensInNew() {
        ProcessInstance lost = start(null);
        lose(lost, DealStage.NEW, "No answer");

        ProcessInstance reopened = runtimeService().createMessageCorrelation(DealStagesProcess.MSG_REOPENED)
                .processInstanceBusinessKey(dealId)
                .setVariables(Variables.createVariables().putValue(VAR_DEAL_ID, dealId).putValue(VAR_OWNER, OWNER)
                        .putValue(VAR_NEXT_STEP_DUE, null)
                        .putValue(DealStagesProcess.VAR_REOPEN_AT, "SomeStageNoLongerInTheModel"))
                .correlateStartMessage();

        assertStageOpen(reopened, DealStage.NEW, null);
    }

    // ------------------------------------------------------------------ helpers

    private ProcessInstance start(LocalDate nextStepDue) {
        VariableMap variables = Variables.createVariables()
                .putValue(VAR_DEAL_ID, dealId)
                .putValue(VAR_OWNER, OWNER)
                .putValue(VAR_NEXT_STEP_DUE, date(nextStepDue));
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_ID, dealId, variables);
        BpmnAwareTests.assertThat(pi).isStarted().hasBusinessKey(dealId);
        return pi;
    }

    private void advance(ProcessInstance pi, DealStage from, LocalDate nextStepDue) {
        BpmnAwareTests.assertThat(pi).isWaitingAtExactly(from.taskId());
        complete(task(from.taskId(), pi), Variables.createVariables()
                .putValue(VAR_OUTCOME, OUTCOME_ADVANCE)
                .putValue(VAR_NEXT_STEP_DUE, date(nextStepDue)));
    }

    private void lose(ProcessInstance pi, DealStage from, String reason) {
        BpmnAwareTests.assertThat(pi).isWaitingAtExactly(from.taskId());
        complete(task(from.taskId(), pi), Variables.createVariables()
                .putValue(VAR_OUTCOME, OUTCOME_LOST)
                .putValue(VAR_LOST_REASON, reason));
    }

    /** The stage's task is the only open one, assigned to the deal's owner and due when the next step is due. */
    private void assertStageOpen(ProcessInstance pi, DealStage stage, LocalDate due) {
        BpmnAwareTests.assertThat(pi).isNotEnded().hasBusinessKey(dealId).isWaitingAtExactly(stage.taskId());
        Task task = task(pi);
        BpmnAwareTests.assertThat(task).hasDefinitionKey(stage.taskId()).isAssignedTo(OWNER);
        if (due == null) {
            assertThat(task.getDueDate()).as("due date of %s", stage.taskId()).isNull();
        } else {
            assertThat(task.getDueDate()).as("due date of %s", stage.taskId()).isNotNull().hasSameTimeAs(date(due));
        }
        // The stage listener saw the task already assigned and due, since it publishes both to the task list
        Call created = stageCalls.get(stageCalls.size() - 1);
        assertThat(created.event()).isEqualTo(EVENTNAME_CREATE);
        assertThat(created.elementId()).isEqualTo(stage.taskId());
        assertThat(created.assignee()).isEqualTo(OWNER);
        if (due == null) {
            assertThat(created.due()).isNull();
        } else {
            assertThat(created.due()).isNotNull().hasSameTimeAs(date(due));
        }
    }

    private void assertLostAfter(ProcessInstance pi, String reason, DealStage... passed) {
        List<String> passedIds = new ArrayList<>(List.of(START));
        Arrays.stream(passed).map(DealStage::taskId).forEach(passedIds::add);
        passedIds.add(END_LOST);
        List<String> notPassed = new ArrayList<>(SHIPPED.stream().map(DealStage::taskId).toList());
        notPassed.removeAll(passedIds);
        notPassed.add(END_WON);

        BpmnAwareTests.assertThat(pi).isEnded()
                .hasPassed(passedIds.toArray(String[]::new))
                .hasNotPassed(notPassed.toArray(String[]::new));
        assertThat(stageCalls).extracting(Call::event, Call::elementId)
                .containsExactlyElementsOf(openedAndCompleted(passed));
        assertThat(closedCalls).extracting(Call::event, Call::elementId, Call::lostReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EVENTNAME_END, END_LOST, reason));
    }

    private static List<org.assertj.core.groups.Tuple> openedAndCompleted(DealStage... stages) {
        List<org.assertj.core.groups.Tuple> calls = new ArrayList<>();
        for (DealStage stage : stages) {
            calls.add(org.assertj.core.groups.Tuple.tuple(EVENTNAME_CREATE, stage.taskId()));
            calls.add(org.assertj.core.groups.Tuple.tuple(EVENTNAME_COMPLETE, stage.taskId()));
        }
        return calls;
    }

    /** As DealService passes it: the start of the day in the server's zone, or null. */
    private static Date date(LocalDate day) {
        return day == null ? null : Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
