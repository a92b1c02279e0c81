package io.clientspace.proposal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Proposal drafts that pass the rules, one per fee model; tests change the field they are about. */
public final class ProposalTestData {

    private ProposalTestData() {
    }

    public static ProposalDraft fixedFee(String title, String amount, LocalDate validUntil) {
        ProposalDraft d = new ProposalDraft();
        d.setTitle(title);
        d.setFeeModel(FeeModel.FIXED_FEE);
        d.setCurrency("EUR");
        d.setFixedAmount(new BigDecimal(amount));
        d.setScope("Design and build of " + title + ".\nTwo review rounds included.");
        d.setValidUntil(validUntil);
        return d;
    }

    public static ProposalDraft hourly(String title, String rate, String hours, LocalDate validUntil) {
        ProposalDraft d = fixedFee(title, "1", validUntil);
        d.setFeeModel(FeeModel.HOURLY_RATE);
        d.setFixedAmount(null);
        d.setHourlyRate(new BigDecimal(rate));
        d.setEstimatedHours(new BigDecimal(hours));
        return d;
    }

    public static ProposalDraft retainer(String title, String monthly, int months, LocalDate validUntil) {
        ProposalDraft d = fixedFee(title, "1", validUntil);
        d.setFeeModel(FeeModel.RETAINER);
        d.setFixedAmount(null);
        d.setMonthlyAmount(new BigDecimal(monthly));
        d.setTermMonths(months);
        return d;
    }

    public static ProposalDraft milestones(String title, LocalDate validUntil, Milestone... milestones) {
        ProposalDraft d = fixedFee(title, "1", validUntil);
        d.setFeeModel(FeeModel.MILESTONE);
        d.setFixedAmount(null);
        d.setMilestones(List.of(milestones));
        return d;
    }
}
