package io.clientspace.deal;

import java.time.LocalDate;

/**
 * The owner moving a deal on from its current stage.
 *
 * @param outcome     advance to the next stage, or close as won or lost
 * @param nextStep    required when advancing: what happens next
 * @param nextStepDue required when advancing: by when; today or later
 * @param reason      required when won or lost: why
 */
public record StageMove(Outcome outcome, String nextStep, LocalDate nextStepDue, String reason) {

    public enum Outcome { ADVANCE, WON, LOST }

    public static StageMove advance(String nextStep, LocalDate due) {
        return new StageMove(Outcome.ADVANCE, nextStep, due, null);
    }

    public static StageMove won(String reason) {
        return new StageMove(Outcome.WON, null, null, reason);
    }

    public static StageMove lost(String reason) {
        return new StageMove(Outcome.LOST, null, null, reason);
    }
}
