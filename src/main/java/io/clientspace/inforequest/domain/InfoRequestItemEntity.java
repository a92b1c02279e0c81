package io.clientspace.inforequest.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "info_request_item")
public class InfoRequestItemEntity {
    @Id
    private UUID id;
    private UUID requestId;
    private int position;
    private String kind;
    private String prompt;
    private LocalDate dueDate;
    private String state;
    private String answerText;
    private String fileName;
    private String contentType;
    private Long sizeBytes;
    private String objectKey;
    private String sha256;
    private String answeredBy;
    private Instant answeredAt;
    private String reviewComment;
    private String reviewedBy;
    private Instant reviewedAt;
    /** CLEAN, or PENDING while the uploaded file waits in quarantine for a virus scan (V20). */
    private String scanStatus = "CLEAN";

    protected InfoRequestItemEntity() {
    }

    public InfoRequestItemEntity(UUID id, UUID requestId, int position, String kind, String prompt,
                                 LocalDate dueDate) {
        this.id = id;
        this.requestId = requestId;
        this.position = position;
        this.kind = kind;
        this.prompt = prompt;
        this.dueDate = dueDate;
        this.state = "OPEN";
    }

    /** A typed answer, kept on the item until it is submitted. */
    public void draftAnswer(String text, String by, Instant now) {
        this.answerText = text;
        this.answeredBy = by;
        this.answeredAt = now;
    }

    /** An uploaded file, kept on the item until it is submitted; returns the object key it replaces, or null. */
    public String draftFile(String name, String type, long size, String key, String sha, String by, Instant now) {
        String previous = this.objectKey;
        this.fileName = name;
        this.contentType = type;
        this.sizeBytes = size;
        this.objectKey = key;
        this.sha256 = sha;
        this.answeredBy = by;
        this.answeredAt = now;
        this.scanStatus = "CLEAN";
        return previous;
    }

    /** The virus scanner could not be reached: the file stays, hidden, until a scan releases it. */
    public void quarantine() {
        this.scanStatus = "PENDING";
    }

    public void released() {
        this.scanStatus = "CLEAN";
    }

    public boolean isQuarantined() {
        return "PENDING".equals(scanStatus);
    }

    /** A scan found the quarantined file infected: it is gone from the item, which waits for a new upload. */
    public String dropFile() {
        String key = this.objectKey;
        this.fileName = null;
        this.contentType = null;
        this.sizeBytes = null;
        this.objectKey = null;
        this.sha256 = null;
        this.scanStatus = "CLEAN";
        return key;
    }

    public void setState(String state) { this.state = state; }

    public void reviewed(String state, String comment, String by, Instant now) {
        this.state = state;
        this.reviewComment = comment;
        this.reviewedBy = by;
        this.reviewedAt = now;
    }

    public boolean hasAnswer() {
        return "FILE".equals(kind) ? objectKey != null : answerText != null && !answerText.isBlank();
    }

    /**
     * An answer that waits to be submitted: on an open item, or on a returned one if it was given after the return
     * (the returned answer itself does not count again).
     */
    public boolean readyToSubmit() {
        return hasAnswer() && ("OPEN".equals(state)
                || "RETURNED".equals(state) && answeredAt != null && reviewedAt != null && answeredAt.isAfter(reviewedAt));
    }

    public UUID getId() { return id; }
    public UUID getRequestId() { return requestId; }
    public int getPosition() { return position; }
    public String getKind() { return kind; }
    public String getPrompt() { return prompt; }
    public LocalDate getDueDate() { return dueDate; }
    public String getState() { return state; }
    public String getAnswerText() { return answerText; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public Long getSizeBytes() { return sizeBytes; }
    public String getObjectKey() { return objectKey; }
    public String getSha256() { return sha256; }
    public String getAnsweredBy() { return answeredBy; }
    public Instant getAnsweredAt() { return answeredAt; }
    public String getReviewComment() { return reviewComment; }
    public String getReviewedBy() { return reviewedBy; }
    public Instant getReviewedAt() { return reviewedAt; }
}
