package io.clientspace.task.ui;

import java.util.Arrays;
import java.util.Locale;
import io.clientspace.task.TaskNavigation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.AsyncLoader;
import io.clientspace.shared.ui.MainLayout;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.Titled;
import io.clientspace.shared.ui.Grids;
import io.clientspace.shared.ui.SignedIn;
import io.clientspace.task.Inbox;
import io.clientspace.task.InboxList;
import io.clientspace.task.WorkTaskService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * "My tasks": everything assigned to me across clients, what is overdue or due this week, and what nobody has
 * taken yet on the clients I work on. The view is kept in the address (?view=overdue), so it can be bookmarked. Each
 * view is paged and searched in the database, however many tasks it holds (DD039).
 */
@Menu(title = "nav.my-tasks", order = 30, icon = "vaadin:tasks")
@Route(value = TaskNavigation.MY_TASKS, layout = MainLayout.class)
@RolesAllowed(Roles.STAFF)
class MyTasksView extends VerticalLayout implements Titled, BeforeEnterObserver {

    private final WorkTaskService tasks;
    private final AsyncLoader loader;
    private final Clock clock;
    private final Tabs tabs = new Tabs();
    private final Map<Inbox, Tab> tabByInbox = new EnumMap<>(Inbox.class);
    private final Map<Inbox, Span> counters = new EnumMap<>(Inbox.class);
    private final Div content = new Div();
    private Inbox current = Inbox.OPEN;
    /** Searches the view by title, description or place, in the database, for someone with many tasks. */
    private final com.vaadin.flow.component.textfield.TextField filter = new com.vaadin.flow.component.textfield.TextField();
    /** The grid fetches its further pages as the user who opened the view (DD039). */
    private final SignedIn signedIn = SignedIn.now();

    MyTasksView(WorkTaskService tasks, AsyncLoader loader, Clock clock) {
        this.tasks = tasks;
        this.loader = loader;
        this.clock = clock;
        addClassName("my-tasks");
        setSizeFull();
        for (Inbox inbox : Inbox.values()) {
            Span counter = new Span();
            counter.getElement().getThemeList().add("badge pill small contrast");
            counter.setId("inbox-count-" + key(inbox));
            Tab tab = new Tab(new Span(getTranslation("inbox." + key(inbox))), counter);
            tab.setId("inbox-" + key(inbox));
            tabs.add(tab);
            tabByInbox.put(inbox, tab);
            counters.put(inbox, counter);
        }
        tabs.addSelectedChangeListener(e -> {
            current = tabByInbox.entrySet().stream().filter(x -> x.getValue() == e.getSelectedTab())
                    .map(Map.Entry::getKey).findFirst().orElse(Inbox.OPEN);
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, TaskNavigation.MY_TASKS + "?view=" + key(current)));
            reload();
        });
        filter.setId("task-filter");
        filter.setPlaceholder(getTranslation("inbox.filter"));
        filter.setAriaLabel(getTranslation("inbox.filter"));
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setWidth("24rem");
        filter.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> reloadList());
        content.setWidthFull();
        add(tabs, filter, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String view = event.getLocation().getQueryParameters().getSingleParameter("view").orElse("open");
        current = Arrays.stream(Inbox.values()).filter(i -> key(i).equals(view)).findFirst()
                .orElse(Inbox.OPEN);
        tabs.setSelectedTab(tabByInbox.get(current));
        reload();
    }

    /** The counters and the list: on opening, on another view, and after a change to a task. */
    private void reload() {
        loader.load(this, tasks::inboxCounts, counts -> counts.forEach((inbox, n) ->
                counters.get(inbox).setText(String.valueOf(n))), e -> counters.values().forEach(c -> c.setText("")));
        reloadList();
    }

    /** The list alone: the counters count whole views, so a search leaves them as they are. */
    private void reloadList() {
        Inbox shown = current;
        content.removeAll();
        content.add(States.loading(getTranslation("tasks.loading")));
        String text = filter.getValue().trim();
        loader.load(this, () -> tasks.inboxFirstPage(shown, text, Grids.WHOLE_LIST_ROWS), list -> {
            // a quicker click to another view, or more typing, may have come in meanwhile: its rows win
            if (shown == current && text.equals(filter.getValue().trim())) {
                show(list);
            }
        }, e -> {
            content.removeAll();
            content.add(States.error(getTranslation("workspace.error.title"), getTranslation("workspace.error.text"),
                    this::reloadList, getTranslation("action.retry")));
        });
    }

    private void show(InboxList list) {
        content.removeAll();
        if (list.length() == 0 && !list.text().isEmpty()) {
            content.add(States.empty(VaadinIcon.SEARCH, getTranslation("inbox.filter.none.title"),
                    getTranslation("inbox.filter.none.text", list.text()), null));
            return;
        }
        if (list.length() == 0) {
            content.add(States.empty(list.inbox() == Inbox.UNASSIGNED ? VaadinIcon.USERS : VaadinIcon.CHECK_SQUARE_O,
                    getTranslation("inbox.none." + key(list.inbox()) + ".title"),
                    getTranslation("inbox.none." + key(list.inbox()) + ".text"), null));
            return;
        }
        TaskGrid grid = new TaskGrid(true, new TaskActions(tasks, clock, this::reload));
        // the first page came with the view; the grid fetches the rest from the database as the user scrolls
        Inbox inbox = list.inbox();
        String text = list.text();
        grid.showPaged(list.firstRows(), signedIn, (offset, limit) -> tasks.inboxPage(inbox, text, offset, limit));
        content.add(grid);
    }

    private static String key(Inbox inbox) {
        return inbox.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String titleKey() {
        return "inbox.title";
    }
}
