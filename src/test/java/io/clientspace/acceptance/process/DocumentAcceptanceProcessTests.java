package io.clientspace.acceptance.process;

import static io.clientspace.acceptance.process.DocumentAcceptanceProcess.AWAIT_ACCEPTANCE;
import static io.clientspace.acceptance.process.DocumentAcceptanceProcess.END_ACCEPTED;
import static io.clientspace.acceptance.process.DocumentAcceptanceProcess.END_EXPIRED;
import static io.clientspace.acceptance.process.DocumentAcceptanceProcess.END_REMINDED;
import static io.clientspace.acceptance.process.DocumentAcceptanceProcess.EXPIRED_TIMER;
import static io.clientspace.acceptance.process.DocumentAcceptanceProcess.MARK_EXPIRED;
import static io.clientspace.acceptance.process.DocumentAcceptanceProcess.MSG_ACCEPTED;
import static io.clientspace.acceptance.process.DocumentAcceptanceProcess.REMINDER_TIMER;
import static io.clientspace.acceptance.process.DocumentAcceptanceProcess.SEND_REMINDER;
import static io.clientspace.acceptance.process.DocumentAcceptanceProcess.VAR_ACCEPTANCE_ID;
import static io.clientspace.acceptance.process.DocumentAcceptanceProcess.VAR_EXPIRES_AT;
import static io.clientspace.acceptance.process.DocumentAcceptanceProcess.VAR_REMIND_BEFORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.test.TestHelper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
 * document-acceptance.bpmn on a bare engine, one test per path an acceptance can take. The delegates are recorded
 * instead of run (what they do to the row and the mail server is AcceptanceService's business, tested against the
 * real database); the timer arithmetic is the real {@link AcceptanceTimes}. The engine's clock is fixed so that due
 * dates can be checked to the second and timers fired on purpose.
 */
@Deployment(resources = DocumentAcceptanceProcess.RESOURCE)
class DocumentAcceptanceProcessTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-test.cfg.xml").build();

    static final Instant SENT_AT = Instant.parse("2030-03-04T09:00:00Z");
    static final Instant DEADLINE = SENT_AT.plus(Duration.ofDays(7));

    record Call(String activityId, String businessKey, Object acceptanceId) {
    }

    final List<Call> calls = new ArrayList<>();
    final String acceptanceId = UUID.randomUUID().toString();

    @BeforeEach
    void registerDelegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(SENT_AT));
        JavaDelegate recorder = (DelegateExecution e) -> calls.add(
                new Call(e.getCurrentActivityId(), e.getProcessBusinessKey(), e.getVariable(VAR_ACCEPTANCE_ID)));
        Mocks.register(DocumentAcceptanceProcess.REMIND_DELEGATE, recorder);
        Mocks.register(DocumentAcceptanceProcess.MARK_EXPIRED_DELEGATE, recorder);
        Mocks.register(DocumentAcceptanceProcess.TIMES_BEAN, new AcceptanceTimes());
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
    void anAcceptedDocumentEndsTheWaitAndBothTimers() {
        ProcessInstance pi = start(Variables.createVariables());
        BpmnAwareTests.assertThat(pi).isWaitingAt(AWAIT_ACCEPTANCE);
        assertThat(timers(pi)).hasSize(2);

        assertThat(correlate()).hasSize(1);

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_ACCEPTED).hasNotPassed(MARK_EXPIRED, END_EXPIRED,
                SEND_REMINDER);
        assertThat(calls).isEmpty();
        assertThat(timers(pi)).isEmpty();
        // a second accept (another tab, a colleague) finds nobody waiting: an empty answer, not an error
        assertThat(correlate()).isEmpty();
    }

    @Test
    void theReminderGoesOutFortyEightHoursBeforeTheDeadlineAndTheWaitGoesOn() {
        ProcessInstance pi = start(Variables.createVariables());
        assertThat(runtimeService().getVariable(pi.getId(), VAR_REMIND_BEFORE)).isEqualTo("PT48H");
        Job reminder = timer(pi, REMINDER_TIMER);
        assertThat(reminder.getDuedate()).isEqualTo(Date.from(DEADLINE.minus(Duration.ofHours(48))));

        ClockUtil.setCurrentTime(reminder.getDuedate());
        managementService().executeJob(reminder.getId());

        BpmnAwareTests.assertThat(pi).isWaitingAt(AWAIT_ACCEPTANCE).hasPassed(SEND_REMINDER, END_REMINDED);
        assertThat(calls).containsExactly(new Call(SEND_REMINDER, acceptanceId, acceptanceId));
        assertThat(timers(pi)).hasSize(1);
        assertThat(timer(pi, EXPIRED_TIMER)).isNotNull();

        assertThat(correlate()).hasSize(1);
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_ACCEPTED).hasNotPassed(END_EXPIRED);
    }

    @Test
    void nobodyAcceptsAndTheDeadlineExpiresIt() {
        ProcessInstance pi = start(Variables.createVariables());
        Job expiry = timer(pi, EXPIRED_TIMER);
        assertThat(expiry.getDuedate()).isEqualTo(Date.from(DEADLINE));

        ClockUtil.setCurrentTime(expiry.getDuedate());
        managementService().executeJob(expiry.getId());

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EXPIRED_TIMER, MARK_EXPIRED, END_EXPIRED)
                .hasNotPassed(END_ACCEPTED);
        assertThat(calls).containsExactly(new Call(MARK_EXPIRED, acceptanceId, acceptanceId));
        assertThat(timers(pi)).isEmpty();
        // an accept after the deadline finds nothing waiting; the service has refused it before this anyway
        assertThat(correlate()).isEmpty();
    }

    @Test
    void aProcessOwnersOwnReminderWindowMovesTheReminder() {
        ProcessInstance pi = start(Variables.createVariables().putValue(VAR_REMIND_BEFORE, "P3D"));

        assertThat(runtimeService().getVariable(pi.getId(), VAR_REMIND_BEFORE)).isEqualTo("P3D");
        assertThat(timer(pi, REMINDER_TIMER).getDuedate()).isEqualTo(Date.from(DEADLINE.minus(Duration.ofDays(3))));
        assertThat(timer(pi, EXPIRED_TIMER).getDuedate()).isEqualTo(Date.from(DEADLINE));
    }

    @Test
    void theTeamWithdrawsAPendingAcceptanceWhichEndsTheWaitAndBothTimers() {
        ProcessInstance pi = start(Variables.createVariables());
        BpmnAwareTests.assertThat(pi).isWaitingAt(AWAIT_ACCEPTANCE);

        assertThat(correlate(DocumentAcceptanceProcess.MSG_WITHDRAWN)).hasSize(1);

        BpmnAwareTests.assertThat(pi).isEnded()
                .hasPassed(DocumentAcceptanceProcess.WITHDRAWN_EVENT, DocumentAcceptanceProcess.END_WITHDRAWN)
                .hasNotPassed(END_ACCEPTED, MARK_EXPIRED, END_EXPIRED, SEND_REMINDER);
        assertThat(calls).as("neither the reminder nor the expiry ran").isEmpty();
        assertThat(timers(pi)).isEmpty();
        assertThat(correlate()).as("an accept after the withdrawal finds nothing waiting").isEmpty();
        assertThat(correlate(DocumentAcceptanceProcess.MSG_WITHDRAWN)).as("nor does a second withdrawal").isEmpty();
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private ProcessInstance start(VariableMap variables) {
        return runtimeService().startProcessInstanceByKey(DocumentAcceptanceProcess.PROCESS_ID, acceptanceId,
                variables.putValue(VAR_ACCEPTANCE_ID, acceptanceId).putValue(VAR_EXPIRES_AT, Date.from(DEADLINE)));
    }

    private List<?> correlate() {
        return correlate(MSG_ACCEPTED);
    }

    private List<?> correlate(String message) {
        return runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(acceptanceId)
                .correlateAllWithResult();
    }

    private static List<Job> timers(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).timers().list();
    }

    private static Job timer(ProcessInstance pi, String activityId) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId)
                .singleResult();
    }
}
