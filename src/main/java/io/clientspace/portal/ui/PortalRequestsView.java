package io.clientspace.portal.ui;

import io.clientspace.extranet.PortalSection;
import io.clientspace.inforequest.RequestNavigation;
import com.vaadin.flow.router.Route;
import io.clientspace.portal.PortalRequests;
import io.clientspace.portal.PortalService;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.AsyncLoader;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** The customer's information requests, under Open and Completed; each card opens its request. */
@Route(value = RequestNavigation.PORTAL_LIST, layout = PortalLayout.class)
@RolesAllowed(Roles.CUSTOMER)
class PortalRequestsView extends PortalPage {

    @Override
    PortalSection section() {
        return PortalSection.INFORMATION_REQUESTS;
    }

    PortalRequestsView(PortalService portal, PortalRequests requests, AsyncLoader loader, Clock clock) {
        super(portal, loader, clock, "portal.requests.title");
        show((viewer, pages) -> new PortalRequestPages(requests, pages, clock, viewer, this)
                .list(PortalRequestPages::path, null));
    }
}
