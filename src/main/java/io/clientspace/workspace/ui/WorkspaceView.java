package io.clientspace.workspace.ui;

import io.clientspace.client.ClientNavigation;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.clientspace.client.Client;
import io.clientspace.client.ClientKind;
import io.clientspace.client.ClientService;
import io.clientspace.client.ui.ClientActions;
import io.clientspace.client.ui.ClientFormDialog;
import io.clientspace.client.ui.ContactPeople;
import io.clientspace.extranet.ExtranetNavigation;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.WorkScope;
import io.clientspace.shared.ui.LitTexts;
import io.clientspace.shared.ui.MainLayout;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.Titled;
import io.clientspace.shared.ui.tabs.TabParts;
import io.clientspace.shared.ui.tabs.TabStrip;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider.Where;
import io.clientspace.workspace.ReviewService;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One client, one page: a header that sums the client up, the checklist, and the tabs the modules contribute (deals,
 * tasks, files, documents, external access and more), each with its own live counter.
 */
@Route(value = ClientNavigation.WORKSPACE_ROUTE, layout = MainLayout.class)
@RolesAllowed(Roles.STAFF)
class WorkspaceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ClientService clients;
    private final ClientFormDialog.Factory clientForms;
    private final ReviewService review;
    private final WorkspaceShell shell;
    private AutoCloseable subscription;
    private String title = "";

    WorkspaceView(ClientService clients, StaffDirectory staff, CurrentUserProvider currentUser, ReviewService review,
                  WorkspaceShell shell) {
        this.clients = clients;
        this.clientForms = new ClientFormDialog.Factory(clients, staff, currentUser);
        this.review = review;
        this.shell = shell;
        addClassName("workspace");
        addDetachListener(e -> unsubscribe());
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<ClientKind> kind = event.getRouteParameters().get("kind").flatMap(ClientKind::fromUrlSegment);
        Optional<UUID> id = event.getRouteParameters().get("id").flatMap(WorkspaceParts::uuid);
        if (kind.isEmpty() || id.isEmpty()) {
            showNotFound();
            return;
        }
        try {
            show(clients.get(kind.get(), id.get()),
                    event.getLocation().getQueryParameters().getSingleParameter("tab").orElse(null));
        } catch (NotFoundException e) {
            showNotFound();
        } catch (NoAccessException e) {
            title = getTranslation("workspace.denied.title");
            setId("workspace-denied");
            add(States.hidden(getTranslation("workspace.denied.title"),
                    e.ownerName() == null ? getTranslation("workspace.denied.text-nobody")
                            : getTranslation("workspace.denied.text", e.ownerName())));
            if (e.ownerName() != null) {
                add(WorkspaceParts.requestAccess(() -> clients.requestAccess(id.get()), "workspace.request-access.",
                        e.ownerName()));
            }
        }
    }

    @Override
    public String getPageTitle() {
        return title + Titled.SUFFIX;
    }

    private void showNotFound() {
        title = getTranslation("workspace.not-found.title");
        setId("workspace-not-found");
        Anchor toList = new Anchor(ClientNavigation.LIST, getTranslation("workspace.back-to-clients"));
        Div box = new Div(States.empty(VaadinIcon.SEARCH, getTranslation("workspace.not-found.title"),
                getTranslation("workspace.not-found.text"), null), toList);
        box.addClassName("centered");
        add(box);
    }

    /** @param openTab a tab to open first, such as "proposals" from a mail's link; null for the first tab */
    private void show(Client client, String openTab) {
        title = client.name();
        setId("workspace");
        Component header = header(client);
        shell.addHeaderItems(header, Where.CLIENT, WorkScope.client(client.id()));
        add(header);

        TabStrip strip = shell.tabs(Where.CLIENT, WorkScope.client(client.id()), client.name(), client.name(), true);
        if (openTab != null) {
            strip.open(openTab);
        }
        ReviewPanel panel = new ReviewPanel(client.id(), review, shell.loader(), shell.clock(), strip::open);
        panel.refresh();
        // counters, the checklist and the open list follow changes made by anyone, on any node
        unsubscribe();
        subscription = shell.live(client.id(), () -> {
            strip.refreshAll();
            panel.refresh();
        });
        add(panel, strip.tabs(), strip.content());
        setFlexGrow(1, strip.content());
    }

    private void unsubscribe() {
        WorkspaceParts.close(subscription);
        subscription = null;
    }

    private Component header(Client c) {
        // the icon, the name and the kind only show: one element of markup
        Html titleRow = new Html("<vaadin-horizontal-layout theme=\"spacing\" style=\"align-items: center\">"
                + LitTexts.icon(c.kind() == ClientKind.COMPANY ? VaadinIcon.BUILDING : VaadinIcon.USER, "header-icon")
                + "<h1 id=\"client-title\">" + LitTexts.text(c.name()) + "</h1><span theme=\"badge contrast\">"
                + LitTexts.text(getTranslation("client.kinds." + c.kind().name())) + "</span>"
                + "</vaadin-horizontal-layout>");

        Div facts = new Div();
        facts.addClassName("facts");
        fact(facts, VaadinIcon.USER_STAR, "client.owner", c.ownerName());
        if (c.companyName() != null) {
            TabParts.factLink(facts, VaadinIcon.BUILDING, getTranslation("client.company"),
                    ClientNavigation.workspace(ClientKind.COMPANY, c.companyId()), c.companyName(), false);
        }
        fact(facts, VaadinIcon.BRIEFCASE, "client.job-title", c.jobTitle());
        fact(facts, VaadinIcon.FACTORY, "client.industry", c.industry());
        if (c.email() != null) {
            TabParts.factLink(facts, VaadinIcon.ENVELOPE_O, getTranslation("client.email"), "mailto:" + c.email(),
                    c.email(), false);
        }
        fact(facts, VaadinIcon.PHONE, "client.phone", c.phone());
        String address = String.join(", ", Stream.of(c.street(), c.location())
                .filter(s -> s != null && !s.isBlank()).toList());
        fact(facts, VaadinIcon.MAP_MARKER, "client.address", address);
        if (c.website() != null) {
            TabParts.factLink(facts, VaadinIcon.GLOBE_WIRE, getTranslation("client.website"), c.website(),
                    c.website().replaceFirst("^https?://", ""), true);
        }
        fact(facts, VaadinIcon.FILE_TEXT, "client.vat-id", c.vatId());

        // the tags as one element of markup: they only show
        StringBuilder tags = new StringBuilder("<vaadin-horizontal-layout class=\"tags\">");
        c.tags().forEach(t -> tags.append("<span theme=\"badge contrast pill\">").append(LitTexts.text(t))
                .append("</span>"));
        Html tagRow = new Html(tags.append("</vaadin-horizontal-layout>").toString());

        ClientActions actions = new ClientActions(c, clientForms, clients, shell.clock(), saved ->
                getUI().ifPresent(ui -> ui.navigate(saved.workspacePath())));

        HorizontalLayout top = new HorizontalLayout(titleRow, actions);
        top.setWidthFull();
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        top.setAlignItems(FlexComponent.Alignment.CENTER);

        Div header = new Div(top, facts, tagRow);
        if (c.kind() == ClientKind.COMPANY) {
            header.add(new ContactPeople(clients.companyContacts(c.id()), () -> clients.companyContacts(c.id()),
                    ClientNavigation.workspace(ClientKind.COMPANY, c.id(), ExtranetNavigation.TAB)));
        }
        header.addClassName("workspace-header");
        header.setId("workspace-header");
        if (c.notes() != null) {
            Paragraph notes = new Paragraph(c.notes());
            notes.addClassName("notes");
            Details details = new Details(getTranslation("client.notes"), notes);
            details.addClassName("internal-notes");
            header.add(details);
        }
        return header;
    }

    private void fact(Div facts, VaadinIcon icon, String labelKey, String value) {
        if (value != null && !value.isBlank()) {
            TabParts.fact(facts, icon, getTranslation(labelKey), value);
        }
    }
}
