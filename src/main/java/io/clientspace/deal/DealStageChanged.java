package io.clientspace.deal;

import java.util.UUID;

/** A deal entered a stage (an open stage, Won or Lost). */
public record DealStageChanged(UUID dealId, UUID clientId, String title, DealStage stage, String owner) {
}
