package io.clientspace.extranet.ui;

import io.clientspace.extranet.ExtranetNavigation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.clientspace.shared.ui.LanguageSelect;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.Titled;

/**
 * Where a customer lands when their portal access ended while they were signed in (revoked, or moved to another
 * customer): their session is already gone, and this page says so without showing anything else.
 */
@Route(ExtranetNavigation.ACCESS_ENDED)
@AnonymousAllowed
class AccessEndedView extends Div implements HasDynamicTitle {

    AccessEndedView() {
        setId("access-ended");
        addClassName("portal-layout");
        Span brand = new Span(getTranslation("portal.brand"));
        brand.addClassName("brand");
        Div header = new Div(brand, new LanguageSelect());
        header.addClassName("portal-header");
        Div box = new Div(States.hidden(getTranslation("portal.access-ended.title"),
                getTranslation("portal.access-ended.text")));
        box.addClassName("centered");
        add(header, box);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.access-ended.title") + Titled.SUFFIX;
    }
}
