package io.clientspace.extranet.process;

import static io.clientspace.extranet.process.ExtranetInvitationProcess.AWAIT_FIRST_SIGN_IN;
import static io.clientspace.extranet.process.ExtranetInvitationProcess.END_ACCEPTED;
import static io.clientspace.extranet.process.ExtranetInvitationProcess.END_EXPIRED;
import static io.clientspace.extranet.process.ExtranetInvitationProcess.END_REVOKED;
import static io.clientspace.extranet.process.ExtranetInvitationProcess.MARK_ACTIVE;
import static io.clientspace.extranet.process.ExtranetInvitationProcess.MARK_EXPIRED;
import static io.clientspace.extranet.process.ExtranetInvitationProcess.MSG_RESENT;
import static io.clientspace.extranet.process.ExtranetInvitationProcess.MSG_REVOKED;
import static io.clientspace.extranet.process.ExtranetInvitationProcess.MSG_SIGNED_IN;
import static io.clientspace.extranet.process.ExtranetInvitationProcess.PROVISION_IDENTITY;
import static io.clientspace.extranet.process.ExtranetInvitationProcess.SEND_INVITATION;
import static io.clientspace.extranet.process.ExtranetInvitationProcess.VAR_PORTAL_ACCOUNT_ID;
import static io.clientspace.extranet.process.ExtranetInvitationProcess.VAR_VALID_FOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
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
 * extranet-invitation.bpmn on a bare engine, one test per path an invitation can take. The delegates are recorded
 * instead of run: what they do in Keycloak, the mail server and the portal_account row is the service's business;
 * that the model calls each of them at the right moment, with the account id at hand, is the model's. The clock is
 * fixed so that timer due dates can be checked to the second.
 */
@Deployment(resources = ExtranetInvitationProcess.RESOURCE)
class ExtranetInvitationProcessTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-test.cfg.xml").build();

    static final Instant INVITED_AT = Instant.parse("2030-01-10T09:00:00Z");

    /** What a delegate saw: the activity that called it, the business key and the account id variable. */
    record Call(String activityId, String businessKey, Object portalAccountId) {
    }

    final List<Call> calls = new ArrayList<>();
    final String accountId = UUID.randomUUID().toString();

    @BeforeEach
    void registerDelegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(INVITED_AT));
        JavaDelegate recorder = (DelegateExecution e) -> calls.add(
                new Call(e.getCurrentActivityId(), e.getProcessBusinessKey(), e.getVariable(VAR_PORTAL_ACCOUNT_ID)));
        Mocks.register(ExtranetInvitationProcess.PROVISION_DELEGATE, recorder);
        Mocks.register(ExtranetInvitationProcess.SEND_DELEGATE, recorder);
        Mocks.register(ExtranetInvitationProcess.MARK_ACTIVE_DELEGATE, recorder);
        Mocks.register(ExtranetInvitationProcess.MARK_EXPIRED_DELEGATE, recorder);
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
    void theCustomerSignsInAndTheAccountBecomesActive() {
        ProcessInstance pi = start(Variables.createVariables());
        BpmnAwareTests.assertThat(pi).isWaitingAt(AWAIT_FIRST_SIGN_IN);
        assertThat(calls).containsExactly(call(PROVISION_IDENTITY), call(SEND_INVITATION));

        assertThat(correlate(MSG_SIGNED_IN)).hasSize(1);

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(MARK_ACTIVE, END_ACCEPTED)
                .hasNotPassed(MARK_EXPIRED, END_EXPIRED, END_REVOKED);
        assertThat(calls).containsExactly(call(PROVISION_IDENTITY), call(SEND_INVITATION), call(MARK_ACTIVE));
        assertThat(timers(pi)).isEmpty();
    }

    @Test
    void anInvitationNobodyAnswersExpiresAfterSevenDays() {
        ProcessInstance pi = start(Variables.createVariables());
        assertThat(runtimeService().getVariable(pi.getId(), VAR_VALID_FOR)).isEqualTo("P7D");
        Job timer = singleTimer(pi);
        assertThat(timer.getDuedate()).isEqualTo(Date.from(INVITED_AT.plus(Duration.ofDays(7))));

        ClockUtil.setCurrentTime(timer.getDuedate());
        managementService().executeJob(timer.getId());

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(ExtranetInvitationProcess.EXPIRED_TIMER, MARK_EXPIRED,
                END_EXPIRED).hasNotPassed(MARK_ACTIVE, END_ACCEPTED, END_REVOKED);
        assertThat(calls).containsExactly(call(PROVISION_IDENTITY), call(SEND_INVITATION), call(MARK_EXPIRED));
    }

    @Test
    void aResentInvitationIsMailedAgainAndItsValidityStartsOver() {
        ProcessInstance pi = start(Variables.createVariables());
        Job firstTimer = singleTimer(pi);
        Instant resentAt = INVITED_AT.plus(Duration.ofDays(5)).plus(Duration.ofHours(3));
        ClockUtil.setCurrentTime(Date.from(resentAt));

        assertThat(correlate(MSG_RESENT)).hasSize(1);

        BpmnAwareTests.assertThat(pi).isWaitingAt(AWAIT_FIRST_SIGN_IN);
        assertThat(calls).containsExactly(call(PROVISION_IDENTITY), call(SEND_INVITATION), call(SEND_INVITATION));
        Job secondTimer = singleTimer(pi);
        assertThat(secondTimer.getId()).isNotEqualTo(firstTimer.getId());
        assertThat(secondTimer.getDuedate()).isEqualTo(Date.from(resentAt.plus(Duration.ofDays(7))));

        assertThat(correlate(MSG_SIGNED_IN)).hasSize(1);

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_ACCEPTED).hasNotPassed(END_EXPIRED);
        assertThat(calls).extracting(Call::activityId)
                .containsExactly(PROVISION_IDENTITY, SEND_INVITATION, SEND_INVITATION, MARK_ACTIVE);
    }

    @Test
    void aRevokedInvitationEndsWithoutMarkingTheAccount() {
        ProcessInstance pi = start(Variables.createVariables());

        assertThat(correlate(MSG_REVOKED)).hasSize(1);

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(ExtranetInvitationProcess.REVOKED, END_REVOKED)
                .hasNotPassed(MARK_ACTIVE, MARK_EXPIRED, END_ACCEPTED, END_EXPIRED);
        assertThat(calls).containsExactly(call(PROVISION_IDENTITY), call(SEND_INVITATION));
        assertThat(timers(pi)).isEmpty();
    }

    @Test
    void aCancelledInvitationEndsWithoutMarkingTheAccountAndLaterMessagesFindNothing() {
        ProcessInstance pi = start(Variables.createVariables());

        assertThat(correlate(ExtranetInvitationProcess.MSG_CANCELLED)).hasSize(1);

        BpmnAwareTests.assertThat(pi).isEnded()
                .hasPassed(ExtranetInvitationProcess.CANCELLED, ExtranetInvitationProcess.END_CANCELLED)
                .hasNotPassed(MARK_ACTIVE, MARK_EXPIRED, END_ACCEPTED, END_EXPIRED, END_REVOKED);
        assertThat(calls).containsExactly(call(PROVISION_IDENTITY), call(SEND_INVITATION));
        assertThat(timers(pi)).as("the expiry goes with it").isEmpty();
        assertThat(correlate(MSG_SIGNED_IN)).as("a sign-in with the old link moves nothing").isEmpty();
    }

    @Test
    void anInvitationStartedWithItsOwnValidityKeepsIt() {
        ProcessInstance pi = start(Variables.putValue(VAR_VALID_FOR, "P2D"));

        assertThat(runtimeService().getVariable(pi.getId(), VAR_VALID_FOR)).isEqualTo("P2D");
        assertThat(singleTimer(pi).getDuedate()).isEqualTo(Date.from(INVITED_AT.plus(Duration.ofDays(2))));
    }

    @Test
    void aSecondSignInAfterTheInvitationEndedFindsNothingAndDoesNotFail() {
        ProcessInstance pi = start(Variables.createVariables());
        assertThat(correlate(MSG_SIGNED_IN)).hasSize(1);
        BpmnAwareTests.assertThat(pi).isEnded();

        assertThat(correlate(MSG_SIGNED_IN)).isEmpty();
        assertThat(correlate(MSG_REVOKED)).isEmpty();
        // Why the service must not use correlate(): it throws when nothing waits for the message
        assertThatThrownBy(() -> runtimeService().createMessageCorrelation(MSG_SIGNED_IN)
                .processInstanceBusinessKey(accountId).correlate())
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(calls).extracting(Call::activityId).containsOnlyOnce(MARK_ACTIVE);
    }

    private ProcessInstance start(VariableMap variables) {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(ExtranetInvitationProcess.PROCESS_ID,
                accountId, variables.putValue(VAR_PORTAL_ACCOUNT_ID, accountId));
        // the identity step is a job of its own, retried on the model's cycle while Keycloak is unreachable
        BpmnAwareTests.assertThat(pi).isWaitingAt(PROVISION_IDENTITY);
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).messages().count())
                .as("a job of its own").isEqualTo(1);
        BpmnAwareTests.execute(BpmnAwareTests.job(pi));
        return pi;
    }

    /** How the service correlates: by business key, and without failing when no invitation waits. */
    private List<MessageCorrelationResult> correlate(String message) {
        return runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(accountId)
                .correlateAllWithResult();
    }

    private Call call(String activityId) {
        return new Call(activityId, accountId, accountId);
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
