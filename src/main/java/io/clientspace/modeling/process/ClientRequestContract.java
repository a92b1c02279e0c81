package io.clientspace.modeling.process;

import io.clientspace.request.process.ClientRequestProcess;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * What ClientRequestService and the delegates rely on in processes/client-request.bpmn, from ClientRequestProcess.
 * Each sentence starts with the element it is about (keys {@code modeling.contract.request.*}).
 */
public final class ClientRequestContract {

    private ClientRequestContract() {
    }

    /** The sentences only, in English, as ClientRequestModelContractTests asserts them. */
    public static List<String> messages(BpmnModelInstance model) {
        return check(model).stream().map(ProcessContracts.Breach::message).toList();
    }

    static List<ProcessContracts.Breach> check(BpmnModelInstance model) {
        // the element is the first argument, an id
        ProcessContracts.Problems p = new ProcessContracts.Problems(ClientRequestProcess.PROCESS_ID + ".bpmn");
        BusinessRuleTask triage = model.getModelElementById(ClientRequestProcess.TRIAGE);
        if (triage == null || !ClientRequestProcess.DECISION_ID.equals(triage.getCamundaDecisionRef())
                || !ClientRequestProcess.VAR_TRIAGE.equals(triage.getCamundaResultVariable())) {
            p.add("modeling.contract.request.triage", ClientRequestProcess.TRIAGE, ClientRequestProcess.DECISION_ID,
                    ClientRequestProcess.VAR_TRIAGE);
        }
        Map.of(ClientRequestProcess.APPLY_TRIAGE, ClientRequestProcess.APPLY_TRIAGE_DELEGATE,
                ClientRequestProcess.ESCALATE_RESPONSE, ClientRequestProcess.ESCALATE_DELEGATE,
                ClientRequestProcess.ESCALATE_RESOLUTION, ClientRequestProcess.ESCALATE_DELEGATE,
                ClientRequestProcess.AUTO_CLOSE, ClientRequestProcess.AUTO_CLOSE_DELEGATE).forEach((id, bean) -> {
                    ModelElementInstance e = model.getModelElementById(id);
                    String calls = e instanceof ServiceTask t ? t.getCamundaDelegateExpression() : null;
                    if (!("${" + bean + "}").equals(calls)) {
                        p.add("modeling.contract.request.delegate", id, "${" + bean + "}",
                                ProcessContracts.none(calls));
                    }
                });
        UserTask take = model.getModelElementById(ClientRequestProcess.TAKE_TASK);
        String group = "${" + ClientRequestProcess.VAR_HANDLING_GROUP + "}";
        if (take == null || !group.equals(take.getCamundaCandidateGroups())) {
            p.add("modeling.contract.request.offeredTo", ClientRequestProcess.TAKE_TASK, group,
                    ProcessContracts.none(take == null ? null : take.getCamundaCandidateGroups()));
        }
        UserTask work = model.getModelElementById(ClientRequestProcess.WORK_TASK);
        if (work == null || !("${" + ClientRequestProcess.VAR_ASSIGNEE + "}").equals(work.getCamundaAssignee())) {
            p.add("modeling.contract.request.assignee", ClientRequestProcess.WORK_TASK,
                    "${" + ClientRequestProcess.VAR_ASSIGNEE + "}");
        }
        Map.of(ClientRequestProcess.AWAIT_ANSWER, ClientRequestProcess.MSG_ANSWERED,
                ClientRequestProcess.CONFIRMED, ClientRequestProcess.MSG_CONFIRMED,
                ClientRequestProcess.REOPENED, ClientRequestProcess.MSG_REOPENED,
                ClientRequestProcess.CANCEL_REQUESTED, ClientRequestProcess.MSG_CANCELLED).forEach((id, message) -> {
                    MessageEventDefinition d = messageOf(model.getModelElementById(id));
                    String waitsFor = d == null || d.getMessage() == null ? null : d.getMessage().getName();
                    if (!message.equals(waitsFor)) {
                        p.add("modeling.contract.request.message", id, message, ProcessContracts.none(waitsFor));
                    }
                });
        BoundaryEvent cancel = model.getModelElementById(ClientRequestProcess.CANCEL_REQUESTED);
        if (cancel != null && (!cancel.cancelActivity()
                || !ClientRequestProcess.HANDLE.equals(cancel.getAttachedTo().getId()))) {
            p.add("modeling.contract.request.cancel", ClientRequestProcess.CANCEL_REQUESTED,
                    ClientRequestProcess.HANDLE);
        }
        Map.of(ClientRequestProcess.RESPONSE_TIMER, new String[] {ClientRequestProcess.TAKE_TASK,
                        ClientRequestProcess.VAR_RESPONSE_DUE_AT},
                ClientRequestProcess.RESOLUTION_TIMER, new String[] {ClientRequestProcess.TEAM_TURN,
                        ClientRequestProcess.VAR_RESOLUTION_DUE_AT}).forEach((id, spec) -> {
                    BoundaryEvent b = model.getModelElementById(id);
                    TimerEventDefinition t = b == null ? null : timer(b);
                    String date = t == null || t.getTimeDate() == null ? null : t.getTimeDate().getTextContent().trim();
                    if (b == null || b.cancelActivity() || !spec[0].equals(b.getAttachedTo().getId())) {
                        p.add("modeling.contract.request.slaTimer", id, spec[0]);
                    } else if (!Objects.equals("${" + spec[1] + "}", date)) {
                        p.add("modeling.contract.request.slaDate", id, "${" + spec[1] + "}",
                                ProcessContracts.none(date));
                    }
                });
        CatchEvent due = model.getModelElementById(ClientRequestProcess.CONFIRMATION_TIMER);
        TimerEventDefinition dueTimer = due == null ? null : timer(due);
        String duration = dueTimer == null || dueTimer.getTimeDuration() == null ? null
                : dueTimer.getTimeDuration().getTextContent().trim();
        if (!("${" + ClientRequestProcess.VAR_CONFIRM_WITHIN + "}").equals(duration)) {
            p.add("modeling.contract.request.confirmWithin", ClientRequestProcess.CONFIRMATION_TIMER,
                    "${" + ClientRequestProcess.VAR_CONFIRM_WITHIN + "}", ProcessContracts.none(duration));
        }
        return p.list;
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
