package io.clientspace.document.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "document_version")
public class DocumentVersionEntity {
    @Id
    private UUID id;
    private UUID documentId;
    private int number;
    private String fileName;
    private String contentType;
    private long sizeBytes;
    private String objectKey;
    private String sha256;
    private String note;
    private String uploadedBy;
    private Instant uploadedAt;
    /** Set while the version waits for a virus scan (clamd was unreachable at upload); null once scanned clean. */
    private Instant quarantinedAt;
    private Instant scanAttemptedAt;

    protected DocumentVersionEntity() {
    }

    public DocumentVersionEntity(UUID id, UUID documentId, int number, String fileName, String contentType,
                                 long sizeBytes, String objectKey, String sha256, String note, String uploadedBy,
                                 Instant uploadedAt) {
        this.id = id;
        this.documentId = documentId;
        this.number = number;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.objectKey = objectKey;
        this.sha256 = sha256;
        this.note = note;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public UUID getId() { return id; }
    public UUID getDocumentId() { return documentId; }
    public int getNumber() { return number; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public long getSizeBytes() { return sizeBytes; }
    public String getObjectKey() { return objectKey; }
    public String getSha256() { return sha256; }
    public String getNote() { return note; }
    public String getUploadedBy() { return uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
    public boolean isQuarantined() { return quarantinedAt != null; }

    public void quarantine(Instant at) {
        this.quarantinedAt = at;
    }

    public void released() {
        this.quarantinedAt = null;
    }

    public void scanAttempted(Instant at) {
        this.scanAttemptedAt = at;
    }
}
