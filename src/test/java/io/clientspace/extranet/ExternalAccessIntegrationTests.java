package io.clientspace.extranet;

import static io.clientspace.support.Actors.asCustomer;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.security.KeycloakProperties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Autowired;

@ClientspaceIntegrationTest
class ExternalAccessIntegrationTests {

    @Autowired
    ClientService clients;
    @Autowired
    ExternalAccessService externalAccess;
    @Autowired
    CustomerDirectory directory;
    @Autowired
    @Qualifier("customerAdmin")
    Keycloak customerAdmin;
    @Autowired
    KeycloakProperties keycloak;

    @Test
    void grantingAccessBindsTheKeycloakIdentityToTheClientAndIsCounted() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        assertThat(asManager(() -> externalAccess.countForClient(client.id()))).isZero();

        PortalAccount account = asManager(() -> externalAccess.grantExisting(client.id(), "customer2"));

        assertThat(account.displayName()).isEqualTo("Paul Richter");
        assertThat(asManager(() -> externalAccess.countForClient(client.id()))).isEqualTo(1);
        var identity = directory.find("customer2").orElseThrow();
        assertThat(CustomerDirectory.attribute(identity, CustomerDirectory.CUSTOMER_ID))
                .containsExactly(client.id().toString());
    }

    @Test
    void anIdentityActsForOneClientOnlyAndGrantingItTwiceChangesNothing() {
        Client first = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        Client second = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        String person = newIdentity("ines@example.org");
        PortalAccount granted = asManager(() -> externalAccess.grantExisting(first.id(), person));

        PortalAccount again = asManager(() -> externalAccess.grantExisting(first.id(), person));
        assertThat(again.id()).isEqualTo(granted.id());

        assertThatThrownBy(() -> asManager(() -> externalAccess.grantExisting(second.id(), person)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(FieldProblem.of("username", "external.errors.other-client", first.name())));
        // Neither the records nor Keycloak moved the person to the second client
        assertThat(asManager(() -> externalAccess.countForClient(second.id()))).isZero();
        assertThat(asManager(() -> externalAccess.countForClient(first.id()))).isEqualTo(1);
        assertThat(CustomerDirectory.attribute(directory.find(person).orElseThrow(), CustomerDirectory.CUSTOMER_ID))
                .containsExactly(first.id().toString());
    }

    @Test
    void thePortalAccountCountsOnlyWhileItIsActiveForTheClaimedCustomer() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        Client other = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        String person = newIdentity("oskar@example.org");
        asManager(() -> externalAccess.grantExisting(client.id(), person));

        assertThat(asCustomer(person, client.id(), () -> externalAccess.currentCustomerAccount()))
                .hasValueSatisfying(a -> assertThat(a.status()).isEqualTo("ACTIVE"));
        // A sign-in that still claims a different customer record gets nothing
        assertThat(asCustomer(person, other.id(), () -> externalAccess.currentCustomerAccount())).isEmpty();
        // Nobody granted this identity anything
        assertThat(asCustomer("nobody-granted", client.id(), () -> externalAccess.currentCustomerAccount())).isEmpty();
    }

    @Test
    void anIdentityWithoutEmailIsRefusedAndStaysUnbound() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        String person = newIdentity(null);

        assertThatThrownBy(() -> asManager(() -> externalAccess.grantExisting(client.id(), person)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(FieldProblem.of("username", "external.errors.no-email")));
        assertThat(asManager(() -> externalAccess.countForClient(client.id()))).isZero();
        assertThat(CustomerDirectory.attribute(directory.find(person).orElseThrow(), CustomerDirectory.CUSTOMER_ID))
                .isEmpty();
    }

    /** Issue 20: a member sees the access of the clients they own, read-only, and nobody else's. */
    @Test
    void membersSeeWhoHasExternalAccessOnlyOnClientsTheyOwnAndCannotGrantIt() {
        Client own = asMember(() -> clients.create(ClientTestData.company("member"), false));
        Client others = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        assertThat(asMember(() -> externalAccess.canManage())).isFalse();
        assertThat(asMember(() -> externalAccess.forClient(own.id()))).isEmpty();
        assertThat(asMember(() -> externalAccess.countForClient(own.id()))).isZero();
        assertThatThrownBy(() -> asMember(() -> externalAccess.grantExisting(own.id(), newIdentity("m@example.org"))))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> externalAccess.forClient(others.id())))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> externalAccess.countForClient(others.id())))
                .isInstanceOf(NoAccessException.class);
    }

    /** A fresh person in the customers realm, so that tests never share an identity. */
    private String newIdentity(String email) {
        String username = "test-" + UUID.randomUUID().toString().substring(0, 8);
        var user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email == null ? null : username + "-" + email);
        user.setFirstName("Test");
        user.setLastName("Tester");
        user.setEnabled(true);
        try (var response = customerAdmin.realm(keycloak.customerRealm()).users().create(user)) {
            assertThat(response.getStatus()).as("creating %s in the customers realm", username).isEqualTo(201);
        }
        return username;
    }
}
