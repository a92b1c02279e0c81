package io.clientspace.task;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectService;
import io.clientspace.project.ProjectTestData;
import io.clientspace.shared.WorkScope;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "My tasks" paged and searched in the database (DD039): every task of a view once, soonest due first, with no cap of
 * 500; the search finds a task by its title, description, client or project name in any case (Cyrillic too), and
 * takes the user's % and _ literally; a member lists only the tasks they can still open, as the counter counts them.
 * The users' My tasks hold other tests' tasks too, so each test searches for a word of its own.
 */
@ClientspaceIntegrationTest
class InboxPagingIntegrationTests {

    @Autowired
    WorkTaskService tasks;
    @Autowired
    ClientService clients;
    @Autowired
    ProjectService projects;

    Client client;
    String word;
    final LocalDate today = LocalDate.now();

    @BeforeEach
    void aClientOfTheManager() {
        client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        word = "w" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void pagesReachEveryTaskOfTheViewOnceSoonestDueFirst() {
        List<String> expected = PagedTasks.dueAgainstCreation(23, i -> "Inbox %s %02d".formatted(word, i),
                d -> asManager(() -> tasks.create(client.id(), d)));

        List<String> paged = PagedTasks.readInPages(10, 30,
                offset -> asManager(() -> tasks.inboxPage(Inbox.OPEN, word, offset, 10)));
        assertThat(paged).as("three pages of ten, soonest due first").containsExactlyElementsOf(expected);

        InboxList first = asManager(() -> tasks.inboxFirstPage(Inbox.OPEN, word, 10));
        assertThat(first.length()).isEqualTo(23);
        assertThat(first.rows()).extracting(WorkTask::title).containsExactlyElementsOf(expected.subList(0, 10));
        assertThat(first.firstRows().rowsIfHeld(10, 10)).as("the second page is fetched, not made up").isNull();
        assertThat(asManager(() -> tasks.inboxFirstPage(Inbox.THIS_WEEK, word, 10)).length())
                .as("none of them due this week").isZero();
        assertThat(asMember(() -> tasks.inboxFirstPage(Inbox.OPEN, word, 10)).length())
                .as("the manager's tasks are not the member's").isZero();
    }

    @Test
    void theSearchLooksAtTitleDescriptionClientAndProjectNamesInAnyCase() {
        ClientProject project = asManager(() -> projects.create(client.id(), ProjectTestData.active("Umbau " + word)));
        TaskDraft described = draft("Call back", "manager", today.plusDays(2));
        described.setDescription("About the " + word.toUpperCase() + " contract");
        asManager(() -> tasks.create(client.id(), described));
        asManager(() -> tasks.create(client.id(), draft("Счёт " + word + " отправить", "manager", today.plusDays(3))));
        asManager(() -> tasks.create(WorkScope.project(client.id(), project.id()),
                draft("Order the scaffolding", "manager", today.plusDays(4))));
        asManager(() -> tasks.create(client.id(), draft("Rabatt 100% " + word, "manager", today.plusDays(5))));

        assertThat(search(word)).containsExactly("Call back", "Счёт " + word + " отправить",
                "Order the scaffolding", "Rabatt 100% " + word);
        assertThat(search("СЧЁТ " + word)).as("Cyrillic in any case").containsExactly("Счёт " + word + " отправить");
        assertThat(search("umbau " + word)).as("the project's name").containsExactly("Order the scaffolding");
        assertThat(search("100% " + word)).as("% is a character, not a wildcard")
                .containsExactly("Rabatt 100% " + word);
        assertThat(search("1_0% " + word)).as("_ is a character, not a wildcard").isEmpty();

        // the client's own name finds every task on it: the three on the client and the one in its project
        assertThat(asManager(() -> tasks.inboxFirstPage(Inbox.OPEN, client.name(), 50)).rows())
                .extracting(WorkTask::clientId).containsOnly(client.id()).hasSize(4);
    }

    @Test
    void aMemberListsOnlyTheTasksTheyCanStillOpenAsTheCounterCountsThem() {
        ClientProject project = asManager(() -> projects.create(client.id(), ProjectTestData.active("Shared " + word)));
        asManager(() -> projects.addMember(project.id(), "member"));
        WorkScope place = WorkScope.project(client.id(), project.id());
        asManager(() -> tasks.create(place, draft("Member's " + word, "member", today.plusDays(1))));
        asManager(() -> tasks.create(place, draft("Nobody's " + word, null, today.plusDays(1))));

        assertThat(asMember(() -> tasks.inboxPage(Inbox.OPEN, word, 0, 10))).extracting(WorkTask::title)
                .containsExactly("Member's " + word);
        assertThat(asMember(() -> tasks.inboxPage(Inbox.UNASSIGNED, word, 0, 10))).extracting(WorkTask::title)
                .containsExactly("Nobody's " + word);
        long openBefore = asMember(() -> tasks.inboxCounts()).get(Inbox.OPEN);

        // taken off the project, the member can no longer open it: the task is still assigned to them, but neither
        // listed nor counted
        asManager(() -> projects.removeMember(project.id(), "member"));
        assertThat(asMember(() -> tasks.inboxFirstPage(Inbox.OPEN, word, 10)).length()).isZero();
        assertThat(asMember(() -> tasks.inboxPage(Inbox.UNASSIGNED, word, 0, 10))).isEmpty();
        assertThat(asMember(() -> tasks.inboxCounts()).get(Inbox.OPEN)).isEqualTo(openBefore - 1);
    }

    private List<String> search(String text) {
        return asManager(() -> tasks.inboxPage(Inbox.OPEN, text, 0, 50)).stream().map(WorkTask::title).toList();
    }

    private static TaskDraft draft(String title, String assignee, LocalDate due) {
        return WorkTaskServiceIntegrationTests.draft(title, assignee, due, TaskPriority.NORMAL);
    }
}
