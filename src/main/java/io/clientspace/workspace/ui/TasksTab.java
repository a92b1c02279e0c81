package io.clientspace.workspace.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
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

    private final Place place;
    private final WorkTaskService tasks;
    private final CurrentUser user;
    private final Clock clock;
    private final Runnable onChange;

    TasksTab(Place place, WorkTaskService tasks, CurrentUser user, AsyncLoader loader, Runnable onChange,
             Clock clock) {
        super("tasks", "workspace.tab.tasks", loader);
        this.place = place;
        this.tasks = tasks;
        this.user = user;
        this.clock = clock;
        this.onChange = onChange;
    }

    @Override
    protected long count() {
        return tasks.countOpenIn(place.scope());
    }

    @Override
    protected List<WorkTask> fetch() {
        return tasks.openIn(place.scope());
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
        grid.show(data.stream().filter(this::matches).toList());
        HorizontalLayout toolbar = new HorizontalLayout(newTaskButton());
        toolbar.addClassName("tab-toolbar");
        Component filterBar = filterBar();
        if (filterBar != null) {
            toolbar.add(filterBar);
        }
        Div box = new Div(toolbar, grid);
        box.addClassName("tab-body");
        WorkspaceParts.limitNote(box, data.size(), io.clientspace.task.WorkTaskService.LIST_LIMIT);
        return box;
    }

    @Override
    protected String filterLabelKey(String filter) {
        return switch (filter == null ? "" : filter) {
            case "overdue" -> "task.filter.overdue";
            case "unassigned" -> "task.filter.unassigned";
            default -> null;
        };
    }

    private boolean matches(WorkTask t) {
        String f = filter();
        return f == null || ("overdue".equals(f) && t.overdue()) || ("unassigned".equals(f) && t.assignee() == null);
    }

    private void changed() {
        reload();
        onChange.run();
    }

    private Button newTaskButton() {
        Button button = new Button(getTranslation("tasks.new"), VaadinIcon.PLUS.create(),
                e -> new TaskFormDialog(place.scope(), place.name(), user.username(), tasks, clock,
                        saved -> changed()).open());
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setId("new-task");
        return button;
    }
}
