package io.clientspace.portal.ui;

import io.clientspace.extranet.PortalSection;
import io.clientspace.inforequest.RequestNavigation;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.clientspace.portal.PortalRequests;
import io.clientspace.portal.PortalService;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.AsyncLoader;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.UUID;

/** One information request: the customer answers its items, uploads files and submits. The mails link here. */
@Route(value = RequestNavigation.PORTAL_ROUTE, layout = PortalLayout.class)
@RolesAllowed(Roles.CUSTOMER)
class PortalRequestView extends PortalPage implements BeforeEnterObserver {

    @Override
    PortalSection section() {
        return PortalSection.INFORMATION_REQUESTS;
    }

    private final PortalRequests requests;
    private final Clock clock;

    PortalRequestView(PortalService portal, PortalRequests requests, AsyncLoader loader, Clock clock) {
        super(portal, loader, clock, "portal.requests.title");
        this.requests = requests;
        this.clock = clock;
        setId("portal-request-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // an id that is not one answers like another customer's request: "not available", nothing more
        UUID id = event.getRouteParameters().get("requestId").map(PortalRequestView::uuid).orElse(new UUID(0, 0));
        show((viewer, pages) -> {
            Anchor back = new Anchor(RequestNavigation.PORTAL_LIST, getTranslation("portal.request.back"));
            back.addComponentAsFirst(VaadinIcon.ARROW_LEFT.create());
            back.addClassName("portal-back");
            return new PortalRequestPages(requests, pages, clock, viewer, this).detail(id, back);
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
