package io.clientspace.portal;

import static io.clientspace.support.Actors.asCustomer;
import static io.clientspace.support.Actors.asManager;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.acceptance.AcceptanceNavigation;
import io.clientspace.acceptance.AcceptanceService;
import io.clientspace.document.DocumentService;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.inforequest.InformationRequestService;
import io.clientspace.inforequest.ItemKind;
import io.clientspace.inforequest.RequestItemDraft;
import io.clientspace.proposal.ProposalNavigation;
import io.clientspace.proposal.ProposalService;
import io.clientspace.proposal.ProposalTestData;
import io.clientspace.request.ClientRequest;
import io.clientspace.request.ClientRequestNavigation;
import io.clientspace.request.ClientRequestService;
import io.clientspace.request.RequestDraft;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The portal's dashboard against the real services: what waits for a contact, most urgent first, and nothing of
 * another customer's or of a project not shared with the client.
 */
@ClientspaceIntegrationTest
class PortalDashboardIntegrationTests {

    @Autowired
    PortalDashboard dashboard;
    @Autowired
    PortalService portal;
    @Autowired
    PortalTestData data;
    @Autowired
    ClientRequestService clientRequests;
    @Autowired
    InformationRequestService informationRequests;
    @Autowired
    AcceptanceService acceptances;
    @Autowired
    DocumentService documents;
    @Autowired
    ProposalService proposals;

    PortalTestData.World a;
    PortalTestData.World b;

    @BeforeEach
    void twoCustomers() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        a = data.world("dasha" + run);
        b = data.world("dashb" + run);
    }

    /** Everything that can wait for a client, of one world; returns the ids of what waits for its contact. */
    record Waiting(UUID question, UUID confirm, UUID informationRequest, UUID acceptance, UUID proposal,
                   UUID hiddenQuestion, UUID queued) {
        Set<UUID> all() {
            return Set.of(question, confirm, informationRequest, acceptance, proposal, hiddenQuestion, queued);
        }
    }

    Waiting everythingWaitsOn(PortalTestData.World w, Duration acceptanceDeadline) {
        // proposals and acceptances first, so that "newest first" elsewhere is not the order the dashboard shows
        UUID proposal = asManager(() -> proposals.submit(proposals.create(w.client().id(),
                ProposalTestData.fixedFee("Proposal " + w.marker(), "900", LocalDate.now().plusDays(30))).id())).id();
        UUID acceptance = asManager(() -> acceptances.send(documents.versions(w.sharedDocument().id()).get(0).id(),
                Instant.now().plus(acceptanceDeadline))).id();
        UUID info = asManager(() -> informationRequests.send(informationRequests.createDraft(w.project().id(),
                new io.clientspace.inforequest.RequestDraft("Request " + w.marker(), List.of(
                        new RequestItemDraft(ItemKind.QUESTION, "Question one " + w.marker(), null),
                        new RequestItemDraft(ItemKind.QUESTION, "Question two " + w.marker(), null)))).id())).id();
        ClientRequest toConfirm = raise(w, "Fix the invoice address " + w.marker(), null);
        ClientRequest taken = asManager(() -> clientRequests.take(toConfirm.id()));
        asManager(() -> clientRequests.resolve(toConfirm.id(), "Changed", taken.version()));
        ClientRequest question = raise(w, "Staging site down " + w.marker(), w.project().id());
        ask(question.id());
        ClientRequest queued = raise(w, "Quote a brochure " + w.marker(), null);
        // staff logged it in the project that is not shared: the client never sees it, not even when asked
        ClientRequest hidden = asManager(() -> clientRequests.raiseForClient(w.client().id(), new RequestDraft(
                "GENERAL", "Hidden support " + w.marker(), null, w.hiddenProject().id(), null, null)));
        ask(hidden.id());
        return new Waiting(question.id(), toConfirm.id(), info, acceptance, proposal, hidden.id(), queued.id());
    }

    private ClientRequest raise(PortalTestData.World w, String subject, UUID projectId) {
        return as(w, () -> clientRequests.raiseForCustomer(viewer(w), new RequestDraft("GENERAL", subject, null,
                projectId, null, null)));
    }

    private void ask(UUID requestId) {
        ClientRequest taken = asManager(() -> clientRequests.take(requestId));
        asManager(() -> clientRequests.askClient(requestId, "Since when?", taken.version()));
    }

    @Test
    void theContactSeesWhatWaitsForThemMostUrgentFirstAndNothingOfAnotherCustomer() {
        Waiting ofA = everythingWaitsOn(a, Duration.ofHours(30));
        Waiting ofB = everythingWaitsOn(b, Duration.ofDays(7));

        List<PortalWaiting> list = as(a, () -> dashboard.waiting(viewer(a)));

        assertThat(list).extracting(PortalWaiting::kind).containsExactly(PortalWaiting.Kind.REQUEST_QUESTION,
                PortalWaiting.Kind.REQUEST_CONFIRM, PortalWaiting.Kind.INFORMATION_REQUEST,
                PortalWaiting.Kind.ACCEPTANCE, PortalWaiting.Kind.PROPOSAL);
        assertThat(list).extracting(PortalWaiting::id).containsExactly(ofA.question(), ofA.confirm(),
                ofA.informationRequest(), ofA.acceptance(), ofA.proposal());
        // nothing of B's, and neither A's request in the project not shared nor the one still with the team
        Set<UUID> shown = list.stream().map(PortalWaiting::id).collect(Collectors.toSet());
        assertThat(shown).doesNotContainAnyElementsOf(ofB.all())
                .doesNotContain(ofA.hiddenQuestion(), ofA.queued());
        assertThat(list).extracting(PortalWaiting::title).noneMatch(t -> t.contains(b.marker()))
                .noneMatch(t -> t.contains("Hidden"));

        // each line links to its item's page and carries what its words need
        PortalWaiting question = list.get(0);
        assertThat(question.path()).isEqualTo(ClientRequestNavigation.portalPage(ofA.question()));
        assertThat(question.since()).isNotNull();
        PortalWaiting confirm = list.get(1);
        assertThat(confirm.due()).as("confirm by").isAfter(Instant.now());
        PortalWaiting info = list.get(2);
        assertThat(info.open()).isEqualTo(2);
        assertThat(info.total()).isEqualTo(2);
        PortalWaiting acceptance = list.get(3);
        assertThat(acceptance.path()).isEqualTo(AcceptanceNavigation.portalPage(ofA.acceptance()));
        assertThat(acceptance.dueSoon()).as("due within 48 hours: amber").isTrue();
        assertThat(list.get(4).path()).isEqualTo(ProposalNavigation.portalPage(ofA.proposal()));

        // B's own dashboard: the same kinds, B's ids, and the acceptance a week away is not amber
        List<PortalWaiting> ofBList = as(b, () -> dashboard.waiting(viewer(b)));
        assertThat(ofBList).extracting(PortalWaiting::id).containsExactly(ofB.question(), ofB.confirm(),
                ofB.informationRequest(), ofB.acceptance(), ofB.proposal());
        assertThat(ofBList.get(3).dueSoon()).isFalse();
    }

    @Test
    void answeringAQuestionTakesItOffTheDashboard() {
        Waiting ofA = everythingWaitsOn(a, Duration.ofDays(7));
        ClientRequest asked = as(a, () -> clientRequests.forCustomer(viewer(a), ofA.question()));
        as(a, () -> clientRequests.answerForCustomer(viewer(a), ofA.question(), "Since Monday", asked.version()));

        assertThat(as(a, () -> dashboard.waiting(viewer(a)))).extracting(PortalWaiting::id)
                .doesNotContain(ofA.question()).first().isEqualTo(ofA.confirm());
    }

    @Test
    void nothingWaitingShowsAnEmptyDashboard() {
        assertThat(as(a, () -> dashboard.waiting(viewer(a)))).isEmpty();
    }

    private <T> T as(PortalTestData.World w, Supplier<T> work) {
        return asCustomer(w.username(), w.client().id(), work);
    }

    private CustomerScope viewer(PortalTestData.World w) {
        return as(w, () -> portal.current().orElseThrow());
    }
}
