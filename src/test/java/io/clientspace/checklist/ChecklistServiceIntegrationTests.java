package io.clientspace.checklist;

import static io.clientspace.support.Actors.asCustomer;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.Client;
import io.clientspace.client.ClientDraft;
import io.clientspace.client.ClientKind;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.document.ClientDocument;
import io.clientspace.document.DocumentService;
import io.clientspace.document.DocumentType;
import io.clientspace.document.DocumentVersion;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.inforequest.InformationRequest;
import io.clientspace.inforequest.InformationRequestService;
import io.clientspace.inforequest.ItemKind;
import io.clientspace.inforequest.RequestItem;
import io.clientspace.inforequest.RequestStatus;
import io.clientspace.portal.PortalRequests;
import io.clientspace.portal.PortalTestData;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.WorkScope;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Required documents against the real database, storage, engine and portal: templates by tag and kind, a manager's
 * overrides, states derived from documents and renewal, one request from the client in one click, the accepted upload
 * that provides an item, bad input, and who may see and change a list.
 */
@ClientspaceIntegrationTest
class ChecklistServiceIntegrationTests {

    @Autowired
    ChecklistService checklists;
    @Autowired
    ClientService clients;
    @Autowired
    DocumentService documents;
    @Autowired
    InformationRequestService requests;
    @Autowired
    PortalRequests portalRequests;
    @Autowired
    PortalTestData data;
    @Autowired
    io.clientspace.portal.PortalService portal;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    String marker;
    String tag;
    Requirement attorney;
    Requirement statement;
    Requirement engagement;

    /** Firm-wide data is shared by every test: each test's requirements and tag carry a marker of its own. */
    @BeforeEach
    void aCatalogueWithATaxTemplate() {
        marker = UUID.randomUUID().toString().substring(0, 6);
        tag = "tax client " + marker;
        attorney = asManager(() -> checklists.saveRequirement(null, 0, new RequirementDraft(
                "Power of attorney " + marker, DocumentType.OTHER, "P1Y", ProvidedBy.CLIENT)));
        statement = asManager(() -> checklists.saveRequirement(null, 0, new RequirementDraft(
                "Annual statement " + marker, DocumentType.OTHER, null, ProvidedBy.CLIENT)));
        engagement = asManager(() -> checklists.saveRequirement(null, 0, new RequirementDraft(
                "Engagement letter " + marker, DocumentType.OTHER, "", ProvidedBy.FIRM)));
        asManager(() -> checklists.saveTemplate(null, 0, new TemplateDraft("Tax " + marker, null, tag,
                List.of(attorney.id(), statement.id(), engagement.id()))));
    }

    @Test
    void aTaggedClientGetsTheTemplatesItemsAndAManagersOverridesStay() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        WorkScope scope = WorkScope.client(client.id());
        // the default template: the trio that was fixed in code, for every client
        assertThat(names(scope)).containsExactly("Act", "Contract", "Invoice");

        Client tagged = tag(client, tag.toUpperCase());
        assertThat(tagged.tags()).contains(tag.toUpperCase());
        assertThat(names(scope)).containsExactly("Act", statement.name(), "Contract",
                engagement.name(), "Invoice", attorney.name());

        // a manager removes one for this workspace: the template does not bring it back
        ChecklistItem letter = item(scope, engagement.name());
        asManager(() -> checklists.removeItem(scope, letter.id()));
        asManager(() -> checklists.removeItem(scope, letter.id()));
        assertThat(names(scope)).doesNotContain(engagement.name());
        // and adds one by hand from the catalogue, or the removed one back
        Requirement extra = asManager(() -> checklists.saveRequirement(null, 0, new RequirementDraft(
                "Trade register extract " + marker, DocumentType.OTHER, "P6M", ProvidedBy.CLIENT)));
        asManager(() -> checklists.addItem(scope, extra.id()));
        asManager(() -> checklists.addItem(scope, engagement.id()));
        assertThat(names(scope)).contains(extra.name(), engagement.name());
        assertThat(item(scope, extra.name()).fromTemplate()).isFalse();
        assertThatThrownBy(() -> asManager(() -> checklists.addItem(scope, extra.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("checklist.error.already-listed"));

        // the tag goes: the template's untouched items leave, the manager's own stay
        tag(tagged, null);
        assertThat(names(scope)).doesNotContain(attorney.name(), statement.name())
                .contains(extra.name(), engagement.name());

        // a template by kind: contacts only
        Requirement id = asManager(() -> checklists.saveRequirement(null, 0, new RequirementDraft(
                "Passport copy " + marker, DocumentType.OTHER, null, ProvidedBy.CLIENT)));
        String kindTag = "key account " + marker;
        asManager(() -> checklists.saveTemplate(null, 0, new TemplateDraft("Persons " + marker, ClientKind.CONTACT,
                kindTag, List.of(id.id()))));
        tag(asManager(() -> clients.get(client.id())), kindTag);
        assertThat(names(scope)).doesNotContain(id.name());
        ClientDraft person = ClientTestData.contact("manager", null);
        person.setTags(List.of(kindTag));
        Client contact = asManager(() -> clients.create(person, false));
        assertThat(names(WorkScope.client(contact.id()))).contains(id.name());
    }

    @Test
    void statesFollowTheDocumentsAndTheRenewalPeriod() throws Exception {
        PortalTestData.World w = data.world("cl" + marker);
        tag(w.client(), tag);
        WorkScope scope = w.project().scope();
        assertThat(item(scope, attorney.name()).state()).isEqualTo(RequirementState.MISSING);
        // the world's contract has no final version yet
        assertThat(item(scope, "Contract").state()).isEqualTo(RequirementState.MISSING);
        long before = asManager(() -> checklists.countNeedingAction(scope));

        ClientDocument contract = w.sharedDocument();
        DocumentVersion v1 = asManager(() -> documents.versions(contract.id())).get(0);
        asManager(() -> documents.markFinal(contract.id(), v1.id(), contract.version()));
        assertThat(item(scope, "Contract").state()).isEqualTo(RequirementState.PROVIDED);
        assertThat(item(scope, "Contract").documentId()).isEqualTo(contract.id());

        // a document titled as the requirement satisfies it once it has a final version
        ClientDocument poa = asManager(() -> documents.create(scope, attorney.name(), DocumentType.OTHER,
                "poa.pdf", PortalTestData.pdf("poa")));
        assertThat(item(scope, attorney.name()).state()).isEqualTo(RequirementState.MISSING);
        DocumentVersion poaV1 = asManager(() -> documents.versions(poa.id())).get(0);
        asManager(() -> documents.markFinal(poa.id(), poaV1.id(), poa.version()));
        ChecklistItem provided = item(scope, attorney.name());
        assertThat(provided.state()).isEqualTo(RequirementState.PROVIDED);
        assertThat(provided.renewBy()).isNotNull();
        assertThat(asManager(() -> checklists.countNeedingAction(scope))).isEqualTo(before - 2);

        // renewal: P1Y after the final version's upload; expiring in the last 30 days, expired from the day on
        uploadedAgo(poaV1.id(), ZonedDateTime.now().minusYears(1).plusDays(10).toInstant());
        ChecklistItem expiring = item(scope, attorney.name());
        assertThat(expiring.state()).isEqualTo(RequirementState.EXPIRING);
        assertThat(Duration.between(Instant.now(), expiring.renewBy())).isBetween(Duration.ofDays(9),
                Duration.ofDays(11));
        assertThat(asManager(() -> checklists.countNeedingAction(scope))).isEqualTo(before - 2);

        uploadedAgo(poaV1.id(), ZonedDateTime.now().minusYears(1).minusDays(1).toInstant());
        assertThat(item(scope, attorney.name()).state()).isEqualTo(RequirementState.EXPIRED);
        // an expired item is a flag again
        assertThat(asManager(() -> checklists.countNeedingAction(scope))).isEqualTo(before - 1);
    }

    @Test
    void requestFromClientMakesOneRequestAndTheAcceptedUploadProvidesTheItem() throws Exception {
        PortalTestData.World w = data.world("rq" + marker);
        tag(w.client(), tag);
        WorkScope scope = w.project().scope();

        InformationRequest sent = asManager(() -> checklists.requestFromClient(scope, null, "Required documents"));
        // the client's two missing items, in one request; the firm's engagement letter is not asked for
        assertThat(sent.status()).isEqualTo(RequestStatus.SENT);
        assertThat(sent.items()).extracting(RequestItem::prompt)
                .containsExactlyInAnyOrder(attorney.name(), statement.name());
        assertThat(sent.items()).allMatch(i -> i.kind() == ItemKind.FILE);
        assertThat(asManager(() -> requests.inProject(w.project().id()))).singleElement()
                .extracting(InformationRequest::id).isEqualTo(sent.id());
        assertThat(item(scope, attorney.name()).state()).isEqualTo(RequirementState.REQUESTED);
        assertThat(item(scope, attorney.name()).requestId()).isEqualTo(sent.id());
        assertThat(item(scope, engagement.name()).state()).isEqualTo(RequirementState.MISSING);

        // nothing the client provides is missing now: a second click is refused and sends nothing
        assertThatThrownBy(() -> asManager(() -> checklists.requestFromClient(scope, null, "Again")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("checklist.error.nothing-missing"));
        assertThat(asManager(() -> requests.inProject(w.project().id()))).hasSize(1);

        RequestItem poaItem = sent.items().stream().filter(i -> i.prompt().equals(attorney.name())).findFirst()
                .orElseThrow();
        CustomerScope viewer = asCustomer(w.username(), w.client().id(),
                () -> portal.current().orElseThrow());
        asCustomer(w.username(), w.client().id(), () -> portalRequests.upload(viewer, sent.id(), poaItem.id(),
                "vollmacht.pdf", PortalTestData.pdf("signed poa")));
        Map<UUID, String> answers = new HashMap<>();
        answers.put(poaItem.id(), null);
        asCustomer(w.username(), w.client().id(), () -> portalRequests.submit(viewer, sent.id(), answers));
        // submitted but not accepted: still requested
        assertThat(item(scope, attorney.name()).state()).isEqualTo(RequirementState.REQUESTED);

        asManager(() -> requests.accept(poaItem.id()));
        ChecklistItem provided = item(scope, attorney.name());
        assertThat(provided.state()).isEqualTo(RequirementState.PROVIDED);
        assertThat(provided.versionNumber()).isEqualTo(1);
        ClientDocument doc = asManager(() -> documents.get(provided.documentId()));
        assertThat(doc.title()).isEqualTo(attorney.name());
        assertThat(doc.projectId()).isEqualTo(w.project().id());
        assertThat(doc.finalVersion()).isEqualTo(1);
        DocumentVersion version = asManager(() -> documents.versions(doc.id())).get(0);
        assertThat(version.fileName()).isEqualTo("vollmacht.pdf");
        assertThat(version.isFinal()).isTrue();
        // the bytes are the document's own copy: its link works
        assertThat(asManager(() -> documents.downloadLink(version.id()))).contains(doc.id().toString());
        assertThat(item(scope, statement.name()).state()).isEqualTo(RequirementState.REQUESTED);

        // cancelling the request puts what it still asked for back to missing
        asManager(() -> requests.cancel(sent.id()));
        assertThat(item(scope, statement.name()).state()).isEqualTo(RequirementState.MISSING);
        assertThat(item(scope, attorney.name()).state()).isEqualTo(RequirementState.PROVIDED);
    }

    @Test
    void aRequestNeedsASharedProjectAndSomethingMissing() {
        PortalTestData.World w = data.world("ns" + marker);
        tag(w.client(), tag);
        // the client's own list goes through one of its projects; the hidden one is not shared
        WorkScope clientScope = WorkScope.client(w.client().id());
        assertThat(asManager(() -> checklists.requestProjects(clientScope))).extracting(p -> p.id())
                .containsExactly(w.project().id());
        assertThatThrownBy(() -> asManager(() -> checklists.requestFromClient(clientScope, null, "Docs")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("checklist.error.project-required"));
        assertThatThrownBy(() -> asManager(() -> checklists.requestFromClient(w.hiddenProject().scope(), null,
                "Docs")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).contains("inforequest.blockers.NOT_SHARED"));
        // refused: no draft is left behind, nothing is marked requested
        assertThat(asManager(() -> requests.inProject(w.hiddenProject().id()))).isEmpty();
        assertThat(item(w.hiddenProject().scope(), attorney.name()).state()).isEqualTo(RequirementState.MISSING);

        InformationRequest sent = asManager(() -> checklists.requestFromClient(clientScope, w.project().id(),
                "Docs"));
        assertThat(sent.projectId()).isEqualTo(w.project().id());
        assertThat(item(clientScope, attorney.name()).state()).isEqualTo(RequirementState.REQUESTED);
    }

    @Test
    void badInputIsRefusedWithWhatWasTyped() {
        assertThatThrownBy(() -> asManager(() -> checklists.saveRequirement(null, 0, new RequirementDraft(
                "Proxy " + marker, DocumentType.OTHER, "yearly", ProvidedBy.CLIENT))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.messageKey()).isEqualTo("checklist.error.renewal-invalid");
                            assertThat(p.args()).containsExactly("yearly");
                        }));
        assertThatThrownBy(() -> asManager(() -> checklists.saveRequirement(null, 0, new RequirementDraft(
                "Proxy " + marker, DocumentType.OTHER, "P-1Y", ProvidedBy.CLIENT))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> asManager(() -> checklists.saveRequirement(null, 0, new RequirementDraft(
                attorney.name().toUpperCase(), DocumentType.OTHER, null, ProvidedBy.CLIENT))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("checklist.error.name-taken"));
        assertThatThrownBy(() -> asManager(() -> checklists.saveTemplate(null, 0, new TemplateDraft(
                "Empty " + marker, null, "x", List.of()))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("checklist.error.template-empty"));
        assertThat(asManager(() -> checklists.templates())).noneMatch(t -> t.name().equals("Empty " + marker));
    }

    @Test
    void aMemberWhoMayNotOpenTheClientSeesNoListAndOnlyManagersChangeTheCatalogue() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        WorkScope scope = WorkScope.client(client.id());
        assertThatThrownBy(() -> asMember(() -> checklists.items(scope))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> checklists.countNeedingAction(scope)))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> checklists.addItem(scope, attorney.id())))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> checklists.saveRequirement(null, 0, new RequirementDraft(
                "By a member " + marker, DocumentType.OTHER, null, ProvidedBy.CLIENT))))
                .isInstanceOf(NoAccessException.class);

        // a member who owns a client reads its list but does not change the firm's catalogue
        Client own = asManager(() -> clients.create(ClientTestData.company("member"), false));
        assertThat(asMember(() -> checklists.items(WorkScope.client(own.id())))).isNotEmpty();
        assertThat(asMember(() -> checklists.canManageCatalogue())).isFalse();
    }

    @Test
    void theKeyDocumentsLineShowsATemplatedClientsRequirementsAndTheTrioWithoutAny() throws Exception {
        PortalTestData.World w = data.world("kl" + marker);
        tag(w.client(), tag);
        WorkScope scope = WorkScope.client(w.client().id());
        ClientDocument poa = asManager(() -> documents.create(scope, attorney.name(), DocumentType.OTHER,
                "poa.pdf", PortalTestData.pdf("poa")));
        DocumentVersion v1 = asManager(() -> documents.versions(poa.id())).get(0);
        asManager(() -> documents.markFinal(poa.id(), v1.id(), poa.version()));

        RequiredDocuments line = asManager(() -> checklists.requiredDocuments(scope));
        assertThat(line.defaultTrio()).isFalse();
        assertThat(line.lines()).extracting(RequiredDocuments.Line::name)
                .contains(attorney.name(), statement.name(), engagement.name(), "Contract");
        assertThat(state(line, attorney.name())).isEqualTo(RequirementState.PROVIDED);
        assertThat(state(line, statement.name())).isEqualTo(RequirementState.MISSING);
        assertThat(line.needingAction()).extracting(RequiredDocuments.Line::name)
                .contains(statement.name()).doesNotContain(attorney.name());

        // a client no template and no item gives a list: contract, invoice and act, as before
        Client plain = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            jdbc.update("delete from checklist_template_requirement where template_id not in"
                    + " (select id from checklist_template where tag is not null)");
            RequiredDocuments trio = asManager(() -> checklists.requiredDocuments(WorkScope.client(plain.id())));
            assertThat(trio.defaultTrio()).isTrue();
            assertThat(trio.lines()).extracting(RequiredDocuments.Line::type, RequiredDocuments.Line::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(DocumentType.CONTRACT, RequirementState.MISSING),
                            org.assertj.core.groups.Tuple.tuple(DocumentType.INVOICE, RequirementState.MISSING),
                            org.assertj.core.groups.Tuple.tuple(DocumentType.ACT, RequirementState.MISSING));
        });
    }

    private static RequirementState state(RequiredDocuments line, String name) {
        return line.lines().stream().filter(l -> name.equals(l.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + name + " in " + line)).state();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private List<String> names(WorkScope scope) {
        return asManager(() -> checklists.items(scope)).stream().map(ChecklistItem::name).toList();
    }

    private ChecklistItem item(WorkScope scope, String name) {
        List<ChecklistItem> items = asManager(() -> checklists.items(scope));
        // the checklist's key-documents line, read without materialising, agrees with the list
        assertThat(asManager(() -> checklists.requiredDocuments(scope)).lines())
                .extracting(RequiredDocuments.Line::name, RequiredDocuments.Line::state)
                .containsExactlyElementsOf(items.stream()
                        .map(i -> org.assertj.core.groups.Tuple.tuple(i.name(), i.state())).toList());
        return items.stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + name + " in " + names(scope)));
    }

    private Client tag(Client client, String newTag) {
        ClientDraft d = ClientDraft.of(client);
        d.setTags(newTag == null ? List.of("test") : List.of("test", newTag));
        return asManager(() -> clients.update(client.id(), d, true));
    }

    private void uploadedAgo(UUID versionId, Instant when) {
        jdbc.update("update document_version set uploaded_at = ? where id = ?", Timestamp.from(when), versionId);
    }

}
