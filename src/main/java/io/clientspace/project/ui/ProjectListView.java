package io.clientspace.project.ui;

import io.clientspace.project.ProjectNavigation;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectService;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.AsyncLoader;
import io.clientspace.shared.ui.MainLayout;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.Titled;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;

/** Every project the signed-in person may open, across clients; where a member finds the projects they work in. */
@Menu(title = "nav.projects", order = 20, icon = "vaadin:folder-open-o")
@Route(value = ProjectNavigation.LIST, layout = MainLayout.class)
@RolesAllowed(Roles.STAFF)
class ProjectListView extends VerticalLayout implements HasDynamicTitle {

    ProjectListView(ProjectService projects, AsyncLoader loader, Clock clock) {
        setId("project-list");
        // the top bar already names the page, as on the clients list
        addClassName("client-list");
        setPadding(false);
        add(States.loading(getTranslation("projects.loading")));
        loader.load(this, projects::visibleToMe, (List<ClientProject> data) -> {
            removeAll();
            add(data.isEmpty() ? States.empty(VaadinIcon.FOLDER_O, getTranslation("projects.none-visible.title"),
                    getTranslation("projects.none-visible.text"), null)
                    : ProjectsTab.projectGrid(data, true, clock));
        }, e -> {
            removeAll();
            add(States.error(getTranslation("workspace.error.title"), getTranslation("workspace.error.text"),
                    () -> getUI().ifPresent(ui -> ui.getPage().reload()), getTranslation("action.retry")));
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("projects.title") + Titled.SUFFIX;
    }
}
