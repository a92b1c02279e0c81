package io.clientspace.inforequest.process;

import static io.clientspace.inforequest.process.InformationRequestProcess.ALL_ACCEPTED;
import static io.clientspace.inforequest.process.InformationRequestProcess.AWAIT_CUSTOMER;
import static io.clientspace.inforequest.process.InformationRequestProcess.AWAIT_REVIEW;
import static io.clientspace.inforequest.process.InformationRequestProcess.CANCEL_REQUESTED;
import static io.clientspace.inforequest.process.InformationRequestProcess.CHECK_PROGRESS;
import static io.clientspace.inforequest.process.InformationRequestProcess.COMPLETE_REQUEST;
import static io.clientspace.inforequest.process.InformationRequestProcess.END_CANCELLED;
import static io.clientspace.inforequest.process.InformationRequestProcess.END_COMPLETED;
import static io.clientspace.inforequest.process.InformationRequestProcess.MSG_ANSWERS_SUBMITTED;
import static io.clientspace.inforequest.process.InformationRequestProcess.MSG_CANCELLED;
import static io.clientspace.inforequest.process.InformationRequestProcess.MSG_ITEMS_REVIEWED;
import static io.clientspace.inforequest.process.InformationRequestProcess.REMIND_CUSTOMER;
import static io.clientspace.inforequest.process.InformationRequestProcess.REVIEWED_MEANWHILE;
import static io.clientspace.inforequest.process.InformationRequestProcess.VAR_REMIND_EVERY;
import static io.clientspace.inforequest.process.InformationRequestProcess.VAR_REQUEST_ID;
import static io.clientspace.inforequest.process.InformationRequestProcess.VAR_WAITING_ON;
import static io.clientspace.inforequest.process.InformationRequestProcess.WAITING_CUSTOMER;
import static io.clientspace.inforequest.process.InformationRequestProcess.WAITING_NOBODY;
import static io.clientspace.inforequest.process.InformationRequestProcess.WAITING_TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.test.TestHelper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * information-request.bpmn on a bare engine, one test per path a request can take. The delegates are recorded
 * instead of run; CheckProgress answers whose turn it is from a script the test writes, as the service would from the
 * items' states. The clock is fixed so that reminder due dates can be checked to the second.
 */
@Deployment(resources = InformationRequestProcess.RESOURCE)
class InformationRequestProcessTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-test.cfg.xml").build();

    static final Instant SENT_AT = Instant.parse("2030-03-04T09:00:00Z");

    /** What a delegate saw: the activity that called it and the request id variable. */
    record Call(String activityId, String businessKey, Object requestId) {
    }

    final List<Call> calls = new ArrayList<>();
    /** What CheckProgress answers next; once one answer is left, it keeps answering it. */
    final Deque<String> turns = new ArrayDeque<>();
    final String requestId = UUID.randomUUID().toString();

    @BeforeEach
    void registerDelegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(SENT_AT));
        JavaDelegate recorder = this::record;
        Mocks.register(InformationRequestProcess.CHECK_DELEGATE, (JavaDelegate) e -> {
            record(e);
            e.setVariable(VAR_WAITING_ON, turns.size() > 1 ? turns.poll() : turns.peek());
        });
        Mocks.register(InformationRequestProcess.REMIND_DELEGATE, recorder);
        Mocks.register(InformationRequestProcess.COMPLETE_DELEGATE, recorder);
    }

    private void record(DelegateExecution e) {
        calls.add(new Call(e.getCurrentActivityId(), e.getProcessBusinessKey(), e.getVariable(VAR_REQUEST_ID)));
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    /** Surefire runs every test class in one JVM: leave no second engine registered for the Spring tests. */
    @AfterAll
    static void closeEngine() {
        TestHelper.closeProcessEngines();
    }

    @Test
    void theCustomerAnswersEverythingAndTheTeamAcceptsItSoTheRequestCompletes() {
        turns.addAll(List.of(WAITING_CUSTOMER, WAITING_TEAM, WAITING_NOBODY));
        ProcessInstance pi = start(Variables.createVariables());
        BpmnAwareTests.assertThat(pi).isWaitingAt(AWAIT_CUSTOMER);

        assertThat(correlate(MSG_ANSWERS_SUBMITTED)).hasSize(1);
        BpmnAwareTests.assertThat(pi).isWaitingAt(AWAIT_REVIEW);
        assertThat(timers(pi)).as("no reminders while the team reviews").isEmpty();

        assertThat(correlate(MSG_ITEMS_REVIEWED)).hasSize(1);

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(ALL_ACCEPTED, COMPLETE_REQUEST, END_COMPLETED)
                .hasNotPassed(REMIND_CUSTOMER, END_CANCELLED);
        assertThat(calls).extracting(Call::activityId)
                .containsExactly(CHECK_PROGRESS, CHECK_PROGRESS, CHECK_PROGRESS, COMPLETE_REQUEST);
        assertThat(calls).allSatisfy(c -> {
            assertThat(c.businessKey()).isEqualTo(requestId);
            assertThat(c.requestId()).isEqualTo(requestId);
        });
    }

    @Test
    void aReturnedItemSendsTheRequestBackToTheCustomerUntilTheyAnswerAgain() {
        turns.addAll(List.of(WAITING_CUSTOMER, WAITING_TEAM, WAITING_CUSTOMER, WAITING_TEAM, WAITING_NOBODY));
        ProcessInstance pi = start(Variables.createVariables());
        correlate(MSG_ANSWERS_SUBMITTED);
        BpmnAwareTests.assertThat(pi).isWaitingAt(AWAIT_REVIEW);

        correlate(MSG_ITEMS_REVIEWED);
        BpmnAwareTests.assertThat(pi).isWaitingAt(AWAIT_CUSTOMER);

        correlate(MSG_ANSWERS_SUBMITTED);
        correlate(MSG_ITEMS_REVIEWED);

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_COMPLETED);
        assertThat(calls).extracting(Call::activityId).containsOnlyOnce(COMPLETE_REQUEST);
    }

    @Test
    void theTeamMayReviewEarlierAnswersWhileOtherItemsStillWaitOnTheCustomer() {
        turns.addAll(List.of(WAITING_CUSTOMER, WAITING_CUSTOMER, WAITING_NOBODY));
        ProcessInstance pi = start(Variables.createVariables());

        assertThat(correlate(MSG_ITEMS_REVIEWED)).hasSize(1);

        BpmnAwareTests.assertThat(pi).hasPassed(REVIEWED_MEANWHILE)
                .isWaitingAt(AWAIT_CUSTOMER);
        correlate(MSG_ANSWERS_SUBMITTED);
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_COMPLETED);
    }

    @Test
    void aQuietCustomerIsRemindedEveryThreeDaysCountedFromTheirLastStep() {
        turns.add(WAITING_CUSTOMER);
        ProcessInstance pi = start(Variables.createVariables());
        assertThat(runtimeService().getVariable(pi.getId(), VAR_REMIND_EVERY)).isEqualTo("P3D");
        Job first = singleTimer(pi);
        assertThat(first.getDuedate()).isEqualTo(Date.from(SENT_AT.plus(Duration.ofDays(3))));

        ClockUtil.setCurrentTime(first.getDuedate());
        managementService().executeJob(first.getId());

        BpmnAwareTests.assertThat(pi).isWaitingAt(AWAIT_CUSTOMER)
                .hasPassed(REMIND_CUSTOMER);
        Job second = singleTimer(pi);
        assertThat(second.getDuedate()).isEqualTo(Date.from(SENT_AT.plus(Duration.ofDays(6))));

        // a submission two days later starts the quiet period over
        Instant submittedAt = SENT_AT.plus(Duration.ofDays(5));
        ClockUtil.setCurrentTime(Date.from(submittedAt));
        correlate(MSG_ANSWERS_SUBMITTED);
        assertThat(singleTimer(pi).getDuedate()).isEqualTo(Date.from(submittedAt.plus(Duration.ofDays(3))));

        assertThat(calls).extracting(Call::activityId).containsOnlyOnce(REMIND_CUSTOMER);
        assertThat(calls).extracting(Call::activityId).doesNotContain(COMPLETE_REQUEST);
    }

    @Test
    void aRequestStartedWithItsOwnReminderPeriodKeepsIt() {
        turns.add(WAITING_CUSTOMER);
        ProcessInstance pi = start(Variables.putValue(VAR_REMIND_EVERY, "PT12H"));

        assertThat(singleTimer(pi).getDuedate()).isEqualTo(Date.from(SENT_AT.plus(Duration.ofHours(12))));
    }

    @Test
    void aCancelledRequestEndsWhileWaitingOnTheCustomerAndItsReminderGoesWithIt() {
        turns.add(WAITING_CUSTOMER);
        ProcessInstance pi = start(Variables.createVariables());

        assertThat(correlate(MSG_CANCELLED)).hasSize(1);

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(CANCEL_REQUESTED, END_CANCELLED)
                .hasNotPassed(COMPLETE_REQUEST, END_COMPLETED);
        assertThat(timers(pi)).isEmpty();
        assertThat(calls).extracting(Call::activityId).containsExactly(CHECK_PROGRESS);
    }

    @Test
    void aCancelledRequestEndsWhileWaitingForReview() {
        turns.addAll(List.of(WAITING_CUSTOMER, WAITING_TEAM));
        ProcessInstance pi = start(Variables.createVariables());
        correlate(MSG_ANSWERS_SUBMITTED);
        BpmnAwareTests.assertThat(pi).isWaitingAt(AWAIT_REVIEW);

        correlate(MSG_CANCELLED);

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_CANCELLED).hasNotPassed(END_COMPLETED);
    }

    @Test
    void messagesAfterTheEndFindNothingAndDoNotFail() {
        turns.add(WAITING_CUSTOMER);
        ProcessInstance pi = start(Variables.createVariables());
        correlate(MSG_CANCELLED);
        BpmnAwareTests.assertThat(pi).isEnded();

        assertThat(correlate(MSG_ANSWERS_SUBMITTED)).isEmpty();
        assertThat(correlate(MSG_ITEMS_REVIEWED)).isEmpty();
        assertThat(correlate(MSG_CANCELLED)).isEmpty();
    }

    @Test
    void whileTheTeamReviewsASubmissionHasNothingToWaitForIt() {
        turns.addAll(List.of(WAITING_CUSTOMER, WAITING_TEAM));
        ProcessInstance pi = start(Variables.createVariables());
        correlate(MSG_ANSWERS_SUBMITTED);

        assertThat(correlate(MSG_ANSWERS_SUBMITTED)).isEmpty();
        BpmnAwareTests.assertThat(pi).isWaitingAt(AWAIT_REVIEW);
    }

    private ProcessInstance start(VariableMap variables) {
        return runtimeService().startProcessInstanceByKey(InformationRequestProcess.PROCESS_ID, requestId,
                variables.putValue(VAR_REQUEST_ID, requestId));
    }

    /** How the service correlates: by business key, and without failing when nothing waits. */
    private List<MessageCorrelationResult> correlate(String message) {
        return runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(requestId)
                .correlateAllWithResult();
    }

    private static List<Job> timers(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).timers().list();
    }

    private static Job singleTimer(ProcessInstance pi) {
        List<Job> timers = timers(pi);
        assertThat(timers).as("timers of %s", pi.getId()).hasSize(1);
        return timers.get(0);
    }
}
