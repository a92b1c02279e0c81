package io.clientspace.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A deal as views see it. {@code stage} comes from the process engine for open deals.
 * {@code nextStep}, {@code nextStepDue} and {@code lostReason} may be null.
 */
public record Deal(UUID id, UUID clientId, String title, BigDecimal amount, String currency, LocalDate expectedClose,
                   String owner, String ownerName, DealStage stage, String nextStep, LocalDate nextStepDue,
                   String lostReason, Instant createdAt, Instant stageChangedAt) {

    public boolean isOpen() {
        return stage.isOpen();
    }
}
