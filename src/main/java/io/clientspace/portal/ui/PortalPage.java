package io.clientspace.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.HasDynamicTitle;
import io.clientspace.portal.PortalService;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.shared.ui.AsyncLoader;
import java.time.Clock;
import java.util.function.BiFunction;

/**
 * A page of the portal for the signed-in customer. Without an active portal account for the client their sign-in
 * claims, it shows that access is not active, and nothing else.
 */
abstract class PortalPage extends Div implements HasDynamicTitle {

    private final PortalService portal;
    private final AsyncLoader loader;
    private final Clock clock;
    private final String titleKey;

    PortalPage(PortalService portal, AsyncLoader loader, Clock clock, String titleKey) {
        this.portal = portal;
        this.loader = loader;
        this.clock = clock;
        this.titleKey = titleKey;
        addClassName("portal-main");
    }

    /** Replaces the page's content with what {@code content} builds for the current customer. */
    void show(BiFunction<CustomerScope, PortalPages, Component> content) {
        removeAll();
        var viewer = portal.current();
        if (viewer.isEmpty()) {
            add(PortalPages.noAccess(this));
            return;
        }
        add(content.apply(viewer.get(), new PortalPages(portal, loader, clock, viewer.get(), this)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " · " + getTranslation("portal.brand");
    }
}
