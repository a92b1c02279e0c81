package io.clientspace.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.springframework.security.core.context.SecurityContextHolder;

/** A full-page message with a way back to the right home page (staff or portal). */
class ErrorPage extends Div {

    ErrorPage(VaadinIcon icon, String title, String text) {
        addClassName("error-page");
        Div card = new Div();
        card.addClassName("error-card");
        var i = icon.create();
        i.addClassName("state-icon");
        boolean customer = SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_CUSTOMER"));
        Anchor home = new Anchor(customer ? "portal" : "", getTranslation(customer ? "error.to-portal" : "error.to-start"));
        home.setRouterIgnore(true);
        card.add(i, new H1(title), new Paragraph(text), home);
        add(card);
    }
}
