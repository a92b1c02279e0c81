package io.clientspace.task.ui;

import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.util.Locale;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.LitRenderer;
import io.clientspace.shared.ui.LitTexts;
import io.clientspace.shared.ui.RowButtons;
import com.vaadin.flow.component.icon.VaadinIcon;
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
        // every cell is a Lit template filled from a few properties per row, not server-side components, which cost
        // a busy list a few thousand components per open page in heap and in what goes to the browser (issue 19)
        addColumn(LitRenderer.<WorkTask>of("<span class=\"task-title\">${item.title}</span>")
                .withProperty("title", this::titleText)).setHeader(getTranslation("task.title")).setFlexGrow(3);
        if (showClient) {
            addColumn(LitRenderer.<WorkTask>of("<a class=\"task-client\" href=\"${item.path}\">${item.client}</a>")
                    .withProperty("path", WorkTask::clientPath).withProperty("client", WorkTask::clientName))
                    .setHeader(getTranslation("task.client")).setFlexGrow(2);
        }
        addColumn(LitRenderer.<WorkTask>of("<span class=\"priority-badge\" theme=\"${item.theme}\">${item.priority}"
                        + "</span>")
                .withProperty("theme", t -> priorityTheme(t.priority()))
                .withProperty("priority", t -> getTranslation("task.priorities." + t.priority().name())))
                .setHeader(getTranslation("task.priority")).setAutoWidth(true).setFlexGrow(0);
        addColumn(LitRenderer.<WorkTask>of("${item.unassigned ? html`<span class=\"unassigned\" theme=\"badge error\">"
                        + LitTexts.text(getTranslation("task.unassigned")) + "</span>`"
                        + " : html`<span>${item.assignee}</span>`}")
                .withProperty("unassigned", t -> t.assignee() == null)
                .withProperty("assignee", t -> t.assignee() == null ? "" : t.assigneeName()))
                .setHeader(getTranslation("task.assignee")).setAutoWidth(true);
        if (finished) {
            addColumn(LitRenderer.<WorkTask>of("${item.cancelled ? html`<span class=\"cell-row\"><span"
                            + " theme=\"badge contrast\">" + LitTexts.text(getTranslation("task.cancelled"))
                            + "</span><span class=\"task-cancelled\">${item.line}</span></span>`"
                            + " : html`<span class=\"task-done\">${item.line}</span>`}")
                    .withProperty("cancelled", WorkTask::cancelled)
                    .withProperty("line", t -> finishedLine(t, getLocale(), finishedIn)))
                    .setHeader(getTranslation("task.finished")).setFlexGrow(2);
        } else {
            DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
            addColumn(LitRenderer.<WorkTask>of("${item.overdue ? html`<span class=\"overdue\" title=\""
                            + LitTexts.text(getTranslation("task.overdue")) + "\">${item.due}</span>`"
                            + " : html`<span>${item.due}</span>`}")
                    .withProperty("due", t -> t.due() == null ? "" : date.format(t.due()))
                    .withProperty("overdue", WorkTask::overdue))
                    .setHeader(getTranslation("task.due")).setAutoWidth(true);
        }
        addColumn(actionsRenderer(actions)).setAutoWidth(true).setFlexGrow(0);
        addItemClickListener(e -> actions.open(e.getItem()));
        addClassName("task-grid");
    }

    /** Take (when nobody has it) and mark done (when it is not a process step), for a task still open. */
    private LitRenderer<WorkTask> actionsRenderer(Actions actions) {
        // native buttons, not vaadin-button: a list of a thousand open tasks draws them in every row in view (DD043)
        String take = RowButtons.button("take-task", VaadinIcon.HAND, getTranslation("task.take"), "take");
        String done = RowButtons.button("complete-task success", VaadinIcon.CHECK, getTranslation("task.complete"),
                "complete");
        return LitRenderer.<WorkTask>of(LitTexts.shared("<span class=\"cell-row\">${item.take ? html`" + take
                        + "` : ''}${item.complete ? html`" + done + "` : ''}</span>"))
                .withProperty("take", t -> !t.done() && t.assignee() == null)
                .withProperty("complete", t -> !t.done() && !t.isProcessStep())
                // the services check who may take or finish it; these only skip what the row did not offer
                .withFunction("take", t -> {
                    if (!t.done() && t.assignee() == null) {
                        actions.take(t);
                    }
                })
                .withFunction("complete", t -> {
                    if (!t.done() && !t.isProcessStep()) {
                        actions.complete(t);
                    }
                });
    }

    public void show(List<WorkTask> tasks) {
        io.clientspace.shared.ui.Grids.show(this, tasks);
    }

    /** A list fetched a page at a time as the user scrolls; see {@code Grids.showPaged}. */
    public void showPaged(io.clientspace.shared.FirstRows<WorkTask> first, io.clientspace.shared.ui.SignedIn user,
                          io.clientspace.shared.ui.Grids.Pages<WorkTask> pages) {
        io.clientspace.shared.ui.Grids.showPaged(this, first, user, pages);
    }

    private String titleText(WorkTask t) {
        return t.isProcessStep()
                ? getTranslation("tasks.process-step", StepNames.of(t.processStep(), getLocale()), t.title())
                : t.title();
    }

    static Component priorityBadge(WorkTask t) {
        Span badge = new Span(badgeText(t.priority()));
        badge.getElement().getThemeList().add(priorityTheme(t.priority()));
        badge.addClassName("priority-badge");
        return badge;
    }

    private static String priorityTheme(TaskPriority priority) {
        return switch (priority) {
            case URGENT -> "badge error primary";
            case HIGH -> "badge error";
            case LOW -> "badge contrast";
            case NORMAL -> "badge";
        };
    }

    private static String badgeText(TaskPriority priority) {
        return UI.getCurrent() == null ? priority.name()
                : UI.getCurrent().getTranslation("task.priorities." + priority.name());
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
