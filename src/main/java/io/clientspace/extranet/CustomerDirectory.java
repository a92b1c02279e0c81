package io.clientspace.extranet;

import io.clientspace.security.KeycloakProperties;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
