package io.clientspace.project.ui;

import com.vaadin.flow.component.UI;
import java.util.Locale;
import io.clientspace.project.ProjectNavigation;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.shared.ui.tabs.TabContribution;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider.Where;
import io.clientspace.shared.ui.tabs.TabContext;
import io.clientspace.shared.ui.tabs.TabParts;
import io.clientspace.shared.ui.tabs.WorkspaceTab;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.clientspace.shared.NamedClient;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectService;
import io.clientspace.project.ProjectStatus;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.Unavailable;
import io.clientspace.project.WorkspaceRights;
import io.clientspace.shared.WorkScope;
import java.time.Clock;
import java.util.List;

/** The client's projects: each one line of work with its own work group; open one, or start a new one. */
class ProjectsTab extends WorkspaceTab<List<ClientProject>> {

    /** The Projects tab on a client's workspace. */
    @SpringComponent
    static class Provider extends TabContribution {

        private final ProjectService projects;
        private final StaffDirectory staff;

        Provider(ProjectService projects, StaffDirectory staff) {
            super(ProjectNavigation.TAB, 70, Where.CLIENT);
            this.projects = projects;
            this.staff = staff;
        }

        @Override
        public WorkspaceTab<?> create(TabContext context) {
            return new ProjectsTab(context, projects, staff);
        }
    }

    private final NamedClient client;
    private final ProjectService projects;
    private final StaffDirectory staff;
    private final String username;
    private final Clock clock;
    /** Read with the tab's data: whether the user may start a project here, and whom to ask if not. */
    private volatile WorkspaceRights rights;

    ProjectsTab(TabContext context, ProjectService projects, StaffDirectory staff) {
        super(ProjectNavigation.TAB, "workspace.tab.projects", context.loader());
        this.client = context.client();
        this.projects = projects;
        this.staff = staff;
        this.username = context.user().username();
        this.clock = context.clock();
    }

    @Override
    protected long count() {
        return projects.countForClient(client.id());
    }

    @Override
    protected List<ClientProject> fetch() {
        rights = projects.rights(WorkScope.client(client.id()));
        return projects.forClient(client.id());
    }

    @Override
    protected String loadingKey() {
        return "projects.loading";
    }

    @Override
    protected Component emptyState() {
        return States.empty(VaadinIcon.FOLDER_O, getTranslation("projects.none.title"),
                getTranslation("projects.none.text"), newProjectAction());
    }

    @Override
    protected Component render(List<ClientProject> data) {
        Grid<ClientProject> grid = projectGrid(data, false, clock);
        HorizontalLayout toolbar = new HorizontalLayout(newProjectAction());
        toolbar.addClassName("tab-toolbar");
        Div box = new Div(toolbar, grid);
        box.addClassName("tab-body");
        return box;
    }

    /** The projects as a grid: name (a link), status, owner, members and dates; with the client's name if asked. */
    static Grid<ClientProject> projectGrid(List<ClientProject> data, boolean withClient, Clock clock) {
        Grid<ClientProject> grid = new Grid<>();
        grid.setId("project-grid");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(p -> {
            Anchor link = new Anchor(p.workspacePath(), p.name());
            link.addClassName("project-link");
            return link;
        }).setHeader(grid.getTranslation("project.name")).setFlexGrow(3);
        if (withClient) {
            grid.addColumn(ClientProject::clientName).setHeader(grid.getTranslation("project.client")).setAutoWidth(true);
        }
        grid.addComponentColumn(ProjectsTab::statusBadge).setHeader(grid.getTranslation("project.status"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ClientProject::ownerName).setHeader(grid.getTranslation("project.owner")).setAutoWidth(true);
        grid.addColumn(p -> p.members().size()).setHeader(grid.getTranslation("project.members"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> period(grid, p, clock)).setHeader(grid.getTranslation("project.period"))
                .setAutoWidth(true);
        grid.setItems(data);
        return grid;
    }

    static Span statusBadge(ClientProject p) {
        Span badge = new Span(badgeText(p.status()));
        String theme = switch (p.status()) {
            case ACTIVE -> "badge success";
            case ON_HOLD -> "badge contrast";
            case CANCELLED -> "badge error";
            default -> "badge";
        };
        badge.getElement().getThemeList().addAll(List.of(theme.split(" ")));
        badge.addClassName("project-status");
        return badge;
    }

    private static String badgeText(ProjectStatus status) {
        return UI.getCurrent() == null ? status.name()
                : UI.getCurrent().getTranslation("project.statuses." + status.name());
    }

    static String period(Component c, ClientProject p, Clock clock) {
        Locale locale = c.getUI().map(UI::getLocale)
                .orElseGet(() -> UI.getCurrent().getLocale());
        String from = TabParts.date(locale, clock.getZone(), p.start());
        String to = TabParts.date(locale, clock.getZone(), p.end());
        if (from.isEmpty() && to.isEmpty()) {
            return "";
        }
        return c.getTranslation("project.period-value", from.isEmpty() ? "…" : from, to.isEmpty() ? "…" : to);
    }

    /** "New project", or, for someone who may only read here, the button disabled with why and whom to ask. */
    private Component newProjectAction() {
        WorkspaceRights r = rights;
        return Unavailable.editorAction(newProjectButton(), r == null || r.work(), "projects-read-only",
                r == null ? null : r.askName());
    }

    private Button newProjectButton() {
        Button button = new Button(getTranslation("projects.new"), VaadinIcon.PLUS.create(),
                e -> ProjectFormDialog.create(client.id(), client.name(), username,
                        staff.assignable(), projects, saved -> getUI().ifPresent(ui ->
                                ui.navigate(saved.workspacePath()))).open());
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setId("new-project");
        return button;
    }
}
