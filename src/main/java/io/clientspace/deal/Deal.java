package io.clientspace.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A deal as views see it. {@code stage} comes from the process engine for open deals.
 * {@code nextStep}, {@code nextStepDue}, {@code closeReason} (why it was won or lost) and
 * {@code stalledSince} may be null.
 */
public record Deal(UUID id, UUID clientId, String title, BigDecimal amount, String currency, LocalDate expectedClose,
                   String owner, String ownerName, DealStage stage, String nextStep, LocalDate nextStepDue,
                   String closeReason, Instant createdAt, Instant stageChangedAt, Instant stalledSince) {

    public boolean isOpen() {
        return stage.isOpen();
    }

    /** Open, stuck in its stage for the model's stall period. */
    public boolean isStalled() {
        return isOpen() && stalledSince != null;
    }

    /** Open, and nobody has said what happens next. */
    public boolean lacksNextStep() {
        return isOpen() && (nextStep == null || nextStep.isBlank());
    }
}
