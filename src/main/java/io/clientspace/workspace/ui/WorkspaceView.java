package io.clientspace.workspace.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
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
import io.clientspace.client.ui.ClientFormDialog;
import io.clientspace.deal.DealService;
import io.clientspace.document.DocumentService;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.PortalAccount;
import io.clientspace.file.FileService;
import io.clientspace.project.ProjectService;
import io.clientspace.project.WorkScope;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.live.ClientChanges;
import io.clientspace.shared.ui.AsyncLoader;
import io.clientspace.shared.ui.MainLayout;
import io.clientspace.shared.ui.States;
import io.clientspace.task.WorkTaskService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import io.clientspace.timeline.TimelineService;
import io.clientspace.workspace.ReviewService;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * One client, one page: a header that sums the client up, and tabs for deals, tasks, files, documents and external
 * access, each with its own counter.
 */
@Route(value = "clients/:kind/:id", layout = MainLayout.class)
@RolesAllowed(Roles.STAFF)
class WorkspaceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ClientService clients;
    private final DealService deals;
    private final WorkTaskService tasks;
    private final FileService files;
    private final DocumentService documents;
    private final io.clientspace.acceptance.AcceptanceService acceptances;
    private final ExternalAccessService externalAccess;
    private final StaffDirectory staff;
    private final CurrentUserProvider currentUser;
    private final AsyncLoader loader;
    private final ClientChanges changes;
    private final Clock clock;
    private final TimelineService timeline;
    private final ReviewService review;
    private final ProjectService projects;
    private final io.clientspace.proposal.ProposalService proposals;
    private AutoCloseable subscription;
    private String title = "";

    WorkspaceView(ClientService clients, DealService deals, WorkTaskService tasks, FileService files,
                  DocumentService documents, io.clientspace.acceptance.AcceptanceService acceptances, ExternalAccessService externalAccess, StaffDirectory staff,
                  CurrentUserProvider currentUser, AsyncLoader loader, ClientChanges changes, Clock clock,
                  TimelineService timeline, ReviewService review, ProjectService projects,
                  io.clientspace.proposal.ProposalService proposals) {
        this.projects = projects;
        this.proposals = proposals;
        this.timeline = timeline;
        this.review = review;
        this.clients = clients;
        this.deals = deals;
        this.tasks = tasks;
        this.files = files;
        this.documents = documents;
        this.acceptances = acceptances;
        this.externalAccess = externalAccess;
        this.staff = staff;
        this.currentUser = currentUser;
        this.loader = loader;
        this.changes = changes;
        this.clock = clock;
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
        return title + io.clientspace.shared.ui.Titled.SUFFIX;
    }

    private void showNotFound() {
        title = getTranslation("workspace.not-found.title");
        setId("workspace-not-found");
        Anchor toList = new Anchor("clients", getTranslation("workspace.back-to-clients"));
        Div box = new Div(States.empty(VaadinIcon.SEARCH, getTranslation("workspace.not-found.title"),
                getTranslation("workspace.not-found.text"), null), toList);
        box.addClassName("centered");
        add(box);
    }

    /** @param openTab a tab to open first, such as "proposals" from a mail's link; null for the first tab */
    private void show(Client client, String openTab) {
        title = client.name();
        setId("workspace");
        CurrentUser user = currentUser.requireStaff();
        add(header(client));

        List<WorkspaceTab<?>> all = new java.util.ArrayList<>();
        Runnable refreshCounters = () -> all.forEach(WorkspaceTab::refreshCounter);
        Place place = new Place(WorkScope.client(client.id()), client.name());
        ProposalsTab proposalsTab = new ProposalsTab(client, proposals, deals, files, loader, refreshCounters, clock);
        WorkspaceParts.TabStrip[] stripRef = new WorkspaceParts.TabStrip[1];
        all.add(new DealsTab(client, deals, user, loader, refreshCounters, clock, dealId -> {
            stripRef[0].open("proposals");
            proposalsTab.create(dealId);
        }));
        all.add(proposalsTab);
        all.add(new TasksTab(place, tasks, user, loader, refreshCounters, clock));
        all.add(new FilesTab(place, files, loader, refreshCounters, clock));
        all.add(new DocumentsTab(place, documents, acceptances, loader, refreshCounters, clock));
        all.add(new ExternalAccessTab(client, externalAccess, loader, refreshCounters, clock));
        all.add(new ProjectsTab(client, projects, staff, currentUser, loader, clock));
        all.add(new ActivityTab(place, timeline, loader, clock));
        WorkspaceParts.TabStrip strip = new WorkspaceParts.TabStrip(all);
        stripRef[0] = strip;
        if (openTab != null) {
            strip.open(openTab);
        }
        ReviewPanel panel = new ReviewPanel(client.id(), review, loader, clock, strip::open);
        panel.refresh();
        // counters, the checklist and the open list follow changes made by anyone, on any node
        unsubscribe();
        subscription = WorkspaceParts.live(changes, client.id(), () -> {
            strip.refreshAll();
            panel.refresh();
        });
        add(panel, strip.tabs, strip.content);
        Div content = strip.content;
        setFlexGrow(1, content);
    }

    private void unsubscribe() {
        WorkspaceParts.close(subscription);
        subscription = null;
    }

    private Component header(Client c) {
        var icon = (c.kind() == ClientKind.COMPANY ? VaadinIcon.BUILDING : VaadinIcon.USER).create();
        icon.addClassName("header-icon");
        H1 name = new H1(c.name());
        name.setId("client-title");
        Span kind = new Span(getTranslation("client.kinds." + c.kind().name()));
        kind.getElement().getThemeList().add("badge contrast");
        HorizontalLayout titleRow = new HorizontalLayout(icon, name, kind);
        titleRow.setAlignItems(FlexComponent.Alignment.CENTER);

        Div facts = new Div();
        facts.addClassName("facts");
        fact(facts, VaadinIcon.USER_STAR, getTranslation("client.owner"), c.ownerName());
        if (c.companyName() != null) {
            Anchor company = new Anchor("clients/company/" + c.companyId(), c.companyName());
            factComponent(facts, VaadinIcon.BUILDING, getTranslation("client.company"), company);
        }
        fact(facts, VaadinIcon.BRIEFCASE, getTranslation("client.job-title"), c.jobTitle());
        fact(facts, VaadinIcon.FACTORY, getTranslation("client.industry"), c.industry());
        if (c.email() != null) {
            factComponent(facts, VaadinIcon.ENVELOPE_O, getTranslation("client.email"),
                    new Anchor("mailto:" + c.email(), c.email()));
        }
        fact(facts, VaadinIcon.PHONE, getTranslation("client.phone"), c.phone());
        String address = String.join(", ", java.util.stream.Stream.of(c.street(), c.location())
                .filter(s -> s != null && !s.isBlank()).toList());
        fact(facts, VaadinIcon.MAP_MARKER, getTranslation("client.address"), address.isBlank() ? null : address);
        if (c.website() != null) {
            Anchor site = new Anchor(c.website(), c.website().replaceFirst("^https?://", ""));
            site.setTarget("_blank");
            factComponent(facts, VaadinIcon.GLOBE_WIRE, getTranslation("client.website"), site);
        }
        fact(facts, VaadinIcon.FILE_TEXT, getTranslation("client.vat-id"), c.vatId());

        HorizontalLayout tagRow = new HorizontalLayout();
        tagRow.setSpacing(false);
        tagRow.addClassName("tags");
        c.tags().forEach(t -> {
            Span badge = new Span(t);
            badge.getElement().getThemeList().add("badge contrast pill");
            tagRow.add(badge);
        });

        Button edit = new Button(getTranslation("action.edit"), VaadinIcon.EDIT.create(), e ->
                new ClientFormDialog.Factory(clients, staff, currentUser).edit(c, saved ->
                        getUI().ifPresent(ui -> ui.navigate(saved.workspacePath()))).open());
        edit.setId("edit-client");

        HorizontalLayout top = new HorizontalLayout(titleRow, edit);
        top.setWidthFull();
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        top.setAlignItems(FlexComponent.Alignment.CENTER);

        Div header = new Div(top, facts, tagRow);
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

    private void fact(Div facts, VaadinIcon icon, String label, String value) {
        if (value != null && !value.isBlank()) {
            factComponent(facts, icon, label, new Span(value));
        }
    }

    private void factComponent(Div facts, VaadinIcon icon, String label, Component value) {
        WorkspaceParts.fact(facts, icon, label, value);
    }


}
