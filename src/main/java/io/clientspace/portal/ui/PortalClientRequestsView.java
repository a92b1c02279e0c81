package io.clientspace.portal.ui;

import io.clientspace.extranet.PortalSection;
import com.vaadin.flow.router.Route;
import io.clientspace.portal.PortalClientRequests;
import io.clientspace.portal.PortalService;
import io.clientspace.request.ClientRequestNavigation;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.AsyncLoader;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** The customer's own requests to the team, each with its state in the client's words, and the New request form. */
@Route(value = ClientRequestNavigation.PORTAL_LIST, layout = PortalLayout.class)
@RolesAllowed(Roles.CUSTOMER)
class PortalClientRequestsView extends PortalPage {

    @Override
    PortalSection section() {
        return PortalSection.REQUESTS;
    }

    PortalClientRequestsView(PortalService portal, PortalClientRequests requests, AsyncLoader loader, Clock clock) {
        super(portal, loader, clock, "clientrequest.portal.title");
        show((viewer, pages) -> new PortalClientRequestPages(requests, pages, clock, viewer, this).list());
    }
}
