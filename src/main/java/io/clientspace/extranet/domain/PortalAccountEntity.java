package io.clientspace.extranet.domain;

import jakarta.persistence.Version;
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
    private String role = "OTHER";
    private Instant invitedAt;
    private String invitedBy;
    private Instant invitationExpiresAt;
    private Instant lastSignInAt;
    private Instant revokedAt;
    private String revokedBy;
    private String locale = "en";
    private boolean identityCreated;
    private String policySections;
    private String policyProjects;
    private Instant removedAt;
    private String removedBy;
    @Version
    private Long version;

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

    public String getRole() { return role; }
    public Instant getInvitedAt() { return invitedAt; }
    public String getInvitedBy() { return invitedBy; }
    public Instant getInvitationExpiresAt() { return invitationExpiresAt; }
    public Instant getLastSignInAt() { return lastSignInAt; }
    public long getVersion() { return version == null ? 0 : version; }
    public String getLocale() { return locale; }

    /** The language mails to this contact are written in (en, de, ru). */
    public void speaks(String language) {
        this.locale = language;
    }

    /** A contact who has not been invited yet; their sign-in name is their e-mail address. */
    public static PortalAccountEntity contact(UUID clientId, String email, String displayName, String role,
                                              String addedBy, Instant now) {
        PortalAccountEntity a = new PortalAccountEntity(UUID.randomUUID(), clientId, email, email, displayName,
                "NOT_INVITED", addedBy, now);
        a.role = role;
        return a;
    }

    public void identity(String keycloakUserId) {
        this.keycloakUserId = keycloakUserId;
    }

    /** The identity was created for this contact's invitation (not one that existed before). */
    public void identityCreated(String keycloakUserId) {
        this.keycloakUserId = keycloakUserId;
        this.identityCreated = true;
    }

    public boolean isIdentityCreated() {
        return identityCreated;
    }

    /**
     * The invitation was taken back before it was used: the contact is as before the invitation, and an identity
     * created for it is gone.
     */
    public void invitationCancelled(boolean identityDeleted) {
        this.status = "NOT_INVITED";
        this.invitedAt = null;
        this.invitedBy = null;
        this.invitationExpiresAt = null;
        if (identityDeleted) {
            this.keycloakUserId = null;
            this.identityCreated = false;
        }
    }

    /** An invitation (or a new one after an expiry or a revocation) went out; valid until {@code expiresAt}. */
    public void invited(String by, Instant now, Instant expiresAt) {
        this.status = "INVITED";
        this.invitedBy = by;
        this.invitedAt = now;
        this.invitationExpiresAt = expiresAt;
        this.revokedAt = null;
        this.revokedBy = null;
    }

    public void signedIn(Instant now) {
        this.lastSignInAt = now;
    }

    public void activated() {
        this.status = "ACTIVE";
        this.invitationExpiresAt = null;
    }

    public void expired() {
        this.status = "EXPIRED";
    }

    public void revoked(String by, Instant now) {
        this.status = "REVOKED";
        this.revokedBy = by;
        this.revokedAt = now;
    }

    /**
     * Blanks the person's data on their request: name to the placeholder, e-mail and username to values that name
     * nobody (both stay unique), no identity, access revoked. The row stays, as acceptances name it as evidence.
     */
    public void erase(String placeholder, String by, Instant now) {
        if (!isRevoked()) {
            revoked(by, now);
        }
        this.displayName = placeholder;
        this.username = "erased-" + id;
        this.email = "erased-" + id + "@erased.invalid";
        this.keycloakUserId = null;
        this.lastSignInAt = null;
    }

    public String getPolicySections() { return policySections; }
    public String getPolicyProjects() { return policyProjects; }
    public Instant getRemovedAt() { return removedAt; }

    /** Name and role as a manager corrected them. */
    public void edit(String displayName, String role) {
        this.displayName = displayName;
        this.role = role;
    }

    /**
     * A new e-mail address. A contact who never had an identity signs in by it later, so their username follows;
     * an existing identity keeps its username (Keycloak signs in by e-mail too).
     */
    public void email(String email, boolean usernameFollows) {
        this.email = email;
        if (usernameFollows) {
            this.username = email;
        }
    }

    /** The per-contact policy; null columns mean "all" (see ContactPolicy). */
    public void policy(String sections, String projects) {
        this.policySections = sections;
        this.policyProjects = projects;
    }

    /** Gone from the list; revoked before, by the service. The row stays as evidence. */
    public void removed(String by, Instant now) {
        this.removedAt = now;
        this.removedBy = by;
    }

    /** Added again after a removal: back in the list, still revoked until invited. */
    public void restored(String displayName, String role) {
        this.removedAt = null;
        this.removedBy = null;
        this.displayName = displayName;
        this.role = role;
        this.policySections = null;
        this.policyProjects = null;
    }

    public boolean isRemoved() {
        return removedAt != null;
    }

    public boolean isRevoked() {
        return "REVOKED".equals(status);
    }
}
