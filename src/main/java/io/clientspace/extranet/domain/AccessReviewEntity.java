package io.clientspace.extranet.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One access review of one client: who was asked, when, whether it went to a manager, and who answered. */
@Entity
@Table(name = "access_review")
public class AccessReviewEntity {
    @Id
    private UUID id;
    private UUID clientId;
    private String reviewer;
    private Instant openedAt;
    private String escalatedTo;
    private Instant escalatedAt;
    private String status;
    private String answeredBy;
    private Instant answeredAt;
    @Version
    private Long version;

    protected AccessReviewEntity() {
    }

    public AccessReviewEntity(UUID clientId, String reviewer, Instant openedAt) {
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.reviewer = reviewer;
        this.openedAt = openedAt;
        this.status = "OPEN";
    }

    public UUID getId() { return id; }
    public UUID getClientId() { return clientId; }
    public String getReviewer() { return reviewer; }
    public Instant getOpenedAt() { return openedAt; }
    public String getEscalatedTo() { return escalatedTo; }
    public Instant getEscalatedAt() { return escalatedAt; }
    public String getStatus() { return status; }
    public String getAnsweredBy() { return answeredBy; }
    public Instant getAnsweredAt() { return answeredAt; }
    public boolean isOpen() { return "OPEN".equals(status); }

    public void escalated(String to, Instant at) {
        this.escalatedTo = to;
        this.escalatedAt = at;
    }

    /** The client was archived before anyone answered: the review ends without decisions. */
    public void cancelled() {
        this.status = "CANCELLED";
    }

    public void answered(String by, Instant at) {
        this.status = "DONE";
        this.answeredBy = by;
        this.answeredAt = at;
    }
}
