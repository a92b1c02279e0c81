package io.clientspace.portal.ui;

import io.clientspace.portal.PortalDashboard;
import io.clientspace.portal.PortalNavigation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import io.clientspace.portal.PortalService;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.AsyncLoader;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/**
 * The portal's start page: a greeting, the client the customer acts for, the dashboard of everything that waits for
 * them (DD031), and the projects shared with them.
 */
@Route(value = PortalNavigation.HOME, layout = PortalLayout.class)
@RolesAllowed(Roles.CUSTOMER)
class PortalHomeView extends PortalPage {

    PortalHomeView(PortalService portal, PortalDashboard dashboard, AsyncLoader loader, Clock clock) {
        super(portal, loader, clock, "portal.title");
        setId("portal-home");
        show((viewer, pages) -> {
            Paragraph welcome = new Paragraph(getTranslation("portal.welcome", viewer.displayName()));
            welcome.addClassName("portal-welcome");
            Paragraph actingFor = new Paragraph(getTranslation("portal.acting-for", viewer.clientName()));
            actingFor.addClassName("muted");
            Div home = new Div(welcome, actingFor, new PortalDashboardPage(dashboard, pages, clock).waiting());
            if (portal.sees(viewer, io.clientspace.extranet.PortalSection.PROJECTS)) {
                home.add(pages.projects(id -> PortalProjectView.path(id), null));
            }
            return home;
        });
    }
}
