package io.clientspace.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A deal as views see it. {@code stage} comes from the process engine for open deals.
 * {@code nextStep}, {@code nextStepDue}, {@code closeReason} (why it was won or lost) and
 * {@code stalledSince} may be null; {@code lostFrom} is where reopening a lost deal puts it: the open stage it was lost
 * from, or the model's first stage when that was not recorded or the latest model no longer has it; null unless
 * lost. {@code previousStage} and {@code nextStage} are the stages before and
 * after {@code stage} in the model version the deal runs on: null for its first or last stage and for closed deals.
 * {@code version} is what an edit or a reopen sends back, so that a stale screen is
 * refused. {@code projectId} is the client's project the deal belongs to; null for the client as a whole.
 */
public record Deal(UUID id, UUID clientId, String title, BigDecimal amount, String currency, LocalDate expectedClose,
                   String owner, String ownerName, DealStage stage, String nextStep, LocalDate nextStepDue,
                   String closeReason, Instant createdAt, Instant stageChangedAt, Instant stalledSince,
                   DealStage lostFrom, DealStage previousStage, DealStage nextStage, long version, UUID projectId) {

    /** The same deal at another stored version. */
    public Deal withVersion(long newVersion) {
        return new Deal(id, clientId, title, amount, currency, expectedClose, owner, ownerName, stage, nextStep,
                nextStepDue, closeReason, createdAt, stageChangedAt, stalledSince, lostFrom, previousStage, nextStage,
                newVersion, projectId);
    }

    /**
     * The same deal without its amount, for a colleague who only views the client while the firm keeps amounts from
     * viewers (issue 15 §1): {@code amount} is null, so nothing downstream can show it.
     */
    public Deal withoutAmount() {
        return new Deal(id, clientId, title, null, currency, expectedClose, owner, ownerName, stage, nextStep,
                nextStepDue, closeReason, createdAt, stageChangedAt, stalledSince, lostFrom, previousStage, nextStage,
                version, projectId);
    }

    /** Whether the amount was left out for this reader ({@link #withoutAmount}); every stored deal has one. */
    public boolean amountHidden() {
        return amount == null;
    }

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
