package io.clientspace.deal;

import io.clientspace.shared.i18n.Translations;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a deal stands. The open stages are not fixed in code: they are the user tasks of the deployed deal-stages
 * model that carry the stage listener, in the order of the flow from its start event ({@link DealStages} reads
 * them). Won and Lost are the model's end events and the contract every version keeps.
 * <p>
 * {@code code} is what is stored and compared: the stage's user task id for an open stage ({@code StageNew}),
 * {@code WON} or {@code LOST} for the ends. {@code label} is the model's name for the stage, shown where the
 * translations have no entry for it (a stage a process owner added). Two stages are equal when their codes are.
 */
public record DealStage(String code, String label) {

    public static final DealStage WON = new DealStage("WON", "Won");
    public static final DealStage LOST = new DealStage("LOST", "Lost");

    /*
     * The open stages processes/deal-stages.bpmn ships with. The product reads the stages from the deployed model;
     * these name them for the demo data and the tests.
     */
    public static final DealStage NEW = new DealStage("StageNew", "New");
    public static final DealStage QUALIFIED = new DealStage("StageQualified", "Qualified");
    public static final DealStage PROPOSAL = new DealStage("StageProposal", "Proposal");
    public static final DealStage NEGOTIATION = new DealStage("StageNegotiation", "Negotiation");

    public DealStage {
        Objects.requireNonNull(code, "code");
        label = label == null || label.isBlank() ? code : label;
    }

    /** A stage known only by its stored code: the ends by their constants, an open stage with its code as label. */
    public static DealStage ofCode(String code) {
        if (WON.code.equals(code)) {
            return WON;
        }
        if (LOST.code.equals(code)) {
            return LOST;
        }
        return new DealStage(code, code);
    }

    public boolean isOpen() {
        return !WON.code.equals(code) && !LOST.code.equals(code);
    }

    /** The user task id in the model; null for Won and Lost. */
    public String taskId() {
        return isOpen() ? code : null;
    }

    /** The translation key for the stage's name; a stage without one shows its {@link #label()}. */
    public String messageKey() {
        return "deal.stages." + code;
    }

    /** The stage's name in the user's language; the model's name for a stage the translations do not know. */
    public String displayName(Locale locale) {
        return Translations.find(messageKey(), locale).orElse(label);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DealStage other && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return code;
    }
}
