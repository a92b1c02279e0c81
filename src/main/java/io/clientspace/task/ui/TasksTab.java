package io.clientspace.task.ui;

import io.clientspace.project.ProjectService;
import io.clientspace.project.WorkspaceRights;
import io.clientspace.shared.ui.Unavailable;

import io.clientspace.task.TaskNavigation;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.shared.ui.tabs.TabContribution;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider.Where;
import io.clientspace.shared.ui.tabs.TabContext;
import io.clientspace.shared.ui.tabs.TabParts;
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
import io.clientspace.task.WorkTask;
import io.clientspace.task.WorkTaskService;
import java.time.Clock;
import java.util.List;

/** The client's open tasks, ad hoc and from processes; create, take and complete them here. */
class TasksTab extends WorkspaceTab<List<WorkTask>> {

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
    protected List<WorkTask> fetch() {
        rights = projects.rights(context.scope());
        return showingDone ? tasks.doneIn(context.scope()) : tasks.openIn(context.scope());
    }

    @Override
    protected boolean isEmpty(List<WorkTask> data) {
        // an empty "Done" view still offers the way back to the open tasks
        return data.isEmpty() && !showingDone;
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
    protected Component render(List<WorkTask> data) {
        TaskGrid grid = new TaskGrid(false, showingDone ? clock.getZone() : null,
                new TaskActions(tasks, clock, this::changed));
        grid.show(data.stream().filter(this::matches).toList());
        HorizontalLayout toolbar = new HorizontalLayout(newTaskAction(), viewChoice());
        toolbar.addClassName("tab-toolbar");

        Component filterBar = filterBar();
        if (filterBar != null) {
            toolbar.add(filterBar);
        }
        Div box = new Div(toolbar, grid);
        box.addClassName("tab-body");
        TabParts.limitNote(box, data.size(), WorkTaskService.LIST_LIMIT);
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
