package io.clientspace.security;

import static io.clientspace.support.Actors.asManager;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.support.ClientspaceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RoleRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** The realms imported from keycloak/ are what the app relies on, read back from the running Keycloak. */
@ClientspaceIntegrationTest
class KeycloakRealmIntegrationTests {

    @Autowired
    @Qualifier("staffAdmin")
    Keycloak staffAdmin;
    @Autowired
    @Qualifier("customerAdmin")
    Keycloak customerAdmin;
    @Autowired
    StaffDirectory staff;

    @Test
    void staffRealmHasTheFourRolesAndTheDirectoryReadsItsPeople() {
        assertThat(staffAdmin.realm("clientspace-staff").roles().list()).extracting(RoleRepresentation::getName)
                .contains("admin", "manager", "member", "process-owner");
        assertThat(asManager(() -> staff.all())).extracting(StaffMember::username)
                .contains("admin", "manager", "jonas", "member");
        StaffMember admin = asManager(() -> staff.find("admin")).orElseThrow();
        assertThat(admin.displayName()).isEqualTo("Alex Morgan");
        assertThat(admin.roles()).contains(Roles.ADMIN, Roles.PROCESS_OWNER);
    }

    @Test
    void customersRealmLocksOutPasswordGuessersAndWantsStrongPasswords() {
        var realm = customerAdmin.realm("clientspace-customers").toRepresentation();
        assertThat(realm.isBruteForceProtected()).isTrue();
        assertThat(realm.getFailureFactor()).isLessThanOrEqualTo(10);
        assertThat(realm.getPasswordPolicy()).contains("length(10)", "digits(1)", "notUsername", "notEmail");
        assertThat(realm.isRegistrationAllowed()).isFalse();
    }
}
