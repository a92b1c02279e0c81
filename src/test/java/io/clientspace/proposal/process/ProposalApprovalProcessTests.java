package io.clientspace.proposal.process;

import java.util.Map;
import static io.clientspace.proposal.process.ProposalApprovalProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.test.TestHelper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * proposal-approval.bpmn with its real decision table on a bare engine, one test per path a proposal can take. The
 * delegates and the task listener are recorded instead of run: what they do with the proposal row is the service's
 * business; that the model calls them at the right moments, in the right order, is the model's.
 */
@Deployment(resources = {ProposalApprovalProcess.RESOURCE, ProposalApprovalProcess.DECISION_RESOURCE})
class ProposalApprovalProcessTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-test.cfg.xml").build();

    final String proposalId = UUID.randomUUID().toString();
    /** Which delegate ran, in order, with the approval reason for RequestApproval. */
    final List<String> steps = new ArrayList<>();
    final List<String> taskEvents = new ArrayList<>();
    final Instant expiresAt = Instant.now().plus(Duration.ofDays(30));

    @BeforeEach
    void registerDelegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register(REQUEST_APPROVAL_DELEGATE, (JavaDelegate) e -> steps.add(REQUEST_APPROVAL + ":"
                + ((Map<?, ?>) e.getVariable(VAR_DECISION)).get(OUT_APPROVAL_REASON)));
        Mocks.register(SEND_DELEGATE, (JavaDelegate) e -> steps.add(SEND));
        Mocks.register(MARK_EXPIRED_DELEGATE, (JavaDelegate) e -> steps.add(MARK_EXPIRED));
        Mocks.register(WIN_DEAL_DELEGATE, (JavaDelegate) e -> steps.add(WIN_DEAL));
        Mocks.register(PLAN_SETUP_DELEGATE, (JavaDelegate) e -> steps.add(PLAN_SETUP));
        Mocks.register(TASK_LISTENER, (TaskListener) (DelegateTask t) -> taskEvents.add(t.getEventName() + ":"
                + t.getTaskDefinitionKey() + ":" + t.getAssignee()));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    /** Surefire runs every test class in one JVM: leave no second engine registered for the Spring tests. */
    @AfterAll
    static void closeEngine() {
        TestHelper.closeProcessEngines();
    }

    @Test
    void aSmallProposalIsSentAtOnceAndAcceptedWhichWinsTheDealAndPlansTheProject() {
        ProcessInstance pi = start(12000, 0, "FIXED_FEE", null);

        BpmnAwareTests.assertThat(pi).isWaitingAt(AWAIT_ANSWER).hasPassed(DECIDE_APPROVAL, SEND)
                .hasNotPassed(REQUEST_APPROVAL, APPROVE_TASK);
        assertThat(steps).containsExactly(SEND);
        assertThat(correlate(MSG_ACCEPTED)).isEqualTo(1);

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(ACCEPTED, WIN_DEAL, PLAN_SETUP, END_ACCEPTED)
                .hasNotPassed(DECLINED, EXPIRY_TIMER, END_EXPIRED);
        assertThat(steps).containsExactly(SEND, WIN_DEAL, PLAN_SETUP);
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count())
                .as("the expiry timer goes with the answer").isZero();
    }

    @Test
    void aBigDiscountNeedsApprovalAndTheApprovedProposalIsSentAndDeclined() {
        ProcessInstance pi = start(12000, 20, "FIXED_FEE", "maria");

        BpmnAwareTests.assertThat(pi).isWaitingAtExactly(APPROVE_TASK);
        assertThat(steps).containsExactly(REQUEST_APPROVAL + ":DISCOUNT");
        BpmnAwareTests.assertThat(task(pi)).isAssignedTo("maria");
        assertThat(taskEvents).contains("create:" + APPROVE_TASK + ":maria");

        complete(task(APPROVE_TASK, pi), Variables.putValue(VAR_APPROVED, true));

        BpmnAwareTests.assertThat(pi).isWaitingAt(AWAIT_ANSWER).hasPassed(SEND);
        assertThat(taskEvents).contains("complete:" + APPROVE_TASK + ":maria");
        assertThat(correlate(MSG_DECLINED)).isEqualTo(1);
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(DECLINED, END_DECLINED).hasNotPassed(WIN_DEAL, PLAN_SETUP);
        assertThat(steps).containsExactly(REQUEST_APPROVAL + ":DISCOUNT", SEND);
    }

    @Test
    void aLargeFeeReturnedByTheApproverEndsWithoutSending() {
        ProcessInstance pi = start(80000, 0, "HOURLY_RATE", null);

        BpmnAwareTests.assertThat(pi).isWaitingAtExactly(APPROVE_TASK);
        assertThat(task(pi).getAssignee()).as("nobody yet: the admins' and managers' Unassigned list").isNull();
        assertThat(steps).containsExactly(REQUEST_APPROVAL + ":AMOUNT");

        taskService().setAssignee(task(pi).getId(), "jonas");
        complete(task(APPROVE_TASK, pi), Variables.putValue(VAR_APPROVED, false));

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_RETURNED).hasNotPassed(SEND, AWAIT_ANSWER);
        assertThat(steps).containsExactly(REQUEST_APPROVAL + ":AMOUNT");
        assertThat(taskEvents).contains("assignment:" + APPROVE_TASK + ":jonas", "complete:" + APPROVE_TASK + ":jonas");
    }

    @Test
    void aLargeRetainerNeedsApproval() {
        ProcessInstance pi = start(24000, 0, "RETAINER", "maria");
        BpmnAwareTests.assertThat(pi).isWaitingAtExactly(APPROVE_TASK);
        assertThat(steps).containsExactly(REQUEST_APPROVAL + ":RETAINER");
    }

    @Test
    void cancellingTheProcessWhileApprovalIsOpenClosesTheTask() {
        ProcessInstance pi = start(90000, 0, "MILESTONE", "maria");
        runtimeService().deleteProcessInstance(pi.getId(), "cancelled in Cockpit");
        assertThat(taskEvents).contains("delete:" + APPROVE_TASK + ":maria");
    }

    @Test
    void theProposalExpiresAtTheEndOfItsValidUntilDayAndLateAnswersFindNothing() {
        ProcessInstance pi = start(5000, 0, "FIXED_FEE", null);
        Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(expiresAt));

        // a day before, the job executor would not take it; when the engine's clock passes it, it is due
        ClockUtil.setCurrentTime(Date.from(expiresAt.minus(Duration.ofDays(1))));
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();
        ClockUtil.setCurrentTime(Date.from(expiresAt.plusSeconds(1)));
        Job due = managementService().createJobQuery().processInstanceId(pi.getId()).executable().singleResult();
        managementService().executeJob(due.getId());

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EXPIRY_TIMER, MARK_EXPIRED, END_EXPIRED)
                .hasNotPassed(ACCEPTED, DECLINED);
        assertThat(steps).containsExactly(SEND, MARK_EXPIRED);
        assertThat(correlate(MSG_ACCEPTED)).as("a late accept moves nothing").isZero();
        assertThat(correlate(MSG_DECLINED)).isZero();
    }

    @Test
    void aSecondAcceptFindsNoInstanceWaiting() {
        ProcessInstance pi = start(1000, 0, "FIXED_FEE", null);
        assertThat(correlate(MSG_ACCEPTED)).isEqualTo(1);
        assertThat(correlate(MSG_ACCEPTED)).isZero();
        assertThat(correlate(MSG_DECLINED)).isZero();
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_ACCEPTED);
        assertThat(steps).containsExactly(SEND, WIN_DEAL, PLAN_SETUP);
    }

    @Test
    void aSentProposalWithdrawnByTheTeamEndsWithoutAnAnswerAndLateAnswersFindNothing() {
        ProcessInstance pi = start(3000, 0, "FIXED_FEE", null);
        BpmnAwareTests.assertThat(pi).isWaitingAt(AWAIT_ANSWER);

        assertThat(correlate(MSG_WITHDRAWN)).isEqualTo(1);

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(WITHDRAWN, END_WITHDRAWN)
                .hasNotPassed(ACCEPTED, DECLINED, EXPIRY_TIMER, WIN_DEAL, PLAN_SETUP);
        assertThat(steps).containsExactly(SEND);
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count())
                .as("the expiry timer goes with the withdrawal").isZero();
        assertThat(correlate(MSG_ACCEPTED)).as("an accept after the withdrawal moves nothing").isZero();
        assertThat(correlate(MSG_WITHDRAWN)).as("a second withdrawal moves nothing").isZero();
    }

    @Test
    void aProposalWaitingForApprovalCannotBeWithdrawnThroughTheModel() {
        ProcessInstance pi = start(80000, 0, "HOURLY_RATE", "maria");
        assertThat(correlate(MSG_WITHDRAWN)).as("only a sent proposal listens for it").isZero();
        BpmnAwareTests.assertThat(pi).isWaitingAtExactly(APPROVE_TASK);
    }

    // ------------------------------------------------------------------ helpers

    /** As ProposalService starts it. */
    private ProcessInstance start(double fee, double discount, String feeModel, String approver) {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_ID, proposalId,
                Variables.createVariables()
                        .putValue(VAR_PROPOSAL_ID, proposalId)
                        .putValue(VAR_APPROVER, approver)
                        .putValue(VAR_EXPIRES_AT, Date.from(expiresAt))
                        .putValue(VAR_FEE_AMOUNT, fee)
                        .putValue(VAR_DISCOUNT_PERCENT, discount)
                        .putValue(VAR_FEE_MODEL, feeModel));
        BpmnAwareTests.assertThat(pi).isStarted().hasBusinessKey(proposalId).hasPassed(START, DECIDE_APPROVAL);
        return pi;
    }

    /** As ProposalService correlates: by business key, all waiting instances, no error when none waits. */
    private int correlate(String message) {
        return runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(proposalId)
                .correlateAllWithResult().size();
    }
}
