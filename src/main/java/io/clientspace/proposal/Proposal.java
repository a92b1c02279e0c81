package io.clientspace.proposal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A proposal as the workspace sees it, internal fields included. {@code status} is {@link ProposalStatus#EXPIRED}
 * as soon as a sent proposal is past its valid-until date, even before the expiry timer has run. Fields of other fee
 * models than {@code feeModel}, the deal and every date of a step not reached yet are null. {@code approvalReason}
 * is the rules' code (e.g. DISCOUNT); {@code returnComment} is the approver's, shown to the team only.
 * {@code submittedBy} (null until submitted) and {@code lastEditedBy} are usernames: neither may approve it.
 */
public record Proposal(UUID id, UUID clientId, UUID dealId, String dealTitle, String number, String title,
                       FeeModel feeModel, String currency, BigDecimal fixedAmount, BigDecimal hourlyRate,
                       BigDecimal estimatedHours, BigDecimal monthlyAmount, Integer termMonths,
                       List<Milestone> milestones, BigDecimal discountPercent, BigDecimal feeAmount, String scope,
                       LocalDate validUntil, ProposalStatus status, String owner, String ownerName,
                       String approvalReason, String approvedByName, String returnedByName, String returnComment,
                       Instant sentAt, Instant decidedAt, String decidedByName, String decidedFromIp,
                       String declineReason, List<ProposalAttachment> attachments, Instant createdAt, long version,
                       String submittedBy, String lastEditedBy) {

    public boolean isDraft() {
        return status == ProposalStatus.DRAFT;
    }

    public boolean awaitsApproval() {
        return status == ProposalStatus.AWAITING_APPROVAL;
    }
}
