package io.clientspace.extranet.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "portal_account")
public class PortalAccountEntity {
    @Id
    private UUID id;
    private UUID clientId;
    private String keycloakUserId;
    private String username;
    private String email;
    private String displayName;
    private String status;
    private String grantedBy;
    private Instant grantedAt;

    protected PortalAccountEntity() {
    }

    public PortalAccountEntity(UUID id, UUID clientId, String username, String email, String displayName,
                               String status, String grantedBy, Instant grantedAt) {
        this.id = id;
        this.clientId = clientId;
        this.username = username;
        this.email = email;
        this.displayName = displayName;
        this.status = status;
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
    }

    public UUID getId() { return id; }
    public UUID getClientId() { return clientId; }
    public String getKeycloakUserId() { return keycloakUserId; }
    public String getUsername() { return username; }
    public String getEmail() { return email; }
    public String getDisplayName() { return displayName; }
    public String getStatus() { return status; }
    public String getGrantedBy() { return grantedBy; }
    public Instant getGrantedAt() { return grantedAt; }

    /** Gives the account (again) to a client: a re-grant after a revocation, or a grant to a corrected client. */
    public void grant(UUID clientId, String email, String displayName, String grantedBy, Instant grantedAt) {
        this.clientId = clientId;
        this.email = email;
        this.displayName = displayName;
        this.status = "ACTIVE";
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
    }

    public boolean isRevoked() {
        return "REVOKED".equals(status);
    }
}
