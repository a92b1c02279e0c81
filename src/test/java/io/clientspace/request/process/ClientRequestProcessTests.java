package io.clientspace.request.process;

import static io.clientspace.request.process.ClientRequestProcess.ACTION_ASK;
import static io.clientspace.request.process.ClientRequestProcess.ACTION_HAND_ON;
import static io.clientspace.request.process.ClientRequestProcess.ACTION_RESOLVE;
import static io.clientspace.request.process.ClientRequestProcess.APPLY_TRIAGE;
import static io.clientspace.request.process.ClientRequestProcess.AUTO_CLOSE;
import static io.clientspace.request.process.ClientRequestProcess.AWAIT_ANSWER;
import static io.clientspace.request.process.ClientRequestProcess.AWAIT_CONFIRMATION;
import static io.clientspace.request.process.ClientRequestProcess.CANCEL_REQUESTED;
import static io.clientspace.request.process.ClientRequestProcess.END_AUTO_CLOSED;
import static io.clientspace.request.process.ClientRequestProcess.END_CANCELLED;
import static io.clientspace.request.process.ClientRequestProcess.END_CLOSED;
import static io.clientspace.request.process.ClientRequestProcess.ESCALATE_RESOLUTION;
import static io.clientspace.request.process.ClientRequestProcess.ESCALATE_RESPONSE;
import static io.clientspace.request.process.ClientRequestProcess.MSG_ANSWERED;
import static io.clientspace.request.process.ClientRequestProcess.MSG_CANCELLED;
import static io.clientspace.request.process.ClientRequestProcess.MSG_CONFIRMED;
import static io.clientspace.request.process.ClientRequestProcess.MSG_REOPENED;
import static io.clientspace.request.process.ClientRequestProcess.RESOLUTION_TIMER;
import static io.clientspace.request.process.ClientRequestProcess.RESPONSE_TIMER;
import static io.clientspace.request.process.ClientRequestProcess.TAKE_TASK;
import static io.clientspace.request.process.ClientRequestProcess.TRIAGE;
import static io.clientspace.request.process.ClientRequestProcess.VAR_ACTION;
import static io.clientspace.request.process.ClientRequestProcess.VAR_ASSIGNEE;
import static io.clientspace.request.process.ClientRequestProcess.VAR_CONFIRM_WITHIN;
import static io.clientspace.request.process.ClientRequestProcess.VAR_REQUEST_ID;
import static io.clientspace.request.process.ClientRequestProcess.VAR_RESOLUTION_DUE_AT;
import static io.clientspace.request.process.ClientRequestProcess.VAR_RESPONSE_DUE_AT;
import static io.clientspace.request.process.ClientRequestProcess.WORK_TASK;
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
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.test.TestHelper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * client-request.bpmn with the real triage table on a bare engine, one test per path a request can take. The
 * delegates are recorded instead of run; ApplyTriage sets the SLA dates from the decision the way the service does
 * (now + target), so that the timers can be checked to the second on a fixed clock. Moving the resolution date on by
 * the time spent waiting on the client is the service's job (DD018): here the test hands the moved date in with the
 * message, as the service does, and checks that the model leaves no clock running meanwhile.
 */
@Deployment(resources = {ClientRequestProcess.RESOURCE, ClientRequestProcess.DECISION_RESOURCE})
class ClientRequestProcessTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-test.cfg.xml").build();

    static final Instant RAISED_AT = Instant.parse("2030-03-04T09:00:00Z");

    /** What a delegate saw: the activity that called it and the request id variable. */
    record Call(String activityId, String businessKey, Object requestId) {
    }

    final List<Call> calls = new ArrayList<>();
    final String requestId = UUID.randomUUID().toString();

    @BeforeEach
    void registerDelegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(RAISED_AT));
        Mocks.register(ClientRequestProcess.APPLY_TRIAGE_DELEGATE, (JavaDelegate) e -> {
            record(e);
            @SuppressWarnings("unchecked")
            Map<String, Object> triage = (Map<String, Object>) e.getVariable(ClientRequestProcess.VAR_TRIAGE);
            Instant now = ClockUtil.getCurrentTime().toInstant();
            e.setVariable(ClientRequestProcess.VAR_HANDLING_GROUP, triage.get(ClientRequestProcess.OUT_HANDLING_GROUP));
            e.setVariable(VAR_RESPONSE_DUE_AT, Date.from(now.plus(Duration.parse(
                    (String) triage.get(ClientRequestProcess.OUT_RESPONSE_TARGET)))));
            e.setVariable(VAR_RESOLUTION_DUE_AT, Date.from(now.plus(Duration.parse(
                    (String) triage.get(ClientRequestProcess.OUT_RESOLUTION_TARGET)))));
        });
        Mocks.register(ClientRequestProcess.ESCALATE_DELEGATE, (JavaDelegate) this::record);
        Mocks.register(ClientRequestProcess.AUTO_CLOSE_DELEGATE, (JavaDelegate) this::record);
        // the My tasks mirror is the app's (ClientRequestServiceIntegrationTests); here it only has to resolve
        Mocks.register(ClientRequestProcess.TASK_LISTENER, (org.camunda.bpm.engine.delegate.TaskListener) t -> { });
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

    // -------------------------------------------------------------------------------------------------- triage

    @ParameterizedTest(name = "{0} / {1} / \"{2}\" / needed in {3} days: {4} for {5}, respond within {6}")
    @CsvSource(nullValues = "null", value = {
            "GENERAL, null, the staging site is down, null, P1, manager, PT1H, OutageReported",
            "GENERAL, key account, change the invoice address, null, P2, manager, PT4H, KeyAccount",
            "GENERAL, null, a small change, 1, P2, member, PT4H, NeededSoon",
            "TECHNICAL, null, how do I reset my password, null, P3, member, PT8H, TechnicalIssue",
            "BILLING, null, change the invoice address, null, P3, manager, P1D, BillingQuestion",
            "QUOTE, null, can you quote a brochure, null, P3, manager, P1D, QuoteRequest",
            "ACCOUNT, null, new colleague needs access, 30, P4, member, P2D, AnythingElse",
    })
    void triagePutsTheRequestInTheGroupsQueueWithItsPriorityAndResponseTarget(String category, String tag,
            String subject, Integer neededInDays, String priority, String group, String responseTarget, String rule) {
        ProcessInstance pi = start(Variables.createVariables()
                .putValue(ClientRequestProcess.VAR_CATEGORY, category)
                .putValue(ClientRequestProcess.VAR_CLIENT_TAGS, tag == null ? List.of() : List.of(tag))
                .putValue(ClientRequestProcess.VAR_SUBJECT_WORDS, " " + subject + " ")
                .putValue(ClientRequestProcess.VAR_NEEDED_IN_DAYS, neededInDays));

        BpmnAwareTests.assertThat(pi).hasPassed(TRIAGE, APPLY_TRIAGE).isWaitingAt(TAKE_TASK);
        @SuppressWarnings("unchecked")
        Map<String, Object> triage = (Map<String, Object>) runtimeService().getVariable(pi.getId(),
                ClientRequestProcess.VAR_TRIAGE);
        assertThat(triage).containsEntry(ClientRequestProcess.OUT_PRIORITY, priority)
                .containsEntry(ClientRequestProcess.OUT_HANDLING_GROUP, group)
                .containsEntry(ClientRequestProcess.OUT_RULE, rule);
        Task queued = task(pi);
        assertThat(queued.getAssignee()).isNull();
        assertThat(taskService().getIdentityLinksForTask(queued.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly(group);
        assertThat(timer(pi, RESPONSE_TIMER).getDuedate())
                .isEqualTo(Date.from(RAISED_AT.plus(Duration.parse(responseTarget))));
    }

    // ------------------------------------------------------------------------------------------------------ SLA

    @Test
    void nobodyTakesItInTimeSoTheResponseTargetEscalatesOnceAndTheRequestStaysInTheQueue() {
        ProcessInstance pi = startCatchAll();
        Job response = timer(pi, RESPONSE_TIMER);

        ClockUtil.setCurrentTime(response.getDuedate());
        managementService().executeJob(response.getId());

        BpmnAwareTests.assertThat(pi).hasPassed(ESCALATE_RESPONSE).isWaitingAt(TAKE_TASK);
        assertThat(calls).extracting(Call::activityId).containsExactly(APPLY_TRIAGE, ESCALATE_RESPONSE);
        assertThat(calls).allSatisfy(c -> assertThat(c.requestId()).isEqualTo(requestId));
        assertThat(timers(pi)).extracting(Job::getDuedate).as("only the resolution clock is left")
                .containsExactly((Date) runtimeService().getVariable(pi.getId(), VAR_RESOLUTION_DUE_AT));
    }

    @Test
    void takingItInTimeStopsTheResponseClockButNotTheResolutionClock() {
        ProcessInstance pi = startCatchAll();
        take(pi, "jonas");

        assertThat(timers(pi)).hasSize(1);
        Job resolution = timer(pi, RESOLUTION_TIMER);
        ClockUtil.setCurrentTime(resolution.getDuedate());
        managementService().executeJob(resolution.getId());

        BpmnAwareTests.assertThat(pi).hasPassed(ESCALATE_RESOLUTION).isWaitingAt(WORK_TASK);
        assertThat(task(pi).getAssignee()).isEqualTo("jonas");
        assertThat(calls).extracting(Call::activityId).containsExactly(APPLY_TRIAGE, ESCALATE_RESOLUTION);
    }

    @Test
    void whileTheClientIsAskedNoSlaClockRunsAndTheirAnswerGoesBackToTheAssigneeWithTheMovedTarget() {
        ProcessInstance pi = startCatchAll();
        take(pi, "jonas");
        Date resolutionDue = (Date) runtimeService().getVariable(pi.getId(), VAR_RESOLUTION_DUE_AT);

        ClockUtil.setCurrentTime(Date.from(RAISED_AT.plus(Duration.ofHours(3))));
        work(pi, ACTION_ASK);
        BpmnAwareTests.assertThat(pi).isWaitingAt(AWAIT_ANSWER);
        assertThat(timers(pi)).as("no SLA clock while waiting on the client").isEmpty();

        // four days later the client answers; the service moves the target on by the four days
        Duration waited = Duration.ofDays(4);
        ClockUtil.setCurrentTime(Date.from(RAISED_AT.plus(Duration.ofHours(3)).plus(waited)));
        Date moved = Date.from(resolutionDue.toInstant().plus(waited));
        assertThat(correlate(MSG_ANSWERED, Variables.putValue(VAR_RESOLUTION_DUE_AT, moved))).hasSize(1);

        BpmnAwareTests.assertThat(pi).isWaitingAt(WORK_TASK).hasNotPassed(ESCALATE_RESOLUTION);
        assertThat(task(pi).getAssignee()).as("back to the assignee, not the queue").isEqualTo("jonas");
        assertThat(timer(pi, RESOLUTION_TIMER).getDuedate()).isEqualTo(moved);
        assertThat(correlate(MSG_ANSWERED, Variables.createVariables())).as("nothing waits for a second answer")
                .isEmpty();
    }

    @Test
    void handingOnGivesTheWorkToTheNewAssigneeAndKeepsTheClockRunning() {
        ProcessInstance pi = startCatchAll();
        take(pi, "jonas");
        Job before = timer(pi, RESOLUTION_TIMER);

        taskService().complete(task(pi).getId(), Variables.putValue(VAR_ACTION, ACTION_HAND_ON)
                .putValue(VAR_ASSIGNEE, "member"));

        BpmnAwareTests.assertThat(pi).isWaitingAt(WORK_TASK);
        assertThat(task(pi).getAssignee()).isEqualTo("member");
        assertThat(timer(pi, RESOLUTION_TIMER).getId()).as("same clock").isEqualTo(before.getId());
    }

    // --------------------------------------------------------------------------------------------- confirmation

    @Test
    void resolvedThenConfirmedClosesTheRequest() {
        ProcessInstance pi = startCatchAll();
        take(pi, "jonas");
        work(pi, ACTION_RESOLVE);
        BpmnAwareTests.assertThat(pi).isWaitingAt(AWAIT_CONFIRMATION);
        assertThat(timers(pi)).extracting(Job::getDuedate).as("only the confirmation timer")
                .containsExactly(Date.from(RAISED_AT.plus(Duration.ofDays(5))));

        assertThat(correlate(MSG_CONFIRMED, Variables.createVariables())).hasSize(1);

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_CLOSED).hasNotPassed(AUTO_CLOSE, END_CANCELLED);
        assertThat(calls).extracting(Call::activityId).containsExactly(APPLY_TRIAGE);
    }

    @Test
    void resolvedThenReopenedGoesBackToTheAssigneeWithTheClockRunningAgain() {
        ProcessInstance pi = startCatchAll();
        take(pi, "jonas");
        work(pi, ACTION_RESOLVE);

        Date moved = Date.from(RAISED_AT.plus(Duration.ofDays(12)));
        assertThat(correlate(MSG_REOPENED, Variables.putValue(VAR_RESOLUTION_DUE_AT, moved))).hasSize(1);

        BpmnAwareTests.assertThat(pi).isWaitingAt(WORK_TASK).hasNotPassed(END_CLOSED);
        assertThat(task(pi).getAssignee()).isEqualTo("jonas");
        assertThat(timers(pi)).extracting(Job::getDuedate).containsExactly(moved);

        work(pi, ACTION_RESOLVE);
        correlate(MSG_CONFIRMED, Variables.createVariables());
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_CLOSED);
    }

    @Test
    void aResolutionNobodyConfirmsClosesItselfAfterFiveDays() {
        ProcessInstance pi = startCatchAll();
        take(pi, "jonas");
        Instant resolvedAt = RAISED_AT.plus(Duration.ofHours(6));
        ClockUtil.setCurrentTime(Date.from(resolvedAt));
        work(pi, ACTION_RESOLVE);
        assertThat(runtimeService().getVariable(pi.getId(), VAR_CONFIRM_WITHIN)).isEqualTo("P5D");
        Job due = timer(pi, ClientRequestProcess.CONFIRMATION_TIMER);
        assertThat(due.getDuedate()).isEqualTo(Date.from(resolvedAt.plus(Duration.ofDays(5))));

        ClockUtil.setCurrentTime(due.getDuedate());
        managementService().executeJob(due.getId());

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(AUTO_CLOSE, END_AUTO_CLOSED).hasNotPassed(END_CLOSED);
        assertThat(calls).extracting(Call::activityId).containsExactly(APPLY_TRIAGE, AUTO_CLOSE);
        assertThat(correlate(MSG_CONFIRMED, Variables.createVariables())).as("too late to confirm").isEmpty();
    }

    @Test
    void aRequestStartedWithItsOwnConfirmationPeriodKeepsIt() {
        ProcessInstance pi = start(catchAllInputs().putValue(VAR_CONFIRM_WITHIN, "P2D"));
        take(pi, "jonas");
        work(pi, ACTION_RESOLVE);

        assertThat(timer(pi, ClientRequestProcess.CONFIRMATION_TIMER).getDuedate())
                .isEqualTo(Date.from(RAISED_AT.plus(Duration.ofDays(2))));
    }

    // ---------------------------------------------------------------------------------------------------- cancel

    @ParameterizedTest(name = "cancelled while {0}")
    @ValueSource(strings = {TAKE_TASK, WORK_TASK, AWAIT_ANSWER, AWAIT_CONFIRMATION})
    void cancellingEndsTheRequestFromEveryWaitingStateAndStopsEveryClock(String waitingAt) {
        ProcessInstance pi = startCatchAll();
        Map<String, Consumer<ProcessInstance>> reach = Map.of(
                TAKE_TASK, p -> { },
                WORK_TASK, p -> take(p, "jonas"),
                AWAIT_ANSWER, p -> {
                    take(p, "jonas");
                    work(p, ACTION_ASK);
                },
                AWAIT_CONFIRMATION, p -> {
                    take(p, "jonas");
                    work(p, ACTION_RESOLVE);
                });
        reach.get(waitingAt).accept(pi);
        BpmnAwareTests.assertThat(pi).isWaitingAt(waitingAt);

        assertThat(correlate(MSG_CANCELLED, Variables.createVariables())).hasSize(1);

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(CANCEL_REQUESTED, END_CANCELLED)
                .hasNotPassed(END_CLOSED, END_AUTO_CLOSED);
        assertThat(timers(pi)).isEmpty();
        assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(correlate(MSG_CANCELLED, Variables.createVariables())).as("a second cancel finds nothing")
                .isEmpty();
    }

    // --------------------------------------------------------------------------------------------------- helpers

    private ProcessInstance startCatchAll() {
        return start(catchAllInputs());
    }

    private static VariableMap catchAllInputs() {
        return Variables.createVariables()
                .putValue(ClientRequestProcess.VAR_CATEGORY, "GENERAL")
                .putValue(ClientRequestProcess.VAR_CLIENT_TAGS, List.of())
                .putValue(ClientRequestProcess.VAR_SUBJECT_WORDS, " please update our logo ")
                .putValue(ClientRequestProcess.VAR_NEEDED_IN_DAYS, null);
    }

    private ProcessInstance start(VariableMap variables) {
        return runtimeService().startProcessInstanceByKey(ClientRequestProcess.PROCESS_ID, requestId,
                variables.putValue(VAR_REQUEST_ID, requestId));
    }

    /** How the service takes or assigns: completes the queue task with the assignee. */
    private static void take(ProcessInstance pi, String who) {
        BpmnAwareTests.assertThat(pi).isWaitingAt(TAKE_TASK);
        taskService().complete(task(pi).getId(), Variables.putValue(VAR_ASSIGNEE, who));
        BpmnAwareTests.assertThat(pi).isWaitingAt(WORK_TASK);
    }

    private static void work(ProcessInstance pi, String action) {
        taskService().complete(task(pi).getId(), Variables.putValue(VAR_ACTION, action));
    }

    private static Task task(ProcessInstance pi) {
        return taskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    /** How the service correlates: by business key, and without failing when nothing waits. */
    private List<MessageCorrelationResult> correlate(String message, VariableMap variables) {
        return runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(requestId)
                .setVariables(variables).correlateAllWithResult();
    }

    private static List<Job> timers(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).timers().list();
    }

    private static Job timer(ProcessInstance pi, String activityId) {
        List<Job> found = timers(pi).stream().filter(j -> activityId.equals(
                managementService().createJobDefinitionQuery().jobDefinitionId(j.getJobDefinitionId()).singleResult()
                        .getActivityId())).toList();
        assertThat(found).as("timer %s of %s", activityId, pi.getId()).hasSize(1);
        return found.get(0);
    }
}
