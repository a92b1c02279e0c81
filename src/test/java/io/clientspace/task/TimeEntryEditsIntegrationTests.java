package io.clientspace.task;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static io.clientspace.task.WorkTaskServiceIntegrationTests.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Booked time is corrected by whoever booked it while the month is open, and by managers at any time. */
@ClientspaceIntegrationTest
class TimeEntryEditsIntegrationTests {

    @Autowired
    WorkTaskService tasks;
    @Autowired
    ClientService clients;
    @Autowired
    Clock clock;

    Client membersClient;
    WorkTask task;
    LocalDate today;

    @BeforeEach
    void task() {
        today = LocalDate.now(clock);
        membersClient = asMember(() -> clients.create(ClientTestData.company("member"), false));
        task = asMember(() -> tasks.create(membersClient.id(), draft("Prepare the payroll", "member", null,
                TaskPriority.NORMAL)));
    }

    static TimeEntryDraft hours(String hours, LocalDate day) {
        return new TimeEntryDraft(new BigDecimal(hours), day, true, null);
    }

    @Test
    void ownTimeInTheCurrentMonthIsEditedAndDeleted() {
        TimeEntry booked = asMember(() -> tasks.bookTime(task.id(), hours("1.5", today)));
        assertThat(booked.changeable()).isTrue();

        TimeEntry edited = asMember(() -> tasks.editTime(booked.id(), booked.version(),
                new TimeEntryDraft(new BigDecimal("2.25"), today, false, "Second pass")));

        assertThat(edited.minutes()).isEqualTo(135);
        assertThat(edited.billable()).isFalse();
        assertThat(asMember(() -> tasks.timeEntries(task.id()))).singleElement().satisfies(t -> {
            assertThat(t.minutes()).isEqualTo(135);
            assertThat(t.note()).isEqualTo("Second pass");
        });

        asMember(() -> tasks.deleteTime(edited.id(), edited.version()));
        assertThat(asMember(() -> tasks.timeEntries(task.id()))).isEmpty();
    }

    @Test
    void aStaleEditOrDeleteIsRefused() {
        TimeEntry booked = asMember(() -> tasks.bookTime(task.id(), hours("1", today)));
        asMember(() -> tasks.editTime(booked.id(), booked.version(), hours("2", today)));

        assertThatThrownBy(() -> asMember(() -> tasks.editTime(booked.id(), booked.version(), hours("3", today))))
                .isInstanceOf(StaleDataException.class);
        assertThatThrownBy(() -> asMember(() -> tasks.deleteTime(booked.id(), booked.version())))
                .isInstanceOf(StaleDataException.class);
        assertThat(asMember(() -> tasks.timeEntries(task.id()))).singleElement()
                .extracting(TimeEntry::minutes).isEqualTo(120);
    }

    @Test
    void timeOfAnEarlierMonthIsChangedOnlyByAManager() {
        LocalDate lastMonth = today.minusMonths(1);
        TimeEntry old = asMember(() -> tasks.bookTime(task.id(), hours("4", lastMonth)));
        assertThat(old.changeable()).isFalse();

        assertThatThrownBy(() -> asMember(() -> tasks.editTime(old.id(), old.version(), hours("3", lastMonth))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("time.error.closed-month"));
        assertThatThrownBy(() -> asMember(() -> tasks.deleteTime(old.id(), old.version())))
                .isInstanceOf(InvalidInputException.class);

        TimeEntry fixed = asManager(() -> tasks.editTime(old.id(), old.version(), hours("3", lastMonth)));
        assertThat(fixed.minutes()).isEqualTo(180);
        assertThat(asManager(() -> tasks.timeEntries(task.id()))).singleElement()
                .satisfies(t -> assertThat(t.changeable()).isTrue());
    }

    @Test
    void ownTimeCannotBeMovedIntoAnotherMonth() {
        TimeEntry booked = asMember(() -> tasks.bookTime(task.id(), hours("1", today)));
        assertThatThrownBy(() -> asMember(() -> tasks.editTime(booked.id(), booked.version(),
                hours("1", today.minusMonths(1))))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field, FieldProblem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("workDate", "time.error.other-month")));
        assertThat(asMember(() -> tasks.timeEntries(task.id()))).singleElement()
                .extracting(TimeEntry::workDate).isEqualTo(today);
    }

    @Test
    void someoneElsesTimeIsChangedOnlyByAManager() {
        TimeEntry managers = asManager(() -> tasks.bookTime(task.id(), hours("2", today)));
        assertThat(asMember(() -> tasks.timeEntries(task.id()))).singleElement()
                .satisfies(t -> assertThat(t.changeable()).isFalse());

        assertThatThrownBy(() -> asMember(() -> tasks.editTime(managers.id(), managers.version(), hours("1", today))))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> tasks.deleteTime(managers.id(), managers.version())))
                .isInstanceOf(NoAccessException.class);

        TimeEntry members = asMember(() -> tasks.bookTime(task.id(), hours("1", today)));
        asManager(() -> tasks.deleteTime(members.id(), members.version()));
        assertThat(asManager(() -> tasks.timeEntries(task.id()))).extracting(TimeEntry::id)
                .containsExactly(managers.id());
    }
}
