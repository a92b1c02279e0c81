package io.clientspace.deal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What the user types to create a deal. Mutable for form binding; the service checks it with {@link DealRules}. */
public class DealDraft {
    private String title;
    private BigDecimal amount;
    private String currency = "EUR";
    private LocalDate expectedClose;
    private String owner;
    private String nextStep;
    private LocalDate nextStepDue;
    /** The client's project the deal belongs to; null for the client as a whole. */
    private java.util.UUID projectId;

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
    public String getNextStep() { return nextStep; }
    public void setNextStep(String nextStep) { this.nextStep = nextStep; }
    public LocalDate getNextStepDue() { return nextStepDue; }
    public void setNextStepDue(LocalDate nextStepDue) { this.nextStepDue = nextStepDue; }
    public java.util.UUID getProjectId() { return projectId; }
    public void setProjectId(java.util.UUID projectId) { this.projectId = projectId; }
}
