package io.clientspace.e2e;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.security.KeycloakProperties;
import java.util.List;
import java.util.UUID;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Fresh people in the customers realm who can sign in, so that browser tests never share a portal identity (one
 * identity acts for one client only) with each other or with the demo users. A bean of the test context.
 */
@Component
class PortalIdentities {

    static final String PASSWORD = "Portal-Test-2027!";

    private final Keycloak customerAdmin;
    private final KeycloakProperties keycloak;

    PortalIdentities(@Qualifier("customerAdmin") Keycloak customerAdmin,
                     KeycloakProperties keycloak) {
        this.customerAdmin = customerAdmin;
        this.keycloak = keycloak;
    }

    /** A new identity with a password; returns its username. */
    String create(String firstName, String lastName) {
        String username = "pt-" + UUID.randomUUID().toString().substring(0, 8);
        var user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@customer.example");
        user.setEmailVerified(true);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEnabled(true);
        var password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        try (var response = customerAdmin.realm(keycloak.customerRealm()).users().create(user)) {
            assertThat(response.getStatus()).as("creating %s in the customers realm", username).isEqualTo(201);
        }
        return username;
    }
}
