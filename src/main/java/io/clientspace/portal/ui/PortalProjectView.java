package io.clientspace.portal.ui;

import io.clientspace.extranet.PortalSection;
import io.clientspace.portal.PortalNavigation;
import io.clientspace.project.ProjectNavigation;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.clientspace.portal.PortalService;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.AsyncLoader;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.UUID;

/** One shared project: summary cards and the Documents, Tasks and Comments tabs. */
@Route(value = ProjectNavigation.PORTAL_ROUTE, layout = PortalLayout.class)
@RolesAllowed(Roles.CUSTOMER)
class PortalProjectView extends PortalPage implements BeforeEnterObserver {

    @Override
    PortalSection section() {
        return PortalSection.PROJECTS;
    }

    PortalProjectView(PortalService portal, AsyncLoader loader, Clock clock) {
        super(portal, loader, clock, "portal.nav.projects");
        setId("portal-project-view");
    }

    static String path(UUID projectId) {
        return ProjectNavigation.portalPage(projectId);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // an id that is not one answers like a project that is not shared: "not available", nothing more
        UUID id = event.getRouteParameters().get("projectId").map(PortalProjectView::uuid).orElse(new UUID(0, 0));
        show((viewer, pages) -> {
            Anchor back = new Anchor(PortalNavigation.HOME, getTranslation("portal.project.back"));
            back.addComponentAsFirst(VaadinIcon.ARROW_LEFT.create());
            back.addClassName("portal-back");
            return pages.project(id, back);
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
