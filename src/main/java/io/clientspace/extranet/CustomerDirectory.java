package io.clientspace.extranet;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Locale;
import io.clientspace.security.KeycloakProperties;
import java.util.List;
import java.util.Optional;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Customer identities in the customers realm. The binding to a customer record is the user attribute
 * {@code customer_id}, which only this service account may write (the realm's user profile makes it admin-only).
 */
@Component
class CustomerDirectory {

    static final String CUSTOMER_ID = "customer_id";

    private final Keycloak admin;
    private final KeycloakProperties keycloak;

    CustomerDirectory(@Qualifier("customerAdmin") Keycloak admin, KeycloakProperties keycloak) {
        this.admin = admin;
        this.keycloak = keycloak;
    }

    Optional<UserRepresentation> find(String username) {
        return realm().users().searchByUsername(username, true).stream().findFirst();
    }

    /**
     * Binds the identity to the customer record; from the next sign-in on, the portal shows that record's data.
     *
     * @param clientId the record's id, or null to remove the binding
     */
    void bind(UserRepresentation user, String clientId) {
        UserRepresentation update = realm().users().get(user.getId()).toRepresentation();
        if (clientId == null) {
            if (update.getAttributes() != null) {
                update.getAttributes().remove(CUSTOMER_ID);
            }
        } else {
            update.singleAttribute(CUSTOMER_ID, clientId);
        }
        realm().users().get(user.getId()).update(update);
    }

    Optional<UserRepresentation> findByEmail(String email) {
        return realm().users().searchByEmail(email, true).stream()
                .filter(u -> email.equalsIgnoreCase(u.getEmail())).findFirst();
    }

    /**
     * Creates an enabled customer identity, signed in by e-mail, bound to the customer record, speaking the given
     * language on Keycloak's pages and mails.
     *
     * @return the new user's id
     */
    String create(String email, String displayName, String clientId, Locale locale) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setEnabled(true);
        String name = displayName.trim();
        int space = name.lastIndexOf(' ');
        // Keycloak asks for both names at the first sign-in when one is missing; a one-word name fills both
        user.setFirstName(space > 0 ? name.substring(0, space) : name);
        user.setLastName(space > 0 ? name.substring(space + 1) : name);
        user.singleAttribute(CUSTOMER_ID, clientId);
        user.singleAttribute("locale", locale.getLanguage());
        try (Response response = realm().users().create(user)) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException("Keycloak refused the new customer identity: HTTP "
                        + response.getStatus());
            }
            return org.keycloak.admin.client.CreatedResponseUtil.getCreatedId(response);
        }
    }

    /** Deletes an identity (one created for an invitation that was cancelled); one already gone is fine. */
    void delete(String userId) {
        try (Response response = realm().users().delete(userId)) {
            if (response.getStatus() != 204 && response.getStatus() != 404) {
                throw new IllegalStateException("Keycloak refused to delete customer identity " + userId + ": HTTP "
                        + response.getStatus());
            }
        }
    }

    /** Turns an identity on or off; off ends its Keycloak sessions at once. */
    void setEnabled(String userId, boolean enabled) {
        var resource = realm().users().get(userId);
        UserRepresentation update = resource.toRepresentation();
        update.setEnabled(enabled);
        resource.update(update);
        if (!enabled) {
            resource.logout();
        }
    }

    /**
     * Has Keycloak mail the person a single-use link to set their password on Keycloak's own page, valid for
     * {@code validFor}; afterwards the link leads to {@code redirectUri}.
     */
    void sendSetPasswordLink(String userId, Duration validFor, String redirectUri) {
        realm().users().get(userId).executeActionsEmail(keycloak.customerClientId(), redirectUri,
                (int) Math.min(Integer.MAX_VALUE, validFor.toSeconds()), List.of("UPDATE_PASSWORD"));
    }

    /**
     * A contact's new e-mail address: set unverified, and Keycloak mails them a link to verify it (its
     * VERIFY_EMAIL required action), as invitations have it mail the set-password link.
     */
    void changeEmail(String userId, String email, String displayName, Duration validFor, String redirectUri,
                     boolean mail) {
        var resource = realm().users().get(userId);
        UserRepresentation update = resource.toRepresentation();
        update.setEmail(email);
        update.setEmailVerified(false);
        String name = displayName.trim();
        int space = name.lastIndexOf(' ');
        update.setFirstName(space > 0 ? name.substring(0, space) : name);
        update.setLastName(space > 0 ? name.substring(space + 1) : name);
        List<String> actions = new java.util.ArrayList<>(update.getRequiredActions() == null ? List.of()
                : update.getRequiredActions());
        if (!actions.contains("VERIFY_EMAIL")) {
            actions.add("VERIFY_EMAIL");
        }
        update.setRequiredActions(actions);
        resource.update(update);
        if (!mail) {
            // a contact without working access (expired, revoked) verifies the address when invited again
            return;
        }
        resource.executeActionsEmail(keycloak.customerClientId(), redirectUri,
                (int) Math.min(Integer.MAX_VALUE, validFor.toSeconds()), List.of("VERIFY_EMAIL"));
    }

    /** The identity's name as the contact's record has it. */
    void rename(String userId, String displayName) {
        var resource = realm().users().get(userId);
        UserRepresentation update = resource.toRepresentation();
        String name = displayName.trim();
        int space = name.lastIndexOf(' ');
        update.setFirstName(space > 0 ? name.substring(0, space) : name);
        update.setLastName(space > 0 ? name.substring(space + 1) : name);
        resource.update(update);
    }

    static String displayName(UserRepresentation u) {
        String full = ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
                + (u.getLastName() == null ? "" : u.getLastName())).trim();
        return full.isEmpty() ? u.getUsername() : full;
    }

    static List<String> attribute(UserRepresentation u, String name) {
        return u.getAttributes() == null ? List.of() : u.getAttributes().getOrDefault(name, List.of());
    }

    private RealmResource realm() {
        return admin.realm(keycloak.customerRealm());
    }
}
