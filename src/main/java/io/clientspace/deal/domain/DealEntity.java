package io.clientspace.deal.domain;

import io.clientspace.deal.DealStage;
import jakarta.persistence.Entity;
import jakarta.persistence.Convert;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "deal")
public class DealEntity {
    @Id
    private UUID id;
    private UUID clientId;
    private UUID projectId;
    private String title;
    private BigDecimal amount;
    private String currency;
    private LocalDate expectedClose;
    private String owner;
    @Convert(converter = DealStageColumn.class)
    private DealStage stage;
    private String nextStep;
    private LocalDate nextStepDue;
    private String closeReason;
    @Convert(converter = DealStageColumn.class)
    private DealStage lostFrom;
    private Instant stalledAt;
    private String processInstanceId;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant stageChangedAt;
    private Instant closedAt;
    @Version
    private Long version;

    protected DealEntity() {
    }

    public DealEntity(UUID id, UUID clientId, DealStage firstStage, Instant now) {
        this.id = id;
        this.clientId = clientId;
        // the stage listener records the stage the model opens, before the row is written
        this.stage = firstStage;
        this.createdAt = now;
        this.updatedAt = now;
        this.stageChangedAt = now;
    }

    /** Records that the process moved the deal into {@code newStage}. */
    public void enterStage(DealStage newStage, Instant now) {
        if (DealStage.LOST.equals(newStage) && stage != null && stage.isOpen()) {
            // where a reopen puts it back
            lostFrom = stage;
        }
        stalledAt = null;
        if (!newStage.equals(stage)) {
            stageChangedAt = now;
        }
        stage = newStage;
        updatedAt = now;
        if (!newStage.isOpen()) {
            closedAt = now;
        } else if (closedAt != null) {
            // reopened: why it was lost stays on the timeline, not on the open deal
            closedAt = null;
            closeReason = null;
        }
    }

    public UUID getId() { return id; }
    public UUID getClientId() { return clientId; }
    public UUID getProjectId() { return projectId; }
    public void setProjectId(UUID projectId) { this.projectId = projectId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public LocalDate getExpectedClose() { return expectedClose; }
    public void setExpectedClose(LocalDate expectedClose) { this.expectedClose = expectedClose; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
    public DealStage getStage() { return stage; }
    public String getNextStep() { return nextStep; }
    public void setNextStep(String nextStep) { this.nextStep = nextStep; }
    public LocalDate getNextStepDue() { return nextStepDue; }
    public void setNextStepDue(LocalDate nextStepDue) { this.nextStepDue = nextStepDue; }
    public String getCloseReason() { return closeReason; }
    public void setCloseReason(String closeReason) { this.closeReason = closeReason; }
    public Instant getStalledAt() { return stalledAt; }
    /** The open stage the deal was in when it was lost; null for deals lost before this was recorded. */
    public DealStage getLostFrom() { return lostFrom; }

    /** No stage movement for the model's stall period; cleared when the deal enters its next stage. */
    public void markStalled(Instant now) {
        if (stalledAt == null) {
            stalledAt = now;
        }
    }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String id) { this.processInstanceId = id; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public Instant getStageChangedAt() { return stageChangedAt; }
    public Instant getClosedAt() { return closedAt; }
    public long getVersion() { return version == null ? 0 : version; }
}
