package io.clientspace.proposal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * How a proposal's fee reads, the same in the workspace and in the portal: amounts in the proposal's currency and
 * the reader's language, and the lines of its fee model. The views translate each line's label.
 */
public final class ProposalFormat {

    private ProposalFormat() {
    }

    /**
     * One line of the fee: a translation key for the label (its {0} is {@code labelArg}) and the value.
     *
     * @param labelArg a number for the label, such as a milestone's position; null when the label has none
     */
    public record Line(String labelKey, Object labelArg, String value) {
    }

    public static String money(BigDecimal amount, String currency, Locale locale) {
        if (amount == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        f.setCurrency(Currency.getInstance(currency));
        return f.format(amount);
    }

    public static String number(BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(0);
        f.setMaximumFractionDigits(2);
        return f.format(value);
    }

    /** The fee model's own fields, then the discount (when there is one) and what the customer pays. */
    public static List<Line> feeLines(FeeModel model, String currency, BigDecimal fixedAmount, BigDecimal hourlyRate,
                                      BigDecimal estimatedHours, BigDecimal monthlyAmount, Integer termMonths,
                                      List<Milestone> milestones, BigDecimal discountPercent, BigDecimal feeAmount,
                                      Locale locale) {
        List<Line> lines = new ArrayList<>();
        switch (model) {
            case FIXED_FEE -> lines.add(new Line("proposal.fee.fixed-amount", null,
                    money(fixedAmount, currency, locale)));
            case HOURLY_RATE -> {
                lines.add(new Line("proposal.fee.hourly-rate", null, money(hourlyRate, currency, locale)));
                lines.add(new Line("proposal.fee.estimated-hours", null, number(estimatedHours, locale)));
            }
            case RETAINER -> {
                lines.add(new Line("proposal.fee.monthly-amount", null, money(monthlyAmount, currency, locale)));
                lines.add(new Line("proposal.fee.term-months", null, termMonths == null ? "" : termMonths.toString()));
            }
            case MILESTONE -> {
                for (int i = 0; i < milestones.size(); i++) {
                    Milestone m = milestones.get(i);
                    lines.add(new Line("proposal.fee.milestone", i + 1, m.title() + ": "
                            + money(m.amount(), currency, locale)));
                }
            }
        }
        if (discountPercent != null && discountPercent.signum() > 0) {
            lines.add(new Line("proposal.fee.discount", null, number(discountPercent, locale) + " %"));
        }
        lines.add(new Line("proposal.fee.total", null, money(feeAmount, currency, locale)));
        return lines;
    }
}
