package io.clientspace.extranet;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.shared.NoAccessException;
import io.clientspace.support.ClientspaceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ClientspaceIntegrationTest
class ExternalAccessIntegrationTests {

    @Autowired
    ClientService clients;
    @Autowired
    ExternalAccessService externalAccess;
    @Autowired
    CustomerDirectory directory;

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
    void membersDoNotSeeWhoHasExternalAccess() {
        Client own = asMember(() -> clients.create(ClientTestData.company("member"), false));
        assertThat(asMember(() -> externalAccess.canView())).isFalse();
        assertThatThrownBy(() -> asMember(() -> externalAccess.forClient(own.id())))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> externalAccess.countForClient(own.id())))
                .isInstanceOf(NoAccessException.class);
    }
}
