package io.clientspace.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.inforequest.InformationRequest;
import io.clientspace.inforequest.InformationRequestService;
import io.clientspace.inforequest.ItemState;
import io.clientspace.inforequest.RequestStatus;
import io.clientspace.portal.PortalTestData;
import io.clientspace.support.Actors;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's information requests come out in every state, through the real services, as the demo runs them. */
@ClientspaceIntegrationTest
class RequestDemoDataIntegrationTests {

    @Autowired
    InformationRequestService requests;
    @Autowired
    PortalAccessPolicy portalAccess;
    @Autowired
    PortalTestData data;
    @Autowired
    Clock clock;

    @Test
    void theDemoHoldsOneRequestInEachState() {
        PortalTestData.World world = data.world("demo" + UUID.randomUUID().toString().substring(0, 6));
        List<InformationRequest> list = Actors.as("admin", () -> {
            new RequestDemoData(requests, portalAccess, clock).fill(world.project(), world.username());
            return requests.inProject(world.project().id());
        }, "STAFF", "ADMIN", "MANAGER");

        Map<RequestStatus, List<InformationRequest>> byStatus = list.stream()
                .collect(Collectors.groupingBy(InformationRequest::status));
        assertThat(byStatus.keySet()).containsExactlyInAnyOrder(RequestStatus.values());
        assertThat(byStatus.get(RequestStatus.IN_PROGRESS)).singleElement().satisfies(r -> assertThat(r.items())
                .extracting(i -> i.state()).containsExactly(ItemState.RETURNED, ItemState.ACCEPTED, ItemState.OPEN));
        assertThat(byStatus.get(RequestStatus.COMPLETED)).singleElement()
                .satisfies(r -> assertThat(r.progress()).isEqualTo(1.0));
    }
}
