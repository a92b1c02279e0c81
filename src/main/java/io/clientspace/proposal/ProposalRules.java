package io.clientspace.proposal;

import io.clientspace.shared.PersonNames;
import static io.clientspace.shared.Texts.clean;

import io.clientspace.shared.FieldProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rules for proposals, shared by the form (immediate feedback) and {@link ProposalService} (the gate): each fee
 * model needs its own fields, amounts have cents at most, and a proposal is valid for a while from today.
 */
public final class ProposalRules {

    public static final int TITLE_MAX = 200;
    public static final int SCOPE_MAX = 20000;
    public static final int MILESTONE_TITLE_MAX = 200;
    public static final int MILESTONES_MAX = 20;
    public static final int TERM_MAX_MONTHS = 60;
    public static final int COMMENT_MAX = 2000;
    public static final int NAME_MAX = 200;
    public static final int ATTACHMENTS_MAX = 10;
    public static final BigDecimal AMOUNT_MAX = new BigDecimal("999999999.99");
    public static final BigDecimal HOURS_MAX = new BigDecimal("99999.99");
    public static final BigDecimal HUNDRED = new BigDecimal("100");
    public static final Set<String> CURRENCIES = Set.of("EUR", "USD", "GBP", "CHF", "RUB");
    /** A proposal may be valid for at most this long from today. */
    public static final int VALID_MAX_DAYS = 365;

    private ProposalRules() {
    }

    public static List<FieldProblem> check(ProposalDraft d, LocalDate today) {
        List<FieldProblem> p = new ArrayList<>();
        String title = clean(d.getTitle());
        if (title == null) {
            p.add(FieldProblem.of("title", "proposal.error.title-required"));
        } else if (title.length() > TITLE_MAX) {
            p.add(FieldProblem.of("title", "validation.too-long", TITLE_MAX));
        }
        if (d.getCurrency() == null || !CURRENCIES.contains(d.getCurrency())) {
            p.add(FieldProblem.of("currency", "proposal.error.currency"));
        }
        if (d.getFeeModel() == null) {
            p.add(FieldProblem.of("feeModel", "proposal.error.fee-model-required"));
        } else {
            switch (d.getFeeModel()) {
                case FIXED_FEE -> amount(p, "fixedAmount", d.getFixedAmount());
                case HOURLY_RATE -> {
                    amount(p, "hourlyRate", d.getHourlyRate());
                    if (d.getEstimatedHours() == null) {
                        p.add(FieldProblem.of("estimatedHours", "proposal.error.hours-required"));
                    } else if (d.getEstimatedHours().signum() <= 0 || d.getEstimatedHours().compareTo(HOURS_MAX) > 0
                            || d.getEstimatedHours().stripTrailingZeros().scale() > 2) {
                        p.add(FieldProblem.of("estimatedHours", "proposal.error.hours-format"));
                    }
                }
                case RETAINER -> {
                    amount(p, "monthlyAmount", d.getMonthlyAmount());
                    if (d.getTermMonths() == null) {
                        p.add(FieldProblem.of("termMonths", "proposal.error.term-required"));
                    } else if (d.getTermMonths() < 1 || d.getTermMonths() > TERM_MAX_MONTHS) {
                        p.add(FieldProblem.of("termMonths", "proposal.error.term-range", TERM_MAX_MONTHS));
                    }
                }
                case MILESTONE -> milestones(p, d.getMilestones());
            }
        }
        BigDecimal discount = d.getDiscountPercent() == null ? BigDecimal.ZERO : d.getDiscountPercent();
        if (discount.signum() < 0 || discount.compareTo(HUNDRED) >= 0 || discount.stripTrailingZeros().scale() > 2) {
            p.add(FieldProblem.of("discountPercent", "proposal.error.discount-range"));
        }
        String scope = clean(d.getScope());
        if (scope == null) {
            p.add(FieldProblem.of("scope", "proposal.error.scope-required"));
        } else if (scope.length() > SCOPE_MAX) {
            p.add(FieldProblem.of("scope", "validation.too-long", SCOPE_MAX));
        }
        if (d.getValidUntil() == null) {
            p.add(FieldProblem.of("validUntil", "proposal.error.valid-until-required"));
        } else if (d.getValidUntil().isBefore(today)) {
            p.add(FieldProblem.of("validUntil", "proposal.error.valid-until-past"));
        } else if (d.getValidUntil().isAfter(today.plusDays(VALID_MAX_DAYS))) {
            p.add(FieldProblem.of("validUntil", "proposal.error.valid-until-far", VALID_MAX_DAYS));
        }
        if (d.getAttachmentIds().size() > ATTACHMENTS_MAX) {
            p.add(FieldProblem.of("attachments", "proposal.error.attachments-max", ATTACHMENTS_MAX));
        }
        return p;
    }

    /**
     * The fee before the discount: the fixed amount, rate times hours, monthly amount times the term, or the sum of
     * the milestones. Only call it for a draft without problems.
     */
    public static BigDecimal grossFee(ProposalDraft d) {
        return switch (d.getFeeModel()) {
            case FIXED_FEE -> d.getFixedAmount();
            case HOURLY_RATE -> d.getHourlyRate().multiply(d.getEstimatedHours());
            case RETAINER -> d.getMonthlyAmount().multiply(BigDecimal.valueOf(d.getTermMonths()));
            case MILESTONE -> d.getMilestones().stream().map(Milestone::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        };
    }

    /** What the customer pays: the gross fee less the discount, to the cent. */
    public static BigDecimal fee(ProposalDraft d) {
        BigDecimal discount = d.getDiscountPercent() == null ? BigDecimal.ZERO : d.getDiscountPercent();
        return grossFee(d).multiply(HUNDRED.subtract(discount)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /** The problem with a typed acceptance name, or null: not blank, and the contact's own name. */
    public static FieldProblem checkSignature(String typed, String expected) {
        String name = clean(typed);
        if (name == null) {
            return FieldProblem.of("name", "proposal.error.name-required");
        }
        if (name.length() > NAME_MAX || expected == null || !PersonNames.same(name, expected)) {
            return FieldProblem.of("name", "proposal.error.name-mismatch", expected == null ? "" : expected);
        }
        return null;
    }

    /** The problem with a decline or return comment, or null. */
    public static FieldProblem checkReason(String text, String field, String requiredKey) {
        String reason = clean(text);
        if (reason == null) {
            return FieldProblem.of(field, requiredKey);
        }
        if (reason.length() > COMMENT_MAX) {
            return FieldProblem.of(field, "validation.too-long", COMMENT_MAX);
        }
        return null;
    }

    private static void amount(List<FieldProblem> p, String field, BigDecimal value) {
        if (value == null) {
            p.add(FieldProblem.of(field, "proposal.error.amount-required"));
        } else if (value.signum() <= 0) {
            p.add(FieldProblem.of(field, "proposal.error.amount-positive"));
        } else if (value.compareTo(AMOUNT_MAX) > 0 || value.stripTrailingZeros().scale() > 2) {
            p.add(FieldProblem.of(field, "proposal.error.amount-format"));
        }
    }

    private static void milestones(List<FieldProblem> p, List<Milestone> list) {
        if (list == null || list.isEmpty()) {
            p.add(FieldProblem.of("milestones", "proposal.error.milestones-required"));
            return;
        }
        if (list.size() > MILESTONES_MAX) {
            p.add(FieldProblem.of("milestones", "proposal.error.milestones-max", MILESTONES_MAX));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            Milestone m = list.get(i);
            String title = m == null ? null : clean(m.title());
            if (title == null || title.length() > MILESTONE_TITLE_MAX) {
                p.add(FieldProblem.of("milestones", "proposal.error.milestone-title", i + 1));
                return;
            }
            BigDecimal a = m.amount();
            if (a == null || a.signum() <= 0 || a.compareTo(AMOUNT_MAX) > 0 || a.stripTrailingZeros().scale() > 2) {
                p.add(FieldProblem.of("milestones", "proposal.error.milestone-amount", i + 1));
                return;
            }
        }
    }
}
