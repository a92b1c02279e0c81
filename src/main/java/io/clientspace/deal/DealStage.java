package io.clientspace.deal;

import java.util.Optional;

/** Where a deal stands. The open stages are the user tasks of deal-stages.bpmn; Won and Lost are its end events. */
public enum DealStage {
    NEW("StageNew"), QUALIFIED("StageQualified"), PROPOSAL("StageProposal"), NEGOTIATION("StageNegotiation"),
    WON(null), LOST(null);

    private final String taskId;

    DealStage(String taskId) {
        this.taskId = taskId;
    }

    /** The user task id in the model; null for Won and Lost. */
    public String taskId() {
        return taskId;
    }

    public boolean isOpen() {
        return taskId != null;
    }

    /** The stage a deal goes to when its owner moves it on; empty after Negotiation (then it is Won or Lost). */
    public Optional<DealStage> next() {
        return switch (this) {
            case NEW -> Optional.of(QUALIFIED);
            case QUALIFIED -> Optional.of(PROPOSAL);
            case PROPOSAL -> Optional.of(NEGOTIATION);
            default -> Optional.empty();
        };
    }

    /** The stage a deal goes back to when its owner moves it back; empty for New, Won and Lost. */
    public Optional<DealStage> previous() {
        return switch (this) {
            case QUALIFIED -> Optional.of(NEW);
            case PROPOSAL -> Optional.of(QUALIFIED);
            case NEGOTIATION -> Optional.of(PROPOSAL);
            default -> Optional.empty();
        };
    }

    public static Optional<DealStage> ofTask(String taskDefinitionKey) {
        for (DealStage stage : values()) {
            if (stage.taskId != null && stage.taskId.equals(taskDefinitionKey)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }
}
