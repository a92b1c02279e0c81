package io.clientspace.task.ui;

import io.clientspace.project.ProjectService;
import io.clientspace.project.WorkspaceRights;
import io.clientspace.shared.ui.Unavailable;

import io.clientspace.task.TaskNavigation;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.shared.ui.tabs.TabContribution;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider.Where;
import io.clientspace.shared.ui.tabs.TabContext;
import io.clientspace.shared.WorkScope;
import io.clientspace.shared.ui.Grids;
import io.clientspace.shared.ui.SignedIn;
import io.clientspace.shared.ui.tabs.WorkspaceTab;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.clientspace.security.CurrentUser;
import io.clientspace.shared.ui.States;
import io.clientspace.task.TaskFilter;
import io.clientspace.task.TaskList;
import io.clientspace.task.WorkTaskService;
import java.time.Clock;

/** The client's open tasks, ad hoc and from processes; create, take and complete them here. */
class TasksTab extends WorkspaceTab<TaskList> {

    /** The Tasks tab, on the client and the project workspace. */
    @SpringComponent
    static class Provider extends TabContribution {

        private final WorkTaskService tasks;
        private final ProjectService projects;

        Provider(WorkTaskService tasks, ProjectService projects) {
            super(TaskNavigation.TAB, 30, Where.CLIENT, Where.PROJECT);
            this.tasks = tasks;
            this.projects = projects;
        }

        @Override
        public WorkspaceTab<?> create(TabContext context) {
            return new TasksTab(context, tasks, projects);
        }
    }

    private final TabContext context;
    private final WorkTaskService tasks;
    private final ProjectService projects;
    /** What the user may do here, read with the list (off the UI thread) for the buttons' "why not". */
    private volatile WorkspaceRights rights;
    private final CurrentUser user;
    private final Clock clock;
    private final Runnable onChange;
    /** The user the grid's later pages are fetched as, whichever thread asks for them. */
    private final SignedIn signedIn = SignedIn.now();

    TasksTab(TabContext context, WorkTaskService tasks, ProjectService projects) {
        super(TaskNavigation.TAB, "workspace.tab.tasks", context.loader());
        this.context = context;
        this.tasks = tasks;
        this.projects = projects;
        this.user = context.user();
        this.clock = context.clock();
        this.onChange = context.countersChanged();
    }

    @Override
    protected long count() {
        return tasks.countOpenIn(context.scope());
    }

    /** Whether the tab shows finished (done and cancelled) tasks rather than open ones. */
    private boolean showingDone;

    @Override
    protected TaskList fetch() {
        rights = projects.rights(context.scope());
        return tasks.firstPage(context.scope(), current(), Grids.WHOLE_LIST_ROWS);
    }

    /** What the list shows: finished tasks, the checklist's filter (about open tasks), or the open ones. */
    private TaskFilter current() {
        String f = filter();
        return showingDone ? TaskFilter.DONE : "overdue".equals(f) ? TaskFilter.OVERDUE
                : "unassigned".equals(f) ? TaskFilter.UNASSIGNED : TaskFilter.OPEN;
    }

    @Override
    protected boolean isEmpty(TaskList data) {
        // an empty "Done" view still offers the way back to the open tasks, and an empty filter the way to all
        return data.length() == 0 && data.filter() == TaskFilter.OPEN;
    }

    @Override
    protected String loadingKey() {
        return "tasks.loading";
    }

    @Override
    protected Component emptyState() {
        Div box = new Div(viewChoice(), States.empty(VaadinIcon.CHECK_SQUARE_O, getTranslation("tasks.none.title"),
                getTranslation("tasks.none.text"), newTaskAction()));
        box.addClassName("tab-body");
        return box;
    }

    @Override
    protected Component render(TaskList data) {
        TaskGrid grid = new TaskGrid(false, data.filter() == TaskFilter.DONE ? clock.getZone() : null,
                new TaskActions(tasks, clock, this::changed));
        grid.setEmptyStateText(getTranslation("tasks.none-here"));
        // the first page came with the tab; the grid fetches the rest from the database as the user scrolls (DD039)
        WorkScope scope = context.scope();
        TaskFilter shows = data.filter();
        grid.showPaged(data.firstRows(), signedIn, (offset, limit) -> tasks.page(scope, shows, offset, limit));
        HorizontalLayout toolbar = new HorizontalLayout(newTaskAction(), viewChoice());
        toolbar.addClassName("tab-toolbar");

        Component filterBar = filterBar();
        if (filterBar != null) {
            toolbar.add(filterBar);
        }
        Div box = new Div(toolbar, grid);
        box.addClassName("tab-body");
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

    /** Open tasks, or the finished ones with who ended them and when. */
    private Component viewChoice() {
        RadioButtonGroup<Boolean> views = new RadioButtonGroup<>();
        views.setId("task-view");
        views.setItems(false, true);
        views.setItemLabelGenerator(done -> getTranslation(done ? "task.view.done" : "task.view.open"));
        views.setValue(showingDone);
        views.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                showingDone = e.getValue();
                reload();
            }
        });
        return views;
    }

    private void changed() {
        reload();
        onChange.run();
    }

    /** "New task", or, for someone who may only read here, the button disabled with why and whom to ask. */
    private Component newTaskAction() {
        WorkspaceRights r = rights;
        return Unavailable.editorAction(newTaskButton(), r == null || r.work(), "tasks-read-only",
                r == null ? null : r.askName());
    }

    private Button newTaskButton() {
        Button button = new Button(getTranslation("tasks.new"), VaadinIcon.PLUS.create(),
                e -> new TaskFormDialog(context.scope(), context.name(), user.username(), tasks, clock,
                        saved -> changed()).open());
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setId("new-task");
        return button;
    }
}
