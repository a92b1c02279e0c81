package io.clientspace.request;

import static io.clientspace.support.Actors.asCustomer;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static io.clientspace.support.Actors.asOtherManager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.extranet.CustomerScope;
import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.portal.PortalTestData;
import io.clientspace.request.process.ClientRequestProcess;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.support.Race;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Client requests against the real database and engine: raising (portal and staff), triage, numbering, taking,
 * asking, answering, resolving, confirming and reopening, and what happens when actions come late, twice, at once, or
 * from another customer.
 */
@ClientspaceIntegrationTest
class ClientRequestServiceIntegrationTests {

    @Autowired
    ClientRequestService requests;
    @Autowired
    PortalAccessPolicy portalAccess;
    @Autowired
    PortalTestData data;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    io.clientspace.project.ProjectService projects;

    PortalTestData.World a;

    @BeforeEach
    void aClientWithASharedProjectAndAnActiveContact() {
        a = data.world("creq" + UUID.randomUUID().toString().substring(0, 6));
        // the member works in the project (its work group), not on the client as a whole
        asManager(() -> projects.addMember(a.project().id(), "member"));
    }

    // ------------------------------------------------------------------------------------------------ raising

    @Test
    void aCustomerRaisesARequestAndTriagePutsItInTheRightQueueWithItsTargets() {
        ClientRequest r = asA(() -> requests.raiseForCustomer(scopeA(), draft("QUOTE", "Can you quote a brochure?",
                a.project().id())));

        assertThat(r.number()).matches("CR-" + LocalDate.now().getYear() + "-\\d{4}");
        assertThat(r.state()).isEqualTo(RequestState.QUEUED);
        assertThat(r.priority()).isEqualTo("P3");
        assertThat(r.projectName()).isEqualTo(a.project().name());
        assertThat(r.raisedBy()).isEqualTo("Test Customer " + a.marker());
        assertThat(r.sla().responseDueAt()).isEqualTo(r.raisedAt().plus(Duration.ofDays(1)));
        assertThat(r.sla().resolutionDueAt()).isEqualTo(r.raisedAt().plus(Duration.ofDays(10)));
        // the customer does not see the group or the rule; staff do
        assertThat(r.handlingGroup()).isNull();
        ClientRequest staffView = asManager(() -> requests.get(r.id()));
        assertThat(staffView.handlingGroup()).isEqualTo("manager");
        assertThat(staffView.triageRule()).isEqualTo("QuoteRequest");
        assertThat(staffView.entries()).extracting(RequestEntry::kind).containsExactly("RAISED", "TRIAGED");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(r.id().toString())
                .taskDefinitionKey(ClientRequestProcess.TAKE_TASK).taskCandidateGroup("manager").count()).isOne();
        assertThat(asManager(() -> requests.countOpen(a.project().scope()))).isOne();
        assertThat(asManager(() -> requests.countOpen(io.clientspace.shared.WorkScope.client(a.client().id()))))
                .isOne();
    }

    @Test
    void everyBadInputGetsItsOwnMessageAndNothingIsSaved() {
        PortalTestData.World b = data.world("creqb" + UUID.randomUUID().toString().substring(0, 6));
        RequestDraft bad = new RequestDraft("NOPE", "  ", "x".repeat(10_001), b.project().id(),
                LocalDate.now().minusDays(1), null);

        assertThatThrownBy(() -> asA(() -> requests.raiseForCustomer(scopeA(), bad)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("clientrequest.error.category-unknown",
                                "clientrequest.error.subject-required", "clientrequest.error.description-too-long",
                                "clientrequest.error.needed-by-past", "clientrequest.error.project-not-shared"));
        // a project of the same client that is not shared is refused alike
        assertThatThrownBy(() -> asA(() -> requests.raiseForCustomer(scopeA(),
                draft("GENERAL", "Hello", a.hiddenProject().id()))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("project"));
        assertThat(jdbc.queryForObject("select count(*) from client_request where client_id = ?", Long.class,
                a.client().id())).isZero();
        assertThat(asA(() -> requests.forCustomer(scopeA()))).isEmpty();
    }

    @Test
    void anotherCustomersRequestIsNotFoundWhateverTheyTry() {
        PortalTestData.World b = data.world("creqc" + UUID.randomUUID().toString().substring(0, 6));
        ClientRequest ofB = asCustomer(b.username(), b.client().id(), () -> requests.raiseForCustomer(
                portalAccess.current().orElseThrow(), draft("GENERAL", "B's question", b.project().id())));

        assertThatThrownBy(() -> asA(() -> requests.forCustomer(scopeA(), ofB.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asA(() -> requests.confirmForCustomer(scopeA(), ofB.id(), ofB.version())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asA(() -> requests.cancelForCustomer(scopeA(), ofB.id(), ofB.version())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asA(() -> requests.writeForCustomer(scopeA(), ofB.id(), "hello")))
                .isInstanceOf(NotFoundException.class);
        assertThat(asA(() -> requests.forCustomer(scopeA()))).isEmpty();
        // and a request in a project the team stops sharing disappears from the portal
        ClientRequest mine = asA(() -> requests.raiseForCustomer(scopeA(), draft("GENERAL", "Mine",
                a.project().id())));
        asManager(() -> projects.setSharing(a.project().id(), false, false));
        assertThatThrownBy(() -> asA(() -> requests.forCustomer(scopeA(), mine.id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void staffLogARequestOnTheClientsBehalfWithTheContactItCameFrom() {
        UUID contact = asManager(() -> requests.contactsOf(a.client().id())).keySet().stream().findFirst()
                .orElse(null);
        ClientRequest r = asManager(() -> requests.raiseForClient(a.client().id(), new RequestDraft("BILLING",
                "Please change the invoice address", "Phone call: new address is ...", null, null, contact)));

        assertThat(r.loggedByStaff()).isTrue();
        assertThat(r.triageRule()).isEqualTo("BillingQuestion");
        assertThat(asA(() -> requests.forCustomer(scopeA()))).extracting(ClientRequest::id).containsExactly(r.id());
        assertThatThrownBy(() -> asManager(() -> requests.raiseForClient(a.client().id(), new RequestDraft("BILLING",
                "x", null, null, null, UUID.randomUUID()))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("clientrequest.error.contact-unknown"));
    }

    // ---------------------------------------------------------------------------------------------- the work

    @Test
    void theRoundTripTakeAskAnswerResolveConfirmWithTheClockStoppedWhileTheClientHadTheTurn() {
        ClientRequest raised = asA(() -> requests.raiseForCustomer(scopeA(), draft("GENERAL", "New logo on the site",
                a.project().id())));
        ClientRequest taken = asMember(() -> requests.take(raised.id()));
        assertThat(taken.state()).isEqualTo(RequestState.IN_PROGRESS);
        assertThat(taken.assignee()).isEqualTo("member");
        assertThat(taken.sla().respondedAt()).isNotNull();

        ClientRequest asked = asMember(() -> requests.askClient(raised.id(), "Which logo file?", taken.version()));
        assertThat(asked.state()).isEqualTo(RequestState.WAITING_CLIENT);
        assertThat(asked.sla().status()).isEqualTo(SlaStatus.PAUSED);
        assertThat(timers(raised.id())).as("no SLA clock while the client has the turn").isZero();

        // the client takes three hours to answer: the resolution target moves on by those three hours
        jdbc.update("update client_request set paused_since = paused_since - interval '3 hours' where id = ?",
                raised.id());
        ClientRequest seen = asA(() -> requests.forCustomer(scopeA(), raised.id()));
        assertThat(seen.entries()).extracting(RequestEntry::kind).containsExactly("RAISED", "ASSIGNED", "QUESTION");
        ClientRequest answered = asA(() -> requests.answerForCustomer(scopeA(), raised.id(), "The blue one",
                seen.version()));
        ClientRequest afterAnswer = asMember(() -> requests.get(raised.id()));
        assertThat(afterAnswer.state()).isEqualTo(RequestState.IN_PROGRESS);
        assertThat(Duration.between(raised.sla().resolutionDueAt(), afterAnswer.sla().resolutionDueAt()))
                .isBetween(Duration.ofHours(3), Duration.ofHours(3).plusMinutes(1));
        assertThat(afterAnswer.sla().pausedSeconds()).isBetween(3 * 3600L, 3 * 3600L + 60);
        assertThat(timers(raised.id())).as("the resolution clock runs again").isOne();
        assertThatThrownBy(() -> asA(() -> requests.answerForCustomer(scopeA(), raised.id(), "again",
                answered.version()))).as("a second answer from the old page").isInstanceOf(StaleDataException.class);

        ClientRequest resolved = asMember(() -> requests.resolve(raised.id(), "Logo replaced", afterAnswer.version()));
        assertThat(resolved.state()).isEqualTo(RequestState.RESOLVED);
        assertThat(resolved.confirmBy()).isEqualTo(resolved.resolvedAt().plus(Duration.ofDays(5)));

        ClientRequest confirmed = asA(() -> requests.confirmForCustomer(scopeA(), raised.id(), resolved.version()));
        assertThat(confirmed.state()).isEqualTo(RequestState.CLOSED);
        assertThat(runningProcesses(raised.id())).isZero();
        assertThat(asManager(() -> requests.countOpen(a.project().scope()))).isZero();
    }

    @Test
    void confirmingFromAPageThatShowedTheResolutionBeforeAReopenIsStaleAndMovesNothing() {
        ClientRequest resolved = resolvedRequest("A question about the contact form");
        ClientRequest reopened = asA(() -> requests.reopenForCustomer(scopeA(), resolved.id(), "Still wrong",
                resolved.version()));
        assertThat(reopened.state()).isEqualTo(RequestState.IN_PROGRESS);
        assertThat(asManager(() -> requests.get(resolved.id())).assignee()).as("back to the assignee")
                .isEqualTo("member");

        assertThatThrownBy(() -> asA(() -> requests.confirmForCustomer(scopeA(), resolved.id(), resolved.version())))
                .isInstanceOf(StaleDataException.class);
        ClientRequest now = asManager(() -> requests.get(resolved.id()));
        assertThat(now.state()).isEqualTo(RequestState.IN_PROGRESS);
        assertThat(now.entries()).extracting(RequestEntry::kind).doesNotContain("CONFIRMED");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(resolved.id().toString())
                .taskDefinitionKey(ClientRequestProcess.WORK_TASK).taskAssignee("member").count()).isOne();
    }

    @Test
    void theClientCancelsFromEveryWaitingStateAndTheProcessEnds() {
        ClientRequest queued = asA(() -> requests.raiseForCustomer(scopeA(), draft("GENERAL", "One", null)));
        ClientRequest waiting = resolvedRequest("Two");
        for (ClientRequest r : List.of(queued, waiting)) {
            ClientRequest fresh = asA(() -> requests.forCustomer(scopeA(), r.id()));
            assertThat(asA(() -> requests.cancelForCustomer(scopeA(), r.id(), fresh.version())).state())
                    .isEqualTo(RequestState.CANCELLED);
            assertThat(runningProcesses(r.id())).isZero();
            assertThatThrownBy(() -> asA(() -> requests.cancelForCustomer(scopeA(), r.id(), fresh.version())))
                    .isInstanceOf(StaleDataException.class);
        }
    }

    @Test
    void aMemberCannotTakeAManagersRequestAndStaffWhoCannotOpenItsPlaceSeeNothing() {
        ClientRequest forManagers = asA(() -> requests.raiseForCustomer(scopeA(), draft("BILLING", "Invoice",
                a.project().id())));
        assertThatThrownBy(() -> asMember(() -> requests.take(forManagers.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("clientrequest.error.not-in-group"));
        // outside the project the member cannot open the client: such a request is not theirs to open or list
        ClientRequest outside = asA(() -> requests.raiseForCustomer(scopeA(), draft("GENERAL", "Outside", null)));
        assertThatThrownBy(() -> asMember(() -> requests.get(outside.id())))
                .isInstanceOf(io.clientspace.shared.NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> requests.take(outside.id())))
                .isInstanceOf(io.clientspace.shared.NoAccessException.class);
        assertThat(asMember(() -> requests.queue(ClientRequestService.QueueFilter.any())))
                .extracting(ClientRequest::id).contains(forManagers.id()).doesNotContain(outside.id());
        assertThat(asManager(() -> requests.queue(ClientRequestService.QueueFilter.any())))
                .extracting(ClientRequest::id).contains(forManagers.id(), outside.id());
        // the queue's rows carry their place's names (read in one batch per list), and its group filter offers
        // the groups of the requests the user sees, no other
        List<ClientRequest> membersQueue = asMember(() -> requests.queue(ClientRequestService.QueueFilter.any()));
        ClientRequest row = membersQueue.stream().filter(r -> r.id().equals(forManagers.id())).findFirst()
                .orElseThrow();
        assertThat(row.clientName()).isEqualTo(a.client().name());
        assertThat(row.projectName()).isEqualTo(a.project().name());
        assertThat(asMember(requests::groupsInQueue)).containsExactlyElementsOf(membersQueue.stream()
                .map(ClientRequest::handlingGroup).filter(java.util.Objects::nonNull).distinct().sorted().toList());
        List<ClientRequest> managersQueue = asManager(() -> requests.queue(ClientRequestService.QueueFilter.any()));
        ClientRequest outsideRow = managersQueue.stream().filter(r -> r.id().equals(outside.id())).findFirst()
                .orElseThrow();
        assertThat(outsideRow.clientName()).isEqualTo(a.client().name());
        assertThat(outsideRow.projectName()).isNull();
        assertThat(asManager(requests::groupsInQueue)).containsExactlyElementsOf(managersQueue.stream()
                .map(ClientRequest::handlingGroup).filter(java.util.Objects::nonNull).distinct().sorted().toList());
    }

    // ------------------------------------------------------------------------------------------------- races

    /**
     * Four contacts raise at once, twenty times: every round gives four distinct numbers of the year with no gap.
     * {@link #withoutTheCounterGateNumbersCollide} shows the round breaks without the per-year counter's upsert.
     */
    @Test
    void numbersAreSequentialPerYearEvenWhenManyAreRaisedAtOnce() throws Exception {
        Race.repeat(this::fourRaisedAtOnce);
    }

    @Test
    void withoutTheCounterGateNumbersCollide() {
        assertThat(Race.brokenWithoutGates(this::fourRaisedAtOnce)).as("a round that broke").isPositive();
    }

    void fourRaisedAtOnce(int round) throws Exception {
        List<Callable<ClientRequest>> parties = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            parties.add(() -> asA(() -> requests.raiseForCustomer(scopeA(), draft("GENERAL", "Batch " + round,
                    null))));
        }
        List<Race.Result> results = Race.atOnce(parties);
        assertThat(results).as("every request is saved").noneMatch(Race.Result::failed);
        List<Integer> sequence = results.stream().map(r -> ((ClientRequest) r.value()).number())
                .map(n -> Integer.parseInt(n.substring(n.lastIndexOf('-') + 1))).sorted().toList();
        assertThat(sequence).doesNotHaveDuplicates();
        assertThat(sequence.get(3) - sequence.get(0)).isEqualTo(3);
    }

    /**
     * Two managers take the same queued request at once, twenty times: one gets it, the other is told who has it, and
     * the engine holds one work task. {@link #withoutTheRowLockBothTakesCollide} drops the row lock.
     */
    @Test
    void twoStaffTakeTheSameRequestAtOnceAndExactlyOneGetsIt() throws Exception {
        Race.repeat(this::twoTakeAtOnce);
    }

    @Test
    void withoutTheRowLockBothTakesCollide() {
        assertThat(Race.brokenWithoutGates(this::twoTakeAtOnce)).as("a round that broke").isPositive();
    }

    void twoTakeAtOnce(int round) throws Exception {
        ClientRequest r = asA(() -> requests.raiseForCustomer(scopeA(), draft("GENERAL", "Take " + round, null)));
        List<Race.Result> results = Race.atOnce(() -> asManager(() -> requests.take(r.id())),
                () -> asOtherManager(() -> requests.take(r.id())));
        assertThat(results).as("results").filteredOn(x -> !x.failed()).hasSize(1);
        Throwable loser = results.stream().filter(Race.Result::failed).findFirst().orElseThrow().error();
        assertThat(loser).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                .extracting(FieldProblem::messageKey).containsExactly("clientrequest.error.taken"));
        String winner = ((ClientRequest) results.stream().filter(x -> !x.failed()).findFirst().orElseThrow().value())
                .assignee();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(r.id().toString())
                .taskDefinitionKey(ClientRequestProcess.WORK_TASK).taskAssignee(winner).count()).isOne();
        assertThat(jdbc.queryForObject("select count(*) from client_request_entry where request_id = ? and kind ="
                + " 'ASSIGNED'", Long.class, r.id())).isOne();
    }

    /**
     * The client's confirm and the confirmation timer's job (auto-close) pass one barrier together, twenty times.
     * Either the confirm wins (the job then fails in the engine and changed nothing) or the timer wins (the confirm
     * is refused as stale): one outcome, one history entry. {@link #withoutTheRowLockConfirmAndAutoCloseBreak}
     * drops the row lock.
     */
    @Test
    void aConfirmRacingTheAutoCloseTimerEndsInOneConsistentState() throws Exception {
        Race.repeat(this::confirmAgainstAutoClose);
    }

    @Test
    void withoutTheRowLockConfirmAndAutoCloseBreak() {
        assertThat(Race.brokenWithoutGates(this::confirmAgainstAutoClose)).as("a round that broke").isPositive();
    }

    void confirmAgainstAutoClose(int round) throws Exception {
        ClientRequest resolved = resolvedRequest("Race " + round);
        String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(resolved.id().toString())
                .singleResult().getId();
        String timer = management.createJobQuery().processInstanceId(pi).timers().singleResult().getId();
        CustomerScope viewer = asA(this::scopeA);
        List<Race.Result> results = Race.atOnce(
                () -> asA(() -> requests.confirmForCustomer(viewer, resolved.id(), resolved.version())),
                () -> {
                    management.executeJob(timer);
                    return "the timer ran";
                });
        Race.Result confirm = results.get(0);
        Race.Result autoClose = results.get(1);
        String how = jdbc.queryForObject("select closed_how from client_request where id = ?", String.class,
                resolved.id());
        assertThat(runningProcesses(resolved.id())).isZero();
        if ("CONFIRMED".equals(how)) {
            assertThat(confirm.failed()).as("the confirm %s", confirm).isFalse();
            assertThat(autoClose.failed()).as("the timer's job after the confirm won: %s", autoClose).isTrue();
            Race.assertTimerLostInTheEngine(autoClose.error());
        } else {
            assertThat(how).isEqualTo("AUTO");
            assertThat(autoClose.failed()).as("the timer's job %s", autoClose).isFalse();
            assertThat(confirm.error()).as("the confirm %s", confirm).isInstanceOf(StaleDataException.class);
        }
        assertThat(jdbc.queryForObject("select count(*) from client_request_entry where request_id = ? and kind in"
                + " ('CONFIRMED', 'AUTO_CLOSED')", Long.class, resolved.id())).isOne();
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private ClientRequest resolvedRequest(String subject) {
        ClientRequest r = asA(() -> requests.raiseForCustomer(scopeA(), draft("GENERAL", subject, a.project().id())));
        ClientRequest taken = asMember(() -> requests.take(r.id()));
        return asMember(() -> requests.resolve(r.id(), "Done", taken.version()));
    }

    private static RequestDraft draft(String category, String subject, UUID projectId) {
        return new RequestDraft(category, subject, "Details of " + subject, projectId, null, null);
    }

    private CustomerScope scopeA() {
        return portalAccess.current().orElseThrow();
    }

    private <T> T asA(Supplier<T> work) {
        return asCustomer(a.username(), a.client().id(), work);
    }

    private long timers(UUID requestId) {
        return jdbc.queryForObject("""
                select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
                where e.business_key_ = ? and j.type_ = 'timer'""", Long.class, requestId.toString());
    }

    private long runningProcesses(UUID requestId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(requestId.toString()).count();
    }
}
