package io.clientspace.portal.ui;

import io.clientspace.extranet.PortalSection;
import io.clientspace.acceptance.AcceptanceNavigation;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.clientspace.portal.PortalAcceptances;
import io.clientspace.portal.PortalService;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.AsyncLoader;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.UUID;

/** One acceptance, "Review &amp; Accept"; the link in the customer's mail leads here. */
@Route(value = AcceptanceNavigation.PORTAL_ROUTE, layout = PortalLayout.class)
@RolesAllowed(Roles.CUSTOMER)
class PortalAcceptanceView extends PortalPage implements BeforeEnterObserver {

    @Override
    PortalSection section() {
        return PortalSection.ACCEPTANCES;
    }

    private final PortalAcceptances acceptances;
    private final Clock clock;

    PortalAcceptanceView(PortalService portal, PortalAcceptances acceptances, AsyncLoader loader, Clock clock) {
        super(portal, loader, clock, "portal.acceptances.title");
        this.acceptances = acceptances;
        this.clock = clock;
        setId("portal-acceptance-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // an id that is not one answers like another customer's: "not available", nothing more
        UUID id = event.getRouteParameters().get("acceptanceId").map(PortalAcceptanceView::uuid)
                .orElse(new UUID(0, 0));
        show((viewer, pages) -> {
            Anchor back = new Anchor(AcceptanceNavigation.PORTAL_LIST, getTranslation("portal.acceptance.back"));
            back.addComponentAsFirst(VaadinIcon.ARROW_LEFT.create());
            back.addClassName("portal-back");
            return new PortalAcceptancePages(pages, acceptances, clock).detail(id, back);
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
