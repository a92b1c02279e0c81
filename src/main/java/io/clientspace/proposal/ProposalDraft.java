package io.clientspace.proposal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the user types to create or change a proposal. Mutable for form binding; the service checks it with
 * {@link ProposalRules}. Only the fields of the chosen fee model are kept; the others are ignored.
 */
public class ProposalDraft {
    private String title;
    private UUID dealId;
    /** The client's project the proposal belongs to; null for the client as a whole. Only {@code create} reads it. */
    private UUID projectId;
    private FeeModel feeModel = FeeModel.FIXED_FEE;
    private String currency = "EUR";
    private BigDecimal fixedAmount;
    private BigDecimal hourlyRate;
    private BigDecimal estimatedHours;
    private BigDecimal monthlyAmount;
    private Integer termMonths;
    private List<Milestone> milestones = new ArrayList<>();
    private BigDecimal discountPercent = BigDecimal.ZERO;
    private String scope;
    private LocalDate validUntil;
    private List<UUID> attachmentIds = new ArrayList<>();

    /** A draft with the proposal's content, to start a new version of it from. */
    public static ProposalDraft of(Proposal p) {
        ProposalDraft d = new ProposalDraft();
        d.setTitle(p.title());
        d.setDealId(p.dealId());
        d.setProjectId(p.projectId());
        d.setFeeModel(p.feeModel());
        d.setCurrency(p.currency());
        d.setFixedAmount(p.fixedAmount());
        d.setHourlyRate(p.hourlyRate());
        d.setEstimatedHours(p.estimatedHours());
        d.setMonthlyAmount(p.monthlyAmount());
        d.setTermMonths(p.termMonths());
        d.setMilestones(p.milestones());
        d.setDiscountPercent(p.discountPercent());
        d.setScope(p.scope());
        d.setValidUntil(p.validUntil());
        d.setAttachmentIds(p.attachments().stream().map(ProposalAttachment::fileId).toList());
        return d;
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public UUID getProjectId() { return projectId; }
    public void setProjectId(UUID projectId) { this.projectId = projectId; }
    public UUID getDealId() { return dealId; }
    public void setDealId(UUID dealId) { this.dealId = dealId; }
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
    public List<Milestone> getMilestones() { return milestones; }
    public void setMilestones(List<Milestone> milestones) {
        this.milestones = milestones == null ? new ArrayList<>() : new ArrayList<>(milestones);
    }
    public BigDecimal getDiscountPercent() { return discountPercent; }
    public void setDiscountPercent(BigDecimal discountPercent) { this.discountPercent = discountPercent; }
    public String getScope() { return scope; }
    public void setScope(String scope) { this.scope = scope; }
    public LocalDate getValidUntil() { return validUntil; }
    public void setValidUntil(LocalDate validUntil) { this.validUntil = validUntil; }
    public List<UUID> getAttachmentIds() { return attachmentIds; }
    public void setAttachmentIds(List<UUID> attachmentIds) {
        this.attachmentIds = attachmentIds == null ? new ArrayList<>() : new ArrayList<>(attachmentIds);
    }
}
