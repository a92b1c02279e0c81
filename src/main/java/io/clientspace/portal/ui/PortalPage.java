package io.clientspace.portal.ui;

import io.clientspace.extranet.PortalSection;
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
        if (section() != null && !portal.sees(viewer.get(), section())) {
            // the contact's policy hides this part of the portal: say so, also for a typed or bookmarked address
            add(sectionHidden(this));
            return;
        }
        add(content.apply(viewer.get(), new PortalPages(portal, loader, clock, viewer.get(), this)));
    }

    /** The portal section this page belongs to, which a contact's policy can hide; null for pages every contact has. */
    PortalSection section() {
        return null;
    }

    /** What a contact sees where their policy hides the section. */
    static Component sectionHidden(Component host) {
        Component hidden = io.clientspace.shared.ui.States.hidden(host.getTranslation("portal.section-hidden.title"),
                host.getTranslation("portal.section-hidden.text"));
        hidden.setId("portal-section-hidden");
        return hidden;
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " · " + getTranslation("portal.brand");
    }
}
