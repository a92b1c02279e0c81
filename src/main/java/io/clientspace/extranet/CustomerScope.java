package io.clientspace.extranet;

import java.util.Objects;
import java.util.UUID;

/**
 * Whose eyes the portal looks through: one active portal account of one client. Only {@link PortalAccessPolicy}
 * makes one, for the signed-in customer or, read-only, for a manager's "view as client". Every module's customer
 * method takes a scope instead of an id it would have to trust, and asks the policy to
 * {@linkplain PortalAccessPolicy#verify verify} it, which the policy does once per request; a scope kept in a page
 * can therefore never widen what that page shows.
 */
public final class CustomerScope {

    private final UUID accountId;
    private final UUID clientId;
    private final String clientName;
    private final String username;
    private final String displayName;
    private final String email;
    private final boolean preview;

    CustomerScope(UUID accountId, UUID clientId, String clientName, String username, String displayName, String email,
                  boolean preview) {
        this.accountId = Objects.requireNonNull(accountId);
        this.clientId = Objects.requireNonNull(clientId);
        this.clientName = clientName;
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.preview = preview;
    }

    public UUID accountId() { return accountId; }
    public UUID clientId() { return clientId; }
    public String clientName() { return clientName; }
    /** The customer's Keycloak username; for a preview, the contact's, not the manager's. */
    public String username() { return username; }
    public String displayName() { return displayName; }
    public String email() { return email; }

    /** A manager looking as the client: read-only, and downloads are not recorded as the customer's. */
    public boolean preview() { return preview; }
}
