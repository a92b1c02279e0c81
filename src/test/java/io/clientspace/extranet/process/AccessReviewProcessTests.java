package io.clientspace.extranet.process;

import static io.clientspace.extranet.process.AccessReviewProcess.END_NOBODY;
import static io.clientspace.extranet.process.AccessReviewProcess.ESCALATED_TASK;
import static io.clientspace.extranet.process.AccessReviewProcess.ESCALATE_REVIEW;
import static io.clientspace.extranet.process.AccessReviewProcess.OPEN_REVIEW;
import static io.clientspace.extranet.process.AccessReviewProcess.REVIEW_DUE;
import static io.clientspace.extranet.process.AccessReviewProcess.REVIEW_TASK;
import static io.clientspace.extranet.process.AccessReviewProcess.REVOKE_ACCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.test.TestHelper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
 * access-review.bpmn on a bare engine, one test per path a review can take: everyone kept, one revoked, nobody
 * answering in time (escalation), and nobody left to review. The delegates are recorded instead of run: opening the
 * review, choosing the manager and revoking are the service's business; calling each at the right moment, with the
 * ids at hand, is the model's. The clock is fixed so that timer due dates can be checked to the second.
 */
@Deployment(resources = AccessReviewProcess.RESOURCE)
class AccessReviewProcessTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-test.cfg.xml").build();

    static final Instant STARTED_AT = Instant.parse("2030-01-10T09:00:00Z");

    final String clientId = UUID.randomUUID().toString();
    final String reviewId = UUID.randomUUID().toString();
    /** The activities whose delegates ran, in order. */
    final List<String> calls = new ArrayList<>();
    /** Whether the next OpenReview finds anyone active. */
    boolean anyoneActive = true;

    @BeforeEach
    void registerDelegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(STARTED_AT));
        Mocks.register(AccessReviewProcess.OPEN_DELEGATE, (JavaDelegate) e -> {
            record(e);
            e.setVariable(AccessReviewProcess.VAR_REVIEW_ID, anyoneActive ? reviewId : null);
            e.setVariable(AccessReviewProcess.VAR_REVIEWER, anyoneActive ? "member" : null);
        });
        Mocks.register(AccessReviewProcess.ESCALATE_DELEGATE, (JavaDelegate) e -> {
            record(e);
            e.setVariable(AccessReviewProcess.VAR_ESCALATED_TO, "manager");
        });
        Mocks.register(AccessReviewProcess.REVOKE_DELEGATE, (JavaDelegate) this::record);
        Mocks.register(AccessReviewProcess.TASK_LISTENER, (TaskListener) task -> {
        });
    }

    private void record(DelegateExecution e) {
        assertThat(e.getProcessBusinessKey()).isEqualTo(clientId);
        assertThat(e.getVariable(AccessReviewProcess.VAR_CLIENT_ID)).isEqualTo(clientId);
        calls.add(e.getCurrentActivityId());
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @AfterAll
    static void closeEngine() {
        TestHelper.closeProcessEngines();
    }

    @Test
    void everyNinetyDaysTheOwnerReviewsAndKeepingEveryoneWaitsForTheNextPeriod() {
        ProcessInstance pi = start(Variables.createVariables());
        assertThat(runtimeService().getVariable(pi.getId(), AccessReviewProcess.VAR_EVERY)).isEqualTo("P90D");
        assertThat(runtimeService().getVariable(pi.getId(), AccessReviewProcess.VAR_ESCALATE_AFTER)).isEqualTo("P7D");
        BpmnAwareTests.assertThat(pi).isWaitingAt(REVIEW_DUE);
        Instant due = STARTED_AT.plus(Duration.ofDays(90));
        fire(singleTimer(pi), due);

        Task review = reviewTask(pi);
        assertThat(review.getTaskDefinitionKey()).isEqualTo(REVIEW_TASK);
        assertThat(review.getAssignee()).as("the client's owner").isEqualTo("member");
        assertThat(singleTimer(pi).getDuedate()).as("escalation a week later")
                .isEqualTo(Date.from(due.plus(Duration.ofDays(7))));

        taskService().complete(review.getId(), Map.of(AccessReviewProcess.VAR_REVOKE_COUNT, 0));

        BpmnAwareTests.assertThat(pi).isWaitingAt(REVIEW_DUE).hasNotPassed(REVOKE_ACCESS, ESCALATE_REVIEW);
        assertThat(calls).containsExactly(OPEN_REVIEW);
        assertThat(singleTimer(pi).getDuedate()).as("the next review, a period after this answer")
                .isEqualTo(Date.from(due.plus(Duration.ofDays(90))));
    }

    @Test
    void revokingOneContactRunsTheRevocationThenWaitsForTheNextPeriod() {
        ProcessInstance pi = start(Variables.createVariables());
        fire(singleTimer(pi), STARTED_AT.plus(Duration.ofDays(90)));

        taskService().complete(reviewTask(pi).getId(), Map.of(AccessReviewProcess.VAR_REVOKE_COUNT, 1));

        BpmnAwareTests.assertThat(pi).isWaitingAt(REVIEW_DUE).hasPassed(REVOKE_ACCESS)
                .hasNotPassed(ESCALATE_REVIEW);
        assertThat(calls).containsExactly(OPEN_REVIEW, REVOKE_ACCESS);
    }

    @Test
    void anUnansweredReviewGoesToAManagerAfterSevenDays() {
        ProcessInstance pi = start(Variables.createVariables());
        Instant due = STARTED_AT.plus(Duration.ofDays(90));
        fire(singleTimer(pi), due);
        Task owners = reviewTask(pi);

        fire(singleTimer(pi), due.plus(Duration.ofDays(7)));

        assertThat(taskService().createTaskQuery().taskId(owners.getId()).count()).as("the owner's task ended")
                .isZero();
        Task escalated = reviewTask(pi);
        assertThat(escalated.getTaskDefinitionKey()).isEqualTo(ESCALATED_TASK);
        assertThat(escalated.getAssignee()).isEqualTo("manager");
        assertThat(calls).containsExactly(OPEN_REVIEW, ESCALATE_REVIEW);

        taskService().complete(escalated.getId(), Map.of(AccessReviewProcess.VAR_REVOKE_COUNT, 1));

        BpmnAwareTests.assertThat(pi).isWaitingAt(REVIEW_DUE).hasPassed(ESCALATE_REVIEW, REVOKE_ACCESS);
        assertThat(calls).containsExactly(OPEN_REVIEW, ESCALATE_REVIEW, REVOKE_ACCESS);
    }

    @Test
    void aClientWithoutActiveContactsEndsItsReviewsUntilSomeoneSignsInAgain() {
        ProcessInstance pi = start(Variables.createVariables());
        anyoneActive = false;

        fire(singleTimer(pi), STARTED_AT.plus(Duration.ofDays(90)));

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(OPEN_REVIEW, END_NOBODY).hasNotPassed(REVIEW_TASK);
    }

    @Test
    void aProcessOwnersPeriodsAreKept() {
        ProcessInstance pi = start(Variables.createVariables().putValue(AccessReviewProcess.VAR_EVERY, "P30D")
                .putValue(AccessReviewProcess.VAR_ESCALATE_AFTER, "P2D"));
        Instant due = STARTED_AT.plus(Duration.ofDays(30));
        assertThat(singleTimer(pi).getDuedate()).isEqualTo(Date.from(due));
        fire(singleTimer(pi), due);
        assertThat(singleTimer(pi).getDuedate()).isEqualTo(Date.from(due.plus(Duration.ofDays(2))));
    }

    private ProcessInstance start(VariableMap variables) {
        variables.putValue(AccessReviewProcess.VAR_CLIENT_ID, clientId);
        return runtimeService().startProcessInstanceByKey(AccessReviewProcess.PROCESS_ID, clientId, variables);
    }

    private Task reviewTask(ProcessInstance pi) {
        return taskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private Job singleTimer(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    }

    private void fire(Job timer, Instant at) {
        assertThat(timer.getDuedate()).isEqualTo(Date.from(at));
        ClockUtil.setCurrentTime(Date.from(at));
        managementService().executeJob(timer.getId());
    }
}
