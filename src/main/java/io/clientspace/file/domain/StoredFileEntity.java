package io.clientspace.file.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "stored_file")
public class StoredFileEntity {
    @Id
    private UUID id;
    private UUID clientId;
    private UUID projectId;
    private String name;
    private String contentType;
    private long sizeBytes;
    private String objectKey;
    private String uploadedBy;
    private Instant uploadedAt;
    private Instant deletedAt;
    private String deletedBy;
    private String sha256;
    private boolean sharedWithClient;
    /** CLEAN, or PENDING while the file waits in quarantine for a virus scan (V19). */
    private String scanStatus = "CLEAN";
    private Instant scanAttemptedAt;

    protected StoredFileEntity() {
    }

    public StoredFileEntity(UUID id, UUID clientId, String name, String contentType, long sizeBytes, String objectKey,
                            String sha256, String uploadedBy, Instant uploadedAt) {
        this.id = id;
        this.clientId = clientId;
        this.name = name;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.objectKey = objectKey;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    /** clamd could not be reached: the file is kept but hidden until a scan releases it. */
    public void quarantine(Instant attemptedAt) {
        this.scanStatus = "PENDING";
        this.scanAttemptedAt = attemptedAt;
    }

    /** A scan found nothing: the file is available like any other. */
    public void released(Instant scannedAt) {
        this.scanStatus = "CLEAN";
        this.scanAttemptedAt = scannedAt;
    }

    public void scanAttempted(Instant at) {
        this.scanAttemptedAt = at;
    }

    public boolean isQuarantined() {
        return "PENDING".equals(scanStatus);
    }

    public void delete(String by, Instant at) {
        this.deletedBy = by;
        this.deletedAt = at;
    }

    public void restore() {
        this.deletedBy = null;
        this.deletedAt = null;
    }

    public UUID getId() { return id; }
    public UUID getClientId() { return clientId; }
    public UUID getProjectId() { return projectId; }
    /** Puts the file in one of its client's projects; null for the client as a whole. */
    public void setProjectId(UUID projectId) { this.projectId = projectId; }
    public String getName() { return name; }
    public String getContentType() { return contentType; }
    public long getSizeBytes() { return sizeBytes; }
    public String getObjectKey() { return objectKey; }
    public String getUploadedBy() { return uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
    public Instant getDeletedAt() { return deletedAt; }
    public String getDeletedBy() { return deletedBy; }
    public String getSha256() { return sha256; }
    public boolean isSharedWithClient() { return sharedWithClient; }
    public void setSharedWithClient(boolean shared) { this.sharedWithClient = shared; }
}
