package io.clientspace.acceptance.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "document_acceptance")
public class DocumentAcceptanceEntity {
    @Id
    private UUID id;
    private UUID clientId;
    private UUID projectId;
    private UUID documentId;
    private UUID versionId;
    private String documentTitle;
    private int versionNumber;
    private String fileName;
    private String contentType;
    private String versionSha256;
    private String status;
    private String sentBy;
    private Instant sentAt;
    private Instant expiresAt;
    private Instant remindedAt;
    private Instant expiredAt;
    private UUID resentFrom;
    private Instant acceptedAt;
    private String acceptedName;
    private UUID acceptedAccountId;
    private String acceptedUsername;
    private String acceptedEmail;
    private String acceptedIp;
    private String acceptedUserAgent;
    private String evidenceHmac;
    private Instant withdrawnAt;
    private String withdrawnBy;
    private String withdrawReason;
    @Version
    private Long version;

    protected DocumentAcceptanceEntity() {
    }

    public DocumentAcceptanceEntity(UUID id, UUID clientId, UUID projectId, UUID documentId, UUID versionId,
                                    String documentTitle, int versionNumber, String fileName, String contentType,
                                    String versionSha256, String sentBy, Instant sentAt, Instant expiresAt,
                                    UUID resentFrom) {
        this.id = id;
        this.clientId = clientId;
        this.projectId = projectId;
        this.documentId = documentId;
        this.versionId = versionId;
        this.documentTitle = documentTitle;
        this.versionNumber = versionNumber;
        this.fileName = fileName;
        this.contentType = contentType;
        this.versionSha256 = versionSha256;
        this.status = "PENDING";
        this.sentBy = sentBy;
        this.sentAt = sentAt;
        this.expiresAt = expiresAt;
        this.resentFrom = resentFrom;
    }

    public void accept(Instant at, String name, UUID accountId, String username, String email, String ip,
                       String userAgent) {
        this.status = "ACCEPTED";
        this.acceptedAt = at;
        this.acceptedName = name;
        this.acceptedAccountId = accountId;
        this.acceptedUsername = username;
        this.acceptedEmail = email;
        this.acceptedIp = ip;
        this.acceptedUserAgent = userAgent;
    }

    /** The evidence's seal, set once with the acceptance; a database trigger keeps it and the evidence final. */
    public void seal(String hmac) {
        this.evidenceHmac = hmac;
    }

    public String getEvidenceHmac() {
        return evidenceHmac;
    }

    public void expire(Instant at) {
        this.status = "EXPIRED";
        this.expiredAt = at;
    }

    public void reminded(Instant at) { this.remindedAt = at; }

    /** The team took it back before anyone accepted it. */
    public void withdraw(Instant at, String by, String reason) {
        this.status = "WITHDRAWN";
        this.withdrawnAt = at;
        this.withdrawnBy = by;
        this.withdrawReason = reason;
    }

    public Instant getWithdrawnAt() { return withdrawnAt; }
    public String getWithdrawnBy() { return withdrawnBy; }
    public String getWithdrawReason() { return withdrawReason; }

    public UUID getId() { return id; }
    public UUID getClientId() { return clientId; }
    public UUID getProjectId() { return projectId; }
    public UUID getDocumentId() { return documentId; }
    public UUID getVersionId() { return versionId; }
    public String getDocumentTitle() { return documentTitle; }
    public int getVersionNumber() { return versionNumber; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public String getVersionSha256() { return versionSha256; }
    public String getStatus() { return status; }
    public String getSentBy() { return sentBy; }
    public Instant getSentAt() { return sentAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getRemindedAt() { return remindedAt; }
    public Instant getExpiredAt() { return expiredAt; }
    public UUID getResentFrom() { return resentFrom; }
    public Instant getAcceptedAt() { return acceptedAt; }
    public String getAcceptedName() { return acceptedName; }
    public UUID getAcceptedAccountId() { return acceptedAccountId; }
    public String getAcceptedUsername() { return acceptedUsername; }
    public String getAcceptedEmail() { return acceptedEmail; }
    public String getAcceptedIp() { return acceptedIp; }
    public String getAcceptedUserAgent() { return acceptedUserAgent; }
    public long getVersion() { return version == null ? 0 : version; }
}
