package io.clientspace.proposal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A proposal as the customer's portal shows it: what the proposal document says, and the customer's own answer.
 * Nothing internal (owner, approval, deal, the team's comments) is in here. {@code status} is never DRAFT or
 * AWAITING_APPROVAL, and is EXPIRED once the valid-until date has passed without an answer. A WITHDRAWN one carries
 * the team's reason and, once its revision was sent, {@code supersededBy}: the newer version the portal shows instead.
 */
public record CustomerProposal(UUID id, String number, String title, ProposalStatus status, FeeModel feeModel,
                               String currency, BigDecimal fixedAmount, BigDecimal hourlyRate,
                               BigDecimal estimatedHours, BigDecimal monthlyAmount, Integer termMonths,
                               List<Milestone> milestones, BigDecimal discountPercent, BigDecimal feeAmount,
                               String scope, LocalDate validUntil, Instant sentAt, Instant decidedAt,
                               String decidedByName, String declineReason, List<ProposalAttachment> attachments,
                               Instant withdrawnAt, String withdrawReason, UUID supersededBy) {

    /** Still open for an answer. */
    public boolean isPending() {
        return status == ProposalStatus.SENT;
    }
}
