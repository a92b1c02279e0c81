package io.clientspace.proposal;

import io.clientspace.support.Actors;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import static io.clientspace.support.Actors.asCustomer;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asOtherManager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.extranet.ContactActivity;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealDraft;
import io.clientspace.deal.DealService;
import io.clientspace.deal.DealStage;
import io.clientspace.devservices.TestClock;
import io.clientspace.file.StorageProperties;
import io.clientspace.portal.PortalProposals;
import io.clientspace.portal.PortalService;
import io.clientspace.portal.PortalTestData;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.proposal.process.ProposalApprovalProcess;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.support.Race;
import io.clientspace.task.WorkTask;
import io.clientspace.task.WorkTaskService;
import io.clientspace.timeline.TimelineEntry;
import io.clientspace.timeline.TimelineService;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Proposals against the real database, engine and mail: numbering, the rules of each fee model, approval, the
 * customer's answers and their evidence, expiry, late and concurrent answers, and who may see what.
 */
@ClientspaceIntegrationTest
class ProposalServiceIntegrationTests {

    static final String IP = "203.0.113.7";

    @Autowired
    ProposalService proposals;
    @Autowired
    io.clientspace.extranet.ExternalAccessService externalAccess;
    @Autowired
    PortalProposals portalProposals;
    @Autowired
    PortalService portal;
    @Autowired
    PortalTestData data;
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
    ManagementService management;
    @Autowired
    org.camunda.bpm.engine.TaskService engineTasks;
    @Autowired
    HistoryService history;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StorageProperties storage;

    PortalTestData.World a;
    PortalTestData.World b;

    @BeforeEach
    void twoCustomers() {
        a = data.world("prop-a");
        b = data.world("prop-b");
    }

    // ------------------------------------------------------------------------------------------- creating one

    /**
     * Four creations pass one barrier together, twenty times: every round gives four distinct numbers of this year
     * with no gap between them. {@link #withoutTheCounterGateNumbersCollide} shows the round breaks without the
     * per-year counter's upsert.
     */
    @Test
    void numbersAreSequentialPerYearAndUniqueWhenManyAreCreatedAtOnce() throws Exception {
        Race.repeat(this::fourCreationsAtOnce);
    }

    @Test
    void withoutTheCounterGateNumbersCollide() {
        assertThat(Race.brokenWithoutGates(this::fourCreationsAtOnce)).as("a round that broke").isPositive();
    }

    void fourCreationsAtOnce(int round) throws Exception {
        List<Callable<Proposal>> creations = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String title = "Parallel " + round + "." + i;
            creations.add(() -> asManager(() -> proposals.create(a.client().id(),
                    ProposalTestData.fixedFee(title, "1000", inDays(30)))));
        }
        List<Race.Result> results = Race.atOnce(creations);
        assertThat(results).as("every creation succeeds").noneMatch(Race.Result::failed);
        List<String> numbers = results.stream().map(r -> ((Proposal) r.value()).number()).toList();
        int year = LocalDate.now(clock).getYear();
        assertThat(numbers).doesNotHaveDuplicates()
                .allSatisfy(n -> assertThat(n).matches("P-" + year + "-\\d{4}"));
        List<Integer> sequence = numbers.stream().map(n -> Integer.parseInt(n.substring(7))).sorted().toList();
        assertThat(sequence.get(sequence.size() - 1) - sequence.get(0)).as("no gaps between them").isEqualTo(3);
    }

    @Test
    void eachFeeModelNeedsItsOwnFieldsAndTheFeeFollowsFromThem() {
        UUID client = a.client().id();
        ProposalDraft noAmount = ProposalTestData.fixedFee("Fixed", "1", inDays(30));
        noAmount.setFixedAmount(null);
        assertProblem(() -> proposals.create(client, noAmount), "fixedAmount", "proposal.error.amount-required");
        ProposalDraft noHours = ProposalTestData.hourly("Hourly", "120", "1", inDays(30));
        noHours.setEstimatedHours(null);
        assertProblem(() -> proposals.create(client, noHours), "estimatedHours", "proposal.error.hours-required");
        assertProblem(() -> proposals.create(client, ProposalTestData.retainer("Retainer", "2000", 0, inDays(30))),
                "termMonths", "proposal.error.term-range");
        assertProblem(() -> proposals.create(client, ProposalTestData.milestones("Milestones", inDays(30))),
                "milestones", "proposal.error.milestones-required");
        assertProblem(() -> proposals.create(client, ProposalTestData.milestones("Milestones", inDays(30),
                new Milestone("Design", new BigDecimal("100")), new Milestone(" ", new BigDecimal("5")))),
                "milestones", "proposal.error.milestone-title");
        assertProblem(() -> proposals.create(client, ProposalTestData.fixedFee("Old", "1", inDays(-1))),
                "validUntil", "proposal.error.valid-until-past");
        ProposalDraft otherDeal = ProposalTestData.fixedFee("Deal of another client", "1", inDays(30));
        otherDeal.setDealId(deal(b.client()).id());
        assertProblem(() -> proposals.create(client, otherDeal), "deal", "proposal.error.deal-unknown");
        ProposalDraft otherFile = ProposalTestData.fixedFee("File of another client", "1", inDays(30));
        otherFile.setAttachmentIds(List.of(b.sharedFile().id()));
        assertProblem(() -> proposals.create(client, otherFile), "attachments", "proposal.error.attachment-unknown");

        ProposalDraft discounted = ProposalTestData.fixedFee("Fixed", "10000", inDays(30));
        discounted.setDiscountPercent(new BigDecimal("10"));
        discounted.setAttachmentIds(List.of(a.unsharedFile().id()));
        Proposal fixed = asManager(() -> proposals.create(client, discounted));
        assertThat(fixed.feeAmount()).isEqualByComparingTo("9000.00");
        assertThat(fixed.attachments()).extracting(ProposalAttachment::name).containsExactly(a.unsharedFile().name());
        assertThat(fixed.status()).isEqualTo(ProposalStatus.DRAFT);
        assertThat(asManager(() -> proposals.create(client, ProposalTestData.hourly("Hourly", "120", "10.5",
                inDays(30)))).feeAmount()).isEqualByComparingTo("1260.00");
        Proposal retainer = asManager(() -> proposals.create(client, ProposalTestData.retainer("Retainer", "2000",
                12, inDays(30))));
        assertThat(retainer.feeAmount()).isEqualByComparingTo("24000.00");
        assertThat(retainer.fixedAmount()).as("only the fee model's fields are kept").isNull();
        Proposal stages = asManager(() -> proposals.create(client, ProposalTestData.milestones("Milestones",
                inDays(30), new Milestone("Design", new BigDecimal("4000")),
                new Milestone("Build", new BigDecimal("6000.50")))));
        assertThat(stages.feeAmount()).isEqualByComparingTo("10000.50");
        assertThat(stages.milestones()).extracting(Milestone::title).containsExactly("Design", "Build");
    }

    @Test
    void sendingIsRefusedWhileTheClientHasNoPortalContact() {
        Client lonely = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        Proposal p = asManager(() -> proposals.create(lonely.id(), ProposalTestData.fixedFee("Nobody reads",
                "1000", inDays(30))));
        assertThat(asManager(() -> proposals.canSend(lonely.id()))).isFalse();
        assertProblem(() -> proposals.submit(p.id()), "send", "proposal.error.no-portal-contact");
        assertThat(asManager(() -> proposals.get(p.id())).status()).isEqualTo(ProposalStatus.DRAFT);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(p.id().toString()).count())
                .isZero();
    }

    // ---------------------------------------------------------------------------------------------- approval

    @Test
    void aProposalOverTheRulesLimitWaitsForApprovalCanBeReturnedAndThenApproved() {
        ProposalDraft draft = ProposalTestData.fixedFee("Big discount", "10000", inDays(30));
        draft.setDiscountPercent(new BigDecimal("20"));
        Proposal p = asManager(() -> proposals.create(a.client().id(), draft));

        Proposal waiting = asManager(() -> proposals.submit(p.id()));
        assertThat(waiting.status()).isEqualTo(ProposalStatus.AWAITING_APPROVAL);
        assertThat(waiting.approvalReason()).isEqualTo("DISCOUNT");
        assertThat(approvalTasks(a.client().id())).as("the approval is in the task lists, nobody's yet")
                .singleElement().satisfies(t -> {
                    assertThat(t.processStep()).isEqualTo(ProposalApprovalProcess.APPROVE_TASK);
                    assertThat(t.assignee()).isNull();
                });
        assertThatThrownBy(() -> asManager(() -> proposals.approve(p.id())))
                .as("the owner does not approve their own proposal").isInstanceOf(NoAccessException.class);
        assertProblem(() -> asOtherManager(() -> proposals.returnToOwner(p.id(), " ")), "comment",
                "proposal.error.comment-required");

        Proposal returned = asOtherManager(() -> proposals.returnToOwner(p.id(), "10 % at most, please"));
        assertThat(returned.status()).isEqualTo(ProposalStatus.DRAFT);
        assertThat(returned.returnComment()).isEqualTo("10 % at most, please");
        assertThat(approvalTasks(a.client().id())).isEmpty();
        assertThat(asOtherManager(() -> proposals.approve(p.id())).status()).as("returned already: no change")
                .isEqualTo(ProposalStatus.DRAFT);

        asManager(() -> proposals.submit(p.id()));
        Proposal sent = asOtherManager(() -> proposals.approve(p.id()));
        assertThat(sent.status()).isEqualTo(ProposalStatus.SENT);
        assertThat(sent.sentAt()).isNotNull();
        assertThat(sent.approvedByName()).as("the other manager approved it").isEqualTo("Jonas Weber");
        assertThat(asOtherManager(() -> proposals.approve(p.id())).status()).as("a second click changes nothing")
                .isEqualTo(ProposalStatus.SENT);
        assertThat(approvalTasks(a.client().id())).isEmpty();
        assertThat(kinds(a.client().id())).contains("PROPOSAL_SUBMITTED_FOR_APPROVAL", "PROPOSAL_RETURNED",
                "PROPOSAL_APPROVED", "PROPOSAL_SENT");
    }

    @Test
    void theApproverIsNeitherTheOwnerNorWhoSubmittedItNorWhoChangedItLast() {
        ProposalDraft draft = ProposalTestData.fixedFee("Four eyes", "10000", inDays(30));
        draft.setDiscountPercent(new BigDecimal("20"));
        Proposal p = asManager(() -> proposals.create(a.client().id(), draft));
        draft.setScope("Changed by a colleague");
        Proposal edited = asOtherManager(() -> proposals.update(p.id(), p.version(), draft));
        assertThat(edited.lastEditedBy()).isEqualTo("jonas");
        Proposal waiting = asManager(() -> proposals.submit(p.id()));
        assertThat(waiting.status()).isEqualTo(ProposalStatus.AWAITING_APPROVAL);
        assertThat(waiting.submittedBy()).isEqualTo("manager");

        assertThat(asOtherManager(() -> proposals.canApprove(waiting))).as("the last editor").isFalse();
        assertThatThrownBy(() -> asOtherManager(() -> proposals.approve(p.id())))
                .as("who changed it last does not approve it").isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asOtherManager(() -> proposals.returnToOwner(p.id(), "no")))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asManager(() -> proposals.approve(p.id())))
                .as("the owner and submitter does not approve it").isInstanceOf(NoAccessException.class);
        assertThat(asManager(() -> proposals.get(p.id())).status()).isEqualTo(ProposalStatus.AWAITING_APPROVAL);

        assertThat(asAdmin(() -> proposals.canApprove(waiting))).isTrue();
        assertThat(asAdmin(() -> proposals.approve(p.id())).status()).as("a third person approves")
                .isEqualTo(ProposalStatus.SENT);
    }

    @Test
    void anApprovalTaskCompletedOutsideTheAppCannotSendTheProposal() {
        ProposalDraft draft = ProposalTestData.fixedFee("Tasklist shortcut", "60000", inDays(30));
        Proposal p = asManager(() -> proposals.create(a.client().id(), draft));
        assertThat(asManager(() -> proposals.submit(p.id())).status()).isEqualTo(ProposalStatus.AWAITING_APPROVAL);
        var task = engineTasks.createTaskQuery().processInstanceBusinessKey(p.id().toString())
                .taskDefinitionKey(ProposalApprovalProcess.APPROVE_TASK).singleResult();

        assertThatThrownBy(() -> engineTasks.complete(task.getId(),
                Map.of(ProposalApprovalProcess.VAR_APPROVED, true)))
                .as("completed in Camunda Tasklist or over REST, without an approval in the app")
                .hasMessageContaining("needs an approval");

        assertThat(asManager(() -> proposals.get(p.id())).status()).isEqualTo(ProposalStatus.AWAITING_APPROVAL);
        assertThat(engineTasks.createTaskQuery().taskId(task.getId()).count()).as("the task is still open")
                .isOne();
        CustomerScope viewer = viewer(a);
        assertThat(asA(() -> proposals.forCustomer(viewer)))
                .extracting(CustomerProposal::id).doesNotContain(p.id());
    }

    @Test
    void sendingReEvaluatesTheRulesOnTheStoredRowNotOnWhatTheProcessWasTold() {
        ProposalDraft draft = ProposalTestData.fixedFee("Forged variables", "10000", inDays(30));
        draft.setDiscountPercent(new BigDecimal("40"));
        Proposal p = asManager(() -> proposals.create(a.client().id(), draft));
        Map<String, Object> forged = new HashMap<>();
        forged.put(ProposalApprovalProcess.VAR_PROPOSAL_ID, p.id().toString());
        forged.put(ProposalApprovalProcess.VAR_FEE_AMOUNT, 100.0);
        forged.put(ProposalApprovalProcess.VAR_DISCOUNT_PERCENT, 0.0);
        forged.put(ProposalApprovalProcess.VAR_FEE_MODEL, "FIXED_FEE");
        forged.put(ProposalApprovalProcess.VAR_EXPIRES_AT, Date.from(clock.instant().plusSeconds(86_400)));

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(ProposalApprovalProcess.PROCESS_ID,
                p.id().toString(), forged)).as("started through the engine's API with a harmless-looking fee")
                .hasMessageContaining("needs an approval");
        assertThat(asManager(() -> proposals.get(p.id())).status()).isEqualTo(ProposalStatus.DRAFT);
    }

    // ---------------------------------------------------------------------------------------- the customer

    @Test
    void theCustomerAcceptsByTypingTheirNameTheDealIsWonAndTheTeamGetsTheSetupTask() {
        Deal deal = deal(a.client());
        ProposalDraft draft = ProposalTestData.fixedFee("Website relaunch", "12000", inDays(30));
        draft.setDealId(deal.id());
        draft.setAttachmentIds(List.of(a.unsharedFile().id()));
        Proposal p = sent(a, draft);
        CustomerScope viewer = viewer(a);

        CustomerProposal seen = asA(() -> portalProposals.get(viewer, p.id()));
        assertThat(seen.status()).isEqualTo(ProposalStatus.SENT);
        assertThat(seen.attachments()).extracting(ProposalAttachment::name).containsExactly(a.unsharedFile().name());
        assertPresignedLinkTo(a.unsharedFile().id(),
                asA(() -> portalProposals.attachment(viewer, p.id(), a.unsharedFile().id())));
        assertProblem(() -> asA(() -> portalProposals.accept(viewer, p.id(), "Someone Else", IP)), "name",
                "proposal.error.name-mismatch");
        assertProblem(() -> asA(() -> portalProposals.accept(viewer, p.id(), "  ", IP)), "name",
                "proposal.error.name-required");

        Instant decided = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ProposalAnswer answer;
        try (TestClock.Unpin at = TestClock.pin(decided)) {
            answer = asA(() -> portalProposals.accept(viewer, p.id(), "test customer PROP-A", IP));
        }

        assertThat(answer).isEqualTo(ProposalAnswer.ACCEPTED);
        Proposal accepted = asManager(() -> proposals.get(p.id()));
        assertThat(accepted.status()).isEqualTo(ProposalStatus.ACCEPTED);
        assertThat(accepted.decidedByName()).isEqualTo("test customer PROP-A");
        assertThat(accepted.decidedFromIp()).isEqualTo(IP);
        assertThat(accepted.decidedAt()).as("the clock's time when it was accepted").isEqualTo(decided);
        // the acceptance is part of the contact's activity, the evidence of the access review
        assertThat(asManager(() -> externalAccess.activity(viewer.accountId())))
                .contains(new ContactActivity(ContactActivity.Kind.PROPOSAL_ACCEPTED, decided, p.id(),
                        p.number() + " Website relaunch"));
        Deal won = asManager(() -> deals.get(deal.id()));
        assertThat(won.stage()).isEqualTo(DealStage.WON);
        assertThat(won.closeReason()).contains(p.number());
        assertThat(asManager(() -> tasks.openForClient(a.client().id()))).anySatisfy(t -> {
            assertThat(t.title()).contains("Website relaunch");
            assertThat(t.assignee()).isEqualTo("manager");
            assertThat(t.isProcessStep()).isFalse();
        });
        assertThat(ended(p, ProposalApprovalProcess.END_ACCEPTED)).isTrue();
        assertThat(kinds(a.client().id())).contains("PROPOSAL_CREATED", "PROPOSAL_SENT", "PROPOSAL_ACCEPTED");

        assertThat(asA(() -> portalProposals.accept(viewer, p.id(), "Test Customer prop-a", IP)))
                .as("a double click").isEqualTo(ProposalAnswer.ALREADY_ACCEPTED);
        assertThat(asA(() -> portalProposals.decline(viewer, p.id(), "Changed our mind", IP)))
                .isEqualTo(ProposalAnswer.ALREADY_ACCEPTED);
        assertThat(asManager(() -> proposals.get(p.id())).status()).isEqualTo(ProposalStatus.ACCEPTED);
    }

    @Test
    void theCustomerDeclinesWithAReason() {
        Proposal p = sent(a, ProposalTestData.hourly("Support", "100", "40", inDays(30)));
        CustomerScope viewer = viewer(a);
        assertProblem(() -> asA(() -> portalProposals.decline(viewer, p.id(), "", IP)), "reason",
                "proposal.error.reason-required");

        assertThat(asA(() -> portalProposals.decline(viewer, p.id(), "Too expensive for us this year", IP)))
                .isEqualTo(ProposalAnswer.DECLINED);

        Proposal declined = asManager(() -> proposals.get(p.id()));
        assertThat(declined.status()).isEqualTo(ProposalStatus.DECLINED);
        assertThat(declined.declineReason()).isEqualTo("Too expensive for us this year");
        assertThat(ended(p, ProposalApprovalProcess.END_DECLINED)).isTrue();
        assertThat(asA(() -> portalProposals.accept(viewer, p.id(), "Test Customer prop-a", IP)))
                .isEqualTo(ProposalAnswer.ALREADY_DECLINED);
    }

    @Test
    void theValidUntilTimerExpiresTheProposalAndLateAnswersChangeNothing() {
        Proposal p = sent(a, ProposalTestData.fixedFee("Short offer", "500", inDays(0)));
        String instance = instanceOf(p);
        var timer = management.createJobQuery().processInstanceId(instance).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(inDays(1).atStartOfDay(clock.getZone()).toInstant());

        management.executeJob(timer.getId());

        assertThat(asManager(() -> proposals.get(p.id())).status()).isEqualTo(ProposalStatus.EXPIRED);
        CustomerScope viewer = viewer(a);
        assertThat(asA(() -> portalProposals.accept(viewer, p.id(), "Test Customer prop-a", IP)))
                .isEqualTo(ProposalAnswer.EXPIRED);
        assertThat(asA(() -> portalProposals.decline(viewer, p.id(), "Too late anyway", IP)))
                .isEqualTo(ProposalAnswer.EXPIRED);
        Proposal after = asManager(() -> proposals.get(p.id()));
        assertThat(after.status()).isEqualTo(ProposalStatus.EXPIRED);
        assertThat(after.decidedAt()).isNull();
        assertThat(ended(p, ProposalApprovalProcess.END_EXPIRED)).isTrue();
        assertThat(kinds(a.client().id())).contains("PROPOSAL_EXPIRED");
    }

    @Test
    void anotherCustomersProposalOrADraftIsNotFoundAndTheListShowsOnlySentOnes() {
        Proposal ofA = sent(a, ProposalTestData.fixedFee("For A", "100", inDays(30)));
        Proposal draftOfA = asManager(() -> proposals.create(a.client().id(),
                ProposalTestData.fixedFee("Draft of A", "100", inDays(30))));
        CustomerScope viewerB = viewer(b);
        CustomerScope viewerA = viewer(a);

        assertThatThrownBy(() -> asB(() -> portalProposals.get(viewerB, ofA.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asB(() -> portalProposals.accept(viewerB, ofA.id(), "Test Customer prop-b", IP)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asB(() -> portalProposals.decline(viewerB, ofA.id(), "Not ours to decline", IP)))
                .as("declining another customer's proposal").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asA(() -> portalProposals.decline(viewerA, draftOfA.id(), "A draft", IP)))
                .as("declining a draft that was never sent").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asB(() -> portalProposals.attachment(viewerB, ofA.id(), a.unsharedFile().id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asB(() -> portalProposals.pdf(viewerB, ofA.id())))
                .as("another customer's proposal as PDF").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asA(() -> portalProposals.pdf(viewerA, draftOfA.id())))
                .as("a draft as PDF").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asA(() -> portalProposals.get(viewerA, draftOfA.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asA(() -> portalProposals.attachment(viewerA, ofA.id(), a.unsharedFile().id())))
                .as("a file the proposal does not carry").isInstanceOf(NotFoundException.class);
        assertThat(asA(() -> portalProposals.list(viewerA))).extracting(CustomerProposal::id)
                .containsExactly(ofA.id());
        assertThat(asB(() -> portalProposals.list(viewerB))).isEmpty();
        assertThat(asManager(() -> proposals.get(ofA.id())).status()).isEqualTo(ProposalStatus.SENT);
        assertThat(asManager(() -> proposals.get(ofA.id())).decidedAt()).isNull();
        assertThat(activity(ofA.id(), "PROPOSAL_DECLINED")).isZero();
    }

    @Test
    void aManagerViewingAsTheClientCannotAnswer() {
        Proposal p = sent(a, ProposalTestData.fixedFee("Preview", "100", inDays(30)));
        CustomerScope preview = asManager(() -> portal.asContact(a.accountId()));
        assertThat(asManager(() -> portalProposals.get(preview, p.id())).isPending()).isTrue();
        assertThatThrownBy(() -> asManager(() -> portalProposals.accept(preview, p.id(), "Test Customer prop-a", IP)))
                .isInstanceOf(NoAccessException.class);
        assertThat(asManager(() -> proposals.get(p.id())).status()).isEqualTo(ProposalStatus.SENT);
    }

    // ------------------------------------------------------------------------------------------ concurrency

    /**
     * Two accepts of one proposal pass one barrier together, twenty times on fresh proposals: one accepts, the other
     * finds it accepted, and the proposal has one acceptance on its timeline and one setup task.
     */
    @Test
    void twoAcceptsAtOnceGiveExactlyOneAcceptance() throws Exception {
        Race.repeat(this::twoAccepts);
    }

    @Test
    void withoutTheRowLockTwoAcceptsBreak() {
        assertThat(Race.brokenWithoutGates(this::twoAccepts)).as("a round that broke").isPositive();
    }

    void twoAccepts(int round) throws Exception {
        String title = "Raced " + round + " " + UUID.randomUUID();
        Proposal p = sent(a, ProposalTestData.fixedFee(title, "1000", inDays(30)));
        CustomerScope viewer = viewer(a);
        List<Race.Result> results = Race.atOnce(
                () -> asA(() -> portalProposals.accept(viewer, p.id(), "Test Customer prop-a", IP)),
                () -> asA(() -> portalProposals.accept(viewer, p.id(), "Test Customer prop-a", IP)));

        assertThat(results).as("neither call fails").noneMatch(Race.Result::failed);
        assertThat(results).extracting(Race.Result::value)
                .containsExactlyInAnyOrder(ProposalAnswer.ACCEPTED, ProposalAnswer.ALREADY_ACCEPTED);
        assertThat(asManager(() -> proposals.get(p.id())).status()).isEqualTo(ProposalStatus.ACCEPTED);
        assertThat(asManager(() -> tasks.openForClient(a.client().id())))
                .filteredOn(t -> t.title().contains(title)).as("one setup task, not two").hasSize(1);
        assertThat(activity(p.id(), "PROPOSAL_ACCEPTED")).isEqualTo(1);
    }

    /**
     * The customer's accept and the valid-until timer's job pass one barrier together, twenty times on fresh
     * proposals. Either the accept wins (the timer's job then fails in the engine: it is gone, or its execution
     * moved on under it, and it changed nothing) or the timer wins (the accept answers EXPIRED). Nothing else: no
     * other exception from either side.
     */
    @Test
    void anAcceptRacingTheExpiryTimerEndsInOneConsistentState() throws Exception {
        Race.repeat(this::acceptAgainstTheTimer);
    }

    @Test
    void withoutTheRowLockAnAcceptAndTheTimerBreak() {
        assertThat(Race.brokenWithoutGates(this::acceptAgainstTheTimer)).as("a round that broke").isPositive();
    }

    void acceptAgainstTheTimer(int round) throws Exception {
        Proposal p = sent(a, ProposalTestData.fixedFee("Race " + round + " " + UUID.randomUUID(), "1000", inDays(0)));
        CustomerScope viewer = viewer(a);
        String jobId = management.createJobQuery().processInstanceId(instanceOf(p)).timers().singleResult()
                .getId();
        List<Race.Result> results = Race.atOnce(
                () -> asA(() -> portalProposals.accept(viewer, p.id(), "Test Customer prop-a", IP)),
                () -> {
                    management.executeJob(jobId);
                    return "the timer ran";
                });
        Race.Result accept = results.get(0);
        Race.Result timer = results.get(1);

        assertThat(accept.failed()).as("the accept %s", accept).isFalse();
        Proposal after = asManager(() -> proposals.get(p.id()));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(p.id().toString()).count())
                .as("the process has ended either way").isZero();
        if (accept.value() == ProposalAnswer.ACCEPTED) {
            assertThat(timer.failed()).as("the timer's job after the accept won: %s", timer).isTrue();
            Race.assertTimerLostInTheEngine(timer.error());
            assertThat(after.status()).isEqualTo(ProposalStatus.ACCEPTED);
            assertThat(ended(p, ProposalApprovalProcess.END_ACCEPTED)).isTrue();
            assertThat(ended(p, ProposalApprovalProcess.END_EXPIRED)).isFalse();
            assertThat(activity(p.id(), "PROPOSAL_EXPIRED")).isZero();
        } else {
            assertThat(accept.value()).isEqualTo(ProposalAnswer.EXPIRED);
            assertThat(timer.failed()).as("the timer's job %s", timer).isFalse();
            assertThat(after.status()).isEqualTo(ProposalStatus.EXPIRED);
            assertThat(after.decidedAt()).isNull();
            assertThat(ended(p, ProposalApprovalProcess.END_EXPIRED)).isTrue();
            assertThat(ended(p, ProposalApprovalProcess.END_ACCEPTED)).isFalse();
            assertThat(activity(p.id(), "PROPOSAL_ACCEPTED")).isZero();
        }
    }

    // ------------------------------------------------------------------------------------- taking it back (issue 17)

    @Test
    void aWithdrawnProposalCanNoLongerBeAnsweredTheContactsAreMailedAndTheTimelineSaysWhy() throws Exception {
        Proposal p = sent(a, ProposalTestData.fixedFee("Withdrawn offer " + UUID.randomUUID(), "2500", inDays(30)));
        CustomerScope viewer = viewer(a);
        assertProblem(() -> proposals.withdraw(p.id(), "  "), "reason", "proposal.error.withdraw-reason-required");
        assertThat(asManager(() -> proposals.get(p.id())).status()).as("nothing changed without a reason")
                .isEqualTo(ProposalStatus.SENT);

        Proposal withdrawn = asManager(() -> proposals.withdraw(p.id(), "Prices change in January"));

        assertThat(withdrawn.status()).isEqualTo(ProposalStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawReason()).isEqualTo("Prices change in January");
        assertThat(withdrawn.withdrawnByName()).isEqualTo("Maria Keller");
        assertThat(withdrawn.isRevisable()).isTrue();
        assertThat(ended(p, ProposalApprovalProcess.END_WITHDRAWN)).isTrue();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(p.id().toString()).count())
                .isZero();
        CustomerProposal seen = asA(() -> portalProposals.get(viewer, p.id()));
        assertThat(seen.status()).isEqualTo(ProposalStatus.WITHDRAWN);
        assertThat(seen.withdrawReason()).isEqualTo("Prices change in January");
        assertThat(seen.isPending()).isFalse();
        assertThat(asA(() -> portalProposals.accept(viewer, p.id(), "Test Customer prop-a", IP)))
                .as("the server refuses the accept, whatever the page showed").isEqualTo(ProposalAnswer.WITHDRAWN);
        assertThat(asA(() -> portalProposals.decline(viewer, p.id(), "Too late", IP)))
                .isEqualTo(ProposalAnswer.WITHDRAWN);
        Proposal after = asManager(() -> proposals.get(p.id()));
        assertThat(after.status()).isEqualTo(ProposalStatus.WITHDRAWN);
        assertThat(after.decidedAt()).isNull();
        assertThat(activity(p.id(), "PROPOSAL_WITHDRAWN")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select detail from timeline_entry where subject_id = ? and kind = ?",
                String.class, p.id(), "PROPOSAL_WITHDRAWN")).contains(p.number(), "Prices change in January");

        var mail = io.clientspace.devservices.DevServices.mail().awaitMessage(a.username() + "@example.org",
                "Proposal " + p.number() + " withdrawn: " + p.title(), java.time.Duration.ofSeconds(20));
        assertThat(mail).as("the withdrawal mail to the portal contact").isPresent();
        assertThat(mailBody(mail.get())).contains("Prices change in January", "/portal/proposals/" + p.id());

        assertThat(asManager(() -> proposals.withdraw(p.id(), "Again"))).as("withdrawing twice changes nothing")
                .extracting(Proposal::withdrawReason).isEqualTo("Prices change in January");
        assertThat(activity(p.id(), "PROPOSAL_WITHDRAWN")).isEqualTo(1);
    }

    @Test
    void anAnsweredProposalCannotBeWithdrawnAndOnlyItsOwnerOrAManagerWithdrawsOne() {
        Proposal accepted = sent(a, ProposalTestData.fixedFee("Accepted offer", "900", inDays(30)));
        CustomerScope viewer = viewer(a);
        asA(() -> portalProposals.accept(viewer, accepted.id(), "Test Customer prop-a", IP));
        assertProblem(() -> proposals.withdraw(accepted.id(), "Too late now"), "reason",
                "proposal.error.withdraw-not-pending");
        assertThat(asManager(() -> proposals.get(accepted.id())).status()).isEqualTo(ProposalStatus.ACCEPTED);

        Proposal other = sent(a, ProposalTestData.fixedFee("Someone else's", "900", inDays(30)));
        assertThatThrownBy(() -> Actors.asMember(() -> proposals.withdraw(other.id(), "Not mine")))
                .isInstanceOf(NoAccessException.class);
        assertThat(asManager(() -> proposals.get(other.id())).status()).isEqualTo(ProposalStatus.SENT);
    }

    @Test
    void aWithdrawnProposalIsRevisedAsANewVersionThatSupersedesItInThePortalOnceSent() {
        Proposal old = sent(a, ProposalTestData.fixedFee("Relaunch " + UUID.randomUUID(), "4000", inDays(30)));
        CustomerScope viewer = viewer(a);
        assertProblem(() -> proposals.revise(old.id()), "status", "proposal.error.revise-not-withdrawn");
        asManager(() -> proposals.withdraw(old.id(), "Scope changes"));

        Proposal revision = asManager(() -> proposals.revise(old.id()));

        assertThat(revision.number()).isEqualTo(old.number() + "-2");
        assertThat(revision.status()).isEqualTo(ProposalStatus.DRAFT);
        assertThat(revision.revisionOf()).isEqualTo(old.id());
        assertThat(revision.title()).isEqualTo(old.title());
        assertThat(revision.feeAmount()).isEqualByComparingTo(old.feeAmount());
        assertThat(asManager(() -> proposals.revise(old.id())).id()).as("one revision per withdrawn proposal")
                .isEqualTo(revision.id());
        assertThat(asA(() -> portalProposals.list(viewer))).extracting(CustomerProposal::id)
                .as("an unsent revision is not the customer's yet").contains(old.id()).doesNotContain(revision.id());

        ProposalDraft changed = ProposalDraft.of(revision);
        changed.setFixedAmount(new BigDecimal("3500"));
        asManager(() -> proposals.update(revision.id(), revision.version(), changed));
        Proposal sentRevision = asManager(() -> proposals.submit(revision.id()));

        assertThat(sentRevision.status()).isEqualTo(ProposalStatus.SENT);
        assertThat(asManager(() -> proposals.get(old.id())).supersededBy()).isEqualTo(revision.id());
        assertThat(asA(() -> portalProposals.list(viewer))).extracting(CustomerProposal::id)
                .as("the portal shows the latest version only").contains(revision.id()).doesNotContain(old.id());
        CustomerProposal oldPage = asA(() -> portalProposals.get(viewer, old.id()));
        assertThat(oldPage.status()).isEqualTo(ProposalStatus.WITHDRAWN);
        assertThat(oldPage.supersededBy()).as("the old page leads to the new version").isEqualTo(revision.id());
        assertThat(asA(() -> portalProposals.accept(viewer, revision.id(), "Test Customer prop-a", IP)))
                .isEqualTo(ProposalAnswer.ACCEPTED);
        assertThat(kinds(a.client().id())).contains("PROPOSAL_WITHDRAWN", "PROPOSAL_REVISED");
    }

    /**
     * The team's withdrawal and the customer's accept pass one barrier together, twenty times on fresh proposals:
     * exactly one of them stands. Either the accept wins (the withdrawal is refused: not pending any more) or the
     * withdrawal wins (the accept answers WITHDRAWN); the process ended the matching way and the timeline has one
     * of the two.
     */
    @Test
    void aWithdrawalRacingAnAcceptGivesExactlyOneOutcome() throws Exception {
        Race.repeat(this::withdrawAgainstAccept);
    }

    @Test
    void withoutTheRowLockAWithdrawalAndAnAcceptBreak() {
        assertThat(Race.brokenWithoutGates(this::withdrawAgainstAccept)).as("a round that broke").isPositive();
    }

    void withdrawAgainstAccept(int round) throws Exception {
        Proposal p = sent(a, ProposalTestData.fixedFee("Contested " + round + " " + UUID.randomUUID(), "700",
                inDays(30)));
        CustomerScope viewer = viewer(a);
        List<Race.Result> results = Race.atOnce(
                () -> asA(() -> portalProposals.accept(viewer, p.id(), "Test Customer prop-a", IP)),
                () -> asManager(() -> proposals.withdraw(p.id(), "Raced " + round)));
        Race.Result accept = results.get(0);
        Race.Result withdraw = results.get(1);

        assertThat(accept.failed()).as("the accept %s", accept).isFalse();
        Proposal after = asManager(() -> proposals.get(p.id()));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(p.id().toString()).count())
                .as("the process has ended either way").isZero();
        if (accept.value() == ProposalAnswer.ACCEPTED) {
            assertThat(withdraw.error()).as("the withdrawal after the accept won: %s", withdraw)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .extracting(FieldProblem::messageKey).containsExactly("proposal.error.withdraw-not-pending"));
            assertThat(after.status()).isEqualTo(ProposalStatus.ACCEPTED);
            assertThat(after.withdrawnAt()).isNull();
            assertThat(ended(p, ProposalApprovalProcess.END_ACCEPTED)).isTrue();
            assertThat(activity(p.id(), "PROPOSAL_WITHDRAWN")).isZero();
            assertThat(activity(p.id(), "PROPOSAL_ACCEPTED")).isEqualTo(1);
        } else {
            assertThat(accept.value()).isEqualTo(ProposalAnswer.WITHDRAWN);
            assertThat(withdraw.failed()).as("the withdrawal %s", withdraw).isFalse();
            assertThat(after.status()).isEqualTo(ProposalStatus.WITHDRAWN);
            assertThat(after.decidedAt()).isNull();
            assertThat(after.acceptedPdfSha256()).isNull();
            assertThat(ended(p, ProposalApprovalProcess.END_WITHDRAWN)).isTrue();
            assertThat(activity(p.id(), "PROPOSAL_ACCEPTED")).isZero();
            assertThat(activity(p.id(), "PROPOSAL_WITHDRAWN")).isEqualTo(1);
        }
    }

    // ---------------------------------------------------------------------------------------- as PDF (issue 17)

    /**
     * The customer downloads the sent proposal as PDF from the portal, in their language: its text carries the
     * title, the number and the fee. Accepting it records the SHA-256 of exactly those bytes as evidence, and the
     * team's download is the same file. Another customer's scope is refused.
     */
    @Test
    void theSentProposalDownloadsAsAPdfWhoseHashIsPartOfTheAcceptanceEvidence() throws Exception {
        String title = "Brand workshop " + UUID.randomUUID().toString().substring(0, 6);
        Proposal p = sent(a, ProposalTestData.fixedFee(title, "12000", inDays(30)));
        CustomerScope viewer = viewer(a);

        byte[] pdf = fetch(asA(() -> portalProposals.pdf(viewer, p.id())));
        String text = pdfText(pdf);
        assertThat(text).contains(title, p.number(), "€12,000.00", "Proposal " + p.number() + " for");
        assertThat(fetch(asA(() -> portalProposals.pdf(viewer, p.id())))).as("rendered once, then kept")
                .isEqualTo(pdf);
        assertThatThrownBy(() -> asB(() -> portalProposals.pdf(viewer(b), p.id())))
                .as("another customer's proposal").isInstanceOf(NotFoundException.class);
        Proposal draft = asManager(() -> proposals.create(a.client().id(),
                ProposalTestData.fixedFee("Unsent", "100", inDays(30))));
        assertThatThrownBy(() -> asA(() -> portalProposals.pdf(viewer, draft.id())))
                .as("a draft").isInstanceOf(NotFoundException.class);

        asA(() -> portalProposals.accept(viewer, p.id(), "Test Customer prop-a", IP));

        Proposal accepted = asManager(() -> proposals.get(p.id()));
        assertThat(accepted.acceptedPdfSha256()).as("the evidence names the bytes the customer downloaded")
                .isEqualTo(sha256(pdf));
        assertThat(fetch(asManager(() -> proposals.pdfLink(p.id())))).as("the team's copy is the same file")
                .isEqualTo(pdf);
    }

    @Test
    void theProposalPdfIsInTheContactsLanguage() throws Exception {
        jdbc.update("update portal_account set locale = 'de' where id = ?", a.accountId());
        Proposal p = sent(a, ProposalTestData.fixedFee("Markenworkshop", "12000", inDays(30)));

        String text = pdfText(fetch(asA(() -> portalProposals.pdf(viewer(a), p.id()))));

        assertThat(text).contains("Angebot " + p.number() + " für", "Markenworkshop", "12.000,00");
    }

    // -------------------------------------------------------------------------------------------------- helpers

    static byte[] fetch(String link) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                URI.create(link)).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s", link).isEqualTo(200);
        return response.body();
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static String mailBody(jakarta.mail.internet.MimeMessage m) throws Exception {
        Object content = m.getContent();
        return content instanceof String s ? s : new String(m.getInputStream().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A proposal created by the manager and sent (below every approval limit). */
    Proposal sent(PortalTestData.World world, ProposalDraft draft) {
        Proposal p = asManager(() -> proposals.create(world.client().id(), draft));
        Proposal sent = asManager(() -> proposals.submit(p.id()));
        assertThat(sent.status()).isEqualTo(ProposalStatus.SENT);
        return sent;
    }

    Deal deal(Client client) {
        DealDraft d = new DealDraft();
        d.setTitle("Deal " + UUID.randomUUID().toString().substring(0, 6));
        d.setAmount(new BigDecimal("12000"));
        d.setExpectedClose(inDays(60));
        d.setOwner("manager");
        return asManager(() -> deals.create(client.id(), d));
    }

    CustomerScope viewer(PortalTestData.World world) {
        return asCustomer(world.username(), world.client().id(), () -> portal.current().orElseThrow());
    }

    <T> T asA(Supplier<T> work) {
        return asCustomer(a.username(), a.client().id(), work);
    }

    <T> T asB(Supplier<T> work) {
        return asCustomer(b.username(), b.client().id(), work);
    }

    static <T> T asAdmin(Supplier<T> work) {
        return Actors.as("admin", work, "STAFF", "ADMIN");
    }

    List<WorkTask> approvalTasks(UUID clientId) {
        return asManager(() -> tasks.openForClient(clientId)).stream()
                .filter(t -> ProposalApprovalProcess.APPROVE_TASK.equals(t.processStep())).toList();
    }

    List<String> kinds(UUID clientId) {
        return asManager(() -> timeline.forClient(clientId, 0)).stream().map(TimelineEntry::kind)
                .collect(Collectors.toList());
    }

    String instanceOf(Proposal p) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(p.id().toString()).singleResult()
                .getId();
    }

    boolean ended(Proposal p, String endEvent) {
        return history.createHistoricActivityInstanceQuery().activityId(endEvent)
                .processInstanceId(history.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(p.id().toString()).orderByProcessInstanceStartTime().desc()
                        .list().get(0).getId()).count() > 0;
    }

    /**
     * A presigned GET for the file's object: on the storage endpoint browsers reach, in the bucket, under the file's
     * object key, valid for five minutes at most.
     */
    void assertPresignedLinkTo(UUID fileId, String link) {
        URI uri = URI.create(link);
        URI endpoint = URI.create(storage.publicEndpoint());
        String key = jdbc.queryForObject("select object_key from stored_file where id = ?", String.class, fileId);
        assertThat(uri.getScheme()).isEqualTo(endpoint.getScheme());
        assertThat(uri.getHost()).isEqualTo(endpoint.getHost());
        assertThat(uri.getPort()).isEqualTo(endpoint.getPort());
        assertThat(uri.getPath()).isEqualTo("/" + storage.bucket() + "/" + key);
        Map<String, String> query = Arrays.stream(uri.getRawQuery().split("&")).map(kv -> kv.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : ""));
        assertThat(query).containsKeys("X-Amz-Signature", "X-Amz-Credential", "X-Amz-Date");
        assertThat(Integer.parseInt(query.get("X-Amz-Expires"))).as("seconds the link is valid")
                .isPositive().isLessThanOrEqualTo(300);
    }

    long activity(UUID subject, String kind) {
        return jdbc.queryForObject("select count(*) from timeline_entry where subject_id = ? and kind = ?", Long.class,
                subject, kind);
    }

    LocalDate inDays(int days) {
        return LocalDate.now(clock).plusDays(days);
    }

    static void assertProblem(Runnable call, String field, String key) {
        assertThatThrownBy(() -> asManager(call)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field, FieldProblem::messageKey)
                        .contains(org.assertj.core.groups.Tuple.tuple(field, key)));
    }

    static void assertProblem(Supplier<?> call, String field, String key) {
        assertProblem((Runnable) call::get, field, key);
    }
}
