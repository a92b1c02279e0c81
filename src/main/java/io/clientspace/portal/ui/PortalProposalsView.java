package io.clientspace.portal.ui;

import io.clientspace.extranet.PortalSection;
import io.clientspace.proposal.ProposalNavigation;
import com.vaadin.flow.router.Route;
import io.clientspace.portal.PortalProposals;
import io.clientspace.portal.PortalService;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.AsyncLoader;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** The proposals sent to the customer, each linked to its page. */
@Route(value = ProposalNavigation.PORTAL_LIST, layout = PortalLayout.class)
@RolesAllowed(Roles.CUSTOMER)
class PortalProposalsView extends PortalPage {

    @Override
    PortalSection section() {
        return PortalSection.PROPOSALS;
    }

    PortalProposalsView(PortalService portal, PortalProposals proposals, AsyncLoader loader, Clock clock) {
        super(portal, loader, clock, "portal.proposals.title");
        show((viewer, pages) -> new PortalProposalPages(proposals, pages, viewer, this)
                .list(PortalProposalPages::path, null));
    }
}
