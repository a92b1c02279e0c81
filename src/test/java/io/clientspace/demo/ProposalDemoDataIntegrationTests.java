package io.clientspace.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.deal.DealService;
import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.portal.PortalTestData;
import io.clientspace.proposal.Proposal;
import io.clientspace.proposal.ProposalService;
import io.clientspace.proposal.ProposalStatus;
import io.clientspace.support.Actors;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.time.Clock;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo's proposals go through the real services and process: one in each state, answers by the customer. */
@ClientspaceIntegrationTest
class ProposalDemoDataIntegrationTests {

    @Autowired
    ProposalService proposals;
    @Autowired
    DealService deals;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    PortalAccessPolicy portalAccess;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    PortalTestData data;

    @Test
    void theDemoHoldsOneProposalInEachState() {
        // the demo's customer, Lena Hoffmann, answers as herself: her account carries her name
        String username = "portal-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        var world = data.world("demo-proposals", username, username + "@example.org", "Lena Hoffmann");
        ProposalDemoData demo = new ProposalDemoData(proposals, deals, portalAccess, jdbc, clock);

        Actors.as("admin", () -> {
            demo.fill(world.client(), world.username());
            return null;
        }, "STAFF", "ADMIN", "MANAGER");

        var list = Actors.asManager(() -> proposals.forClient(world.client().id()));
        assertThat(list).extracting(Proposal::status).containsExactlyInAnyOrder(ProposalStatus.values());
        assertThat(list).filteredOn(p -> p.status() == ProposalStatus.ACCEPTED).singleElement()
                .satisfies(p -> assertThat(p.decidedByName()).isEqualTo("Lena Hoffmann"));
    }
}
