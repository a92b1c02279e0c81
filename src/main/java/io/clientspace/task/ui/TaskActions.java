package io.clientspace.task.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.task.WorkTask;
import io.clientspace.task.WorkTaskService;
import java.time.Clock;
import java.util.stream.Collectors;

/**
 * What a task list's rows do, wherever the list is: open the details, take the task, mark it done. A refused action
 * (taken by someone else a moment ago, already done) is explained in a notification and the list reloads to show
 * where things stand.
 */
public class TaskActions implements TaskGrid.Actions {

    private final WorkTaskService tasks;
    private final Clock clock;
    private final Runnable onChange;

    public TaskActions(WorkTaskService tasks, Clock clock, Runnable onChange) {
        this.tasks = tasks;
        this.clock = clock;
        this.onChange = onChange;
    }

    @Override
    public void open(WorkTask task) {
        new TaskDetailsDialog(task.id(), tasks, clock, onChange).open();
    }

    @Override
    public void take(WorkTask task) {
        act(() -> tasks.claim(task.id()));
    }

    @Override
    public void complete(WorkTask task) {
        act(() -> tasks.complete(task.id()));
    }

    private void act(Runnable action) {
        UI ui = UI.getCurrent();
        String problem = null;
        try {
            action.run();
        } catch (InvalidInputException e) {
            problem = e.problems().stream().map(p -> ui.getTranslation(p.messageKey(), p.args().toArray()))
                    .collect(Collectors.joining(" "));
        } catch (StaleDataException e) {
            problem = ui.getTranslation("task.error.stale");
        }
        onChange.run();
        if (problem != null) {
            Notification note = new Notification(problem, 6000, Notification.Position.TOP_CENTER);
            note.addThemeVariants(NotificationVariant.LUMO_ERROR);
            note.setId("task-action-error");
            note.open();
        }
    }
}
