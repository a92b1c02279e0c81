package io.clientspace.deal;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.deal.process.DealStagesProcess;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.task.WorkTask;
import io.clientspace.task.WorkTaskService;
import io.clientspace.timeline.TimelineEntry;
import io.clientspace.timeline.TimelineService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Deals changed after they were entered: edited in place, moved back a stage, reopened after they were lost. */
@ClientspaceIntegrationTest
class DealEditsIntegrationTests {

    @Autowired
    ClientService clients;
    @Autowired
    DealService deals;
    @Autowired
    WorkTaskService tasks;
    @Autowired
    TimelineService timeline;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService engineTasks;

    Client client;
    LocalDate today = LocalDate.now();

    @BeforeEach
    void client() {
        client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
    }

    static DealDraft draft(String owner) {
        DealDraft d = DealServiceIntegrationTests.draft(owner);
        d.setNextStep(null);
        d.setNextStepDue(null);
        return d;
    }

    /** A new deal as the Deals tab shows it after creating it: read back from the list. */
    Deal created(DealDraft draft) {
        Deal deal = asManager(() -> deals.create(client.id(), draft));
        return asManager(() -> deals.get(deal.id()));
    }

    static DealDraft from(Deal d) {
        DealDraft draft = new DealDraft();
        draft.setTitle(d.title());
        draft.setAmount(d.amount());
        draft.setCurrency(d.currency());
        draft.setExpectedClose(d.expectedClose());
        draft.setOwner(d.owner());
        draft.setNextStep(d.nextStep());
        draft.setNextStepDue(d.nextStepDue());
        return draft;
    }

    @Test
    void editingTheNextStepInPlaceClearsTheChecklistFlagAndKeepsTheStage() {
        Deal deal = created(draft("manager"));
        assertThat(asManager(() -> deals.attention(List.of(client.id()))).get(client.id()).withoutNextStep())
                .isEqualTo(1);

        DealDraft edit = from(deal);
        edit.setNextStep("Send the reference list");
        edit.setNextStepDue(today.plusDays(4));
        edit.setAmount(new BigDecimal("52000"));
        Deal edited = asManager(() -> deals.edit(deal.id(), deal.version(), edit));
        assertThat(asManager(() -> deals.get(deal.id())).version()).as("the version an edit returns is current")
                .isEqualTo(edited.version());

        assertThat(edited.stage()).isEqualTo(DealStage.NEW);
        assertThat(edited.nextStep()).isEqualTo("Send the reference list");
        assertThat(edited.amount()).isEqualByComparingTo("52000.00");
        assertThat(asManager(() -> deals.attention(List.of(client.id()))).getOrDefault(client.id(),
                DealAttention.NONE).withoutNextStep()).isZero();
        // the stage's task follows the new due date, in the engine and in the task lists
        var task = engineTasks.createTaskQuery().processInstanceBusinessKey(deal.id().toString()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(DealStage.NEW.taskId());
        assertThat(asManager(() -> tasks.openForClient(client.id()))).singleElement()
                .extracting(WorkTask::due).isEqualTo(today.plusDays(4));
        List<TimelineEntry> entries = asManager(() -> timeline.forClient(client.id(), 0));
        assertThat(entries.get(0).kind()).isEqualTo("DEAL_EDITED");
        assertThat(entries.get(0).actorName()).isEqualTo("Maria Keller");
        assertThat(entries.get(0).detail()).isEqualTo("amount,nextStep,nextStepDue");
    }

    @Test
    void handingTheDealToAnotherOwnerHandsOverItsStageTask() {
        Deal deal = created(draft("manager"));
        DealDraft edit = from(deal);
        edit.setOwner("admin");

        asManager(() -> deals.edit(deal.id(), deal.version(), edit));

        assertThat(engineTasks.createTaskQuery().processInstanceBusinessKey(deal.id().toString()).singleResult()
                .getAssignee()).isEqualTo("admin");
        assertThat(asManager(() -> tasks.openForClient(client.id()))).singleElement()
                .extracting(WorkTask::assignee).isEqualTo("admin");
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(deal.id().toString())
                .singleResult().getId();
        assertThat(runtime.getVariable(instance, DealStagesProcess.VAR_OWNER)).isEqualTo("admin");
    }

    @Test
    void theVersionACreateReturnsIsTheOneAnEditFinds() {
        Deal deal = asManager(() -> deals.create(client.id(), draft("manager")));
        assertThat(deal.version()).isEqualTo(asManager(() -> deals.get(deal.id())).version());
        DealDraft edit = from(deal);
        edit.setNextStep("Book the workshop");
        assertThat(asManager(() -> deals.edit(deal.id(), deal.version(), edit)).nextStep())
                .isEqualTo("Book the workshop");
    }

    @Test
    void aStaleEditIsRefusedAndOverwritesNothing() {
        Deal deal = created(draft("manager"));
        DealDraft first = from(deal);
        first.setTitle("Website relaunch, phase 1");
        asManager(() -> deals.edit(deal.id(), deal.version(), first));

        DealDraft second = from(deal);
        second.setNextStep("Call the CFO");
        assertThatThrownBy(() -> asManager(() -> deals.edit(deal.id(), deal.version(), second)))
                .isInstanceOf(StaleDataException.class);

        Deal now = asManager(() -> deals.get(deal.id()));
        assertThat(now.title()).isEqualTo("Website relaunch, phase 1");
        assertThat(now.nextStep()).isNull();
    }

    @Test
    void onlyTheOwnerAnAdminOrAManagerEditsADeal() {
        Client membersOwn = asMember(() -> clients.create(ClientTestData.company("member"), false));
        Deal managersNew = asManager(() -> deals.create(membersOwn.id(), draft("manager")));
        Deal managers = asManager(() -> deals.get(managersNew.id()));
        DealDraft edit = from(managers);
        edit.setNextStep("Mine now");

        assertThatThrownBy(() -> asMember(() -> deals.edit(managers.id(), managers.version(), edit)))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> deals.moveBack(managers.id(), DealStage.NEW, "no")))
                .isInstanceOf(NoAccessException.class);
        assertThat(asManager(() -> deals.get(managers.id())).nextStep()).isNull();

        // a member edits their own deal, but cannot give it to someone else
        Deal ownNew = asMember(() -> deals.create(membersOwn.id(), draft("member")));
        Deal own = asMember(() -> deals.get(ownNew.id()));
        DealDraft handOver = from(own);
        handOver.setOwner("manager");
        assertThatThrownBy(() -> asMember(() -> deals.edit(own.id(), own.version(), handOver)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("deal.error.owner-self-only"));
        DealDraft mine = from(own);
        mine.setNextStep("Prepare the workshop");
        assertThat(asMember(() -> deals.edit(own.id(), own.version(), mine)).nextStep())
                .isEqualTo("Prepare the workshop");
    }

    @Test
    void badInputIsRefusedPerFieldAndNothingIsSaved() {
        Deal deal = created(draft("manager"));
        DealDraft edit = from(deal);
        edit.setTitle("  ");
        edit.setExpectedClose(today.minusDays(1));
        edit.setNextStepDue(today.plusDays(1));

        assertThatThrownBy(() -> asManager(() -> deals.edit(deal.id(), deal.version(), edit)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::messageKey).containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("title", "deal.error.title-required"),
                                org.assertj.core.groups.Tuple.tuple("expectedClose", "deal.error.close-past"),
                                org.assertj.core.groups.Tuple.tuple("nextStep", "deal.error.next-step-required")));
        assertThat(asManager(() -> deals.get(deal.id())).title()).isEqualTo("Website relaunch");
    }

    @Test
    void aDealMovesBackAStageWithAReasonOnTheTimeline() {
        Deal deal = created(draft("manager"));
        asManager(() -> deals.moveOn(deal.id(), DealStage.NEW, StageMove.advance("Qualify budget", today)));
        asManager(() -> deals.moveOn(deal.id(), DealStage.QUALIFIED, StageMove.advance("Write proposal", today)));

        assertThatThrownBy(() -> asManager(() -> deals.moveBack(deal.id(), DealStage.PROPOSAL, " ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("deal.error.back-reason-required"));
        Deal back = asManager(() -> deals.moveBack(deal.id(), DealStage.PROPOSAL, "Budget owner changed"));

        assertThat(back.stage()).isEqualTo(DealStage.QUALIFIED);
        assertThat(asManager(() -> deals.get(deal.id())).stage()).isEqualTo(DealStage.QUALIFIED);
        assertThat(asManager(() -> tasks.openForClient(client.id()))).extracting(WorkTask::processStep)
                .containsExactly(DealStage.QUALIFIED.taskId());
        TimelineEntry entry = asManager(() -> timeline.forClient(client.id(), 0)).get(0);
        assertThat(entry.kind()).isEqualTo("DEAL_MOVED_BACK");
        assertThat(entry.detail()).isEqualTo("StageQualified|Budget owner changed");
        assertThat(entry.actorName()).isEqualTo("Maria Keller");

        // the same screen, clicked again, must not move it back twice
        assertThatThrownBy(() -> asManager(() -> deals.moveBack(deal.id(), DealStage.PROPOSAL, "again")))
                .isInstanceOf(StaleDataException.class);
        asManager(() -> deals.moveBack(deal.id(), DealStage.QUALIFIED, "Start over"));
        assertThatThrownBy(() -> asManager(() -> deals.moveBack(deal.id(), DealStage.NEW, "Further")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("deal.error.no-previous-stage"));
    }

    @Test
    void aLostDealIsReopenedWhereItWasLostAndCountsAsOpenAgain() {
        Deal deal = created(draft("manager"));
        asManager(() -> deals.moveOn(deal.id(), DealStage.NEW, StageMove.advance("Qualify budget", today)));
        asManager(() -> deals.moveOn(deal.id(), DealStage.QUALIFIED, StageMove.lost("Budget frozen")));
        Deal lost = asManager(() -> deals.get(deal.id()));
        assertThat(lost.stage()).isEqualTo(DealStage.LOST);
        assertThat(lost.lostFrom()).isEqualTo(DealStage.QUALIFIED);
        assertThat(asManager(() -> deals.countOpenForClient(client.id()))).isZero();
        assertThat(asManager(() -> deals.countForClient(client.id()))).isEqualTo(1);

        assertThatThrownBy(() -> asManager(() -> deals.reopen(deal.id(), deal.version(), "Budget approved")))
                .as("the screen from before the loss is stale").isInstanceOf(StaleDataException.class);
        Deal reopened = asManager(() -> deals.reopen(deal.id(), lost.version(), "Budget approved after all"));

        assertThat(reopened.stage()).isEqualTo(DealStage.QUALIFIED);
        assertThat(reopened.isOpen()).isTrue();
        assertThat(reopened.closeReason()).isNull();
        assertThat(asManager(() -> deals.countOpenForClient(client.id()))).isEqualTo(1);
        assertThat(asManager(() -> tasks.openForClient(client.id()))).extracting(WorkTask::processStep)
                .containsExactly(DealStage.QUALIFIED.taskId());
        TimelineEntry entry = asManager(() -> timeline.forClient(client.id(), 0)).get(0);
        assertThat(entry.kind()).isEqualTo("DEAL_REOPENED");
        assertThat(entry.detail()).isEqualTo("StageQualified|Budget approved after all");

        // a second reopen from the same screen finds it open already
        assertThatThrownBy(() -> asManager(() -> deals.reopen(deal.id(), lost.version(), "again")))
                .isInstanceOf(StaleDataException.class);
        Deal current = asManager(() -> deals.get(deal.id()));
        assertThatThrownBy(() -> asManager(() -> deals.reopen(deal.id(), current.version(), "again")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("deal.error.reopen-only-lost"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(deal.id().toString()).count())
                .isEqualTo(1);

        // and it moves on as usual
        Deal moved = asManager(() -> deals.moveOn(deal.id(), DealStage.QUALIFIED,
                StageMove.advance("Send proposal", today)));
        assertThat(moved.stage()).isEqualTo(DealStage.PROPOSAL);
    }
}
