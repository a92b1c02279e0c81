package io.clientspace.workspace.ui;

import io.clientspace.project.ProjectNavigation;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectService;
import io.clientspace.project.ui.ProjectHeaders;
import io.clientspace.security.Roles;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.ui.MainLayout;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.Titled;
import io.clientspace.shared.ui.tabs.TabStrip;
import io.clientspace.workspace.ReviewService;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider.Where;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One client project: the client workspace scoped to one line of work. The project module's header (status, dates,
 * owner, sharing and the work group), and the tabs the modules contribute to projects (Tasks, Files, Documents,
 * Requests, Comments, Activity), holding only the project's work.
 */
@Route(value = ProjectNavigation.WORKSPACE_ROUTE, layout = MainLayout.class)
@RolesAllowed(Roles.STAFF)
class ProjectWorkspaceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ProjectService projects;
    private final ProjectHeaders headers;
    private final WorkspaceShell shell;
    private final ReviewService review;
    private AutoCloseable subscription;
    private String title = "";

    ProjectWorkspaceView(ProjectService projects, ProjectHeaders headers, WorkspaceShell shell, ReviewService review) {
        this.review = review;
        this.projects = projects;
        this.headers = headers;
        this.shell = shell;
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
        Anchor toList = new Anchor(ProjectNavigation.LIST, getTranslation("project.back-to-projects"));
        Div box = new Div(States.empty(VaadinIcon.SEARCH, getTranslation("project.not-found.title"),
                getTranslation("project.not-found.text"), null), toList);
        box.addClassName("centered");
        add(box);
    }

    private void show(ClientProject project) {
        title = project.name();
        setId("project-workspace");
        List<Component> parts = headers.create(project);
        // the first part is the header with its facts (ProjectHeaders' contract); modules add theirs to it
        shell.addHeaderItems(parts.get(0), Where.PROJECT, project.scope());
        parts.forEach(this::add);

        TabStrip strip = shell.tabs(Where.PROJECT, project.scope(), project.name(), project.clientName(),
                project.sharedWithClient());
        // the project's own checklist, as the client's workspace has one (DD032)
        ReviewPanel panel = new ReviewPanel(project.scope(), review, shell.loader(), shell.clock(), strip::open);
        panel.refresh();
        unsubscribe();
        subscription = shell.live(project.clientId(), () -> {
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
}
