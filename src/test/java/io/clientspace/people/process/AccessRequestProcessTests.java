package io.clientspace.people.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.test.TestHelper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * workspace-access-request.bpmn on a bare engine: its one path. The decision goes to the decider and its listener
 * hears every change the task list needs; answering ends the process with the answer kept.
 */
@Deployment(resources = AccessRequestProcess.RESOURCE)
class AccessRequestProcessTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-test.cfg.xml").build();

    final String requestId = UUID.randomUUID().toString();
    final List<String> heard = new ArrayList<>();

    @BeforeEach
    void registerListener() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register(AccessRequestProcess.TASK_LISTENER, (TaskListener) t -> heard.add(t.getEventName()));
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
    void theOwnerDecidesAndTheAnswerEndsTheRequest() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(AccessRequestProcess.PROCESS_ID, requestId,
                Map.of(AccessRequestProcess.VAR_REQUEST_ID, requestId,
                        AccessRequestProcess.VAR_CLIENT_ID, UUID.randomUUID().toString(),
                        AccessRequestProcess.VAR_REQUESTER, "member",
                        AccessRequestProcess.VAR_DECIDER, "manager"));

        BpmnAwareTests.assertThat(pi).isWaitingAt(AccessRequestProcess.DECIDE_TASK);
        Task task = taskService().createTaskQuery().processInstanceBusinessKey(requestId).singleResult();
        assertThat(task.getAssignee()).as("the client's owner").isEqualTo("manager");
        assertThat(heard).contains(TaskListener.EVENTNAME_CREATE);

        taskService().complete(task.getId(), Map.of(AccessRequestProcess.VAR_ANSWER, "EDITOR"));

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(AccessRequestProcess.END);
        assertThat(heard).contains(TaskListener.EVENTNAME_COMPLETE);
    }
}
