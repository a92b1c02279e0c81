package io.clientspace.modeling.process;

import io.clientspace.modeling.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CompensateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.LinkEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The structural rules of bpmnlint's "recommended" set that decide whether a model runs as drawn, checked on the
 * server so that an upload or the editor meets the same bar as the build's {@code bpmnlint} run: a start and an end
 * event, no disconnected element, no implicit split, no fake join, no duplicate flow, conditions on conditional
 * flows, no superfluous gateway, at most one blank start event, and labels where bpmnlint requires them.
 */
public final class BpmnLint {

    private BpmnLint() {
    }

    public static List<Problem> check(BpmnModelInstance model) {
        List<Problem> problems = new ArrayList<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            container(process, process.getFlowElements(), problems);
        }
        for (SubProcess sub : model.getModelElementsByType(SubProcess.class)) {
            container(sub, sub.getFlowElements(), problems);
        }
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            node(node, problems);
        }
        Set<String> seen = new HashSet<>();
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            String key = flow.getSource().getId() + "->" + flow.getTarget().getId() + "?" + condition(flow);
            if (!seen.add(key)) {
                problems.add(problem(flow, "modeling.lint.duplicateFlow", flow.getSource().getId(),
                        flow.getTarget().getId()));
            }
        }
        return problems;
    }

    private static void container(BaseElement container, Collection<FlowElement> elements, List<Problem> problems) {
        boolean eventSubProcess = container instanceof SubProcess s && s.triggeredByEvent();
        List<StartEvent> starts = elements.stream().filter(StartEvent.class::isInstance).map(StartEvent.class::cast)
                .toList();
        if (starts.isEmpty()) {
            problems.add(problem(container, "modeling.lint.startEventRequired"));
        }
        if (!eventSubProcess && starts.stream().filter(s -> s.getEventDefinitions().isEmpty()).count() > 1) {
            problems.add(problem(container, "modeling.lint.singleBlankStart"));
        }
        if (elements.stream().noneMatch(EndEvent.class::isInstance)) {
            problems.add(problem(container, "modeling.lint.endEventRequired"));
        }
    }

    private static void node(FlowNode node, List<Problem> problems) {
        Collection<SequenceFlow> in = node.getIncoming();
        Collection<SequenceFlow> out = node.getOutgoing();
        boolean eventSubProcess = node instanceof SubProcess s && s.triggeredByEvent();
        boolean compensation = node instanceof Activity a && a.isForCompensation()
                || node instanceof BoundaryEvent b && b.getEventDefinitions().stream()
                        .anyMatch(CompensateEventDefinition.class::isInstance);
        if (in.isEmpty() && out.isEmpty() && !eventSubProcess && !compensation) {
            problems.add(problem(node, "modeling.lint.disconnected"));
        }
        if (!(node instanceof Gateway)) {
            long unconditional = out.stream().filter(f -> condition(f) == null && !isDefault(f)).count();
            if (unconditional > 1) {
                problems.add(problem(node, "modeling.lint.implicitSplit"));
            }
            if (in.size() > 1 && (node instanceof Task || node instanceof SubProcess)) {
                problems.add(problem(node, "modeling.lint.fakeJoin"));
            }
        }
        if (node instanceof Gateway && !(node instanceof EventBasedGateway) && in.size() == 1 && out.size() == 1) {
            problems.add(problem(node, "modeling.lint.superfluousGateway"));
        }
        boolean choosing = node instanceof ExclusiveGateway || node instanceof InclusiveGateway
                || node instanceof ComplexGateway;
        boolean someConditional = out.stream().anyMatch(f -> condition(f) != null);
        if ((choosing && out.size() > 1) || (!(node instanceof Gateway) && someConditional)) {
            for (SequenceFlow flow : out) {
                if (condition(flow) == null && !isDefault(flow)) {
                    problems.add(problem(flow, "modeling.lint.conditionMissing", node.getId()));
                }
            }
        }
        if (needsLabel(node) && blank(node.getName())) {
            problems.add(problem(node, "modeling.lint.labelRequired"));
        }
    }

    /** As bpmnlint's label-required: not parallel or event-based gateways, joins, boundary events, sub-processes. */
    private static boolean needsLabel(FlowNode node) {
        if (node instanceof ParallelGateway || node instanceof EventBasedGateway || node instanceof BoundaryEvent
                || node instanceof SubProcess) {
            return false;
        }
        if (node instanceof Gateway && node.getOutgoing().size() <= 1) {
            return false;
        }
        boolean link = (node instanceof CatchEvent c && c.getEventDefinitions().stream()
                .anyMatch(LinkEventDefinition.class::isInstance))
                || (node instanceof ThrowEvent t && t.getEventDefinitions().stream()
                        .anyMatch(LinkEventDefinition.class::isInstance));
        return !link;
    }

    static String condition(SequenceFlow flow) {
        return flow.getConditionExpression() == null || blank(flow.getConditionExpression().getTextContent()) ? null
                : flow.getConditionExpression().getTextContent().trim();
    }

    static boolean isDefault(SequenceFlow flow) {
        ModelElementInstance source = flow.getSource();
        SequenceFlow defaultFlow = source instanceof ExclusiveGateway g ? g.getDefault()
                : source instanceof InclusiveGateway g ? g.getDefault()
                : source instanceof ComplexGateway g ? g.getDefault()
                : source instanceof Activity a ? a.getDefault() : null;
        return Objects.equals(flow, defaultFlow);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static Problem problem(BaseElement element, String key, String... args) {
        String name = element.getAttributeValue("name");
        return Problem.of(element.getId(), blank(name) ? null : name.strip(), key, args);
    }
}
