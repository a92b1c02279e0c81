package io.clientspace.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.portal.PortalTestData;
import io.clientspace.request.ClientRequest;
import io.clientspace.request.ClientRequestService;
import io.clientspace.request.RequestState;
import io.clientspace.request.SlaStatus;
import io.clientspace.support.Actors;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's client requests come out in every state, through the real services, as the demo runs them. */
@io.clientspace.support.ClientspaceIntegrationTest
class ClientRequestDemoDataIntegrationTests {

    @Autowired
    ClientRequestService requests;
    @Autowired
    PortalAccessPolicy portalAccess;
    @Autowired
    PortalTestData data;
    @Autowired
    Clock clock;

    @Test
    void theDemoHoldsRequestsInEveryStateAndOneAboutToBreachItsSla() {
        PortalTestData.World world = data.world("demo" + UUID.randomUUID().toString().substring(0, 6));
        List<ClientRequest> list = Actors.as("admin", () -> {
            new ClientRequestDemoData(requests, portalAccess, clock).fill(world.project(), world.username());
            return requests.forClient(world.client().id());
        }, "STAFF", "ADMIN", "MANAGER");

        assertThat(list.stream().map(ClientRequest::state).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(RequestState.values());
        assertThat(list).filteredOn(r -> "P1".equals(r.priority())).singleElement()
                .satisfies(r -> assertThat(r.sla().status()).isEqualTo(SlaStatus.BREACHING_SOON));
        assertThat(list).filteredOn(ClientRequest::loggedByStaff).hasSize(1);
    }
}
