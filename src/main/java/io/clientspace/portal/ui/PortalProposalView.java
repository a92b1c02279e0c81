package io.clientspace.portal.ui;

import io.clientspace.extranet.PortalSection;
import io.clientspace.proposal.ProposalNavigation;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.clientspace.portal.PortalProposals;
import io.clientspace.portal.PortalService;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.AsyncLoader;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.UUID;

/** One proposal, where the customer accepts or declines it; the link in the proposal's mail comes here. */
@Route(value = ProposalNavigation.PORTAL_ROUTE, layout = PortalLayout.class)
@RolesAllowed(Roles.CUSTOMER)
class PortalProposalView extends PortalPage implements BeforeEnterObserver {

    @Override
    PortalSection section() {
        return PortalSection.PROPOSALS;
    }

    private final PortalProposals proposals;

    PortalProposalView(PortalService portal, PortalProposals proposals, AsyncLoader loader, Clock clock) {
        super(portal, loader, clock, "portal.proposals.title");
        this.proposals = proposals;
        setId("portal-proposal-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // an id that is not one answers like another customer's proposal: "not available", nothing more
        UUID id = event.getRouteParameters().get("proposalId").map(PortalProposalView::uuid).orElse(new UUID(0, 0));
        show((viewer, pages) -> {
            Anchor back = new Anchor(ProposalNavigation.PORTAL_LIST, getTranslation("portal.proposal.back"));
            back.addComponentAsFirst(VaadinIcon.ARROW_LEFT.create());
            back.addClassName("portal-back");
            return new PortalProposalPages(proposals, pages, viewer, this).detail(id, back);
        });
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }
}
