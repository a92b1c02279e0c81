package io.clientspace.deal;

import java.util.UUID;

/**
 * A deal entered a stage (an open stage, Won or Lost). {@code actor} is who moved it, null when the engine did on its
 * own; {@code reason} is why it was won or lost, null otherwise.
 */
public record DealStageChanged(UUID dealId, UUID clientId, String title, DealStage stage, String owner, String actor,
                               String reason) {
}
