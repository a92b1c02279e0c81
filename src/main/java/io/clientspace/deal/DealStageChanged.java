package io.clientspace.deal;

import java.util.UUID;

/**
 * A deal entered a stage (an open stage, Won or Lost). {@code actor} is who moved it, null when the engine did on its
 * own; {@code reason} is why it was won, lost, moved back or reopened, null otherwise. {@code move} says how it got
 * there.
 */
public record DealStageChanged(UUID dealId, UUID clientId, String title, DealStage stage, String owner, String actor,
                               String reason, Move move) {

    /** FORWARD: created, moved on, won or lost; BACK: moved back a stage; REOPENED: a lost deal opened again. */
    public enum Move { FORWARD, BACK, REOPENED }
}
