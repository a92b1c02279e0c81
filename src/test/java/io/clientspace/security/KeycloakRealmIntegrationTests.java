package io.clientspace.security;

import static io.clientspace.support.Actors.asManager;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.devservices.DevServices;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

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

    @Value("${clientspace.base-url}")
    String baseUrl;

    /**
     * What Keycloak made of the base realm files and the dev services' variables: the placeholders resolved to the
     * running app's address, the admin API on its own client, the OTP flow present (the dev services bind the plain
     * one). Read with the master realm's admin, which only the dev services know.
     */
    @Test
    void keycloakImportedTheBaseRealmsWithTheirVariablesResolved() {
        try (Keycloak master = KeycloakBuilder.builder().serverUrl(DevServices.keycloak().url()).realm("master")
                .clientId("admin-cli").username("admin").password("admin").build()) {
            var staff = master.realm("clientspace-staff");
            ClientRepresentation app = staff.clients().findByClientId("clientspace-app").get(0);
            assertThat(app.getRedirectUris()).containsExactlyInAnyOrder(baseUrl + "/login/oauth2/code/staff", baseUrl + "/");
            assertThat(app.getAttributes().get("post.logout.redirect.uris")).isEqualTo(baseUrl + "/");
            assertThat(app.isServiceAccountsEnabled()).isFalse();
            assertThat(staff.clients().findByClientId("admin-cli").get(0).isDirectAccessGrantsEnabled()).isFalse();
            ClientRepresentation adminApi = staff.clients().findByClientId("clientspace-admin-api").get(0);
            assertThat(adminApi.isServiceAccountsEnabled()).isTrue();
            assertThat(adminApi.isStandardFlowEnabled()).isFalse();

            var realm = staff.toRepresentation();
            assertThat(realm.getBrowserFlow()).as("the dev services' choice").isEqualTo("browser");
            assertThat(staff.flows().getFlows()).extracting(AuthenticationFlowRepresentation::getAlias)
                    .contains("staff browser with OTP for privileged roles");
            assertThat(realm.isEventsEnabled()).isTrue();
            assertThat(realm.isAdminEventsEnabled()).isTrue();
            assertThat(realm.getPasswordPolicy()).contains("length(12)");
            assertThat(staff.users().searchByUsername("admin", true)).as("demo users from keycloak/dev/").hasSize(1);

            var customers = master.realm("clientspace-customers");
            ClientRepresentation portal = customers.clients().findByClientId("clientspace-portal").get(0);
            assertThat(portal.getRedirectUris()).containsExactlyInAnyOrderElementsOf(List.of(
                    baseUrl + "/login/oauth2/code/customers", baseUrl + "/portal"));
            assertThat(portal.isServiceAccountsEnabled()).isFalse();
            assertThat(customers.toRepresentation().isVerifyEmail()).isTrue();
        }
    }

    @LocalServerPort
    int port;

    /**
     * The production flow, tried on the running Keycloak for the length of this test: a manager signs in with a
     * password, an admin is sent on to set up a one-time code. The demo flow and the admin's state are put back.
     */
    @Test
    void withTheProductionFlowAdminsMustSetUpAOneTimeCodeAndManagersDoNot() throws Exception {
        String app = "http://localhost:" + port;
        try (Keycloak master = KeycloakBuilder.builder().serverUrl(DevServices.keycloak().url()).realm("master")
                .clientId("admin-cli").username("admin").password("admin").build()) {
            var staff = master.realm("clientspace-staff");
            String demoFlow = staff.toRepresentation().getBrowserFlow();
            RealmRepresentation production = new RealmRepresentation();
            production.setBrowserFlow("staff browser with OTP for privileged roles");
            staff.update(production);
            try {
                SignedInHttp.signIn(app, Roles.STAFF_REGISTRATION, "manager", "manager");
                var admin = SignedInHttp.passwordStepOnly(app, Roles.STAFF_REGISTRATION, "admin", "admin");
                String next = admin.statusCode() == 302 ? SignedInHttp.location(admin) : admin.body();
                assertThat(next).as("after admin's password").doesNotStartWith(app).containsIgnoringCase("totp");
            } finally {
                RealmRepresentation demo = new RealmRepresentation();
                demo.setBrowserFlow(demoFlow);
                staff.update(demo);
                UserRepresentation admin = staff.users().searchByUsername("admin", true).get(0);
                admin.setRequiredActions(List.of());
                staff.users().get(admin.getId()).update(admin);
            }
            assertThat(staff.toRepresentation().getBrowserFlow()).isEqualTo(demoFlow);
        }
    }
}
