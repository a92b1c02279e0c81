package io.clientspace.task.ui;

import io.clientspace.shared.WorkScope;
import io.clientspace.shared.ui.DatePickers;
import java.text.NumberFormat;
import java.util.ArrayList;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.ui.FormErrors;
import io.clientspace.shared.ui.ReasonDialog;
import io.clientspace.task.TaskComment;
import io.clientspace.task.TaskRules;
import io.clientspace.task.TimeEntry;
import io.clientspace.task.TimeEntryDraft;
import io.clientspace.task.WorkTask;
import io.clientspace.task.WorkTaskService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Everything about one task: what it is, who has it, the discussion, and the time booked on it. Take it, hand it
 * on, mark it done, comment and book time without leaving the page. A comment or time entry that the server refuses
 * stays in its field with the reason next to it.
 */
public class TaskDetailsDialog extends Dialog {

    private final UUID taskId;
    private final WorkTaskService tasks;
    private final Clock clock;
    private final Runnable onChange;
    private final Div body = new Div();
    /** The time entry the booking form is changing; null while it books new time. */
    private TimeEntry editing;
    private final Paragraph formError = new Paragraph();
    // kept across refreshes, so typed text survives an action elsewhere in the dialog
    final TextArea comment = new TextArea();
    final BigDecimalField hours = new BigDecimalField();
    final DatePicker workDate = new DatePicker();
    final Checkbox billable = new Checkbox();
    final TextField note = new TextField();
    private final FormErrors commentErrors = new FormErrors(this);
    private final FormErrors timeErrors = new FormErrors(this);

    public TaskDetailsDialog(UUID taskId, WorkTaskService tasks, Clock clock, Runnable onChange) {
        this.taskId = taskId;
        this.tasks = tasks;
        this.clock = clock;
        this.onChange = onChange;
        setId("task-details");
        setWidth("min(48rem, 96vw)");
        formError.addClassName("form-error");
        formError.setVisible(false);
        formError.setId("task-details-error");

        comment.setLabel(getTranslation("task.comment.new"));
        comment.setId("task-comment");
        comment.setMaxLength(TaskRules.COMMENT_MAX);
        comment.setWidthFull();
        commentErrors.field("comment", comment);

        hours.setLabel(getTranslation("time.hours"));
        hours.setId("time-hours");
        workDate.setLabel(getTranslation("time.date"));
        workDate.setId("time-date");
        workDate.setMax(LocalDate.now(clock));
        workDate.setValue(LocalDate.now(clock));
        DatePickers.localized(workDate, getLocale());
        billable.setLabel(getTranslation("time.billable"));
        billable.setId("time-billable");
        billable.setValue(true);
        note.setLabel(getTranslation("time.note"));
        note.setId("time-note");
        note.setMaxLength(TaskRules.NOTE_MAX);
        timeErrors.field("hours", hours).field("workDate", workDate).field("note", note);

        add(formError, body);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
        refresh();
    }

    private void refresh() {
        WorkTask task = tasks.get(taskId);
        setHeaderTitle(task.isProcessStep()
                ? getTranslation("tasks.process-step", StepNames.of(task.processStep(), getLocale()),
                        task.title())
                : task.title());
        body.removeAll();
        body.addClassName("task-details");
        body.add(summary(task), assignment(task));
        if (task.description() != null) {
            Paragraph description = new Paragraph(task.description());
            description.addClassName("task-description");
            body.add(description);
        }
        body.add(commentsSection(tasks.comments(taskId)), timeSection(tasks.timeEntries(taskId)));
    }

    private Component summary(WorkTask task) {
        HorizontalLayout row = new HorizontalLayout();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.addClassName("task-summary");
        Anchor client = new Anchor(task.clientPath(), task.clientName());
        row.add(client, TaskGrid.priorityBadge(task));
        if (task.due() != null) {
            Span due = new Span(getTranslation("task.due-on",
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).format(task.due())));
            if (task.overdue()) {
                due.addClassName("overdue");
            }
            row.add(due);
        }
        if (task.done()) {
            Span done = new Span(getTranslation(task.cancelled() ? "task.cancelled" : "task.done"));
            done.getElement().getThemeList().add(task.cancelled() ? "badge contrast" : "badge success");
            done.setId(task.cancelled() ? "task-cancelled-badge" : "task-done-badge");
            row.add(done);
        }
        return row;
    }

    private Component assignment(WorkTask task) {
        HorizontalLayout row = new HorizontalLayout();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.addClassName("task-assignment");
        if (task.done()) {
            row.add(new Span(getTranslation("task.done-by-line", task.assigneeName() == null
                    ? getTranslation("task.unassigned") : task.assigneeName())));
            if (task.finishedAt() != null) {
                Span finished = new Span(TaskGrid.finishedLine(task, getLocale(), clock.getZone()));
                finished.setId("task-finished-line");
                row.add(finished);
            }
            if (!task.isProcessStep()) {
                Button reopen = new Button(getTranslation("task.reopen"), VaadinIcon.ROTATE_LEFT.create(),
                        e -> act(() -> tasks.reopen(taskId, task.version())));
                reopen.setId("task-reopen");
                row.add(reopen);
            }
            return row;
        }
        if (task.link() != null) {
            // another module's step that module assigns (a client request: take, assign, hand on on its page)
            row.add(new Span(task.assigneeName() == null ? getTranslation("task.unassigned") : task.assigneeName()));
            Span there = new Span(getTranslation("task.assigned-there"));
            there.addClassName("hint");
            Anchor open = new Anchor(task.link(), getTranslation("task.open-item"));
            open.setId("task-open-item");
            row.add(there, open);
            return row;
        }
        ComboBox<StaffMember> assignee = new ComboBox<>(getTranslation("task.assignee"));
        assignee.setId("task-assign-to");
        assignee.setPlaceholder(getTranslation("task.unassigned"));
        assignee.setClearButtonVisible(true);
        List<StaffMember> people = tasks.possibleAssignees(new WorkScope(task.clientId(), task.projectId()));
        assignee.setItems(people);
        assignee.setItemLabelGenerator(StaffMember::displayName);
        people.stream().filter(m -> m.username().equals(task.assignee())).findFirst().ifPresent(assignee::setValue);
        assignee.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                act(() -> tasks.assign(taskId, task.assignee(), e.getValue() == null ? null : e.getValue().username()));
            }
        });
        row.add(assignee);
        if (task.assignee() == null) {
            Button take = new Button(getTranslation("task.take"), VaadinIcon.HAND.create(),
                    e -> act(() -> tasks.claim(taskId)));
            take.setId("task-take");
            row.add(take);
        }
        if (task.isProcessStep()) {
            // a deal's stage moves on in the Deals tab; another module's step says where it is done
            Span hint = new Span(task.dealId() != null ? getTranslation("task.process-step-hint")
                    : getTranslation("tasks.step-hints." + task.processStep()));
            hint.addClassName("hint");
            row.add(hint);
        } else {
            Button complete = new Button(getTranslation("task.complete"), VaadinIcon.CHECK.create(),
                    e -> act(() -> tasks.complete(taskId)));
            complete.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
            complete.setId("task-complete");
            Button edit = new Button(getTranslation("action.edit"), VaadinIcon.EDIT.create(),
                    e -> new TaskFormDialog(task, tasks, clock, saved -> changed()).open());
            edit.setId("task-edit");
            Button cancel = new Button(getTranslation("task.cancel"), VaadinIcon.CLOSE_CIRCLE.create(),
                    e -> new ReasonDialog(new ReasonDialog.Texts("task-cancel",
                            getTranslation("task.cancel.title", task.title()), getTranslation("task.cancel.text"),
                            getTranslation("task.cancel.reason"), getTranslation("task.cancel.confirm"),
                            getTranslation("action.close"), getTranslation("task.error.stale")),
                            TaskRules.REASON_MAX, TaskRules::checkCancelReason,
                            reason -> tasks.cancel(taskId, task.version(), reason), this::changed).open());
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            cancel.setId("task-cancel-open");
            row.add(complete, edit, cancel);
        }
        return row;
    }

    private Component commentsSection(List<TaskComment> comments) {
        Div section = new Div(new H3(getTranslation("task.comments", comments.size())));
        section.addClassName("task-section");
        section.setId("task-comments");
        if (comments.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("task.comments.none"));
            none.addClassName("muted");
            section.add(none);
        }
        for (TaskComment c : comments) {
            Div item = new Div();
            item.addClassName("comment");
            Span meta = new Span(getTranslation("task.comment.meta", c.authorName(),
                    TaskGrid.dateTime(getLocale(), clock.getZone(), c.createdAt())));
            meta.addClassName("comment-meta");
            Paragraph text = new Paragraph(c.body());
            text.addClassName("comment-body");
            item.add(meta, text);
            section.add(item);
        }
        Button post = new Button(getTranslation("task.comment.post"), e -> postComment());
        post.setId("task-comment-post");
        section.add(comment, post);
        return section;
    }

    private Component timeSection(List<TimeEntry> entries) {
        int total = entries.stream().mapToInt(TimeEntry::minutes).sum();
        int billableTotal = entries.stream().filter(TimeEntry::billable).mapToInt(TimeEntry::minutes).sum();
        Div section = new Div(new H3(getTranslation("time.title", hoursText(total), hoursText(billableTotal))));
        section.addClassName("task-section");
        section.setId("task-time");
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        for (TimeEntry t : entries) {
            Div item = new Div();
            item.addClassName("time-entry");
            String line = getTranslation(t.billable() ? "time.line.billable" : "time.line.internal",
                    date.format(t.workDate()), t.staffName(), hoursText(t.minutes()));
            item.add(new Span(line));
            if (t.note() != null) {
                Span n = new Span(getTranslation("time.line.note", t.note()));
                n.addClassName("muted");
                item.add(n);
            }
            if (t.changeable()) {
                Button edit = new Button(VaadinIcon.EDIT.create(), e -> startEditing(t));
                edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                edit.addClassName("time-edit");
                edit.setAriaLabel(getTranslation("time.edit"));
                edit.setTooltipText(getTranslation("time.edit"));
                Button delete = new Button(VaadinIcon.TRASH.create(), e -> {
                    editing = null;
                    act(() -> tasks.deleteTime(t.id(), t.version()));
                });
                delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY,
                        ButtonVariant.LUMO_ERROR);
                delete.addClassName("time-delete");
                delete.setAriaLabel(getTranslation("time.delete"));
                delete.setTooltipText(getTranslation("time.delete"));
                item.add(edit, delete);
            }
            section.add(item);
        }
        HorizontalLayout form = new HorizontalLayout(hours, workDate, billable, note);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        Button book = new Button(getTranslation(editing == null ? "time.book" : "time.save"), VaadinIcon.CLOCK.create(),
                e -> bookTime());
        book.setId("time-book");
        section.add(form, book);
        if (editing != null) {
            Button stop = new Button(getTranslation("action.cancel"), e -> {
                editing = null;
                hours.clear();
                note.clear();
                timeErrors.clear();
                refresh();
            });
            stop.setId("time-edit-cancel");
            section.add(stop);
        }
        return section;
    }

    private void postComment() {
        List<FieldProblem> local = TaskRules.checkComment(comment.getValue());
        if (!local.isEmpty()) {
            commentErrors.show(local);
            return;
        }
        try {
            tasks.comment(taskId, comment.getValue());
            comment.clear();
            commentErrors.clear();
            changed();
        } catch (InvalidInputException e) {
            commentErrors.show(e.problems());
        }
    }

    private void bookTime() {
        TimeEntryDraft draft = new TimeEntryDraft(hours.getValue(), workDate.getValue(), billable.getValue(),
                note.getValue());
        List<FieldProblem> local = new ArrayList<>(TaskRules.check(draft, LocalDate.now(clock)));
        if (hours.isInvalid() && hours.getValue() == null) {
            local.removeIf(p -> p.field().equals("hours"));
            local.add(FieldProblem.of("hours", "time.error.hours-format"));
        }
        if (!local.isEmpty()) {
            timeErrors.show(local);
            return;
        }
        TimeEntry edited = editing;
        try {
            if (edited == null) {
                tasks.bookTime(taskId, draft);
            } else {
                tasks.editTime(edited.id(), edited.version(), draft);
            }
            editing = null;
            hours.clear();
            note.clear();
            timeErrors.clear();
            changed();
        } catch (InvalidInputException e) {
            List<FieldProblem> rest = timeErrors.show(e.problems());
            if (!rest.isEmpty()) {
                formError.setText(rest.stream().map(p -> getTranslation(p.messageKey(), p.args().toArray()))
                        .collect(Collectors.joining(" ")));
                formError.setVisible(true);
            }
        } catch (StaleDataException e) {
            // the typed hours stay; the list shows the entry as it is now
            formError.setText(getTranslation("time.error.stale"));
            formError.setVisible(true);
            editing = null;
            changed();
        }
    }

    /** The booking form takes the entry's values; saving it changes the entry instead of booking new time. */
    private void startEditing(TimeEntry t) {
        editing = t;
        hours.setValue(BigDecimal.valueOf(t.minutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros());
        workDate.setValue(t.workDate());
        billable.setValue(t.billable());
        note.setValue(t.note() == null ? "" : t.note());
        refresh();
    }

    private void act(Runnable action) {
        formError.setVisible(false);
        try {
            action.run();
        } catch (InvalidInputException e) {
            formError.setText(e.problems().stream().map(p -> getTranslation(p.messageKey(), p.args().toArray()))
                    .collect(Collectors.joining(" ")));
            formError.setVisible(true);
        } catch (StaleDataException e) {
            formError.setText(getTranslation("task.error.stale"));
            formError.setVisible(true);
        }
        changed();
    }

    private void changed() {
        refresh();
        onChange.run();
    }

    /** 90 minutes as "1.5", in the user's number format. */
    String hoursText(int minutes) {
        BigDecimal h = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        var format = NumberFormat.getNumberInstance(getLocale());
        format.setMaximumFractionDigits(2);
        return format.format(h);
    }
}
