package io.clientspace.workspace.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.clientspace.client.Client;
import io.clientspace.security.CurrentUser;
import io.clientspace.shared.ui.AsyncLoader;
import io.clientspace.shared.ui.States;
import io.clientspace.task.WorkTask;
import io.clientspace.task.WorkTaskService;
import io.clientspace.task.ui.TaskActions;
import io.clientspace.task.ui.TaskFormDialog;
import io.clientspace.task.ui.TaskGrid;
import java.time.Clock;
import java.util.List;

/** The client's open tasks, ad hoc and from processes; create, take and complete them here. */
class TasksTab extends WorkspaceTab<List<WorkTask>> {

    private final Client client;
    private final WorkTaskService tasks;
    private final CurrentUser user;
    private final Clock clock;
    private final Runnable onChange;

    TasksTab(Client client, WorkTaskService tasks, CurrentUser user, AsyncLoader loader, Runnable onChange,
             Clock clock) {
        super("tasks", "workspace.tab.tasks", loader);
        this.client = client;
        this.tasks = tasks;
        this.user = user;
        this.clock = clock;
        this.onChange = onChange;
    }

    @Override
    protected long count() {
        return tasks.countOpenForClient(client.id());
    }

    @Override
    protected List<WorkTask> fetch() {
        return tasks.openForClient(client.id());
    }

    @Override
    protected boolean isEmpty(List<WorkTask> data) {
        return data.isEmpty();
    }

    @Override
    protected String loadingKey() {
        return "tasks.loading";
    }

    @Override
    protected Component emptyState() {
        return States.empty(VaadinIcon.CHECK_SQUARE_O, getTranslation("tasks.none.title"),
                getTranslation("tasks.none.text"), newTaskButton());
    }

    @Override
    protected Component render(List<WorkTask> data) {
        TaskGrid grid = new TaskGrid(false, new TaskActions(tasks, clock, this::changed));
        grid.show(data);
        HorizontalLayout toolbar = new HorizontalLayout(newTaskButton());
        toolbar.addClassName("tab-toolbar");
        Div box = new Div(toolbar, grid);
        box.addClassName("tab-body");
        return box;
    }

    private void changed() {
        reload();
        onChange.run();
    }

    private Button newTaskButton() {
        Button button = new Button(getTranslation("tasks.new"), VaadinIcon.PLUS.create(),
                e -> new TaskFormDialog(client.id(), client.name(), user.username(), tasks, clock,
                        saved -> changed()).open());
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setId("new-task");
        return button;
    }
}
