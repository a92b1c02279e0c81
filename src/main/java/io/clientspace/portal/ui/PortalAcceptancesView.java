package io.clientspace.portal.ui;

import io.clientspace.extranet.PortalSection;
import io.clientspace.acceptance.AcceptanceNavigation;
import com.vaadin.flow.router.Route;
import io.clientspace.portal.PortalAcceptances;
import io.clientspace.portal.PortalService;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.AsyncLoader;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** Acceptances: what waits for the customer's formal acceptance, and what they accepted. */
@Route(value = AcceptanceNavigation.PORTAL_LIST, layout = PortalLayout.class)
@RolesAllowed(Roles.CUSTOMER)
class PortalAcceptancesView extends PortalPage {

    @Override
    PortalSection section() {
        return PortalSection.ACCEPTANCES;
    }

    PortalAcceptancesView(PortalService portal, PortalAcceptances acceptances, AsyncLoader loader, Clock clock) {
        super(portal, loader, clock, "portal.acceptances.title");
        show((viewer, pages) -> new PortalAcceptancePages(pages, acceptances, clock).list(null));
    }
}
