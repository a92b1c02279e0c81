package io.clientspace.task;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static io.clientspace.task.WorkTaskServiceIntegrationTests.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.deal.DealDraft;
import io.clientspace.deal.DealService;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.WorkScope;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.task.process.AdHocTaskProcess;
import io.clientspace.timeline.TimelineEntry;
import io.clientspace.timeline.TimelineService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Tasks changed after they were given out: edited, cancelled with a reason, reopened, and found under "Done". */
@ClientspaceIntegrationTest
class TaskEditsIntegrationTests {

    @Autowired
    WorkTaskService tasks;
    @Autowired
    ClientService clients;
    @Autowired
    DealService deals;
    @Autowired
    TimelineService timeline;
    @Autowired
    TaskService engineTasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    Clock clock;

    Client client;
    LocalDate today;

    @BeforeEach
    void client() {
        client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        today = LocalDate.now(clock);
    }

    WorkTask newTask(String title) {
        return asManager(() -> tasks.create(client.id(), draft(title, "manager", today.plusDays(2),
                TaskPriority.NORMAL)));
    }

    static TaskDraft from(WorkTask t) {
        TaskDraft d = draft(t.title(), t.assignee(), t.due(), t.priority());
        d.setDescription(t.description());
        return d;
    }

    @Test
    void anEditChangesTheTaskAndItsEngineTaskFollows() {
        WorkTask task = newTask("Collect the payroll data");
        TaskDraft edit = from(task);
        edit.setDescription("January to March, as CSV");
        edit.setAssignee("admin");
        edit.setDue(today.plusDays(9));
        edit.setPriority(TaskPriority.URGENT);

        WorkTask edited = asManager(() -> tasks.edit(task.id(), task.version(), edit));

        assertThat(edited.description()).isEqualTo("January to March, as CSV");
        assertThat(edited.assignee()).isEqualTo("admin");
        assertThat(edited.due()).isEqualTo(today.plusDays(9));
        assertThat(edited.priority()).isEqualTo(TaskPriority.URGENT);
        var engineTask = engineTasks.createTaskQuery().processInstanceBusinessKey(task.id().toString())
                .singleResult();
        assertThat(engineTask.getAssignee()).isEqualTo("admin");
        assertThat(engineTask.getPriority()).isEqualTo(100);
        assertThat(engineTask.getDueDate()).isNotNull();
        assertThat(asManager(() -> tasks.inbox(Inbox.OPEN))).extracting(WorkTask::id).doesNotContain(task.id());
    }

    @Test
    void aStaleEditIsRefusedWithNothingOverwritten() {
        WorkTask task = newTask("Book the auditor");
        TaskDraft first = from(task);
        first.setPriority(TaskPriority.HIGH);
        asManager(() -> tasks.edit(task.id(), task.version(), first));

        TaskDraft second = from(task);
        second.setDescription("From an old screen");
        assertThatThrownBy(() -> asManager(() -> tasks.edit(task.id(), task.version(), second)))
                .isInstanceOf(StaleDataException.class);
        WorkTask now = asManager(() -> tasks.get(task.id()));
        assertThat(now.priority()).isEqualTo(TaskPriority.HIGH);
        assertThat(now.description()).isNull();
    }

    @Test
    void badInputAndTasksOutsideTheUsersReachAreRefused() {
        WorkTask task = newTask("Check the contract");
        TaskDraft bad = from(task);
        bad.setTitle(" ");
        bad.setDue(today.minusDays(1));
        assertThatThrownBy(() -> asManager(() -> tasks.edit(task.id(), task.version(), bad)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactlyInAnyOrder("title", "due"));
        TaskDraft toOutsider = from(task);
        toOutsider.setAssignee("member");
        assertThatThrownBy(() -> asManager(() -> tasks.edit(task.id(), task.version(), toOutsider)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey)
                        .containsExactly("task.error.assignee-cannot-see-client"));

        // a member cannot open the manager's client, so cannot change, cancel or reopen its tasks
        assertThatThrownBy(() -> asMember(() -> tasks.edit(task.id(), task.version(), from(task))))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> tasks.cancel(task.id(), task.version(), "not mine")))
                .isInstanceOf(NoAccessException.class);
        assertThat(asManager(() -> tasks.get(task.id())).done()).isFalse();
    }

    @Test
    void aCancelledTaskLeavesEveryInboxEndsItsProcessAndShowsUnderDoneWithItsReason() {
        WorkTask task = newTask("Order the welcome pack");
        assertThatThrownBy(() -> asManager(() -> tasks.cancel(task.id(), task.version(), "  ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("task.error.cancel-reason-required"));

        WorkTask cancelled = asManager(() -> tasks.cancel(task.id(), task.version(), "The client ordered it"));

        assertThat(cancelled.done()).isTrue();
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.cancelReason()).isEqualTo("The client ordered it");
        assertThat(cancelled.finishedByName()).isEqualTo("Maria Keller");
        assertThat(asManager(() -> tasks.inbox(Inbox.OPEN))).extracting(WorkTask::id).doesNotContain(task.id());
        assertThat(asManager(() -> tasks.openForClient(client.id()))).isEmpty();
        assertThat(asManager(() -> tasks.countOpenForClient(client.id()))).isZero();
        assertThat(asManager(() -> tasks.page(WorkScope.client(client.id()), TaskFilter.DONE, 0, 100)))
                .extracting(WorkTask::id)
                .containsExactly(task.id());
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(task.id().toString()).count())
                .isZero();
        String instance = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(task.id().toString()).singleResult().getId();
        assertThat(history.createHistoricActivityInstanceQuery().activityId(AdHocTaskProcess.END_CANCELLED)
                .processInstanceId(instance).count()).isEqualTo(1);
        TimelineEntry entry = asManager(() -> timeline.forClient(client.id(), 0)).get(0);
        assertThat(entry.kind()).isEqualTo("TASK_CANCELLED");
        assertThat(entry.detail()).isEqualTo("The client ordered it");

        assertThatThrownBy(() -> asManager(() -> tasks.cancel(task.id(), cancelled.version(), "again")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).contains("task.error.done"));
    }

    @Test
    void aDoneTaskIsReopenedAndComesBackToItsAssignee() {
        WorkTask task = newTask("Send the invoice");
        WorkTask done = asManager(() -> tasks.complete(task.id()));
        assertThat(asManager(() -> tasks.page(WorkScope.client(client.id()), TaskFilter.DONE, 0, 100)))
                .singleElement().satisfies(t -> {
            assertThat(t.cancelled()).isFalse();
            assertThat(t.finishedByName()).isEqualTo("Maria Keller");
            assertThat(t.finishedAt()).isNotNull();
        });

        WorkTask reopened = asManager(() -> tasks.reopen(task.id(), done.version()));

        assertThat(reopened.done()).isFalse();
        assertThat(asManager(() -> tasks.inbox(Inbox.OPEN))).extracting(WorkTask::id).contains(task.id());
        assertThat(asManager(() -> tasks.page(WorkScope.client(client.id()), TaskFilter.DONE, 0, 100))).isEmpty();
        var engineTask = engineTasks.createTaskQuery().processInstanceBusinessKey(task.id().toString())
                .singleResult();
        assertThat(engineTask.getAssignee()).isEqualTo("manager");
        // done again through its new engine task
        assertThat(asManager(() -> tasks.complete(task.id())).done()).isTrue();
        assertThat(asManager(() -> timeline.forClient(client.id(), 0))).extracting(TimelineEntry::kind)
                .startsWith("TASK_COMPLETED", "TASK_REOPENED", "TASK_COMPLETED");
    }

    @Test
    void aDealsStageTaskIsNeitherEditedNorCancelledHere() {
        DealDraft d = new DealDraft();
        d.setTitle("Tax advisory");
        d.setAmount(new BigDecimal("5000"));
        d.setExpectedClose(today.plusMonths(1));
        d.setOwner("manager");
        asManager(() -> deals.create(client.id(), d));
        WorkTask stage = asManager(() -> tasks.openForClient(client.id())).get(0);

        assertThatThrownBy(() -> asManager(() -> tasks.cancel(stage.id(), stage.version(), "no")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("task.error.process-step"));
        assertThatThrownBy(() -> asManager(() -> tasks.edit(stage.id(), stage.version(), from(stage))))
                .isInstanceOf(InvalidInputException.class);
    }
}
