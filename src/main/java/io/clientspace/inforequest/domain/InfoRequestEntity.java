package io.clientspace.inforequest.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "info_request")
public class InfoRequestEntity {
    @Id
    private UUID id;
    private UUID clientId;
    private UUID projectId;
    private String number;
    private String title;
    private String status;
    private String createdBy;
    private Instant createdAt;
    private String sentBy;
    private Instant sentAt;
    private Instant closedAt;
    private String cancelledBy;
    @Version
    private Long version;

    protected InfoRequestEntity() {
    }

    public InfoRequestEntity(UUID id, UUID clientId, UUID projectId, String number, String title, String by,
                             Instant now) {
        this.id = id;
        this.clientId = clientId;
        this.projectId = projectId;
        this.number = number;
        this.title = title;
        this.status = "DRAFT";
        this.createdBy = by;
        this.createdAt = now;
    }

    public void sent(String by, Instant now) {
        this.status = "SENT";
        this.sentBy = by;
        this.sentAt = now;
    }

    public void setStatus(String status) { this.status = status; }
    public void setTitle(String title) { this.title = title; }

    public void closed(String status, String by, Instant now) {
        this.status = status;
        this.closedAt = now;
        if ("CANCELLED".equals(status)) {
            this.cancelledBy = by;
        }
    }

    public UUID getId() { return id; }
    public UUID getClientId() { return clientId; }
    public UUID getProjectId() { return projectId; }
    public String getNumber() { return number; }
    public String getTitle() { return title; }
    public String getStatus() { return status; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getSentBy() { return sentBy; }
    public Instant getSentAt() { return sentAt; }
    public Instant getClosedAt() { return closedAt; }
    public String getCancelledBy() { return cancelledBy; }
    public long getVersion() { return version == null ? 0 : version; }
}
