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
 * {@code revisionOf} is the withdrawn proposal this one revises, {@code supersededBy} the revision that replaced this
 * withdrawn one once it was sent; {@code acceptedPdfSha256} is the SHA-256 of the PDF the accepting contact could
 * download, part of the acceptance's evidence (null unless accepted). {@code projectId} is the client's project the
 * proposal belongs to; null for the client as a whole (DD032).
 */
public record Proposal(UUID id, UUID clientId, UUID dealId, String dealTitle, String number, String title,
                       FeeModel feeModel, String currency, BigDecimal fixedAmount, BigDecimal hourlyRate,
                       BigDecimal estimatedHours, BigDecimal monthlyAmount, Integer termMonths,
                       List<Milestone> milestones, BigDecimal discountPercent, BigDecimal feeAmount, String scope,
                       LocalDate validUntil, ProposalStatus status, String owner, String ownerName,
                       String approvalReason, String approvedByName, String returnedByName, String returnComment,
                       Instant sentAt, Instant decidedAt, String decidedByName, String decidedFromIp,
                       String declineReason, List<ProposalAttachment> attachments, Instant createdAt, long version,
                       String submittedBy, String lastEditedBy, Instant withdrawnAt, String withdrawnByName,
                       String withdrawReason, UUID revisionOf, UUID supersededBy, String acceptedPdfSha256,
                       UUID projectId, boolean amountsHidden) {

    /**
     * The same proposal without its fees, rates and milestone amounts, for a colleague who only views the client while
     * the firm keeps amounts from viewers (issue 15 §1); {@link #amountsHidden} says so.
     */
    public Proposal withoutAmounts() {
        List<Milestone> titlesOnly = milestones == null ? null
                : milestones.stream().map(m -> new Milestone(m.title(), null)).toList();
        return new Proposal(id, clientId, dealId, dealTitle, number, title, feeModel, currency, null, null,
                estimatedHours, null, termMonths, titlesOnly, discountPercent, null, scope, validUntil, status, owner,
                ownerName, approvalReason, approvedByName, returnedByName, returnComment, sentAt, decidedAt,
                decidedByName, decidedFromIp, declineReason, attachments, createdAt, version, submittedBy,
                lastEditedBy, withdrawnAt, withdrawnByName, withdrawReason, revisionOf, supersededBy,
                acceptedPdfSha256, projectId, true);
    }

    public boolean isDraft() {
        return status == ProposalStatus.DRAFT;
    }

    public boolean awaitsApproval() {
        return status == ProposalStatus.AWAITING_APPROVAL;
    }

    /** Sent and still waiting for the customer: the team may withdraw it. */
    public boolean isWithdrawable() {
        return status == ProposalStatus.SENT;
    }

    /** Withdrawn and not revised yet: the team may revise it as a new version. */
    public boolean isRevisable() {
        return status == ProposalStatus.WITHDRAWN && supersededBy == null;
    }
}
