package io.clientspace.portal.ui;

import com.vaadin.flow.router.Route;
import io.clientspace.portal.PortalService;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.AsyncLoader;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** Acceptances: in the navigation already, with an empty state until the issue that brings them lands. */
@Route(value = "portal/acceptances", layout = PortalLayout.class)
@RolesAllowed(Roles.CUSTOMER)
class PortalAcceptancesView extends PortalPage {

    PortalAcceptancesView(PortalService portal, AsyncLoader loader, Clock clock) {
        super(portal, loader, clock, PortalPages.Later.ACCEPTANCES.titleKey);
        show((viewer, pages) -> PortalPages.comingLater(this, PortalPages.Later.ACCEPTANCES));
    }
}
