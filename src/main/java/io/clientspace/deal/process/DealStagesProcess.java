package io.clientspace.deal.process;

import io.clientspace.deal.DealStage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;

/**
 * Everything in processes/deal-stages.bpmn that the code relies on. A process owner may change the model freely as
 * long as these stay; ProcessModelContractTests fails the build when one goes missing.
 */
public final class DealStagesProcess {

    public static final String PROCESS_ID = "deal-stages";
    public static final String RESOURCE = "processes/deal-stages.bpmn";

    public static final String START = "DealCreated";
    public static final String END_WON = "DealWon";
    public static final String END_LOST = "DealLost";

    public static final String VAR_DEAL_ID = "dealId";
    public static final String VAR_OWNER = "owner";
    public static final String VAR_OUTCOME = "outcome";
    public static final String VAR_NEXT_STEP_DUE = "nextStepDue";
    public static final String VAR_LOST_REASON = "lostReason";
    public static final String VAR_WON_REASON = "wonReason";
    /** ISO-8601 duration without stage movement after which a deal is stalled; the model sets its default. */
    public static final String VAR_STALL_AFTER = "stallAfter";

    /** Where every stage's stall timer leads; its end listener flags the deal. */
    public static final String END_STALLED = "DealStalled";
    public static final String STALLED_LISTENER = "dealStalledListener";

    public static final String OUTCOME_ADVANCE = "advance";
    public static final String OUTCOME_WON = "won";
    public static final String OUTCOME_LOST = "lost";

    /**
     * A proposal for the deal was accepted: every open stage has an interrupting message boundary event for it that
     * leads to {@link #END_WON}. Only DealService correlates it, with {@link #VAR_WON_REASON} set, by the deal's id.
     */
    public static final String MSG_PROPOSAL_ACCEPTED = "ProposalAccepted";
    /** The gateway where the owner's "won" and an accepted proposal meet before {@link #END_WON}. */
    public static final String WON_JOIN = "WonJoin";

    /**
     * The owner moves the deal back a stage: every open stage but the first has an interrupting message boundary
     * event for it that leads to the stage before. Only DealService correlates it, with {@link #VAR_MOVED_BACK_REASON}
     * set, by the deal's id.
     */
    public static final String MSG_MOVED_BACK = "DealMovedBack";
    public static final String VAR_MOVED_BACK_REASON = "movedBackReason";

    /**
     * The owner reopens a lost deal: a message start event (id {@link #START_REOPENED}) starts a new instance for the
     * same deal, and a gateway sends it to the stage whose task id is in {@link #VAR_REOPEN_AT}.
     */
    public static final String MSG_REOPENED = "DealReopened";
    public static final String START_REOPENED = "DealReopened";
    public static final String VAR_REOPEN_AT = "reopenAt";
    public static final String VAR_REOPEN_REASON = "reopenReason";

    /** Bean names the model's listeners use. */
    public static final String STAGE_LISTENER = "dealStageListener";
    public static final String CLOSED_LISTENER = "dealClosedListener";

    private DealStagesProcess() {
    }

    /** The id of the stall timer on a stage's user task, e.g. NewStalled on StageNew. */
    public static String stallTimerId(DealStage stage) {
        return stage.taskId().replaceFirst("^Stage", "") + "Stalled";
    }

    /** The id of the message boundary event on a stage's user task, e.g. NewProposalAccepted on StageNew. */
    public static String proposalAcceptedEventId(DealStage stage) {
        return stage.taskId().replaceFirst("^Stage", "") + "ProposalAccepted";
    }

    /** The id of the moved-back boundary event on a stage's user task, e.g. QualifiedMovedBack on StageQualified. */
    public static String movedBackEventId(DealStage stage) {
        return stage.taskId().replaceFirst("^Stage", "") + "MovedBack";
    }

    /**
     * The open stages of a deal-stages model, in order: its user tasks that carry the {@link #STAGE_LISTENER} as their
     * create listener (that listener is what records a stage on the deal), in the order the flow reaches them from
     * the {@link #START} event. A stage's name in the model is its label. This is how a process owner adds, renames
     * or reorders a stage: in the model, with no code change (DD015).
     */
    public static List<DealStage> stages(BpmnModelInstance model) {
        List<DealStage> stages = new ArrayList<>();
        if (!(model.getModelElementById(START) instanceof FlowNode start)) {
            return stages;
        }
        // by sourceRef, as the engine reads flows: a model need not list a node's <outgoing> elements
        Map<String, List<FlowNode>> targets = new HashMap<>();
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            targets.computeIfAbsent(flow.getSource().getId(), id -> new ArrayList<>()).add(flow.getTarget());
        }
        Deque<FlowNode> next = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!next.isEmpty()) {
            FlowNode node = next.poll();
            if (!seen.add(node.getId())) {
                continue;
            }
            if (node instanceof UserTask task && isStage(task)) {
                stages.add(new DealStage(task.getId(), task.getName()));
            }
            next.addAll(targets.getOrDefault(node.getId(), List.of()));
        }
        return stages;
    }

    /** The extension property on a stage's user task that says how likely a deal in it is to be won (0 to 1). */
    public static final String PROPERTY_WIN_PROBABILITY = "winProbability";

    /**
     * Each stage's win probability as the model gives it ({@link #PROPERTY_WIN_PROBABILITY}, a number from 0 to 1);
     * a stage without one, or with a value that is no such number, counts by its place: the i-th of n stages
     * (i+1)/(n+1).
     */
    public static Map<String, BigDecimal> winProbabilities(BpmnModelInstance model) {
        List<DealStage> stages = stages(model);
        Map<String, BigDecimal> result = new HashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            UserTask task = model.getModelElementById(stages.get(i).code());
            BigDecimal byPlace = BigDecimal.valueOf(i + 1).divide(BigDecimal.valueOf(stages.size() + 1), 2,
                    RoundingMode.HALF_UP);
            result.put(task.getId(), property(task, PROPERTY_WIN_PROBABILITY)
                    .flatMap(DealStagesProcess::probability).orElse(byPlace));
        }
        return result;
    }

    private static Optional<String> property(UserTask task, String name) {
        ExtensionElements extensions = task.getExtensionElements();
        if (extensions == null) {
            return Optional.empty();
        }
        return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(ps -> ps.getCamundaProperties().stream())
                .filter(pr -> name.equals(pr.getCamundaName()) && pr.getCamundaValue() != null)
                .map(CamundaProperty::getCamundaValue).findFirst();
    }

    private static Optional<BigDecimal> probability(String text) {
        try {
            BigDecimal value = new BigDecimal(text.trim());
            return value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the user task is a deal stage: the stage listener runs when it is created. */
    public static boolean isStage(UserTask task) {
        ExtensionElements extensions = task.getExtensionElements();
        if (extensions == null) {
            return false;
        }
        String listener = "${" + STAGE_LISTENER + "}";
        return extensions.getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                .anyMatch(l -> "create".equals(l.getCamundaEvent())
                        && listener.equals(l.getCamundaDelegateExpression()));
    }
}
