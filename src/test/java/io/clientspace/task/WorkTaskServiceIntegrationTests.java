package io.clientspace.task;

import io.clientspace.client.ClientDraft;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static io.clientspace.support.Actors.asOtherManager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.deal.DealDraft;
import io.clientspace.deal.DealService;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.task.process.AdHocTaskProcess;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ClientspaceIntegrationTest
class WorkTaskServiceIntegrationTests {

    @Autowired
    WorkTaskService tasks;
    @Autowired
    ClientService clients;
    @Autowired
    DealService deals;
    @Autowired
    TaskService engineTasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    Client client;
    LocalDate today;

    @BeforeEach
    void client() {
        client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        today = LocalDate.now(clock);
    }

    @Test
    void aTaskCreatedOnTheClientRunsOnCamundaAndReachesTheAssigneesInbox() {
        WorkTask task = asManager(() -> tasks.create(client.id(), draft("Send the engagement letter", "manager",
                today, TaskPriority.HIGH)));

        assertThat(task.clientId()).isEqualTo(client.id());
        assertThat(task.clientName()).isEqualTo(client.name());
        assertThat(task.priority()).isEqualTo(TaskPriority.HIGH);
        assertThat(asManager(() -> tasks.openForClient(client.id()))).extracting(WorkTask::id).contains(task.id());
        assertThat(asManager(() -> tasks.countOpenForClient(client.id()))).isEqualTo(1);
        assertThat(asManager(() -> tasks.inbox(Inbox.OPEN))).extracting(WorkTask::id).contains(task.id());
        assertThat(asManager(() -> tasks.inbox(Inbox.THIS_WEEK))).extracting(WorkTask::id).contains(task.id());
        assertThat(asOtherManager(() -> tasks.inbox(Inbox.OPEN))).extracting(WorkTask::id).doesNotContain(task.id());

        var engineTask = engineTasks.createTaskQuery().processDefinitionKey(AdHocTaskProcess.PROCESS_ID)
                .processInstanceBusinessKey(task.id().toString()).singleResult();
        assertThat(engineTask.getAssignee()).isEqualTo("manager");
        assertThat(engineTask.getPriority()).isEqualTo(75);
    }

    @Test
    void aWrongTaskIsNotSavedAndStartsNoProcess() {
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey(AdHocTaskProcess.PROCESS_ID)
                .count();
        TaskDraft bad = draft("  ", "manager", today.minusDays(1), TaskPriority.NORMAL);
        bad.setDescription("x".repeat(TaskRules.DESCRIPTION_MAX + 1));

        assertThatThrownBy(() -> asManager(() -> tasks.create(client.id(), bad)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactlyInAnyOrder("title", "description", "due"));
        assertThat(asManager(() -> tasks.countOpenForClient(client.id()))).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AdHocTaskProcess.PROCESS_ID).count())
                .isEqualTo(instances);
    }

    @Test
    void aTaskGoesOnlyToSomeoneWhoCanOpenTheClient() {
        assertThat(asManager(() -> tasks.possibleAssignees(client.id()))).extracting(StaffMember::username)
                .contains("manager", "admin").doesNotContain("member");

        assertThatThrownBy(() -> asManager(() -> tasks.create(client.id(), draft("Chase invoice", "member", null,
                TaskPriority.NORMAL)))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(
                        e.problems()).extracting(FieldProblem::messageKey)
                .containsExactly("task.error.assignee-cannot-see-client"));
        assertThat(asManager(() -> tasks.countOpenForClient(client.id()))).isZero();
    }

    @Test
    void anUnassignedTaskWaitsForTheWorkGroupAndIsTakenOnce() {
        WorkTask task = asManager(() -> tasks.create(client.id(), draft("Review the contract", null, null,
                TaskPriority.NORMAL)));
        assertThat(task.assignee()).isNull();
        assertThat(asOtherManager(() -> tasks.inbox(Inbox.UNASSIGNED))).extracting(WorkTask::id).contains(task.id());
        // the member is not in this client's work group
        assertThat(asMember(() -> tasks.inbox(Inbox.UNASSIGNED))).extracting(WorkTask::id).doesNotContain(task.id());

        WorkTask taken = asOtherManager(() -> tasks.claim(task.id()));
        assertThat(taken.assignee()).isEqualTo("jonas");
        assertThat(engineTask(task).getAssignee()).isEqualTo("jonas");
        assertThat(asManager(() -> tasks.inbox(Inbox.UNASSIGNED))).extracting(WorkTask::id).doesNotContain(task.id());

        assertThatThrownBy(() -> asManager(() -> tasks.claim(task.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("task.error.taken"));
        // handing it on from a screen that still showed it unassigned changes nothing
        assertThatThrownBy(() -> asManager(() -> tasks.assign(task.id(), null, "manager")))
                .isInstanceOf(StaleDataException.class);
        assertThat(asManager(() -> tasks.assign(task.id(), "jonas", "manager")).assignee()).isEqualTo("manager");
        assertThat(engineTask(task).getAssignee()).isEqualTo("manager");
    }

    @Test
    void aReassignmentInCamundaTasklistReachesOurLists() {
        WorkTask task = asManager(() -> tasks.create(client.id(), draft("File the tax return", "manager", null,
                TaskPriority.NORMAL)));

        engineTasks.setAssignee(engineTask(task).getId(), "jonas");

        assertThat(asManager(() -> tasks.get(task.id())).assignee()).isEqualTo("jonas");
        assertThat(asOtherManager(() -> tasks.inbox(Inbox.OPEN))).extracting(WorkTask::id).contains(task.id());
    }

    @Test
    void completingEndsTheProcessAndASecondClickChangesNothing() {
        WorkTask task = asManager(() -> tasks.create(client.id(), draft("Book the kick-off", "manager", null,
                TaskPriority.LOW)));

        WorkTask done = asManager(() -> tasks.complete(task.id()));
        assertThat(done.done()).isTrue();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(task.id().toString()).count())
                .isZero();
        assertThat(asManager(() -> tasks.countOpenForClient(client.id()))).isZero();

        assertThat(asManager(() -> tasks.complete(task.id())).done()).isTrue();
        assertThatThrownBy(() -> asManager(() -> tasks.claim(task.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("task.error.done"));
    }

    @Test
    void aDealStageIsDoneByMovingTheDealNotHere() {
        DealDraft d = new DealDraft();
        d.setTitle("Annual audit");
        d.setAmount(new BigDecimal("12000"));
        d.setCurrency("EUR");
        d.setExpectedClose(today.plusMonths(1));
        d.setOwner("manager");
        asManager(() -> deals.create(client.id(), d));
        WorkTask stage = asManager(() -> tasks.openForClient(client.id())).get(0);
        assertThat(stage.isProcessStep()).isTrue();

        assertThatThrownBy(() -> asManager(() -> tasks.complete(stage.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("task.error.process-step"));
        // but it can be handed on, in the engine too
        asManager(() -> tasks.assign(stage.id(), "manager", "jonas"));
        assertThat(engineTasks.createTaskQuery().processInstanceBusinessKey(stage.dealId().toString())
                .singleResult().getAssignee()).isEqualTo("jonas");
    }

    @Test
    void overdueTasksAreFlaggedAndListed() {
        WorkTask task = asManager(() -> tasks.create(client.id(), draft("Send reminder", "manager", today,
                TaskPriority.NORMAL)));
        long overdueBefore = asManager(() -> tasks.inboxCounts()).get(Inbox.OVERDUE);
        jdbc.update("update work_task set due_date = ? where id = ?", today.minusDays(2), task.id());

        assertThat(asManager(() -> tasks.inbox(Inbox.OVERDUE))).filteredOn(t -> t.id().equals(task.id()))
                .singleElement().satisfies(t -> assertThat(t.overdue()).isTrue());
        assertThat(asManager(() -> tasks.inboxCounts()).get(Inbox.OVERDUE)).as("this task became overdue")
                .isEqualTo(overdueBefore + 1);
        assertThat(asManager(() -> tasks.inbox(Inbox.THIS_WEEK))).extracting(WorkTask::id).doesNotContain(task.id());
    }

    @Test
    void commentsAndTimeAreCheckedAndKeptOnTheTask() {
        WorkTask task = asManager(() -> tasks.create(client.id(), draft("Prepare board pack", "manager", null,
                TaskPriority.NORMAL)));

        assertThatThrownBy(() -> asManager(() -> tasks.comment(task.id(), "   ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("task.error.comment-required"));
        asManager(() -> tasks.comment(task.id(), "Figures from finance arrive Thursday."));
        assertThat(asOtherManager(() -> tasks.comments(task.id()))).singleElement().satisfies(c -> {
            assertThat(c.body()).isEqualTo("Figures from finance arrive Thursday.");
            assertThat(c.authorName()).isEqualTo("Maria Keller");
        });

        assertThatThrownBy(() -> asManager(() -> tasks.bookTime(task.id(),
                new TimeEntryDraft(BigDecimal.ZERO, today.plusDays(1), true, null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey)
                        .containsExactlyInAnyOrder("time.error.hours-range", "time.error.date-future"));
        asManager(() -> tasks.bookTime(task.id(), new TimeEntryDraft(new BigDecimal("1.25"), today, true,
                "Draft slides")));
        asManager(() -> tasks.bookTime(task.id(), new TimeEntryDraft(new BigDecimal("0.5"), today.minusDays(1),
                false, null)));
        assertThat(asManager(() -> tasks.timeEntries(task.id()))).extracting(TimeEntry::minutes, TimeEntry::billable)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(75, true),
                        org.assertj.core.groups.Tuple.tuple(30, false));
    }

    @Test
    void aMemberCannotReachTasksOfAClientOutsideTheirWorkGroup() {
        WorkTask task = asManager(() -> tasks.create(client.id(), draft("Confidential review", "manager", null,
                TaskPriority.URGENT)));

        assertThatThrownBy(() -> asMember(() -> tasks.get(task.id()))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> tasks.comments(task.id()))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> tasks.complete(task.id()))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> tasks.openForClient(client.id())))
                .isInstanceOf(NoAccessException.class);
        assertThat(asManager(() -> tasks.get(task.id())).done()).isFalse();

        Client own = asMember(() -> clients.create(ClientTestData.company("member"), false));
        WorkTask mine = asMember(() -> tasks.create(own.id(), draft("Call back", null, null, TaskPriority.NORMAL)));
        assertThat(asMember(() -> tasks.inbox(Inbox.UNASSIGNED))).extracting(WorkTask::id).contains(mine.id());
        assertThat(asMember(() -> tasks.possibleAssignees(own.id()))).extracting(StaffMember::username)
                .contains("member", "manager");
        assertThat(UUID.fromString(mine.clientPath().substring(mine.clientPath().lastIndexOf('/') + 1)))
                .isEqualTo(own.id());
    }

    @Test
    void aMembersInboxCountsOnlyTasksOnClientsTheyCanStillOpen() {
        Client own = asMember(() -> clients.create(ClientTestData.company("member"), false));
        asMember(() -> tasks.create(own.id(), draft("Call the bookkeeper", "member", today, TaskPriority.NORMAL)));
        long before = asMember(() -> tasks.inboxCounts()).get(Inbox.OPEN);
        assertThat(asMember(() -> tasks.inbox(Inbox.OPEN))).hasSize((int) before);

        // a manager hands the client to Jonas: the member can no longer open it, nor count its tasks
        var handover = ClientDraft.of(asManager(() -> clients.get(own.id())));
        handover.setOwner("jonas");
        asManager(() -> clients.update(own.id(), handover, true));

        assertThat(asMember(() -> tasks.inboxCounts()).get(Inbox.OPEN)).isEqualTo(before - 1);
        assertThat(asMember(() -> tasks.inbox(Inbox.OPEN))).hasSize((int) before - 1);
    }

    private org.camunda.bpm.engine.task.Task engineTask(WorkTask task) {
        return engineTasks.createTaskQuery().processInstanceBusinessKey(task.id().toString()).singleResult();
    }

    static TaskDraft draft(String title, String assignee, LocalDate due, TaskPriority priority) {
        TaskDraft d = new TaskDraft();
        d.setTitle(title);
        d.setAssignee(assignee);
        d.setDue(due);
        d.setPriority(priority);
        return d;
    }
}
