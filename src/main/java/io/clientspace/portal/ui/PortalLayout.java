package io.clientspace.portal.ui;

import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.PortalSection;
import io.clientspace.portal.PortalService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import io.clientspace.shared.FirmModule;
import io.clientspace.shared.ModuleOffException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import io.clientspace.shared.Modules;
import io.clientspace.shared.ui.LanguageSelect;
import io.clientspace.shared.ui.UserMenu;
import jakarta.annotation.security.RolesAllowed;

/**
 * The customer portal's shell: a light header and a navigation bar of its own, nothing from the staff application.
 */
@RolesAllowed(Roles.CUSTOMER)
public class PortalLayout extends Div implements RouterLayout, BeforeEnterObserver, AfterNavigationObserver {

    /** The pages of each portal section that a module owns, by the section's navigation key. */
    private static final Map<Class<?>, String> SECTIONS = Map.of(
            PortalProposalsView.class, "portal.nav.proposals", PortalProposalView.class, "portal.nav.proposals",
            PortalRequestsView.class, "portal.nav.requests", PortalRequestView.class, "portal.nav.requests",
            PortalClientRequestsView.class, "clientrequest.portal.nav",
            PortalClientRequestView.class, "clientrequest.portal.nav",
            PortalAcceptancesView.class, "portal.nav.acceptances", PortalAcceptanceView.class, "portal.nav.acceptances",
            PortalMessagesView.class, "portal.nav.messages");

    private final Modules modules;

    private final PortalService portal;

    private final PortalNav nav;

    public PortalLayout(CurrentUserProvider users, AuthenticationContext auth,
                        ExternalAccessService access, Modules modules, PortalService portal) {
        this.modules = modules;
        this.portal = portal;
        addClassName("portal-layout");
        Span brand = new Span(getTranslation("portal.brand"));
        brand.addClassName("brand");
        LanguageSelect language = new LanguageSelect();
        // the customer's mails follow the language they read the portal in
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                access.customerSpeaks(e.getValue());
            }
        });
        HorizontalLayout header = new HorizontalLayout(brand, language,
                new UserMenu(users.requireCustomer(), auth));
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(brand);
        header.addClassName("portal-header");
        header.setWidthFull();
        nav = nav(modules);
        add(header, nav.component());
    }

    /** A page of a section that is switched off, or any page while the portal is off, says so (DD034). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!modules.isOn(FirmModule.PORTAL)) {
            event.rerouteToError(new ModuleOffException(FirmModule.PORTAL), "");
            return;
        }
        String section = SECTIONS.get(event.getNavigationTarget());
        if (section != null && !modules.showsPortalSection(section)) {
            for (FirmModule m : FirmModule.values()) {
                if (m.portalSections().contains(section)) {
                    event.rerouteToError(new ModuleOffException(m), "");
                    return;
                }
            }
        }
    }

    private PortalNav nav(Modules modules) {
        // the home page stays for everyone (what waits for them); other links only where the contact's policy
        // shows the section (DD035): the pages and the services refuse the rest as well
        var viewer = portal.current();
        java.util.function.Predicate<PortalSection> sees = s -> viewer.isPresent() && portal.sees(viewer.get(), s);
        List<PortalNav.Link> links = new ArrayList<>();
        links.add(link("portal.nav.projects", PortalHomeView.class, VaadinIcon.FOLDER_OPEN_O));
        if (sees.test(PortalSection.DOCUMENTS)) {
            links.add(link("portal.nav.documents", PortalDocumentsView.class, VaadinIcon.FILE_TEXT_O));
        }
        if (sees.test(PortalSection.PROPOSALS)) {
            links.add(link("portal.nav.proposals", PortalProposalsView.class, VaadinIcon.FILE_TEXT));
        }
        if (sees.test(PortalSection.INFORMATION_REQUESTS)) {
            links.add(link("portal.nav.requests", PortalRequestsView.class, VaadinIcon.QUESTION_CIRCLE_O));
        }
        if (sees.test(PortalSection.REQUESTS)) {
            links.add(link("clientrequest.portal.nav", PortalClientRequestsView.class, VaadinIcon.COMMENTS_O));
        }
        if (sees.test(PortalSection.ACCEPTANCES)) {
            links.add(link("portal.nav.acceptances", PortalAcceptancesView.class, VaadinIcon.CHECK_SQUARE_O));
        }
        if (sees.test(PortalSection.MESSAGES)) {
            links.add(link("portal.nav.messages", PortalMessagesView.class, VaadinIcon.CHAT));
        }
        links.add(link("portal.nav.profile", PortalProfileView.class, VaadinIcon.USER));
        // the sections of modules the firm switched off are not there (DD034)
        links.removeIf(l -> !modules.showsPortalSection(l.key()));
        return new PortalNav(links, this::getTranslation);
    }

    private static PortalNav.Link link(String key, Class<? extends Component> target, VaadinIcon icon) {
        return new PortalNav.Link(key, RouteConfiguration.forApplicationScope().getUrl(target), icon);
    }

    /** The link to the page on show is marked as the current one. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        nav.highlight(event.getLocation().getPath());
    }
}
