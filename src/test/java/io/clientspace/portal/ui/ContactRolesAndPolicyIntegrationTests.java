package io.clientspace.portal.ui;

import static io.clientspace.support.Actors.asCustomer;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import io.clientspace.acceptance.Acceptance;
import io.clientspace.acceptance.AcceptanceService;
import io.clientspace.acceptance.AcceptanceStatus;
import io.clientspace.document.ClientDocument;
import io.clientspace.document.DocumentService;
import io.clientspace.document.DocumentType;
import io.clientspace.document.DocumentVersion;
import io.clientspace.extranet.ContactActivity;
import io.clientspace.inforequest.InformationRequest;
import io.clientspace.inforequest.ItemKind;
import io.clientspace.inforequest.RequestDraft;
import io.clientspace.inforequest.RequestItemDraft;
import io.clientspace.extranet.ContactPolicy;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.PortalAccount;
import io.clientspace.extranet.PortalContactDraft;
import io.clientspace.extranet.PortalContactStatus;
import io.clientspace.extranet.PortalRole;
import io.clientspace.extranet.PortalSection;
import io.clientspace.portal.PortalAcceptances;
import io.clientspace.portal.PortalDashboard;
import io.clientspace.portal.PortalDocument;
import io.clientspace.portal.PortalProject;
import io.clientspace.portal.PortalProposals;
import io.clientspace.portal.PortalService;
import io.clientspace.portal.PortalTestData;
import io.clientspace.portal.PortalWaiting;
import io.clientspace.proposal.Proposal;
import io.clientspace.proposal.ProposalAnswer;
import io.clientspace.proposal.ProposalService;
import io.clientspace.proposal.ProposalStatus;
import io.clientspace.proposal.ProposalTestData;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.ui.AsyncLoader;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.timeline.TimelineEntry;
import io.clientspace.timeline.TimelineService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Portal contact roles and policies (issue 15 §3, DD035) against the real services: who may decide, what a policy
 * hides (the page and the server), removal keeping the evidence, and "view as client" for anyone.
 */
@ClientspaceIntegrationTest
class ContactRolesAndPolicyIntegrationTests {

    static final String IP = "203.0.113.9";

    @Autowired
    PortalService portal;
    @Autowired
    PortalProposals portalProposals;
    @Autowired
    PortalAcceptances portalAcceptances;
    @Autowired
    io.clientspace.portal.PortalRequests portalRequests;
    @Autowired
    io.clientspace.inforequest.InformationRequestService infoRequests;
    @Autowired
    PortalDashboard dashboard;
    @Autowired
    ProposalService proposals;
    @Autowired
    AcceptanceService acceptances;
    @Autowired
    DocumentService documents;
    @Autowired
    ExternalAccessService access;
    @Autowired
    TimelineService timeline;
    @Autowired
    io.clientspace.client.ClientService clients;
    @Autowired
    PortalTestData data;
    @Autowired
    AsyncLoader loader;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    PortalTestData.World a;
    PortalTestData.World b;
    /** A second contact of a's client, a billing contact. */
    String billing;
    UUID billingId;

    @BeforeEach
    void aClientWithAnApproverAndABillingContact() {
        a = data.world("roles-a");
        b = data.world("roles-b");
        billing = "billing-" + UUID.randomUUID().toString().substring(0, 8);
        billingId = UUID.randomUUID();
        jdbc.update("""
                insert into portal_account (id, client_id, username, email, display_name, status, granted_by,
                                            granted_at, role)
                values (?, ?, ?, ?, 'Bill Ledger', 'ACTIVE', 'manager', ?, 'BILLING')""",
                billingId, a.client().id(), billing, billing + "@example.org", Timestamp.from(Instant.now()));
    }

    @AfterEach
    void noUi() {
        UI.setCurrent(null);
    }

    // -------------------------------------------------------------------------------------------------- roles

    @Test
    void aBillingContactCannotAcceptOrDeclineAndAnApproverCan() {
        Proposal p = sentProposal();
        CustomerScope bill = viewer(billing);
        // the billing contact reads what is shared, proposals included
        assertThat(asBilling(() -> portalProposals.list(bill))).extracting(x -> x.id()).contains(p.id());
        assertThat(asBilling(() -> portal.mayDecide(bill))).isFalse();

        assertThatThrownBy(() -> asBilling(() -> portalProposals.accept(bill, p.id(), "Bill Ledger", IP)))
                .isInstanceOf(NoAccessException.class)
                .hasMessageContaining("decision makers and approvers").hasMessageContaining("billing");
        assertThatThrownBy(() -> asBilling(() -> portalProposals.decline(bill, p.id(), "Too expensive", IP)))
                .isInstanceOf(NoAccessException.class);
        assertThat(asManager(() -> proposals.get(p.id())).status()).isEqualTo(ProposalStatus.SENT);
        assertThat(asBilling(() -> dashboard.waiting(bill))).extracting(PortalWaiting::kind)
                .as("nothing waits on a contact who cannot decide").doesNotContain(PortalWaiting.Kind.PROPOSAL);

        // the page shows the billing contact why there are no buttons, and the approver the buttons
        UI.setCurrent(new UI());
        var seenByBilling = asBilling(() -> portalProposals.get(bill, p.id()));
        Component billingAnswer = asBilling(() -> proposalPages(bill).answer(seenByBilling, () -> { }));
        assertThat(ids(billingAnswer)).contains("proposal-not-deciding").doesNotContain("proposal-accept",
                "proposal-decline");
        CustomerScope approver = viewer(a.username());
        var seenByApprover = asA(() -> portalProposals.get(approver, p.id()));
        Component approverAnswer = asA(() -> proposalPages(approver).answer(seenByApprover, () -> { }));
        assertThat(ids(approverAnswer)).contains("proposal-accept", "proposal-decline")
                .doesNotContain("proposal-not-deciding");

        assertThat(asA(() -> portalProposals.accept(approver, p.id(), "Test Customer roles-a", IP)))
                .isEqualTo(ProposalAnswer.ACCEPTED);
    }

    @Test
    void onlyDecidersAcceptADocumentAndRemovingTheApproverKeepsTheEvidence() {
        DocumentVersion version = asManager(() -> documents.versions(a.sharedDocument().id())).get(0);
        Acceptance sent = asManager(() -> acceptances.send(version.id(), clock.instant().plus(Duration.ofDays(7))));
        CustomerScope bill = viewer(billing);
        assertThatThrownBy(() -> asBilling(() -> portalAcceptances.accept(bill, sent.id(), "Bill Ledger", IP,
                "Test browser"))).isInstanceOf(NoAccessException.class)
                .hasMessageContaining("decision makers and approvers");
        assertThat(asManager(() -> acceptances.forDocument(a.sharedDocument().id())))
                .extracting(Acceptance::status).containsExactly(AcceptanceStatus.PENDING);

        CustomerScope approver = viewer(a.username());
        asA(() -> portalAcceptances.accept(approver, sent.id(), "Test Customer roles-a", IP, "Test browser"));

        asManager(() -> access.removeContact(a.accountId()));

        assertThat(asManager(() -> access.forClient(a.client().id()))).extracting(PortalAccount::id)
                .as("gone from the list").doesNotContain(a.accountId()).contains(billingId);
        assertThat(access.mayUsePortal(a.username(), a.client().id())).as("access revoked").isFalse();
        var evidence = asManager(() -> acceptances.evidence(sent.id()));
        assertThat(evidence.accountId()).isEqualTo(a.accountId());
        assertThat(evidence.username()).isEqualTo(a.username());
        assertThat(asManager(() -> access.activity(a.accountId()))).extracting(ContactActivity::kind)
                .as("their activity stays").contains(ContactActivity.Kind.DOCUMENT_ACCEPTED);
        assertThat(asManager(() -> timeline.forClient(a.client().id(), 0))).extracting(TimelineEntry::kind)
                .contains("EXTERNAL_REMOVED");
        // removing twice changes nothing; adding the address again brings the row (and its history) back, revoked
        asManager(() -> access.removeContact(a.accountId()));
        PortalAccount back = asManager(() -> access.addContact(a.client().id(),
                new PortalContactDraft("Test Customer roles-a", a.username() + "@example.org",
                        PortalRole.DECISION_MAKER), false));
        assertThat(back.id()).isEqualTo(a.accountId());
        assertThat(back.contactStatus()).isEqualTo(PortalContactStatus.REVOKED);
    }

    @Test
    void aBillingContactAlsoSeesTheClientsFinalInvoicesAndActs() {
        ClientDocument invoice = asManager(() -> documents.create(a.project().scope(), "Invoice 7 roles-a",
                DocumentType.INVOICE, "invoice-7.pdf", PortalTestData.pdf("invoice")));
        DocumentVersion v = asManager(() -> documents.versions(invoice.id())).get(0);
        asManager(() -> documents.markFinal(invoice.id(), v.id(), invoice.version()));
        ClientDocument draftAct = asManager(() -> documents.create(a.project().scope(), "Draft act roles-a",
                DocumentType.ACT, "act.pdf", PortalTestData.pdf("act")));

        CustomerScope bill = viewer(billing);
        assertThat(asBilling(() -> portal.documents(bill))).extracting(PortalDocument::id)
                .contains(invoice.id(), a.sharedDocument().id()).doesNotContain(draftAct.id());
        assertThat(asBilling(() -> portal.download(bill, PortalDocument.Kind.DOCUMENT, invoice.id())))
                .contains("invoice-7.pdf");
        CustomerScope approver = viewer(a.username());
        assertThat(asA(() -> portal.documents(approver))).extracting(PortalDocument::id)
                .as("not shared, so not for the others").doesNotContain(invoice.id());
        assertThatThrownBy(() -> asA(() -> portal.download(approver, PortalDocument.Kind.DOCUMENT, invoice.id())))
                .isInstanceOf(NotFoundException.class);
    }

    // ------------------------------------------------------------------------------------------------- policy

    @Test
    void aPolicyHidesASectionOnThePageAndTheServerRefusesItAndItsProjects() {
        Proposal p = sentProposal();
        Set<PortalSection> noProposals = EnumSet.complementOf(EnumSet.of(PortalSection.PROPOSALS));
        asManager(() -> access.savePolicy(billingId, new ContactPolicy(noProposals, Set.of()), false));

        CustomerScope bill = viewer(billing);
        assertThat(asBilling(() -> portal.sees(bill, PortalSection.PROPOSALS))).isFalse();
        assertThat(asBilling(() -> portal.sees(bill, PortalSection.DOCUMENTS))).isTrue();
        assertThatThrownBy(() -> asBilling(() -> portalProposals.list(bill))).isInstanceOf(NoAccessException.class)
                .hasMessageContaining("does not include proposals");
        assertThatThrownBy(() -> asBilling(() -> portalProposals.get(bill, p.id())))
                .as("the direct address too").isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asBilling(() -> portalProposals.pdf(bill, p.id())))
                .isInstanceOf(NoAccessException.class);
        // no project: the shared project is gone from the list and refused by id, with its thread
        assertThat(asBilling(() -> portal.projects(bill))).isEmpty();
        assertThatThrownBy(() -> asBilling(() -> portal.project(bill, a.project().id())))
                .isInstanceOf(NoAccessException.class).hasMessageContaining("this project");
        assertThatThrownBy(() -> asBilling(() -> portal.comments(bill, a.project().id())))
                .isInstanceOf(NoAccessException.class);
        assertThat(asBilling(() -> portal.documents(bill))).extracting(PortalDocument::id)
                .doesNotContain(a.sharedDocument().id());

        // the page at a typed address says so, and shows no proposal
        UI.setCurrent(new UI());
        PortalProposalsView page = asBilling(() -> new PortalProposalsView(portal, portalProposals, loader, clock));
        assertThat(ids(page)).contains("portal-section-hidden");
        PortalProposalsView approverPage = asA(() -> new PortalProposalsView(portal, portalProposals, loader, clock));
        assertThat(ids(approverPage)).doesNotContain("portal-section-hidden");

        // the approver of the same client is not affected
        CustomerScope approver = viewer(a.username());
        assertThat(asA(() -> portalProposals.list(approver))).isNotEmpty();
        assertThat(asA(() -> portal.projects(approver))).extracting(PortalProject::id).contains(a.project().id());
    }

    @Test
    void aPolicyThatLeavesOutAProjectAlsoHidesItsProposalsAcceptancesAndInformationRequests() {
        DocumentVersion version = asManager(() -> documents.versions(a.sharedDocument().id())).get(0);
        Acceptance sent = asManager(() -> acceptances.send(version.id(), clock.instant().plus(Duration.ofDays(7))));
        InformationRequest draft = asManager(() -> infoRequests.createDraft(a.project().id(),
                new RequestDraft("Bank details roles-a", List.of(new RequestItemDraft(ItemKind.QUESTION,
                        "Which account should invoices name?", null)))));
        InformationRequest request = asManager(() -> infoRequests.send(draft.id()));
        var fee = ProposalTestData.fixedFee("Project fee roles-a", "900", LocalDate.now(clock).plusDays(30));
        fee.setProjectId(a.project().id());
        Proposal projectDraft = asManager(() -> proposals.create(a.client().id(), fee));
        Proposal projectProposal = asManager(() -> proposals.submit(projectDraft.id()));
        Proposal clientProposal = sentProposal();
        CustomerScope bill = viewer(billing);
        assertThat(asBilling(() -> portalProposals.list(bill))).extracting(x -> x.id())
                .contains(projectProposal.id(), clientProposal.id());
        assertThat(asBilling(() -> portalAcceptances.list(bill))).extracting(x -> x.id()).contains(sent.id());
        assertThat(asBilling(() -> portalRequests.list(bill))).extracting(x -> x.id()).contains(request.id());

        // every section, but none of the client's projects
        asManager(() -> access.savePolicy(billingId, new ContactPolicy(EnumSet.allOf(PortalSection.class),
                Set.of()), false));

        assertThat(asBilling(() -> portalAcceptances.list(bill))).extracting(x -> x.id()).doesNotContain(sent.id());
        assertThatThrownBy(() -> asBilling(() -> portalAcceptances.get(bill, sent.id())))
                .as("the direct address too").isInstanceOf(NoAccessException.class)
                .hasMessageContaining("this project");
        assertThat(asBilling(() -> portalRequests.list(bill))).extracting(x -> x.id())
                .doesNotContain(request.id());
        assertThatThrownBy(() -> asBilling(() -> portalRequests.get(bill, request.id())))
                .isInstanceOf(NoAccessException.class).hasMessageContaining("this project");
        assertThatThrownBy(() -> asBilling(() -> portalRequests.submit(bill, request.id(),
                java.util.Map.of(request.items().get(0).id(), "DE02 1203 0000 0000 2020 51"))))
                .isInstanceOf(NoAccessException.class);
        assertThat(asBilling(() -> portalProposals.list(bill))).extracting(x -> x.id())
                .as("the client's own proposal stays").contains(clientProposal.id())
                .doesNotContain(projectProposal.id());
        assertThatThrownBy(() -> asBilling(() -> portalProposals.get(bill, projectProposal.id())))
                .isInstanceOf(NoAccessException.class).hasMessageContaining("this project");
        assertThat(asBilling(() -> dashboard.waiting(bill))).extracting(PortalWaiting::id)
                .as("nothing of the hidden project waits on them").doesNotContain(request.id(), sent.id());

        // the approver, whose policy is the default, still has both
        CustomerScope approver = viewer(a.username());
        assertThat(asA(() -> portalAcceptances.list(approver))).extracting(x -> x.id()).contains(sent.id());
        assertThat(asA(() -> portalRequests.list(approver))).extracting(x -> x.id()).contains(request.id());
    }

    @Test
    void aPolicyThatLeavesNoDecisionMakerSeeingProposalsWarnsFirst() {
        PortalAccount maker = asManager(() -> access.addContact(a.client().id(), new PortalContactDraft(
                "Dora Decider", "dora-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
                PortalRole.DECISION_MAKER), false));
        ContactPolicy blind = new ContactPolicy(EnumSet.of(PortalSection.DOCUMENTS), null);
        // a not-invited decision maker does not count; invite-free: make her active in our table
        jdbc.update("update portal_account set status = 'ACTIVE' where id = ?", maker.id());

        assertThat(asManager(() -> access.policyLeavesNoDecider(maker.id(), blind))).isTrue();
        assertThatThrownBy(() -> asManager(() -> access.savePolicy(maker.id(), blind, false)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("policy",
                                "external.policy.warning.no-decider")));
        assertThat(asManager(() -> access.contact(maker.id())).policy().isDefault()).as("nothing saved").isTrue();
        // demoting her is the same
        assertThatThrownBy(() -> asManager(() -> access.editContact(maker.id(), new PortalContactDraft(
                maker.displayName(), maker.email(), PortalRole.OTHER), false)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(asManager(() -> access.contact(maker.id())).role()).isEqualTo(PortalRole.DECISION_MAKER);

        PortalAccount saved = asManager(() -> access.savePolicy(maker.id(), blind, true));
        assertThat(saved.policy().sections()).containsExactly(PortalSection.DOCUMENTS);
        assertThat(saved.policy().allProjects()).isTrue();
    }

    // ------------------------------------------------------------------------------------------- view as client

    @Test
    void viewAsClientWorksForAContactWhoNeverSignedInUnderTheirRoleAndPolicy() {
        sentProposal();
        PortalAccount notInvited = asManager(() -> access.addContact(a.client().id(), new PortalContactDraft(
                "Nia Newcomer", "nia-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
                PortalRole.BILLING), false));
        assertThat(notInvited.contactStatus()).isEqualTo(PortalContactStatus.NOT_INVITED);
        asManager(() -> access.savePolicy(notInvited.id(), new ContactPolicy(
                EnumSet.of(PortalSection.PROPOSALS, PortalSection.DOCUMENTS), null), false));

        CustomerScope preview = asManager(() -> portal.asContact(notInvited.id()));
        assertThat(preview.preview()).isTrue();
        assertThat(preview.displayName()).isEqualTo("Nia Newcomer");
        assertThat(asManager(() -> portalProposals.list(preview))).isNotEmpty();
        assertThat(asManager(() -> portal.mayDecide(preview))).isFalse();
        assertThat(asManager(() -> portal.sees(preview, PortalSection.MESSAGES))).isFalse();
        assertThatThrownBy(() -> asManager(() -> portal.projects(preview))).isInstanceOf(NoAccessException.class);
        assertThat(asManager(() -> portal.role(preview))).isEqualTo(PortalRole.BILLING);

        // only managers look as the client; a customer is no staff at all
        assertThatThrownBy(() -> asMember(() -> portal.asContact(notInvited.id())))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asA(() -> portal.asContact(notInvited.id())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anotherCustomersIdsAreRefused() {
        CustomerScope approver = viewer(a.username());
        // a policy naming another client's project can only narrow: it never opens that project
        asManager(() -> access.savePolicy(a.accountId(), new ContactPolicy(EnumSet.allOf(PortalSection.class),
                Set.of(b.project().id())), false));
        assertThat(asA(() -> portal.projects(approver))).isEmpty();
        assertThatThrownBy(() -> asA(() -> portal.project(approver, b.project().id())))
                .isInstanceOf(NotFoundException.class);
        // a customer cannot look as another customer's contact, nor as their own colleague
        assertThatThrownBy(() -> asA(() -> portal.asContact(b.accountId())))
                .isInstanceOf(AccessDeniedException.class);
        // a member who owns neither client cannot edit, narrow or remove another customer's contact
        assertThatThrownBy(() -> asMember(() -> access.removeContact(b.accountId())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asMember(() -> access.savePolicy(b.accountId(), ContactPolicy.ALL, true)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(access.mayUsePortal(b.username(), b.client().id())).isTrue();
    }

    @Test
    void theCompanyPageListsItsPortalContactsWithTheirStatus() {
        var listed = asManager(() -> clients.companyContacts(a.client().id()));
        assertThat(listed).filteredOn(p -> p.id() == null).extracting(p -> p.name(), p -> p.portalStatus())
                .contains(org.assertj.core.groups.Tuple.tuple("Bill Ledger", "ACTIVE"),
                        org.assertj.core.groups.Tuple.tuple("Test Customer roles-a", "ACTIVE"));
        assertThat(listed).allSatisfy(p -> assertThat(p.workspacePath() == null).isEqualTo(p.id() == null));
        assertThatThrownBy(() -> asMember(() -> clients.companyContacts(a.client().id())))
                .isInstanceOf(NoAccessException.class);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    Proposal sentProposal() {
        Proposal p = asManager(() -> proposals.create(a.client().id(),
                ProposalTestData.fixedFee("Roles " + UUID.randomUUID(), "1000", LocalDate.now(clock).plusDays(30))));
        return asManager(() -> proposals.submit(p.id()));
    }

    PortalProposalPages proposalPages(CustomerScope viewer) {
        Component host = new com.vaadin.flow.component.html.Div();
        return new PortalProposalPages(portalProposals, new PortalPages(portal, loader, clock, viewer, host), viewer,
                host);
    }

    CustomerScope viewer(String username) {
        return asCustomer(username, a.client().id(), () -> portal.current().orElseThrow());
    }

    <T> T asA(Supplier<T> work) {
        return asCustomer(a.username(), a.client().id(), work);
    }

    <T> T asBilling(Supplier<T> work) {
        return asCustomer(billing, a.client().id(), work);
    }

    static List<String> ids(Component root) {
        List<String> ids = new java.util.ArrayList<>();
        collect(root, ids);
        return ids;
    }

    private static void collect(Component c, List<String> ids) {
        c.getId().ifPresent(ids::add);
        c.getChildren().forEach(child -> collect(child, ids));
    }
}
