package io.clientspace.deal;

import io.clientspace.deal.process.DealStagesProcess;
import java.io.File;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;

/**
 * processes/deal-stages.bpmn as a process owner would change it to add a "Legal review" stage between Proposal and
 * Negotiation, complete with what every stage has: its stall timer, an accepted proposal winning it, moving back to
 * Proposal (and from Negotiation back to it), and reopening there. No Java knows the stage.
 */
public final class DealStagesWithALegalReview {

    public static final String STAGE = "StageLegalReview";
    public static final String NAME = "Legal review";

    private DealStagesWithALegalReview() {
    }

    public static BpmnModelInstance model() {
        BpmnModelInstance model = Bpmn.readModelFromFile(new File(DealStagesProcess.RESOURCE));
        Process process = model.getModelElementById(DealStagesProcess.PROCESS_ID);

        ExclusiveGateway join = add(model, process, ExclusiveGateway.class, "LegalReviewJoin");
        UserTask review = add(model, process, UserTask.class, STAGE);
        review.setName(NAME);
        review.setCamundaAssignee("${" + DealStagesProcess.VAR_OWNER + "}");
        review.setCamundaDueDate("${" + DealStagesProcess.VAR_NEXT_STEP_DUE + "}");
        ExtensionElements extensions = model.newInstance(ExtensionElements.class);
        for (String event : List.of("create", "assignment", "complete", "delete")) {
            CamundaTaskListener listener = model.newInstance(CamundaTaskListener.class);
            listener.setCamundaEvent(event);
            listener.setCamundaDelegateExpression("${" + DealStagesProcess.STAGE_LISTENER + "}");
            extensions.addChildElement(listener);
        }
        review.setExtensionElements(extensions);
        ExclusiveGateway after = add(model, process, ExclusiveGateway.class, "AfterLegalReview");

        // Proposal's "advance" now leads to the review, and the review's to Negotiation
        SequenceFlow proposalAdvance = model.getModelElementById("AfterProposalAdvance");
        FlowNode negotiationJoin = model.getModelElementById("NegotiationJoin");
        retarget(proposalAdvance, negotiationJoin, join);
        flow(model, process, "LegalReviewJoinToStage", join, review, null);
        flow(model, process, "LegalReviewDone", review, after, null);
        after.setDefault(flow(model, process, "AfterLegalReviewAdvance", after, negotiationJoin, null));
        flow(model, process, "AfterLegalReviewLost", after, model.getModelElementById("LostJoin"),
                "${outcome == 'lost'}");

        // what every stage has
        BoundaryEvent stalled = boundary(model, process, "LegalReviewStalled", review, false);
        TimerEventDefinition timer = model.newInstance(TimerEventDefinition.class);
        TimeDuration duration = model.newInstance(TimeDuration.class);
        duration.setTextContent("${" + DealStagesProcess.VAR_STALL_AFTER + "}");
        timer.setTimeDuration(duration);
        stalled.getEventDefinitions().add(timer);
        flow(model, process, "LegalReviewStalledFlow", stalled, model.getModelElementById("StalledJoin"), null);

        BoundaryEvent accepted = boundary(model, process, "LegalReviewProposalAccepted", review, true);
        accepted.getEventDefinitions().add(message(model, "ProposalAcceptedMessage"));
        flow(model, process, "LegalReviewProposalAcceptedFlow", accepted, model.getModelElementById("WonJoin"), null);

        BoundaryEvent back = boundary(model, process, "LegalReviewMovedBack", review, true);
        back.getEventDefinitions().add(message(model, "DealMovedBackMessage"));
        flow(model, process, "LegalReviewMovedBackFlow", back, model.getModelElementById("ProposalJoin"), null);
        // from Negotiation, back is now the review
        SequenceFlow negotiationBack = model.getModelElementById("NegotiationMovedBackFlow");
        retarget(negotiationBack, model.getModelElementById("ProposalJoin"), join);

        flow(model, process, "ReopenAtLegalReview", model.getModelElementById("ReopenAt"), join,
                "${reopenAt == '" + STAGE + "'}");
        return model;
    }

    private static void retarget(SequenceFlow flow, FlowNode from, FlowNode to) {
        from.getIncoming().remove(flow);
        flow.setTarget(to);
        to.getIncoming().add(flow);
    }

    private static <T extends FlowNode> T add(BpmnModelInstance model, Process process, Class<T> type, String id) {
        T node = model.newInstance(type);
        node.setId(id);
        process.addChildElement(node);
        return node;
    }

    private static BoundaryEvent boundary(BpmnModelInstance model, Process process, String id, UserTask on,
                                          boolean interrupting) {
        BoundaryEvent event = add(model, process, BoundaryEvent.class, id);
        event.setAttachedTo(on);
        event.setCancelActivity(interrupting);
        return event;
    }

    private static MessageEventDefinition message(BpmnModelInstance model, String messageId) {
        MessageEventDefinition definition = model.newInstance(MessageEventDefinition.class);
        definition.setMessage(model.<Message>getModelElementById(messageId));
        return definition;
    }

    private static SequenceFlow flow(BpmnModelInstance model, Process process, String id, FlowNode from, FlowNode to,
                                     String condition) {
        SequenceFlow flow = model.newInstance(SequenceFlow.class);
        flow.setId(id);
        process.addChildElement(flow);
        flow.setSource(from);
        flow.setTarget(to);
        from.getOutgoing().add(flow);
        to.getIncoming().add(flow);
        if (condition != null) {
            ConditionExpression expression = model.newInstance(ConditionExpression.class);
            expression.setTextContent(condition);
            flow.setConditionExpression(expression);
        }
        return flow;
    }
}
