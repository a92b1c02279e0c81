package io.clientspace.task.ui;

import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.util.Locale;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.clientspace.task.TaskPriority;
import io.clientspace.task.WorkTask;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * Tasks as a table: title, priority, assignee (flagged when nobody has it), due date (highlighted when overdue) and
 * the actions the list offers straight away (take it, mark it done). A click on a row opens its details.
 */
public class TaskGrid extends Grid<WorkTask> {

    /** What the rows' buttons and clicks do. */
    public interface Actions {
        void open(WorkTask task);

        void take(WorkTask task);

        void complete(WorkTask task);
    }

    public TaskGrid(boolean showClient, Actions actions) {
        this(showClient, null, actions);
    }

    /**
     * @param finishedIn for a list of done and cancelled tasks, the firm's zone: when and by whom they ended replaces
     *                   the due date; null for a list of open tasks
     */
    public TaskGrid(boolean showClient, ZoneId finishedIn, Actions actions) {
        boolean finished = finishedIn != null;
        setId("task-grid");
        addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        addComponentColumn(this::titleCell).setHeader(getTranslation("task.title")).setFlexGrow(3);
        if (showClient) {
            addComponentColumn(t -> {
                Anchor link = new Anchor(t.clientPath(), t.clientName());
                link.addClassName("task-client");
                return link;
            }).setHeader(getTranslation("task.client")).setFlexGrow(2);
        }
        addComponentColumn(TaskGrid::priorityBadge).setHeader(getTranslation("task.priority")).setAutoWidth(true)
                .setFlexGrow(0);
        addComponentColumn(t -> {
            if (t.assignee() == null) {
                Span badge = new Span(getTranslation("task.unassigned"));
                badge.getElement().getThemeList().add("badge error");
                badge.addClassName("unassigned");
                return badge;
            }
            return new Span(t.assigneeName());
        }).setHeader(getTranslation("task.assignee")).setAutoWidth(true);
        if (finished) {
            addComponentColumn(t -> {
                Span line = new Span(finishedLine(t, getLocale(), finishedIn));
                line.addClassName(t.cancelled() ? "task-cancelled" : "task-done");
                if (t.cancelled()) {
                    Span badge = new Span(getTranslation("task.cancelled"));
                    badge.getElement().getThemeList().add("badge contrast");
                    return new HorizontalLayout(badge, line);
                }
                return line;
            }).setHeader(getTranslation("task.finished")).setFlexGrow(2);
            addComponentColumn(t -> rowActions(t, actions)).setAutoWidth(true).setFlexGrow(0);
            addItemClickListener(e -> actions.open(e.getItem()));
            addClassName("task-grid");
            return;
        }
        addComponentColumn(t -> {
            Span due = new Span(t.due() == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                    .withLocale(getLocale()).format(t.due()));
            if (t.overdue()) {
                due.addClassName("overdue");
                due.getElement().setAttribute("title", getTranslation("task.overdue"));
            }
            return due;
        }).setHeader(getTranslation("task.due")).setAutoWidth(true);
        addComponentColumn(t -> rowActions(t, actions)).setAutoWidth(true).setFlexGrow(0);
        addItemClickListener(e -> actions.open(e.getItem()));
        addClassName("task-grid");
    }

    public void show(List<WorkTask> tasks) {
        io.clientspace.shared.ui.Grids.show(this, tasks);
    }

    private Component titleCell(WorkTask t) {
        String text = t.isProcessStep()
                ? getTranslation("tasks.process-step", StepNames.of(t.processStep(), getLocale()), t.title())
                : t.title();
        Span title = new Span(text);
        title.addClassName("task-title");
        return title;
    }

    static Component priorityBadge(WorkTask t) {
        Span badge = new Span(badgeText(t.priority()));
        badge.getElement().getThemeList().add(switch (t.priority()) {
            case URGENT -> "badge error primary";
            case HIGH -> "badge error";
            case LOW -> "badge contrast";
            case NORMAL -> "badge";
        });
        badge.addClassName("priority-badge");
        return badge;
    }

    private static String badgeText(TaskPriority priority) {
        return UI.getCurrent() == null ? priority.name()
                : UI.getCurrent().getTranslation("task.priorities." + priority.name());
    }

    private Component rowActions(WorkTask t, Actions actions) {
        HorizontalLayout box = new HorizontalLayout();
        box.setSpacing(false);
        box.getStyle().set("gap", "var(--lumo-space-xs)");
        if (t.done()) {
            return box;
        }
        if (t.assignee() == null) {
            Button take = new Button(getTranslation("task.take"), VaadinIcon.HAND.create(), e -> actions.take(t));
            take.addThemeVariants(ButtonVariant.LUMO_SMALL);
            take.addClassName("take-task");
            box.add(take);
        }
        if (!t.isProcessStep()) {
            Button done = new Button(getTranslation("task.complete"), VaadinIcon.CHECK.create(),
                    e -> actions.complete(t));
            done.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
            done.addClassName("complete-task");
            box.add(done);
        }
        return box;
    }

    /** "Done on 3 Dec 2030, 14:05 by Maria Keller", or cancelled with its reason. */
    static String finishedLine(WorkTask t, Locale locale, ZoneId zone) {
        UI ui = UI.getCurrent();
        String when = t.finishedAt() == null ? "" : dateTime(locale, zone, t.finishedAt());
        String who = t.finishedByName() == null ? ui.getTranslation("timeline.system") : t.finishedByName();
        if (t.cancelled()) {
            return t.cancelReason() == null ? ui.getTranslation("task.cancelled-line", when, who)
                    : ui.getTranslation("task.cancelled-line-reason", when, who, t.cancelReason());
        }
        return ui.getTranslation("task.done-line", when, who);
    }

    /** Dates of comments and entries in the firm's zone. */
    static String dateTime(Locale locale, ZoneId zone, Instant when) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(when.atZone(zone));
    }
}
