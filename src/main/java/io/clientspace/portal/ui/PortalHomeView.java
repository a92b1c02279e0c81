package io.clientspace.portal.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.clientspace.client.ClientService;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.States;
import jakarta.annotation.security.RolesAllowed;

/**
 * The portal's home page. For now it greets the customer and names the client they act for; projects, proposals,
 * requests, acceptances and documents arrive with the portal issue.
 */
@Route(value = "portal", layout = PortalLayout.class)
@RolesAllowed(Roles.CUSTOMER)
class PortalHomeView extends Div implements HasDynamicTitle {

    PortalHomeView(ClientService clients, ExternalAccessService externalAccess, CurrentUserProvider users) {
        setId("portal-home");
        addClassName("portal-home");
        CurrentUser user = users.requireCustomer();
        add(new H1(getTranslation("portal.welcome", user.displayName())));
        // A sign-in alone is not enough: the portal account must be active for the record the sign-in claims
        var record = externalAccess.currentCustomerAccount().flatMap(account -> clients.forCurrentCustomer());
        if (record.isEmpty()) {
            add(States.hidden(getTranslation("portal.no-record.title"), getTranslation("portal.no-record.text")));
            return;
        }
        add(new Paragraph(getTranslation("portal.acting-for", record.get().name())));
        add(States.empty(VaadinIcon.FOLDER_OPEN_O, getTranslation("portal.nothing-shared.title"),
                getTranslation("portal.nothing-shared.text"), null));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.title") + " · Clientspace";
    }
}
