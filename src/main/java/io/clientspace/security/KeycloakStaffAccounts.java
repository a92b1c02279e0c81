package io.clientspace.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Reads one staff account with the app's admin API client (view-users is all it needs). */
@Component
class KeycloakStaffAccounts implements StaffAccounts {

    private final Keycloak staffAdmin;
    private final KeycloakProperties keycloak;

    KeycloakStaffAccounts(@Qualifier("staffAdmin") Keycloak staffAdmin, KeycloakProperties keycloak) {
        this.staffAdmin = staffAdmin;
        this.keycloak = keycloak;
    }

    @Override
    public Optional<Set<String>> activeRealmRoles(String username) {
        var users = staffAdmin.realm(keycloak.staffRealm()).users();
        Optional<UserRepresentation> user = users.searchByUsername(username, true).stream()
                .filter(u -> username.equalsIgnoreCase(u.getUsername())).findFirst();
        if (user.isEmpty() || !Boolean.TRUE.equals(user.get().isEnabled())) {
            return Optional.empty();
        }
        return Optional.of(users.get(user.get().getId()).roles().realmLevel().listEffective().stream()
                .map(RoleRepresentation::getName).collect(Collectors.toUnmodifiableSet()));
    }
}
