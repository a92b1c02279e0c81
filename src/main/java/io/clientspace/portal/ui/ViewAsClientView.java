package io.clientspace.portal.ui;

import io.clientspace.portal.PortalAcceptances;
import io.clientspace.portal.PortalProposals;
import io.clientspace.portal.PortalRequests;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import io.clientspace.extranet.ExtranetNavigation;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.clientspace.portal.PortalService;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.extranet.PortalSection;
import io.clientspace.security.Roles;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.ui.AsyncLoader;
import io.clientspace.shared.ui.MainLayout;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.Titled;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * "View as client": a manager sees, read-only, exactly the portal pages one portal contact sees, inside the staff
 * application. Nothing can be written here, and downloads are not recorded as the customer's.
 */
@Route(value = ExtranetNavigation.VIEW_AS_ROUTE, layout = MainLayout.class)
@RolesAllowed(Roles.STAFF)
class ViewAsClientView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final PortalService portal;
    private final AsyncLoader loader;
    private final Clock clock;
    private final PortalAcceptances acceptances;
    private final PortalRequests requests;
    private final PortalProposals proposals;

    ViewAsClientView(PortalService portal, PortalRequests requests, AsyncLoader loader,
                     Clock clock, PortalAcceptances acceptances,
                     PortalProposals proposals) {
        this.proposals = proposals;
        this.acceptances = acceptances;
        this.portal = portal;
        this.requests = requests;
        this.loader = loader;
        this.clock = clock;
        setId("view-as-client");
        addClassNames("portal-preview", "portal-layout");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        CustomerScope viewer;
        try {
            UUID id = UUID.fromString(event.getRouteParameters().get("accountId").orElse(""));
            viewer = portal.asContact(id);
        } catch (IllegalArgumentException | NotFoundException e) {
            add(States.empty(VaadinIcon.SEARCH, getTranslation("portal.preview.not-found.title"),
                    getTranslation("portal.preview.not-found.text"), null));
            return;
        } catch (NoAccessException e) {
            add(States.hidden(getTranslation("portal.preview.denied.title"),
                    getTranslation("portal.preview.denied.text")));
            return;
        }
        show(viewer);
    }

    private void show(CustomerScope viewer) {
        Span banner = new Span(VaadinIcon.EYE.create(), new Span(getTranslation("portal.preview.banner",
                viewer.displayName(), viewer.clientName())), new Span(" " + getTranslation("portal.preview.role",
                getTranslation("external.roles." + portal.role(viewer).name()))));
        banner.setId("view-as-banner");
        banner.addClassName("portal-preview-banner");
        PortalPages pages = new PortalPages(portal, loader, clock, viewer, this);
        Div content = new Div();
        content.addClassName("portal-main");

        Map<Tab, Supplier<Component>> targets = new LinkedHashMap<>();
        Tabs nav = new Tabs();
        nav.setId("view-as-nav");
        nav.addClassName("portal-nav");
        Runnable[] showProjects = new Runnable[1];
        showProjects[0] = () -> {
            content.removeAll();
            content.add(pages.projects(null, id -> {
                content.removeAll();
                Button back = new Button(getTranslation("portal.project.back"), VaadinIcon.ARROW_LEFT.create(),
                        e -> showProjects[0].run());
                back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                back.addClassName("portal-back");
                content.add(pages.project(id, back));
            }));
        };
        // only the sections the contact's policy shows, as their own portal does (DD035)
        java.util.function.Predicate<PortalSection> sees = section -> portal.sees(viewer, section);
        Runnable first = sees.test(PortalSection.PROJECTS) ? showProjects[0] : () -> {
            content.removeAll();
            content.add(PortalPage.sectionHidden(this));
        };
        if (sees.test(PortalSection.PROJECTS)) {
            targets.put(tab(nav, "portal.nav.projects", VaadinIcon.FOLDER_OPEN_O), () -> {
                showProjects[0].run();
                return null;
            });
        }
        if (sees.test(PortalSection.DOCUMENTS)) {
            targets.put(tab(nav, "portal.nav.documents", VaadinIcon.FILE_TEXT_O), pages::documents);
        }
        PortalProposalPages proposalPages = new PortalProposalPages(proposals, pages, viewer, this);
        if (sees.test(PortalSection.PROPOSALS)) {
            targets.put(tab(nav, "portal.nav.proposals", VaadinIcon.FILE_TEXT), drillDown(content,
                    "portal.proposal.back", open -> proposalPages.list(null, open), proposalPages::detail));
        }
        PortalRequestPages requestPages = new PortalRequestPages(requests, pages, clock, viewer, this);
        if (sees.test(PortalSection.INFORMATION_REQUESTS)) {
            targets.put(tab(nav, "portal.nav.requests", VaadinIcon.QUESTION_CIRCLE_O), drillDown(content,
                    "portal.request.back", open -> requestPages.list(null, open), requestPages::detail));
        }
        PortalAcceptancePages acceptancePages = new PortalAcceptancePages(pages, acceptances, clock);
        if (sees.test(PortalSection.ACCEPTANCES)) {
            targets.put(tab(nav, "portal.nav.acceptances", VaadinIcon.CHECK_SQUARE_O), drillDown(content,
                    "portal.acceptance.back", acceptancePages::list, acceptancePages::detail));
        }
        targets.put(tab(nav, "portal.nav.profile", VaadinIcon.USER), pages::profile);
        nav.addSelectedChangeListener(e -> {
            content.removeAll();
            Component c = targets.get(e.getSelectedTab()).get();
            if (c != null) {
                content.add(c);
            }
        });
        add(banner, nav, content);
        first.run();
    }

    /**
     * A tab whose list opens an item in place, with a button back to the list: what links do in the customer's own
     * portal, inside this one staff page.
     */
    private Supplier<Component> drillDown(Div content, String backKey,
                                          Function<Consumer<UUID>, Component> list,
                                          BiFunction<UUID, Component, Component> detail) {
        Runnable[] showList = new Runnable[1];
        showList[0] = () -> {
            content.removeAll();
            content.add(list.apply(id -> {
                content.removeAll();
                Button back = new Button(getTranslation(backKey), VaadinIcon.ARROW_LEFT.create(), e -> showList[0].run());
                back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                back.addClassName("portal-back");
                content.add(detail.apply(id, back));
            }));
        };
        return () -> {
            showList[0].run();
            return null;
        };
    }

    private static Tab tab(Tabs nav, String key, VaadinIcon icon) {
        Tab tab = new Tab(icon.create(), new Span(nav.getTranslation(key)));
        nav.add(tab);
        return tab;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.preview.title") + Titled.SUFFIX;
    }
}
