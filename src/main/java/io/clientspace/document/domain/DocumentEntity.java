package io.clientspace.document.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "document")
public class DocumentEntity {
    @Id
    private UUID id;
    private UUID clientId;
    private UUID projectId;
    private String title;
    private String type;
    private String status;
    private UUID finalVersionId;
    private String createdBy;
    private Instant createdAt;
    private String updatedBy;
    private Instant updatedAt;
    private boolean sharedWithClient;
    private Instant archivedAt;
    private String archivedBy;
    @Version
    private Long version;

    protected DocumentEntity() {
    }

    public DocumentEntity(UUID id, UUID clientId, String title, String type, String by, Instant now) {
        this.id = id;
        this.clientId = clientId;
        this.title = title;
        this.type = type;
        this.status = "DRAFT";
        this.createdBy = by;
        this.createdAt = now;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public void touch(String by, Instant now) {
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public void setStatus(String status) { this.status = status; }
    public void setTitle(String title) { this.title = title; }
    public void setType(String type) { this.type = type; }

    /** Archives the document, or brings it back with {@code by} and {@code when} null. */
    public void setArchived(String by, Instant when) {
        this.archivedBy = by;
        this.archivedAt = when;
    }

    public Instant getArchivedAt() { return archivedAt; }
    public String getArchivedBy() { return archivedBy; }
    public void setFinalVersionId(UUID finalVersionId) { this.finalVersionId = finalVersionId; }

    public UUID getId() { return id; }
    public UUID getClientId() { return clientId; }
    public UUID getProjectId() { return projectId; }
    /** Puts the document in one of its client's projects; null for the client as a whole. */
    public void setProjectId(UUID projectId) { this.projectId = projectId; }
    public String getTitle() { return title; }
    public String getType() { return type; }
    public String getStatus() { return status; }
    public UUID getFinalVersionId() { return finalVersionId; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getUpdatedBy() { return updatedBy; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version == null ? 0 : version; }
    public boolean isSharedWithClient() { return sharedWithClient; }
    public void setSharedWithClient(boolean shared) { this.sharedWithClient = shared; }
}
