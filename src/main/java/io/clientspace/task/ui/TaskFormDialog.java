package io.clientspace.task.ui;

import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.ui.DatePickers;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.ui.FormErrors;
import io.clientspace.task.TaskDraft;
import io.clientspace.task.TaskPriority;
import io.clientspace.task.TaskRules;
import io.clientspace.task.WorkTask;
import io.clientspace.task.WorkTaskService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import com.vaadin.flow.component.html.Div;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.WorkScope;
import java.util.function.Consumer;

/**
 * A new task on a client or one of its projects: title, description, assignee, due date and priority. The link to the client is set by
 * the service. The assignee list holds only people who can open the client; leaving it empty puts the task in the
 * work group's "unassigned" list.
 */
public class TaskFormDialog extends Dialog {

    private final WorkScope scope;
    /** The task being edited; null for a new one. */
    private final WorkTask existing;
    private final Div formError = new Div();
    private final WorkTaskService tasks;
    private final Clock clock;
    private final Consumer<WorkTask> onSaved;
    private final FormErrors errors = new FormErrors(this);
    final TextField title = new TextField();
    final TextArea description = new TextArea();
    final ComboBox<StaffMember> assignee = new ComboBox<>();
    final DatePicker due = new DatePicker();
    final Select<TaskPriority> priority = new Select<>();

    public TaskFormDialog(WorkScope scope, String placeName, String currentUsername, WorkTaskService tasks,
                          Clock clock, Consumer<WorkTask> onSaved) {
        this(scope, placeName, currentUsername, null, tasks, clock, onSaved);
    }

    /** Edits an open ad-hoc task. */
    public TaskFormDialog(WorkTask existing, WorkTaskService tasks, Clock clock, Consumer<WorkTask> onSaved) {
        this(new WorkScope(existing.clientId(), existing.projectId()), existing.clientName(), existing.assignee(),
                existing, tasks, clock, onSaved);
    }

    private TaskFormDialog(WorkScope scope, String placeName, String currentUsername, WorkTask existing,
                           WorkTaskService tasks, Clock clock, Consumer<WorkTask> onSaved) {
        this.scope = scope;
        this.existing = existing;
        this.tasks = tasks;
        this.clock = clock;
        this.onSaved = onSaved;
        setId("task-form");
        setHeaderTitle(existing == null ? getTranslation("tasks.new-for", placeName)
                : getTranslation("task.edit.title", existing.title()));
        setWidth("min(40rem, 96vw)");
        setCloseOnOutsideClick(false);

        title.setLabel(getTranslation("task.title"));
        title.setId("task-title");
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(TaskRules.TITLE_MAX);
        description.setLabel(getTranslation("task.description"));
        description.setId("task-description");
        description.setMaxLength(TaskRules.DESCRIPTION_MAX);
        description.setMinHeight("6rem");
        assignee.setLabel(getTranslation("task.assignee"));
        assignee.setId("task-assignee");
        assignee.setPlaceholder(getTranslation("task.unassigned"));
        assignee.setClearButtonVisible(true);
        List<StaffMember> people = tasks.possibleAssignees(scope);
        assignee.setItems(people);
        assignee.setItemLabelGenerator(StaffMember::displayName);
        people.stream().filter(m -> m.username().equals(currentUsername)).findFirst().ifPresent(assignee::setValue);
        due.setLabel(getTranslation("task.due"));
        due.setId("task-due");
        due.setMin(LocalDate.now(clock));
        DatePickers.localized(due, getLocale());
        priority.setLabel(getTranslation("task.priority"));
        priority.setId("task-priority");
        priority.setItems(TaskPriority.values());
        priority.setItemLabelGenerator(p -> getTranslation("task.priorities." + p.name()));
        priority.setValue(TaskPriority.NORMAL);

        errors.field("title", title).field("description", description).field("assignee", assignee)
                .field("due", due).field("priority", priority);

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 3));
        form.add(title, 3);
        form.add(description, 3);
        form.add(assignee, due, priority);
        formError.addClassName("form-error");
        formError.setId("task-form-error");
        formError.setVisible(false);
        add(formError, form);
        if (existing != null) {
            title.setValue(existing.title());
            description.setValue(existing.description() == null ? "" : existing.description());
            if (existing.assignee() == null) {
                assignee.clear();
            }
            LocalDate today = LocalDate.now(clock);
            if (existing.due() != null && existing.due().isBefore(today)) {
                // a due date that has passed stays valid as long as it is not changed
                due.setMin(existing.due());
            }
            due.setValue(existing.due());
            priority.setValue(existing.priority());
        }

        Button save = new Button(getTranslation(existing == null ? "tasks.create" : "action.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("task-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    TaskDraft draft() {
        TaskDraft d = new TaskDraft();
        d.setTitle(title.getValue());
        d.setDescription(description.getValue());
        d.setAssignee(assignee.getValue() == null ? null : assignee.getValue().username());
        d.setDue(due.getValue());
        d.setPriority(priority.getValue());
        return d;
    }

    void save() {
        var problems = TaskRules.check(draft(), LocalDate.now(clock));
        if (due.isInvalid() && due.getValue() == null) {
            // typed text that is not a date: keep it and say so, rather than saving a task without a due date
            problems = new ArrayList<>(problems);
            problems.add(FieldProblem.of("due", "task.error.due-format",
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)
                            .withLocale(getLocale()).format(LocalDate.now(clock).plusDays(7))));
        }
        if (existing != null && Objects.equals(due.getValue(), existing.due())) {
            problems = new ArrayList<>(problems);
            problems.removeIf(p -> "due".equals(p.field()) && "task.error.due-past".equals(p.messageKey()));
        }
        if (!problems.isEmpty()) {
            errors.show(problems);
            return;
        }
        formError.setVisible(false);
        try {
            WorkTask saved = existing == null ? tasks.create(scope, draft())
                    : tasks.edit(existing.id(), existing.version(), draft());
            close();
            onSaved.accept(saved);
        } catch (InvalidInputException e) {
            List<FieldProblem> rest = errors.show(e.problems());
            if (!rest.isEmpty()) {
                formError.setText(rest.stream().map(p -> getTranslation(p.messageKey(), p.args().toArray()))
                        .collect(Collectors.joining(" ")));
                formError.setVisible(true);
            }
        } catch (StaleDataException e) {
            // what the user typed stays, so they can copy it before they look at the current task
            formError.setText(getTranslation("task.error.stale-edit"));
            formError.setVisible(true);
        }
    }
}
