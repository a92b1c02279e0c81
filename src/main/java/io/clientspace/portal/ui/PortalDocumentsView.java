package io.clientspace.portal.ui;

import io.clientspace.extranet.PortalSection;
import io.clientspace.document.DocumentNavigation;
import com.vaadin.flow.router.Route;
import io.clientspace.portal.PortalService;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.AsyncLoader;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** Every document shared with the customer, across projects. */
@Route(value = DocumentNavigation.PORTAL_LIST, layout = PortalLayout.class)
@RolesAllowed(Roles.CUSTOMER)
class PortalDocumentsView extends PortalPage {

    @Override
    PortalSection section() {
        return PortalSection.DOCUMENTS;
    }

    PortalDocumentsView(PortalService portal, AsyncLoader loader, Clock clock) {
        super(portal, loader, clock, "portal.documents.title");
        show((viewer, pages) -> pages.documents());
    }
}
