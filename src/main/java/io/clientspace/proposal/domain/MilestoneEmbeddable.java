package io.clientspace.proposal.domain;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One row of proposal_milestone; its position is the list index. */
@Embeddable
public class MilestoneEmbeddable {
    private String title;
    private BigDecimal amount;

    protected MilestoneEmbeddable() {
    }

    public MilestoneEmbeddable(String title, BigDecimal amount) {
        this.title = title;
        this.amount = amount;
    }

    public String getTitle() { return title; }
    public BigDecimal getAmount() { return amount; }
}
