package io.clientspace.deal.process;

import io.clientspace.deal.DealStage;
import java.util.Arrays;
import java.util.List;

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

    /** The user task ids, one per open stage. */
    public static List<String> stageTaskIds() {
        return Arrays.stream(DealStage.values()).filter(DealStage::isOpen).map(DealStage::taskId).toList();
    }
}
