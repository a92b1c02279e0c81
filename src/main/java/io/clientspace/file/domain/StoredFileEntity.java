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
    private String name;
    private String contentType;
    private long sizeBytes;
    private String objectKey;
    private String uploadedBy;
    private Instant uploadedAt;
    private Instant deletedAt;

    protected StoredFileEntity() {
    }

    public UUID getId() { return id; }
    public UUID getClientId() { return clientId; }
    public String getName() { return name; }
    public String getContentType() { return contentType; }
    public long getSizeBytes() { return sizeBytes; }
    public String getObjectKey() { return objectKey; }
    public String getUploadedBy() { return uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
    public Instant getDeletedAt() { return deletedAt; }
}
