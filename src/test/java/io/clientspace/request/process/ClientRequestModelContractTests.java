package io.clientspace.request.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.modeling.process.ClientRequestContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

/**
 * What ClientRequestService and the delegates rely on in processes/client-request.bpmn, from ClientRequestProcess:
 * a process owner's edit that breaks it fails the build with a message that says what to put back. The generic
 * checks (layout, executable, history time to live) run for every model in ProcessModelContractTests.
 */
class ClientRequestModelContractTests {

    @Test
    void theModelKeepsWhatTheCodeReliesOn() {
        List<String> problems = check(Bpmn.readModelFromFile(Path.of(ClientRequestProcess.RESOURCE).toFile()));
        assertThat(problems).withFailMessage(() -> String.join("\n", problems)).isEmpty();
    }

    @Test
    void aFixedSlaTimerOrARenamedMessageIsNamed() {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of(ClientRequestProcess.RESOURCE).toFile());
        timer(model.getModelElementById(ClientRequestProcess.RESOLUTION_TIMER)).getTimeDate().setTextContent("P3D");
        messageOf(model.getModelElementById(ClientRequestProcess.AWAIT_ANSWER)).getMessage().setName("Answered");
        model.<UserTask>getModelElementById(ClientRequestProcess.TAKE_TASK).setCamundaCandidateGroups("support");

        assertThat(check(model)).containsExactlyInAnyOrder(
                "ResolutionSlaBreached must fire at ${resolutionDueAt}, but fires at P3D",
                "AwaitClientAnswer must wait for message ClientAnswered, but waits for Answered",
                "TakeRequest must be offered to ${handlingGroup}, but is offered to support");
    }

    /** One implementation for the build and the deploy gate. */
    static List<String> check(BpmnModelInstance model) {
        return ClientRequestContract.messages(model);
    }

    static TimerEventDefinition timer(CatchEvent e) {
        return e.getEventDefinitions().stream().filter(TimerEventDefinition.class::isInstance)
                .map(TimerEventDefinition.class::cast).findFirst().orElse(null);
    }

    static MessageEventDefinition messageOf(ModelElementInstance e) {
        return e instanceof CatchEvent c ? c.getEventDefinitions().stream()
                .filter(MessageEventDefinition.class::isInstance).map(MessageEventDefinition.class::cast)
                .findFirst().orElse(null) : null;
    }
}
