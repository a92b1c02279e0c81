package io.clientspace.portal.ui;

import io.clientspace.portal.PortalNavigation;
import com.vaadin.flow.router.Route;
import io.clientspace.portal.PortalService;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.AsyncLoader;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** Who is signed in, for which customer and in which role; read-only. */
@Route(value = PortalNavigation.PROFILE, layout = PortalLayout.class)
@RolesAllowed(Roles.CUSTOMER)
class PortalProfileView extends PortalPage {

    PortalProfileView(PortalService portal, AsyncLoader loader, Clock clock) {
        super(portal, loader, clock, "portal.profile.title");
        show((viewer, pages) -> pages.profile());
    }
}
