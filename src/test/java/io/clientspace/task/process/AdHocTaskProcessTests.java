package io.clientspace.task.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.test.TestHelper;
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
 * ad-hoc-task.bpmn on a bare engine, one test per path: done by its assignee, taken from the unassigned list, and
 * cancelled. The mirror listener is recorded instead of run; what matters here is that the model calls it at each
 * moment with the task's assignee, due date and priority already set.
 */
@Deployment(resources = AdHocTaskProcess.RESOURCE)
class AdHocTaskProcessTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-test.cfg.xml").build();

    record Call(String event, String assignee, Date due, int priority) {
    }

    final List<Call> calls = new ArrayList<>();
    final String workTaskId = UUID.randomUUID().toString();
    final Date due = Date.from(LocalDate.of(2030, 3, 4).atStartOfDay(ZoneOffset.UTC).toInstant());

    @BeforeEach
    void registerListener() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register(AdHocTaskProcess.LISTENER, (TaskListener) (DelegateTask t) -> calls.add(
                new Call(t.getEventName(), t.getAssignee(), t.getDueDate(), t.getPriority())));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @AfterAll
    static void closeEngine() {
        TestHelper.closeProcessEngines();
    }

    @Test
    void theAssigneeDoesTheTaskAndTheProcessEnds() {
        ProcessInstance pi = start("jonas", due, 75);

        BpmnAwareTests.assertThat(pi).isWaitingAt(AdHocTaskProcess.TASK);
        BpmnAwareTests.assertThat(task(pi)).isAssignedTo("jonas").hasDueDate(due);
        assertThat(task(pi).getPriority()).isEqualTo(75);
        Call created = calls.stream().filter(c -> c.event().equals(TaskListener.EVENTNAME_CREATE)).findFirst()
                .orElseThrow();
        assertThat(created).isEqualTo(new Call(TaskListener.EVENTNAME_CREATE, "jonas", due, 75));

        taskService().complete(task(pi).getId());

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(AdHocTaskProcess.TASK);
        assertThat(calls).extracting(Call::event).endsWith(TaskListener.EVENTNAME_COMPLETE);
    }

    @Test
    void anUnassignedTaskIsTakenAndEveryAssignmentIsReported() {
        ProcessInstance pi = start(null, null, 50);
        BpmnAwareTests.assertThat(task(pi)).isNotAssigned();
        assertThat(calls).extracting(Call::event).containsExactly(TaskListener.EVENTNAME_CREATE);

        taskService().claim(task(pi).getId(), "maria");
        taskService().setAssignee(task(pi).getId(), "jonas");

        assertThat(calls).extracting(Call::event, Call::assignee).containsExactly(
                tuple(TaskListener.EVENTNAME_CREATE, null),
                tuple(TaskListener.EVENTNAME_ASSIGNMENT, "maria"),
                tuple(TaskListener.EVENTNAME_ASSIGNMENT, "jonas"));
    }

    @Test
    void aCancelledTaskReportsItsDeletion() {
        ProcessInstance pi = start("jonas", null, 50);

        runtimeService().deleteProcessInstance(pi.getId(), "client archived");

        BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(calls).extracting(Call::event).endsWith(TaskListener.EVENTNAME_DELETE);
    }

    @Test
    void aTaskCancelledWithAReasonLeavesTheInboxAndTheProcessEnds() {
        ProcessInstance pi = start("jonas", due, 50);

        // what WorkTaskService.cancel does
        var result = runtimeService().createMessageCorrelation(AdHocTaskProcess.MSG_CANCELLED)
                .processInstanceBusinessKey(workTaskId)
                .setVariable(AdHocTaskProcess.VAR_CANCEL_REASON, "The client did it themselves")
                .correlateWithResult();

        assertThat(result.getExecution().getProcessInstanceId()).isEqualTo(pi.getId());
        BpmnAwareTests.assertThat(pi).isEnded()
                .hasPassed(AdHocTaskProcess.CANCELLED_EVENT, AdHocTaskProcess.END_CANCELLED)
                .hasNotPassed("TaskDone");
        assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(calls).extracting(Call::event).endsWith(TaskListener.EVENTNAME_DELETE)
                .doesNotContain(TaskListener.EVENTNAME_COMPLETE);
        assertThat(BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId()).variableName(AdHocTaskProcess.VAR_CANCEL_REASON).singleResult()
                .getValue()).isEqualTo("The client did it themselves");
    }

    private ProcessInstance start(String assignee, Date dueDate, int priority) {
        return runtimeService().startProcessInstanceByKey(AdHocTaskProcess.PROCESS_ID, workTaskId,
                Variables.putValue(AdHocTaskProcess.VAR_WORK_TASK_ID, workTaskId)
                        .putValue(AdHocTaskProcess.VAR_ASSIGNEE, assignee)
                        .putValue(AdHocTaskProcess.VAR_DUE, dueDate)
                        .putValue(AdHocTaskProcess.VAR_PRIORITY, priority));
    }
}
