package io.clientspace.workspace.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.clientspace.document.DocumentService;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.PortalAccount;
import io.clientspace.file.FileService;
import io.clientspace.portal.PortalService;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectService;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import io.clientspace.security.StaffDirectory;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.live.ClientChanges;
import io.clientspace.shared.ui.AsyncLoader;
import io.clientspace.shared.ui.MainLayout;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.Titled;
import io.clientspace.task.WorkTaskService;
import io.clientspace.timeline.TimelineService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One client project: the client workspace scoped to one line of work. A header with status, dates and owner, the
 * work group (members), and the tabs Tasks, Files, Documents, Requests, Comments and Activity holding only the
 * project's work.
 */
@Route(value = "client-projects/:id", layout = MainLayout.class)
@RolesAllowed(Roles.STAFF)
class ProjectWorkspaceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ProjectService projects;
    private final WorkTaskService tasks;
    private final FileService files;
    private final DocumentService documents;
    private final io.clientspace.acceptance.AcceptanceService acceptances;
    private final TimelineService timeline;
    private final StaffDirectory staff;
    private final CurrentUserProvider currentUser;
    private final AsyncLoader loader;
    private final ClientChanges changes;
    private final Clock clock;
    private final PortalService portal;
    private final ExternalAccessService externalAccess;
    private final io.clientspace.inforequest.InformationRequestService requests;
    private AutoCloseable subscription;
    private String title = "";

    ProjectWorkspaceView(ProjectService projects, WorkTaskService tasks, FileService files,
                         DocumentService documents, io.clientspace.acceptance.AcceptanceService acceptances, TimelineService timeline, StaffDirectory staff,
                         CurrentUserProvider currentUser, AsyncLoader loader, ClientChanges changes, Clock clock,
                         PortalService portal, ExternalAccessService externalAccess,
                         io.clientspace.inforequest.InformationRequestService requests) {
        this.requests = requests;
        this.portal = portal;
        this.externalAccess = externalAccess;
        this.projects = projects;
        this.tasks = tasks;
        this.files = files;
        this.documents = documents;
        this.acceptances = acceptances;
        this.timeline = timeline;
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
        Optional<UUID> id = event.getRouteParameters().get("id").flatMap(WorkspaceParts::uuid);
        if (id.isEmpty()) {
            showNotFound();
            return;
        }
        try {
            show(projects.get(id.get()));
        } catch (NotFoundException e) {
            showNotFound();
        } catch (NoAccessException e) {
            title = getTranslation("project.denied.title");
            setId("project-denied");
            add(States.hidden(getTranslation("project.denied.title"),
                    getTranslation("project.denied.text", e.ownerName())));
            add(WorkspaceParts.requestAccess(() -> projects.requestAccess(id.get()), "project.request-access.",
                    e.ownerName()));
        }
    }

    @Override
    public String getPageTitle() {
        return title + Titled.SUFFIX;
    }

    private void showNotFound() {
        title = getTranslation("project.not-found.title");
        setId("project-not-found");
        Anchor toList = new Anchor("client-projects", getTranslation("project.back-to-projects"));
        Div box = new Div(States.empty(VaadinIcon.SEARCH, getTranslation("project.not-found.title"),
                getTranslation("project.not-found.text"), null), toList);
        box.addClassName("centered");
        add(box);
    }

    private void show(ClientProject project) {
        title = project.name();
        setId("project-workspace");
        Place place = new Place(project.scope(), project.name());
        Div members = new Div();
        members.setId("project-members");
        members.addClassName("project-members");
        add(header(project), members);
        showMembers(members, project);

        List<WorkspaceTab<?>> all = new ArrayList<>();
        Runnable refreshCounters = () -> all.forEach(WorkspaceTab::refreshCounter);
        all.add(new TasksTab(place, tasks, currentUser.requireStaff(), loader, refreshCounters, clock));
        all.add(new FilesTab(place, files, loader, refreshCounters, clock));
        all.add(new DocumentsTab(place, documents, acceptances, loader, refreshCounters, clock));
        all.add(new RequestsTab(project, requests, loader, refreshCounters, clock));
        all.add(new CommentsTab(project, portal, loader, clock));
        all.add(new ActivityTab(place, timeline, loader, clock));
        WorkspaceParts.TabStrip strip = new WorkspaceParts.TabStrip(all);
        unsubscribe();
        subscription = WorkspaceParts.live(changes, project.clientId(), strip::refreshAll);
        add(strip.tabs, strip.content);
        setFlexGrow(1, strip.content);
    }

    private Component header(ClientProject p) {
        var icon = VaadinIcon.FOLDER_OPEN_O.create();
        icon.addClassName("header-icon");
        H1 name = new H1(p.name());
        name.setId("project-title");
        HorizontalLayout titleRow = new HorizontalLayout(icon, name, ProjectsTab.statusBadge(p));
        titleRow.setAlignItems(FlexComponent.Alignment.CENTER);

        Div facts = new Div();
        facts.addClassName("facts");
        Component client = p.clientPath() == null ? new Span(p.clientName()) : new Anchor(p.clientPath(), p.clientName());
        client.setId("project-client");
        fact(facts, VaadinIcon.BUILDING, getTranslation("project.client"), client);
        fact(facts, VaadinIcon.USER_STAR, getTranslation("project.owner"), new Span(p.ownerName()));
        String period = ProjectsTab.period(this, p, clock);
        if (!period.isEmpty()) {
            fact(facts, VaadinIcon.CALENDAR, getTranslation("project.period"), new Span(period));
        }

        HorizontalLayout top = new HorizontalLayout(titleRow);
        top.setWidthFull();
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        top.setAlignItems(FlexComponent.Alignment.CENTER);
        HorizontalLayout actions = new HorizontalLayout();
        if (p.canManage()) {
            Button edit = new Button(getTranslation("action.edit"), VaadinIcon.EDIT.create(), e ->
                    ProjectFormDialog.edit(p, staff.assignable(), projects, saved ->
                            UI.getCurrent().getPage().reload()).open());
            edit.setId("edit-project");
            actions.add(edit);
        }
        if (externalAccess.canView()) {
            Button viewAs = new Button(getTranslation("project.view-as"), VaadinIcon.EYE.create(), e -> viewAs(p));
            viewAs.setId("view-as-client");
            actions.add(viewAs);
        }
        top.add(actions);
        Div header = new Div(top, facts);
        if (p.canManage()) {
            header.add(sharing(p));
        }
        header.addClassName("workspace-header");
        header.setId("workspace-header");
        if (p.description() != null) {
            Paragraph description = new Paragraph(p.description());
            description.addClassName("notes");
            description.setId("project-description-text");
            header.add(description);
        }
        return header;
    }

    /** The work group as name badges; whoever may manage the project adds and removes people here. */
    private void showMembers(Div box, ClientProject p) {
        box.removeAll();
        Span label = new Span(getTranslation("project.members"));
        label.addClassName("review-label");
        box.add(label);
        if (p.members().isEmpty()) {
            Span none = new Span(getTranslation("project.members.none"));
            none.addClassName("muted");
            box.add(none);
        }
        for (StaffMember m : p.members()) {
            Span badge = new Span(m.displayName());
            badge.getElement().getThemeList().addAll(List.of("badge", "contrast", "pill"));
            badge.addClassName("member");
            if (p.canManage()) {
                Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> change(box,
                        () -> projects.removeMember(p.id(), m.username())));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                remove.setAriaLabel(getTranslation("project.members.remove", m.displayName()));
                remove.getElement().setAttribute("title", getTranslation("project.members.remove", m.displayName()));
                remove.addClassName("remove-member");
                badge.add(remove);
            }
            box.add(badge);
        }
        if (p.canManage()) {
            ComboBox<StaffMember> add = new ComboBox<>();
            add.setId("add-member");
            add.setPlaceholder(getTranslation("project.members.add"));
            add.setItems(staff.assignable().stream().filter(s -> p.members().stream()
                    .noneMatch(m -> m.username().equals(s.username()))).toList());
            add.setItemLabelGenerator(StaffMember::displayName);
            add.addThemeVariants(com.vaadin.flow.component.combobox.ComboBoxVariant.LUMO_SMALL);
            add.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    change(box, () -> projects.addMember(p.id(), e.getValue().username()));
                }
            });
            box.add(add);
        }
    }

    private void change(Div box, java.util.function.Supplier<ClientProject> action) {
        try {
            showMembers(box, action.get());
        } catch (InvalidInputException e) {
            e.problems().stream().findFirst().ifPresent(p -> Notification.show(
                    getTranslation(p.messageKey(), p.args().toArray()), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR));
        } catch (StaleDataException e) {
            Notification.show(getTranslation("project.error.stale"), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
    }

    /** What of the project the client's portal shows; only those who may manage the project change it. */
    private Component sharing(ClientProject p) {
        Checkbox shared = new Checkbox(getTranslation("project.sharing.shared"), p.sharedWithClient());
        shared.setId("share-project");
        Checkbox tasksVisible = new Checkbox(getTranslation("project.sharing.tasks"), p.tasksVisibleToClient());
        tasksVisible.setId("share-project-tasks");
        tasksVisible.setEnabled(p.sharedWithClient());
        Runnable save = () -> {
            try {
                ClientProject saved = projects.setSharing(p.id(), shared.getValue(), tasksVisible.getValue());
                tasksVisible.setEnabled(saved.sharedWithClient());
                Notification.show(getTranslation(saved.sharedWithClient() ? "project.sharing.saved-on"
                        : "project.sharing.saved-off"), 3000, Notification.Position.BOTTOM_START);
            } catch (StaleDataException | NoAccessException e) {
                Notification.show(getTranslation("project.error.stale"), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_WARNING);
                UI.getCurrent().getPage().reload();
            }
        };
        shared.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                save.run();
            }
        });
        tasksVisible.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                save.run();
            }
        });
        Span label = new Span(VaadinIcon.GLOBE.create(), new Span(getTranslation("project.sharing.label")));
        label.addClassName("review-label");
        Div box = new Div(label, shared, tasksVisible);
        box.setId("project-sharing");
        box.addClassName("project-sharing");
        return box;
    }

    /** Opens the portal as one of the client's contacts sees it; with several, asks whose. */
    private void viewAs(ClientProject p) {
        List<PortalAccount> accounts = externalAccess.forClient(p.clientId()).stream()
                .filter(a -> "ACTIVE".equals(a.status())).toList();
        if (accounts.isEmpty()) {
            Notification.show(getTranslation("project.view-as.none"), 5000, Notification.Position.MIDDLE);
        } else if (accounts.size() == 1) {
            UI.getCurrent().navigate("clients/view-as/" + accounts.get(0).id());
        } else {
            Dialog choose = new Dialog();
            choose.setId("view-as-choose");
            choose.setHeaderTitle(getTranslation("project.view-as.choose"));
            for (PortalAccount a : accounts) {
                Button who = new Button(a.displayName() + " · " + a.email(), e -> {
                    choose.close();
                    UI.getCurrent().navigate("clients/view-as/" + a.id());
                });
                who.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                who.addClassName("view-as-account");
                choose.add(new Div(who));
            }
            choose.getFooter().add(new Button(getTranslation("action.cancel"), e -> choose.close()));
            choose.open();
        }
    }

    private void fact(Div facts, VaadinIcon icon, String label, Component value) {
        WorkspaceParts.fact(facts, icon, label, value);
    }

    private void unsubscribe() {
        WorkspaceParts.close(subscription);
        subscription = null;
    }
}
