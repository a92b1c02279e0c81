package io.clientspace.portal.ui;

import com.vaadin.flow.router.Route;
import io.clientspace.portal.PortalService;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.AsyncLoader;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** Requests: in the navigation already, with an empty state until the issue that brings them lands. */
@Route(value = "portal/requests", layout = PortalLayout.class)
@RolesAllowed(Roles.CUSTOMER)
class PortalRequestsView extends PortalPage {

    PortalRequestsView(PortalService portal, AsyncLoader loader, Clock clock) {
        super(portal, loader, clock, PortalPages.Later.REQUESTS.titleKey);
        show((viewer, pages) -> PortalPages.comingLater(this, PortalPages.Later.REQUESTS));
    }
}
