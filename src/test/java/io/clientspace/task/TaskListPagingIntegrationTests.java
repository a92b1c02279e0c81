package io.clientspace.task;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.devservices.TestClock;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectService;
import io.clientspace.project.ProjectTestData;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.WorkScope;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Tasks tab's list paged in the database (DD039): every open task once, soonest due first, with no cap; the
 * checklist's filters and the finished tasks pick out what their names say; a change shows in the list's start; and
 * nobody pages through a workspace they may not open.
 */
@ClientspaceIntegrationTest
class TaskListPagingIntegrationTests {

    @Autowired
    WorkTaskService tasks;
    @Autowired
    ClientService clients;
    @Autowired
    ProjectService projects;
    @Autowired
    Clock clock;

    Client client;
    WorkScope scope;
    final LocalDate today = LocalDate.now();

    @BeforeEach
    void aClientOfTheManager() {
        client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        scope = WorkScope.client(client.id());
    }

    @Test
    void pagesReachEveryOpenTaskOnceSoonestDueFirst() {
        List<String> expected = PagedTasks.dueAgainstCreation(23, i -> "Task %02d".formatted(i),
                d -> asManager(() -> tasks.create(client.id(), d)));

        List<String> paged = PagedTasks.readInPages(10, 30,
                offset -> asManager(() -> tasks.page(scope, TaskFilter.OPEN, offset, 10)));
        assertThat(paged).as("three pages of ten, soonest due first").containsExactlyElementsOf(expected);

        TaskList first = asManager(() -> tasks.firstPage(scope, TaskFilter.OPEN, 10));
        assertThat(first.length()).isEqualTo(23);
        assertThat(first.rows()).extracting(WorkTask::title).containsExactlyElementsOf(expected.subList(0, 10));
        assertThat(first.firstRows().rowsIfHeld(10, 10)).as("the second page is fetched, not made up").isNull();
    }

    @Test
    void filtersAndFinishedTasksPickOutWhatTheirNamesSay() {
        try (TestClock.Unpin week = TestClock.pin(clock.instant().minus(Duration.ofDays(7)))) {
            // due two days after a week ago: overdue now
            LocalDate then = LocalDate.now(clock);
            asManager(() -> tasks.create(client.id(), draft("Late", "manager", then.plusDays(2))));
        }
        WorkTask nobodys = asManager(() -> tasks.create(client.id(), draft("Nobody's", null, today.plusDays(3))));
        WorkTask finished = asManager(() -> tasks.create(client.id(), draft("Finished", "manager", today)));
        asManager(() -> tasks.complete(finished.id()));

        assertThat(titles(TaskFilter.OPEN)).containsExactly("Late", "Nobody's");
        assertThat(titles(TaskFilter.OVERDUE)).containsExactly("Late");
        assertThat(titles(TaskFilter.UNASSIGNED)).containsExactly("Nobody's");
        assertThat(titles(TaskFilter.DONE)).containsExactly("Finished");
        assertThat(asManager(() -> tasks.page(scope, TaskFilter.OVERDUE, 0, 10))).singleElement()
                .satisfies(t -> assertThat(t.overdue()).isTrue());

        TaskList before = asManager(() -> tasks.firstPage(scope, TaskFilter.OPEN, 1));
        asManager(() -> tasks.assign(nobodys.id(), null, "manager"));
        TaskList after = asManager(() -> tasks.firstPage(scope, TaskFilter.OPEN, 1));
        assertThat(after.length()).isEqualTo(before.length());
        assertThat(after.rows()).as("the first row did not change").isEqualTo(before.rows());
        assertThat(after).as("a change past the first rows still tells the list apart").isNotEqualTo(before);
        assertThat(titles(TaskFilter.UNASSIGNED)).isEmpty();
    }

    @Test
    void nobodyPagesThroughAWorkspaceTheyMayNotOpen() {
        asManager(() -> tasks.create(client.id(), draft("Manager's", "manager", today.plusDays(1))));

        // the member is not on the client
        assertThatThrownBy(() -> asMember(() -> tasks.page(scope, TaskFilter.OPEN, 0, 10)))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> tasks.firstPage(scope, TaskFilter.OPEN, 10)))
                .isInstanceOf(NoAccessException.class);

        // another client's project, named with this client's id (an id changed in a URL), is not found
        Client other = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        ClientProject foreign = asManager(() -> projects.create(other.id(), ProjectTestData.active("Foreign")));
        WorkScope forged = WorkScope.project(client.id(), foreign.id());
        assertThatThrownBy(() -> asManager(() -> tasks.page(forged, TaskFilter.OPEN, 0, 10)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asManager(() -> tasks.firstPage(forged, TaskFilter.DONE, 10)))
                .isInstanceOf(NotFoundException.class);
    }

    private List<String> titles(TaskFilter filter) {
        return asManager(() -> tasks.page(scope, filter, 0, 50)).stream().map(WorkTask::title).toList();
    }

    private static TaskDraft draft(String title, String assignee, LocalDate due) {
        return WorkTaskServiceIntegrationTests.draft(title, assignee, due, TaskPriority.NORMAL);
    }
}
