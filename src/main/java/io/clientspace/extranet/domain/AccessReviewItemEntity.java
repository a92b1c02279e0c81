package io.clientspace.extranet.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One active contact as a review listed them, and what the review decided for them. */
@Entity
@Table(name = "access_review_item")
public class AccessReviewItemEntity {
    @Id
    private UUID id;
    private UUID reviewId;
    private UUID accountId;
    private String displayName;
    private String email;
    private Instant lastSignInAt;
    private String decision;
    private String outcome;

    protected AccessReviewItemEntity() {
    }

    public AccessReviewItemEntity(UUID reviewId, UUID accountId, String displayName, String email,
                                  Instant lastSignInAt) {
        this.id = UUID.randomUUID();
        this.reviewId = reviewId;
        this.accountId = accountId;
        this.displayName = displayName;
        this.email = email;
        this.lastSignInAt = lastSignInAt;
    }

    public UUID getId() { return id; }
    public UUID getReviewId() { return reviewId; }
    public UUID getAccountId() { return accountId; }
    public String getDisplayName() { return displayName; }
    public String getEmail() { return email; }
    public Instant getLastSignInAt() { return lastSignInAt; }
    public String getDecision() { return decision; }
    public String getOutcome() { return outcome; }

    public void decided(String decision, String outcome) {
        this.decision = decision;
        this.outcome = outcome;
    }
}
