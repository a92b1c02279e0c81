package io.clientspace.deal;

import static io.clientspace.shared.Texts.clean;

import io.clientspace.shared.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Rules for deals and stage moves, shared by the forms (immediate feedback) and {@link DealService} (the gate). */
public final class DealRules {

    public static final int TITLE_MAX = 200;
    public static final int NEXT_STEP_MAX = 300;
    public static final int REASON_MAX = 1000;
    public static final BigDecimal AMOUNT_MAX = new BigDecimal("999999999999.99");
    public static final Set<String> CURRENCIES = Set.of("EUR", "USD", "GBP", "CHF", "RUB");

    private DealRules() {
    }

    public static List<FieldProblem> check(DealDraft d, LocalDate today) {
        List<FieldProblem> p = new ArrayList<>();
        String title = clean(d.getTitle());
        if (title == null) {
            p.add(FieldProblem.of("title", "deal.error.title-required"));
        } else if (title.length() > TITLE_MAX) {
            p.add(FieldProblem.of("title", "validation.too-long", TITLE_MAX));
        }
        if (d.getAmount() == null) {
            p.add(FieldProblem.of("amount", "deal.error.amount-required"));
        } else if (d.getAmount().signum() < 0) {
            p.add(FieldProblem.of("amount", "deal.error.amount-negative"));
        } else if (d.getAmount().compareTo(AMOUNT_MAX) > 0 || d.getAmount().scale() > 2) {
            p.add(FieldProblem.of("amount", "deal.error.amount-format"));
        }
        if (d.getCurrency() == null || !CURRENCIES.contains(d.getCurrency())) {
            p.add(FieldProblem.of("currency", "deal.error.currency"));
        }
        if (d.getExpectedClose() == null) {
            p.add(FieldProblem.of("expectedClose", "deal.error.close-required"));
        } else if (d.getExpectedClose().isBefore(today)) {
            p.add(FieldProblem.of("expectedClose", "deal.error.close-past"));
        }
        if (clean(d.getOwner()) == null) {
            p.add(FieldProblem.of("owner", "deal.error.owner-required"));
        }
        String next = clean(d.getNextStep());
        if (next != null && next.length() > NEXT_STEP_MAX) {
            p.add(FieldProblem.of("nextStep", "validation.too-long", NEXT_STEP_MAX));
        }
        if (d.getNextStepDue() != null && d.getNextStepDue().isBefore(today)) {
            p.add(FieldProblem.of("nextStepDue", "deal.error.due-past"));
        }
        if (d.getNextStepDue() != null && next == null) {
            p.add(FieldProblem.of("nextStep", "deal.error.next-step-required"));
        }
        return p;
    }

    /**
     * Problems with an in-place edit of a deal. A date that has passed may stay as it was (the deal was entered
     * earlier), but a changed one must be today or later. A closed deal has no next step: those fields are ignored.
     *
     * @param savedClose the expected close the deal has now
     * @param savedDue   the next step's due date the deal has now; may be null
     */
    public static List<FieldProblem> checkEdit(DealDraft d, LocalDate savedClose, LocalDate savedDue, boolean open,
                                               LocalDate today) {
        List<FieldProblem> p = new ArrayList<>(check(d, today));
        p.removeIf(f -> "expectedClose".equals(f.field()) && "deal.error.close-past".equals(f.messageKey())
                && d.getExpectedClose().equals(savedClose));
        p.removeIf(f -> "nextStepDue".equals(f.field()) && "deal.error.due-past".equals(f.messageKey())
                && d.getNextStepDue().equals(savedDue));
        if (!open) {
            p.removeIf(f -> "nextStep".equals(f.field()) || "nextStepDue".equals(f.field()));
        }
        return p;
    }

    /** Problems with moving a deal that is in {@code from} back a stage, to {@code previous} (null: none). */
    public static List<FieldProblem> checkBack(DealStage from, DealStage previous, String reason) {
        List<FieldProblem> p = new ArrayList<>();
        if (previous == null) {
            p.add(FieldProblem.of("reason", from.isOpen() ? "deal.error.no-previous-stage" : "deal.error.closed"));
        }
        checkReason(p, reason, "deal.error.back-reason-required");
        return p;
    }

    /** Problems with reopening a deal that is in {@code stage}: only a lost deal reopens, and it needs a reason. */
    public static List<FieldProblem> checkReopen(DealStage stage, String reason) {
        List<FieldProblem> p = new ArrayList<>();
        if (!DealStage.LOST.equals(stage)) {
            p.add(FieldProblem.of("reason", "deal.error.reopen-only-lost"));
        }
        checkReason(p, reason, "deal.error.reopen-reason-required");
        return p;
    }

    /**
     * Problems with moving a deal that is in {@code from}, whose model has {@code nextStage} after it (null: {@code from}
     * is the last stage, where a deal is won or lost).
     */
    public static List<FieldProblem> check(StageMove move, DealStage from, DealStage nextStage, LocalDate today) {
        List<FieldProblem> p = new ArrayList<>();
        if (move.outcome() == null) {
            p.add(FieldProblem.of("outcome", "deal.error.outcome-required"));
            return p;
        }
        switch (move.outcome()) {
            case ADVANCE -> {
                if (nextStage == null) {
                    p.add(FieldProblem.of("outcome", "deal.error.no-next-stage"));
                }
                String next = clean(move.nextStep());
                if (next == null) {
                    p.add(FieldProblem.of("nextStep", "deal.error.next-step-required"));
                } else if (next.length() > NEXT_STEP_MAX) {
                    p.add(FieldProblem.of("nextStep", "validation.too-long", NEXT_STEP_MAX));
                }
                if (move.nextStepDue() == null) {
                    p.add(FieldProblem.of("nextStepDue", "deal.error.due-required"));
                } else if (move.nextStepDue().isBefore(today)) {
                    p.add(FieldProblem.of("nextStepDue", "deal.error.due-past"));
                }
            }
            case WON -> {
                if (!from.isOpen() || nextStage != null) {
                    p.add(FieldProblem.of("outcome", "deal.error.won-only-last-stage"));
                }
                checkReason(p, move.reason(), "deal.error.won-reason-required");
            }
            case LOST -> checkReason(p, move.reason(), "deal.error.reason-required");
        }
        return p;
    }

    private static void checkReason(List<FieldProblem> p, String text, String requiredKey) {
        String reason = clean(text);
        if (reason == null) {
            p.add(FieldProblem.of("reason", requiredKey));
        } else if (reason.length() > REASON_MAX) {
            p.add(FieldProblem.of("reason", "validation.too-long", REASON_MAX));
        }
    }
}
