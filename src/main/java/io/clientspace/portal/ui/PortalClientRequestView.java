package io.clientspace.portal.ui;

import io.clientspace.extranet.PortalSection;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.clientspace.portal.PortalClientRequests;
import io.clientspace.portal.PortalService;
import io.clientspace.request.ClientRequestNavigation;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.AsyncLoader;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.UUID;

/** One of the customer's requests: its history and thread; answer, confirm, reopen or cancel. The mails link here. */
@Route(value = ClientRequestNavigation.PORTAL_ROUTE, layout = PortalLayout.class)
@RolesAllowed(Roles.CUSTOMER)
class PortalClientRequestView extends PortalPage implements BeforeEnterObserver {

    @Override
    PortalSection section() {
        return PortalSection.REQUESTS;
    }

    private final PortalClientRequests requests;
    private final Clock clock;

    PortalClientRequestView(PortalService portal, PortalClientRequests requests, AsyncLoader loader, Clock clock) {
        super(portal, loader, clock, "clientrequest.portal.title");
        this.requests = requests;
        this.clock = clock;
        setId("portal-client-request-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // an id that is not one answers like another customer's request: "not available", nothing more
        UUID id = event.getRouteParameters().get("requestId").map(PortalClientRequestView::uuid)
                .orElse(new UUID(0, 0));
        show((viewer, pages) -> {
            Anchor back = new Anchor(ClientRequestNavigation.PORTAL_LIST, getTranslation("clientrequest.portal.back"));
            back.addComponentAsFirst(VaadinIcon.ARROW_LEFT.create());
            back.addClassName("portal-back");
            return new PortalClientRequestPages(requests, pages, clock, viewer, this).detail(id, back);
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
