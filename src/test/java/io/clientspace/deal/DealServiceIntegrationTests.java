package io.clientspace.deal;

import io.clientspace.devservices.DevServices;
import io.clientspace.shared.NotFoundException;
import java.time.Duration;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.AccessLevel;
import io.clientspace.client.Client;
import io.clientspace.people.WorkspaceMemberService;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.deal.process.DealStagesProcess;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.task.WorkTask;
import io.clientspace.task.WorkTaskService;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ClientspaceIntegrationTest
class DealServiceIntegrationTests {

    @Autowired
    ClientService clients;
    @Autowired
    DealService deals;
    @Autowired
    WorkspaceMemberService members;
    @Autowired
    WorkTaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService engineTasks;
    @Autowired
    HistoryService history;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    Client client;
    LocalDate today = LocalDate.now();

    @BeforeEach
    void client() {
        client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
    }

    static DealDraft draft(String owner) {
        return DealTestData.draft(owner);
    }

    @Test
    void creatingADealLinksItToTheClientAndStartsItsProcessAtNew() {
        Deal deal = asManager(() -> deals.create(client.id(), draft("manager")));

        assertThat(deal.clientId()).isEqualTo(client.id());
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey(DealStagesProcess.PROCESS_ID)
                .processInstanceBusinessKey(deal.id().toString()).singleResult();
        assertThat(instance).isNotNull();
        var task = engineTasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(DealStage.NEW.taskId());
        assertThat(task.getAssignee()).isEqualTo("manager");

        assertThat(asManager(() -> deals.forClient(client.id()))).singleElement().satisfies(d -> {
            assertThat(d.stage()).isEqualTo(DealStage.NEW);
            assertThat(d.ownerName()).isEqualTo("Maria Keller");
            assertThat(d.nextStep()).isEqualTo("Kick-off call");
        });
        assertThat(asManager(() -> deals.countForClient(client.id()))).isEqualTo(1);
        assertThat(asManager(() -> tasks.openForClient(client.id()))).singleElement().satisfies(t -> {
            assertThat(t.processStep()).isEqualTo(DealStage.NEW.taskId());
            assertThat(t.assignee()).isEqualTo("manager");
            assertThat(t.due()).isEqualTo(today.plusDays(3));
        });
    }

    @Test
    void ownerMovesTheDealThroughEveryStageToWon() {
        Deal deal = asManager(() -> deals.create(client.id(), draft("manager")));
        for (DealStage expected : new DealStage[] {DealStage.QUALIFIED, DealStage.PROPOSAL, DealStage.NEGOTIATION}) {
            DealStage seen = asManager(() -> deals.get(deal.id())).stage();
            Deal moved = asManager(() -> deals.moveOn(deal.id(), seen,
                    StageMove.advance("Step towards " + expected, today.plusDays(1))));
            assertThat(moved.stage()).isEqualTo(expected);
            assertThat(asManager(() -> deals.get(deal.id())).stage()).isEqualTo(expected);
            assertThat(asManager(() -> deals.get(deal.id())).nextStep()).isEqualTo("Step towards " + expected);
            assertThat(asManager(() -> tasks.openForClient(client.id()))).extracting(WorkTask::processStep)
                    .containsExactly(expected.taskId());
        }
        Deal won = asManager(() -> deals.moveOn(deal.id(), DealStage.NEGOTIATION, StageMove.won("Best references in the region")));

        assertThat(won.stage()).isEqualTo(DealStage.WON);
        assertThat(won.closeReason()).isEqualTo("Best references in the region");
        assertThat(won.isOpen()).isFalse();
        assertThat(asManager(() -> tasks.countOpenForClient(client.id()))).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(deal.id().toString()).count())
                .isZero();
        assertThat(history.createHistoricActivityInstanceQuery().activityId(DealStagesProcess.END_WON)
                .processInstanceId(historicInstance(deal)).count()).isEqualTo(1);
    }

    @Test
    void aDealForAClientThatIsNotThereIsRefusedAsNotFoundWhoeverAsksAndLeavesNothingBehind() {
        java.util.UUID nobody = java.util.UUID.randomUUID();
        long instancesBefore = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(DealStagesProcess.PROCESS_ID).count();

        // a manager's check reads no client when a manager gets the deal: the deal row's foreign key refuses it
        assertThatThrownBy(() -> asManager(() -> deals.create(nobody, draft("manager"))))
                .isInstanceOf(NotFoundException.class).hasMessage("Client not found");
        // giving it to a member needs the client's owner, so that read refuses it
        assertThatThrownBy(() -> asManager(() -> deals.create(nobody, draft("member"))))
                .isInstanceOf(NotFoundException.class).hasMessage("Client not found");
        // a member's own level comes from the client's owner
        assertThatThrownBy(() -> asMember(() -> deals.create(nobody, draft("member"))))
                .isInstanceOf(NotFoundException.class).hasMessage("Client not found");

        for (String table : new String[] {"deal", "work_task", "timeline_entry"}) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where client_id = ?", Long.class,
                    nobody)).as(table).isZero();
        }
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(DealStagesProcess.PROCESS_ID)
                .count()).as("deal-stages instances, running or ended").isEqualTo(instancesBefore);
    }

    @Test
    void anAcceptedProposalWinsAnOpenDealOnceAndOnlyTheClientsOwn() {
        Deal deal = asManager(() -> deals.create(client.id(), draft("manager")));
        asManager(() -> deals.moveOn(deal.id(), DealStage.NEW, StageMove.advance("Scope call", today.plusDays(1))));
        Client other = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> deals.winByProposal(other.id(), deal.id(), "No"))
                .isInstanceOf(NotFoundException.class);

        // as the customer's answer runs it: nobody signed in as staff
        assertThat(deals.winByProposal(client.id(), deal.id(), "Proposal P-2026-0001 accepted by Lena Hoffmann"))
                .isTrue();

        Deal won = asManager(() -> deals.get(deal.id()));
        assertThat(won.stage()).isEqualTo(DealStage.WON);
        assertThat(won.closeReason()).isEqualTo("Proposal P-2026-0001 accepted by Lena Hoffmann");
        assertThat(asManager(() -> tasks.countOpenForClient(client.id()))).as("the stage's task is closed").isZero();
        assertThat(history.createHistoricActivityInstanceQuery()
                .activityId(DealStagesProcess.proposalAcceptedEventId(DealStage.QUALIFIED))
                .processInstanceId(historicInstance(deal)).count()).isEqualTo(1);
        assertThat(deals.winByProposal(client.id(), deal.id(), "again")).as("closed already: nothing moves")
                .isFalse();
        assertThat(asManager(() -> deals.get(deal.id())).closeReason())
                .isEqualTo("Proposal P-2026-0001 accepted by Lena Hoffmann");
    }

    private String historicInstance(Deal deal) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(deal.id().toString())
                .singleResult().getId();
    }

    @Test
    void lostNeedsAReasonAndKeepsTheDealWhereItWasUntilGiven() {
        Deal deal = asManager(() -> deals.create(client.id(), draft("manager")));
        asManager(() -> deals.moveOn(deal.id(), DealStage.NEW, StageMove.advance("Send proposal", today)));

        assertThatThrownBy(() -> asManager(() -> deals.moveOn(deal.id(), DealStage.QUALIFIED, StageMove.lost("  "))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("reason"));
        assertThat(asManager(() -> deals.get(deal.id())).stage()).isEqualTo(DealStage.QUALIFIED);

        Deal lost = asManager(() -> deals.moveOn(deal.id(), DealStage.QUALIFIED,
                StageMove.lost("Budget frozen until Q3")));
        assertThat(lost.stage()).isEqualTo(DealStage.LOST);
        assertThat(lost.closeReason()).isEqualTo("Budget frozen until Q3");
        assertThat(asManager(() -> tasks.countOpenForClient(client.id()))).isZero();
    }

    @Test
    void movingOnNeedsANextStepDueTodayOrLaterAndWonOnlyFromNegotiation() {
        Deal deal = asManager(() -> deals.create(client.id(), draft("manager")));

        assertThatThrownBy(() -> asManager(() -> deals.moveOn(deal.id(), DealStage.NEW,
                StageMove.advance("", today.minusDays(1)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactlyInAnyOrder("nextStep", "nextStepDue"));
        assertThatThrownBy(() -> asManager(() -> deals.moveOn(deal.id(), DealStage.NEW, StageMove.won("Best references in the region"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("deal.error.won-only-last-stage"));
        assertThat(asManager(() -> deals.get(deal.id())).stage()).isEqualTo(DealStage.NEW);
    }

    @Test
    void invalidDealIsNotSavedAndStartsNoProcess() {
        DealDraft bad = draft("manager");
        bad.setTitle(" ");
        bad.setAmount(new BigDecimal("-5"));
        bad.setExpectedClose(today.minusDays(1));
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey(DealStagesProcess.PROCESS_ID).count();

        assertThatThrownBy(() -> asManager(() -> deals.create(client.id(), bad)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).contains("title", "amount", "expectedClose"));
        assertThat(asManager(() -> deals.countForClient(client.id()))).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DealStagesProcess.PROCESS_ID).count())
                .isEqualTo(instances);
    }

    @Test
    void memberCanNeitherSeeNorMoveDealsOnSomeoneElsesClient() {
        Deal deal = asManager(() -> deals.create(client.id(), draft("manager")));

        assertThatThrownBy(() -> asMember(() -> deals.forClient(client.id())))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> deals.moveOn(deal.id(), DealStage.NEW, StageMove.lost("not mine"))))
                .isInstanceOf(NoAccessException.class);
        assertThat(asManager(() -> deals.get(deal.id())).stage()).isEqualTo(DealStage.NEW);
    }

    @Test
    void aSecondMoveFromTheSameScreenChangesNothing() {
        Deal deal = asManager(() -> deals.create(client.id(), draft("manager")));
        asManager(() -> deals.moveOn(deal.id(), DealStage.NEW, StageMove.advance("Qualify budget", today)));

        // A second tab still shows New: the same click must not push the deal on to Proposal
        assertThatThrownBy(() -> asManager(() -> deals.moveOn(deal.id(), DealStage.NEW,
                StageMove.advance("Qualify budget", today)))).isInstanceOf(StaleDataException.class);
        assertThat(asManager(() -> deals.get(deal.id())).stage()).isEqualTo(DealStage.QUALIFIED);
        assertThat(asManager(() -> tasks.openForClient(client.id()))).extracting(WorkTask::processStep)
                .containsExactly(DealStage.QUALIFIED.taskId());

        asManager(() -> deals.moveOn(deal.id(), DealStage.QUALIFIED, StageMove.lost("No budget")));
        // Closed in the meantime: the stale screen learns it, nothing changes
        assertThatThrownBy(() -> asManager(() -> deals.moveOn(deal.id(), DealStage.QUALIFIED,
                StageMove.advance("Send proposal", today)))).isInstanceOf(StaleDataException.class);
        assertThat(asManager(() -> deals.get(deal.id())).stage()).isEqualTo(DealStage.LOST);
    }

    @Test
    void aDealGoesOnlyToAnOwnerWhoCanSeeTheClient() {
        // client belongs to the manager; "member" sees only their own clients
        assertThat(asManager(() -> deals.possibleOwners(client.id()))).extracting(StaffMember::username)
                .contains("manager", "admin").doesNotContain("member");

        assertThatThrownBy(() -> asManager(() -> deals.create(client.id(), draft("member"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("deal.error.owner-cannot-see-client"));
        assertThat(asManager(() -> deals.countForClient(client.id()))).isZero();

        // let in as a viewer they still cannot be given work there; as an editor they can
        var viewer = asManager(() -> members.grant(client.id(), "member", AccessLevel.VIEWER, null));
        assertThatThrownBy(() -> asManager(() -> deals.create(client.id(), draft("member"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("deal.error.owner-cannot-see-client"));
        asManager(() -> members.change(client.id(), "member", AccessLevel.EDITOR, null, viewer.version()));
        assertThat(asManager(() -> deals.create(client.id(), draft("member"))).owner()).isEqualTo("member");
        assertThat(asManager(() -> deals.countForClient(client.id()))).isEqualTo(1);

        Client membersOwn = asMember(() -> clients.create(ClientTestData.company("member"), false));
        assertThat(asMember(() -> deals.possibleOwners(membersOwn.id()))).extracting(StaffMember::username)
                .containsExactly("member");
        assertThat(asManager(() -> deals.create(membersOwn.id(), draft("member"))).owner()).isEqualTo("member");
    }

    @Test
    void aDealThatSitsInItsStageIsFlaggedItsOwnerToldAndTheFlagGoesWhenItMoves() throws Exception {
        DealDraft quiet = draft("manager");
        quiet.setTitle(ClientTestData.unique("Archive digitisation"));
        Deal deal = asManager(() -> deals.create(client.id(), quiet));
        assertThat(deal.isStalled()).isFalse();
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(deal.id().toString())
                .singleResult().getId();
        var timer = management.createJobQuery().processInstanceId(instance).timers().singleResult();

        // the stall period has passed: what the job executor does when the timer is due
        management.executeJob(timer.getId());

        Deal stalled = asManager(() -> deals.get(deal.id()));
        assertThat(stalled.isStalled()).isTrue();
        assertThat(stalled.stage()).isEqualTo(DealStage.NEW);
        var mail = DevServices.mail().awaitMessage("maria.keller@clientspace.example",
                "Your deal \"" + deal.title() + "\" has stalled", Duration.ofSeconds(30));
        assertThat(mail).as("e-mail to the owner").isPresent();
        assertThat(mail.get().getContent().toString()).contains(client.name()).contains("/" + client.workspacePath());

        Deal moved = asManager(() -> deals.moveOn(deal.id(), DealStage.NEW, StageMove.advance("Call the CFO", today)));
        assertThat(moved.isStalled()).isFalse();
        assertThat(asManager(() -> deals.get(deal.id())).isStalled()).isFalse();
    }
}
