package io.clientspace.workspace;

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
import io.clientspace.document.DocumentType;
import io.clientspace.document.KeyDocuments;
import io.clientspace.shared.NoAccessException;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.task.TaskDraft;
import io.clientspace.task.TaskPriority;
import io.clientspace.task.WorkTaskService;
import io.clientspace.extranet.AccessSummary;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.PortalAccount;
import io.clientspace.extranet.PortalContactDraft;
import io.clientspace.extranet.PortalRole;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.time.LocalDate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ClientspaceIntegrationTest
class ReviewServiceIntegrationTests {

    @Autowired
    ReviewService review;
    @Autowired
    ClientService clients;
    @Autowired
    DealService deals;
    @Autowired
    WorkTaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ExternalAccessService access;

    @Autowired
    io.clientspace.request.ClientRequestService clientRequests;

    /**
     * The checklist counts the client's open requests whose running SLA target has passed, the same ones the
     * Requests tab's "breached" filter shows; waits on the client, closed requests and other clients' do not count.
     */
    @Test
    void theChecklistCountsTheClientsRequestsBreachingTheirSla() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        Client other = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        assertThat(asManager(() -> review.review(client.id())).requestsBreached()).isZero();

        var queuedLate = raise(client, "Queued past its response target");
        var takenLate = raise(client, "Taken, past its resolution target");
        var waiting = raise(client, "Waiting on the client");
        var onTrack = raise(client, "On track");
        var cancelled = raise(client, "Cancelled");
        var ofOther = raise(other, "Another client's");
        var taken = asManager(() -> clientRequests.take(takenLate.id()));
        var asked = asManager(() -> clientRequests.askClient(waiting.id(),
                "Which one?", asManager(() -> clientRequests.take(waiting.id())).version()));
        asManager(() -> clientRequests.cancel(cancelled.id(), "Duplicate", cancelled.version()));
        Instant past = Instant.now().minus(Duration.ofHours(1));
        for (var r : java.util.List.of(queuedLate, ofOther, cancelled)) {
            jdbc.update("update client_request set response_due_at = ? where id = ?", java.sql.Timestamp.from(past),
                    r.id());
        }
        for (var r : java.util.List.of(takenLate, waiting)) {
            jdbc.update("update client_request set resolution_due_at = ? where id = ?",
                    java.sql.Timestamp.from(past), r.id());
        }

        assertThat(asManager(() -> review.review(client.id())).requestsBreached()).isEqualTo(2);
        assertThat(asManager(() -> review.review(other.id())).requestsBreached()).isOne();
        // the tab's filter shows exactly these
        assertThat(asManager(() -> clientRequests.forClient(client.id())).stream()
                .filter(r -> r.sla().status() == io.clientspace.request.SlaStatus.BREACHED)
                .map(io.clientspace.request.ClientRequest::id))
                .containsExactlyInAnyOrder(queuedLate.id(), takenLate.id())
                .doesNotContain(waiting.id(), onTrack.id(), cancelled.id());
        assertThat(taken.state()).isEqualTo(io.clientspace.request.RequestState.IN_PROGRESS);
        assertThat(asked.state()).isEqualTo(io.clientspace.request.RequestState.WAITING_CLIENT);
    }

    private io.clientspace.request.ClientRequest raise(Client client, String subject) {
        return asManager(() -> clientRequests.raiseForClient(client.id(),
                new io.clientspace.request.RequestDraft("GENERAL", subject, null, null, null, null)));
    }

    @Test
    void theChecklistCountsWhatNeedsSomeoneAndMyAttentionListShowsTheClient() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        Client calm = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        var quiet = asManager(() -> deals.create(client.id(), deal("Tax filing 2026", "Request documents")));
        asManager(() -> deals.create(client.id(), deal("Audit support", null)));
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(quiet.id().toString())
                .singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance).timers().singleResult().getId());
        var late = asManager(() -> tasks.create(client.id(), task("Send reminder", "manager")));
        jdbc.update("update work_task set due_date = ? where id = ?", LocalDate.now().minusDays(3), late.id());
        asManager(() -> tasks.create(client.id(), task("Check bank statements", null)));

        ClientReview r = asManager(() -> review.review(client.id()));

        assertThat(r.deals().stalled()).isEqualTo(1);
        assertThat(r.deals().withoutNextStep()).isEqualTo(1);
        assertThat(r.tasks().overdue()).isEqualTo(1);
        // the unassigned task, and the new deal's first stage, which is assigned to its owner
        assertThat(r.tasks().unassigned()).isEqualTo(1);
        // no template but the default one matches: the line is the trio, from the checklist
        assertThat(r.keyDocuments().lines()).contains(new io.clientspace.checklist.RequiredDocuments.Line("Contract",
                DocumentType.CONTRACT, io.clientspace.checklist.RequirementState.MISSING));
        assertThat(r.externalAccess().active()).isZero();
        assertThat(r.lastActivity()).isNotNull();

        var mine = asManager(() -> review.myClientsNeedingAttention());
        assertThat(mine).filteredOn(a -> a.client().id().equals(client.id())).singleElement()
                .satisfies(a -> assertThat(a.total()).isEqualTo(4 + 3));
        // the calm client misses only its key documents
        assertThat(mine).filteredOn(a -> a.client().id().equals(calm.id())).singleElement()
                .satisfies(a -> assertThat(a.total()).isEqualTo(3));
        // another manager owns neither
        assertThat(asOtherManager(() -> review.myClientsNeedingAttention()))
                .noneMatch(a -> a.client().id().equals(client.id()));
    }

    @Test
    void aMemberGetsNoChecklistForAClientOutsideTheirWorkGroupAndTheExternalAccessLineOnTheirOwn() {
        Client managers = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        assertThatThrownBy(() -> asMember(() -> review.review(managers.id()))).isInstanceOf(NoAccessException.class);

        // issue 20: the owner sees the client's external access, read-only
        Client own = asMember(() -> clients.create(ClientTestData.company("member"), false));
        assertThat(asMember(() -> review.review(own.id())).externalAccess()).isEqualTo(new AccessSummary(0, 0, 0, 0));
    }

    @Test
    void theChecklistCountsActiveContactsOnlyAndFlagsInvitationsAboutToExpire() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String activeEmail = "active-" + tag + "@example.org";
        asManager(() -> access.addContact(client.id(),
                new PortalContactDraft("Alma Active", activeEmail, PortalRole.DECISION_MAKER), true));
        access.recordSignIn(activeEmail);
        PortalAccount invited = asManager(() -> access.addContact(client.id(),
                new PortalContactDraft("Ivo Invited", "invited-" + tag + "@example.org", PortalRole.APPROVER), true));
        asManager(() -> access.addContact(client.id(),
                new PortalContactDraft("Nina Notinvited", "not-" + tag + "@example.org", PortalRole.OTHER), false));

        AccessSummary summary = asManager(() -> review.review(client.id())).externalAccess();
        // the invitation was just sent and is valid for a week: connected is only the one who signed in
        assertThat(summary).isEqualTo(new AccessSummary(1, 1, 0, 1));

        // a day before the invitation runs out, the checklist flags it
        jdbc.update("update portal_account set invitation_expires_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(1))), invited.id());
        assertThat(asManager(() -> review.review(client.id())).externalAccess())
                .isEqualTo(new AccessSummary(1, 1, 1, 1));
    }

    private static DealDraft deal(String title, String nextStep) {
        DealDraft d = new DealDraft();
        d.setTitle(title);
        d.setAmount(new BigDecimal("5000"));
        d.setCurrency("EUR");
        d.setExpectedClose(LocalDate.now().plusMonths(1));
        d.setOwner("manager");
        d.setNextStep(nextStep);
        return d;
    }

    private static TaskDraft task(String title, String assignee) {
        TaskDraft t = new TaskDraft();
        t.setTitle(title);
        t.setAssignee(assignee);
        t.setPriority(TaskPriority.NORMAL);
        return t;
    }
}
