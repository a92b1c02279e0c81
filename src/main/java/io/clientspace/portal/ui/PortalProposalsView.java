package io.clientspace.portal.ui;

import com.vaadin.flow.router.Route;
import io.clientspace.portal.PortalService;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.AsyncLoader;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** Proposals: in the navigation already, with an empty state until the issue that brings them lands. */
@Route(value = "portal/proposals", layout = PortalLayout.class)
@RolesAllowed(Roles.CUSTOMER)
class PortalProposalsView extends PortalPage {

    PortalProposalsView(PortalService portal, AsyncLoader loader, Clock clock) {
        super(portal, loader, clock, PortalPages.Later.PROPOSALS.titleKey);
        show((viewer, pages) -> PortalPages.comingLater(this, PortalPages.Later.PROPOSALS));
    }
}
