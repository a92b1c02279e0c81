package io.clientspace.proposal.domain;

import io.clientspace.proposal.FeeModel;
import io.clientspace.proposal.ProposalStatus;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "proposal")
public class ProposalEntity {
    @Id
    private UUID id;
    private UUID clientId;
    private UUID dealId;
    private UUID projectId;
    private String number;
    private String title;
    @Enumerated(EnumType.STRING)
    private FeeModel feeModel;
    private String currency;
    private BigDecimal fixedAmount;
    private BigDecimal hourlyRate;
    private BigDecimal estimatedHours;
    private BigDecimal monthlyAmount;
    private Integer termMonths;
    private BigDecimal discountPercent;
    private BigDecimal feeAmount;
    private String scope;
    private LocalDate validUntil;
    @Enumerated(EnumType.STRING)
    private ProposalStatus status;
    private String owner;
    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    private String approvalReason;
    private String approvedBy;
    private Instant approvedAt;
    private String returnedBy;
    private Instant returnedAt;
    private String returnComment;
    private Instant submittedAt;
    private Instant sentAt;
    private Instant decidedAt;
    private UUID decidedByAccount;
    private String decidedByName;
    private String decidedFromIp;
    private String declineReason;
    private Instant expiredAt;
    private String processInstanceId;
    private String submittedBy;
    private String lastEditedBy;
    private Instant withdrawnAt;
    private String withdrawnBy;
    private String withdrawReason;
    private UUID revisionOf;
    private UUID supersededBy;
    private String acceptedPdfSha256;
    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "proposal_milestone", joinColumns = @JoinColumn(name = "proposal_id"))
    @OrderColumn(name = "position")
    private List<MilestoneEmbeddable> milestones = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "proposal_attachment", joinColumns = @JoinColumn(name = "proposal_id"))
    @Column(name = "file_id")
    private Set<UUID> attachmentIds = new LinkedHashSet<>();

    protected ProposalEntity() {
    }

    public ProposalEntity(UUID id, UUID clientId, String number, String owner, Instant now) {
        this.id = id;
        this.clientId = clientId;
        this.number = number;
        this.owner = owner;
        this.createdBy = owner;
        this.lastEditedBy = owner;
        this.createdAt = now;
        this.updatedAt = now;
        this.status = ProposalStatus.DRAFT;
    }

    /** The rules asked for approval: the proposal waits for the approver. */
    public void awaitApproval(String reason, Instant now) {
        status = ProposalStatus.AWAITING_APPROVAL;
        approvalReason = reason;
        updatedAt = now;
    }

    public void approve(String by, Instant now) {
        approvedBy = by;
        approvedAt = now;
        updatedAt = now;
    }

    /** The approver sent it back: a draft again, with their comment for the team. */
    public void returnToDraft(String by, String comment, Instant now) {
        status = ProposalStatus.DRAFT;
        returnedBy = by;
        returnedAt = now;
        returnComment = comment;
        approvedBy = null;
        approvedAt = null;
        updatedAt = now;
    }

    /** Who submits it; recorded before the process starts, as its first step may send the proposal already. */
    public void submittedBy(String by) {
        this.submittedBy = by;
    }

    public void submitted(String processInstanceId, String by, Instant now) {
        this.processInstanceId = processInstanceId;
        this.submittedBy = by;
        this.submittedAt = now;
        this.updatedAt = now;
    }

    public void sent(Instant now) {
        status = ProposalStatus.SENT;
        sentAt = now;
        updatedAt = now;
    }

    public void accepted(UUID account, String typedName, String ip, Instant now) {
        status = ProposalStatus.ACCEPTED;
        decide(account, typedName, ip, now);
    }

    public void declined(UUID account, String name, String ip, String reason, Instant now) {
        status = ProposalStatus.DECLINED;
        declineReason = reason;
        decide(account, name, ip, now);
    }

    /** The team took it back: the customer can no longer answer it. */
    public void withdrawn(String by, String reason, Instant now) {
        status = ProposalStatus.WITHDRAWN;
        withdrawnBy = by;
        withdrawReason = reason;
        withdrawnAt = now;
        updatedAt = now;
    }

    /** A draft that revises a withdrawn proposal; once sent it supersedes that one. */
    public void revises(UUID withdrawnProposalId) {
        this.revisionOf = withdrawnProposalId;
    }

    /** The revision that replaces this withdrawn proposal was sent: the portal shows that one instead. */
    public void supersededBy(UUID revisionId, Instant now) {
        this.supersededBy = revisionId;
        this.updatedAt = now;
    }

    /** The SHA-256 of the PDF the accepting contact could download; recorded with the acceptance, as evidence. */
    public void acceptedPdf(String sha256) {
        this.acceptedPdfSha256 = sha256;
    }

    public void expired(Instant now) {
        status = ProposalStatus.EXPIRED;
        expiredAt = now;
        updatedAt = now;
    }

    private void decide(UUID account, String name, String ip, Instant now) {
        decidedByAccount = account;
        decidedByName = name;
        decidedFromIp = ip;
        decidedAt = now;
        updatedAt = now;
    }

    public UUID getId() { return id; }
    public UUID getClientId() { return clientId; }
    public UUID getProjectId() { return projectId; }
    public void setProjectId(UUID projectId) { this.projectId = projectId; }
    public UUID getDealId() { return dealId; }
    public void setDealId(UUID dealId) { this.dealId = dealId; }
    public String getNumber() { return number; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public FeeModel getFeeModel() { return feeModel; }
    public void setFeeModel(FeeModel feeModel) { this.feeModel = feeModel; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public BigDecimal getFixedAmount() { return fixedAmount; }
    public void setFixedAmount(BigDecimal fixedAmount) { this.fixedAmount = fixedAmount; }
    public BigDecimal getHourlyRate() { return hourlyRate; }
    public void setHourlyRate(BigDecimal hourlyRate) { this.hourlyRate = hourlyRate; }
    public BigDecimal getEstimatedHours() { return estimatedHours; }
    public void setEstimatedHours(BigDecimal estimatedHours) { this.estimatedHours = estimatedHours; }
    public BigDecimal getMonthlyAmount() { return monthlyAmount; }
    public void setMonthlyAmount(BigDecimal monthlyAmount) { this.monthlyAmount = monthlyAmount; }
    public Integer getTermMonths() { return termMonths; }
    public void setTermMonths(Integer termMonths) { this.termMonths = termMonths; }
    public BigDecimal getDiscountPercent() { return discountPercent; }
    public void setDiscountPercent(BigDecimal discountPercent) { this.discountPercent = discountPercent; }
    public BigDecimal getFeeAmount() { return feeAmount; }
    public void setFeeAmount(BigDecimal feeAmount) { this.feeAmount = feeAmount; }
    public String getScope() { return scope; }
    public void setScope(String scope) { this.scope = scope; }
    public LocalDate getValidUntil() { return validUntil; }
    public void setValidUntil(LocalDate validUntil) { this.validUntil = validUntil; }
    public ProposalStatus getStatus() { return status; }
    public String getOwner() { return owner; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public String getApprovalReason() { return approvalReason; }
    public String getApprovedBy() { return approvedBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public String getReturnedBy() { return returnedBy; }
    public Instant getReturnedAt() { return returnedAt; }
    public String getReturnComment() { return returnComment; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getSentAt() { return sentAt; }
    public Instant getDecidedAt() { return decidedAt; }
    public UUID getDecidedByAccount() { return decidedByAccount; }
    public String getDecidedByName() { return decidedByName; }
    public String getDecidedFromIp() { return decidedFromIp; }
    public String getDeclineReason() { return declineReason; }
    public Instant getExpiredAt() { return expiredAt; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getSubmittedBy() { return submittedBy; }
    public String getLastEditedBy() { return lastEditedBy; }
    public Instant getWithdrawnAt() { return withdrawnAt; }
    public String getWithdrawnBy() { return withdrawnBy; }
    public String getWithdrawReason() { return withdrawReason; }
    public UUID getRevisionOf() { return revisionOf; }
    public UUID getSupersededBy() { return supersededBy; }
    public String getAcceptedPdfSha256() { return acceptedPdfSha256; }

    /** Who changed the proposal's content last: one of the people who may not approve it. */
    public void edited(String by, Instant now) {
        this.lastEditedBy = by;
        this.updatedAt = now;
    }
    public long getVersion() { return version; }
    public List<MilestoneEmbeddable> getMilestones() { return milestones; }
    public Set<UUID> getAttachmentIds() { return attachmentIds; }
}
