package io.clientspace.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.shared.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the task, comment and time-entry forms tell a user; {@link WorkTaskService} applies the same rules. */
class TaskRulesTests {

    static final LocalDate TODAY = LocalDate.of(2027, 3, 10);

    static TaskDraft valid() {
        TaskDraft d = new TaskDraft();
        d.setTitle("Call the buyer");
        d.setDescription("About the second review round");
        d.setAssignee("member");
        d.setDue(TODAY.plusDays(2));
        d.setPriority(TaskPriority.NORMAL);
        return d;
    }

    static TimeEntryDraft hours(String hours) {
        return new TimeEntryDraft(hours == null ? null : new BigDecimal(hours), TODAY, true, "Workshop");
    }

    @Test
    void aCompleteTaskHasNoProblems() {
        assertThat(TaskRules.check(valid(), TODAY)).isEmpty();
    }

    @Test
    void theTitleIsRequiredAndAtMost300Characters() {
        TaskDraft d = valid();
        d.setTitle(" ");
        assertThat(TaskRules.check(d, TODAY)).containsExactly(FieldProblem.of("title", "task.error.title-required"));
        d.setTitle("t".repeat(TaskRules.TITLE_MAX));
        assertThat(TaskRules.check(d, TODAY)).isEmpty();
        d.setTitle("t".repeat(TaskRules.TITLE_MAX + 1));
        assertThat(TaskRules.check(d, TODAY)).containsExactly(FieldProblem.of("title", "validation.too-long", 300));
    }

    @Test
    void theDescriptionIsOptionalAndAtMost5000Characters() {
        TaskDraft d = valid();
        d.setDescription(null);
        assertThat(TaskRules.check(d, TODAY)).isEmpty();
        d.setDescription("d".repeat(TaskRules.DESCRIPTION_MAX));
        assertThat(TaskRules.check(d, TODAY)).isEmpty();
        d.setDescription("d".repeat(TaskRules.DESCRIPTION_MAX + 1));
        assertThat(TaskRules.check(d, TODAY))
                .containsExactly(FieldProblem.of("description", "validation.too-long", 5000));
    }

    @Test
    void theDueDateIsOptionalButNotInThePast() {
        TaskDraft d = valid();
        d.setDue(null);
        assertThat(TaskRules.check(d, TODAY)).isEmpty();
        d.setDue(TODAY);
        assertThat(TaskRules.check(d, TODAY)).isEmpty();
        d.setDue(TODAY.minusDays(1));
        assertThat(TaskRules.check(d, TODAY)).containsExactly(FieldProblem.of("due", "task.error.due-past"));
    }

    @Test
    void thePriorityIsRequired() {
        TaskDraft d = valid();
        d.setPriority(null);
        assertThat(TaskRules.check(d, TODAY)).containsExactly(FieldProblem.of("priority", "task.error.priority-required"));
    }

    @Test
    void aCommentIsRequiredAndAtMost2000Characters() {
        assertThat(TaskRules.checkComment("  ")).containsExactly(FieldProblem.of("comment", "task.error.comment-required"));
        assertThat(TaskRules.checkComment(null)).containsExactly(FieldProblem.of("comment", "task.error.comment-required"));
        assertThat(TaskRules.checkComment("c".repeat(TaskRules.COMMENT_MAX))).isEmpty();
        assertThat(TaskRules.checkComment("c".repeat(TaskRules.COMMENT_MAX + 1)))
                .containsExactly(FieldProblem.of("comment", "validation.too-long", 2000));
    }

    @ParameterizedTest
    @CsvSource({"0.01", "1", "1.5", "1.50", "7.25", "24", "24.00"})
    void hoursFromAMinuteTo24WithCentsAreFine(String value) {
        assertThat(TaskRules.check(hours(value), TODAY)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"0, time.error.hours-range", "-1, time.error.hours-range", "24.01, time.error.hours-range",
            "25, time.error.hours-range", "1.005, time.error.hours-format", "0.001, time.error.hours-format"})
    void otherHoursAreRefused(String value, String key) {
        assertThat(TaskRules.check(hours(value), TODAY)).containsExactly(FieldProblem.of("hours", key));
    }

    @Test
    void hoursAreRequired() {
        assertThat(TaskRules.check(hours(null), TODAY))
                .containsExactly(FieldProblem.of("hours", "time.error.hours-required"));
    }

    @Test
    void theWorkDateIsRequiredAndNotInTheFuture() {
        BigDecimal one = BigDecimal.ONE;
        assertThat(TaskRules.check(new TimeEntryDraft(one, null, true, null), TODAY))
                .containsExactly(FieldProblem.of("workDate", "time.error.date-required"));
        assertThat(TaskRules.check(new TimeEntryDraft(one, TODAY.plusDays(1), true, null), TODAY))
                .containsExactly(FieldProblem.of("workDate", "time.error.date-future"));
        assertThat(TaskRules.check(new TimeEntryDraft(one, TODAY.minusYears(1), false, null), TODAY)).isEmpty();
    }

    @Test
    void theNoteIsOptionalAndAtMost500Characters() {
        BigDecimal one = BigDecimal.ONE;
        assertThat(TaskRules.check(new TimeEntryDraft(one, TODAY, true, "n".repeat(TaskRules.NOTE_MAX)), TODAY))
                .isEmpty();
        assertThat(TaskRules.check(new TimeEntryDraft(one, TODAY, true, "n".repeat(TaskRules.NOTE_MAX + 1)), TODAY))
                .containsExactly(FieldProblem.of("note", "validation.too-long", 500));
    }

    @ParameterizedTest
    @CsvSource({"1.25, 75", "1, 60", "0.01, 1", "0.175, 11", "0.0083, 0", "24, 1440"})
    void minutesAreRoundedHalfUp(String hours, int minutes) {
        assertThat(TaskRules.minutes(new BigDecimal(hours))).isEqualTo(minutes);
    }
}
