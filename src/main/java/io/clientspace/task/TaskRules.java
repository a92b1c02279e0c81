package io.clientspace.task;

import java.math.RoundingMode;
import static io.clientspace.shared.Texts.clean;

import io.clientspace.shared.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Rules for tasks, comments and time entries, shared by the forms (immediate feedback) and the service (the gate). */
public final class TaskRules {

    public static final int TITLE_MAX = 300;
    public static final int DESCRIPTION_MAX = 5000;
    public static final int COMMENT_MAX = 2000;
    public static final int NOTE_MAX = 500;
    public static final int REASON_MAX = 1000;
    public static final BigDecimal HOURS_MAX = new BigDecimal("24");

    private TaskRules() {
    }

    public static List<FieldProblem> check(TaskDraft d, LocalDate today) {
        List<FieldProblem> p = new ArrayList<>();
        String title = clean(d.getTitle());
        if (title == null) {
            p.add(FieldProblem.of("title", "task.error.title-required"));
        } else if (title.length() > TITLE_MAX) {
            p.add(FieldProblem.of("title", "validation.too-long", TITLE_MAX));
        }
        String description = clean(d.getDescription());
        if (description != null && description.length() > DESCRIPTION_MAX) {
            p.add(FieldProblem.of("description", "validation.too-long", DESCRIPTION_MAX));
        }
        if (d.getDue() != null && d.getDue().isBefore(today)) {
            p.add(FieldProblem.of("due", "task.error.due-past"));
        }
        if (d.getPriority() == null) {
            p.add(FieldProblem.of("priority", "task.error.priority-required"));
        }
        return p;
    }

    /** {@link #timeChangeProblem} when the entry is someone else's. */
    public static final String NOT_YOURS = "time.error.not-yours";

    /**
     * Why the user may not edit or delete a time entry, as a message key; null when they may. Managers and admins
     * ({@code manager}) change any entry; everyone else only their own, and only while the month it was booked for
     * is the current one (after that, the hours may have been billed).
     */
    public static String timeChangeProblem(String username, boolean manager, String bookedBy, LocalDate workDate,
                                           LocalDate today) {
        if (manager) {
            return null;
        }
        if (!username.equals(bookedBy)) {
            return NOT_YOURS;
        }
        if (!YearMonth.from(workDate).equals(YearMonth.from(today))) {
            return "time.error.closed-month";
        }
        return null;
    }

    /** A cancel needs a reason, as the task leaves every inbox. */
    public static List<FieldProblem> checkCancelReason(String text) {
        String reason = clean(text);
        if (reason == null) {
            return List.of(FieldProblem.of("reason", "task.error.cancel-reason-required"));
        } else if (reason.length() > REASON_MAX) {
            return List.of(FieldProblem.of("reason", "validation.too-long", REASON_MAX));
        }
        return List.of();
    }

    public static List<FieldProblem> checkComment(String text) {
        String body = clean(text);
        if (body == null) {
            return List.of(FieldProblem.of("comment", "task.error.comment-required"));
        } else if (body.length() > COMMENT_MAX) {
            return List.of(FieldProblem.of("comment", "validation.too-long", COMMENT_MAX));
        }
        return List.of();
    }

    public static List<FieldProblem> check(TimeEntryDraft d, LocalDate today) {
        List<FieldProblem> p = new ArrayList<>();
        if (d.hours() == null) {
            p.add(FieldProblem.of("hours", "time.error.hours-required"));
        } else if (d.hours().signum() <= 0 || d.hours().compareTo(HOURS_MAX) > 0) {
            p.add(FieldProblem.of("hours", "time.error.hours-range"));
        } else if (d.hours().stripTrailingZeros().scale() > 2) {
            p.add(FieldProblem.of("hours", "time.error.hours-format"));
        }
        if (d.workDate() == null) {
            p.add(FieldProblem.of("workDate", "time.error.date-required"));
        } else if (d.workDate().isAfter(today)) {
            p.add(FieldProblem.of("workDate", "time.error.date-future"));
        }
        String note = clean(d.note());
        if (note != null && note.length() > NOTE_MAX) {
            p.add(FieldProblem.of("note", "validation.too-long", NOTE_MAX));
        }
        return p;
    }

    /** Whole minutes, rounded half up: 1.25 h is 75 minutes. */
    public static int minutes(BigDecimal hours) {
        return hours.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
}
