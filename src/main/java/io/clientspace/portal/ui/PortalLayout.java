package io.clientspace.portal.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.LanguageSelect;
import io.clientspace.shared.ui.UserMenu;
import jakarta.annotation.security.RolesAllowed;

/** The customer portal's shell: a light header of its own, nothing from the staff application. */
@RolesAllowed(Roles.CUSTOMER)
public class PortalLayout extends Div implements RouterLayout {

    public PortalLayout(CurrentUserProvider users, AuthenticationContext auth) {
        addClassName("portal-layout");
        Span brand = new Span(getTranslation("portal.brand"));
        brand.addClassName("brand");
        HorizontalLayout header = new HorizontalLayout(brand, new LanguageSelect(),
                new UserMenu(users.requireCustomer(), auth));
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(brand);
        header.addClassName("portal-header");
        header.setWidthFull();
        add(header);
    }
}
