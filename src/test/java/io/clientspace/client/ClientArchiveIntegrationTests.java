package io.clientspace.client;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.deal.Deal;
import io.clientspace.deal.DealDraft;
import io.clientspace.deal.DealService;
import io.clientspace.deal.DealStage;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.PortalAccount;
import io.clientspace.inforequest.InformationRequest;
import io.clientspace.inforequest.InformationRequestService;
import io.clientspace.inforequest.ItemKind;
import io.clientspace.inforequest.RequestDraft;
import io.clientspace.inforequest.RequestItemDraft;
import io.clientspace.inforequest.RequestStatus;
import io.clientspace.portal.PortalTestData;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.timeline.TimelineEntry;
import io.clientspace.timeline.TimelineService;
import io.clientspace.workspace.ReviewService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Archiving a client closes its open work through each module and keeps every record; unarchiving brings it back. */
@ClientspaceIntegrationTest
class ClientArchiveIntegrationTests {

    /** Per table, how to count the rows that belong to one client. */
    static final Map<String, String> RECORDS = new LinkedHashMap<>();

    static {
        RECORDS.put("client", "select count(*) from client where id = ?");
        RECORDS.put("client_tag", "select count(*) from client_tag where client_id = ?");
        RECORDS.put("client_project", "select count(*) from client_project where client_id = ?");
        RECORDS.put("deal", "select count(*) from deal where client_id = ?");
        RECORDS.put("work_task", "select count(*) from work_task where client_id = ?");
        RECORDS.put("stored_file", "select count(*) from stored_file where client_id = ?");
        RECORDS.put("document", "select count(*) from document where client_id = ?");
        RECORDS.put("document_version", "select count(*) from document_version v join document d"
                + " on d.id = v.document_id where d.client_id = ?");
        RECORDS.put("portal_account", "select count(*) from portal_account where client_id = ?");
        RECORDS.put("info_request", "select count(*) from info_request where client_id = ?");
        RECORDS.put("info_request_item", "select count(*) from info_request_item i join info_request r"
                + " on r.id = i.request_id where r.client_id = ?");
    }

    @Autowired
    ClientService clients;
    @Autowired
    DealService deals;
    @Autowired
    InformationRequestService requests;
    @Autowired
    ExternalAccessService access;
    @Autowired
    TimelineService timeline;
    @Autowired
    ReviewService review;
    @Autowired
    PortalTestData portal;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;

    PortalTestData.World world;
    @Autowired
    io.clientspace.task.WorkTaskService tasks;
    Deal openDeal;
    io.clientspace.task.WorkTask openTask;
    InformationRequest sentRequest;
    InformationRequest draftRequest;

    @BeforeEach
    void aClientWithOpenWork() {
        world = portal.world("archive");
        UUID clientId = world.client().id();
        openDeal = asManager(() -> deals.create(clientId, deal("Retainer 2027")));
        var task = new io.clientspace.task.TaskDraft();
        task.setTitle("Return the archive box keys");
        task.setAssignee("manager");
        task.setDue(java.time.LocalDate.now().plusDays(3));
        task.setPriority(io.clientspace.task.TaskPriority.NORMAL);
        openTask = asManager(() -> tasks.create(clientId, task));
        sentRequest = asManager(() -> requests.send(requests.createDraft(world.project().id(),
                request("Brand assets")).id()));
        draftRequest = asManager(() -> requests.createDraft(world.project().id(), request("Hosting access")));
    }

    @Test
    void archiveAndUnarchiveKeepEveryRecordAndOnlyTheListsChange() {
        UUID id = world.client().id();
        Map<String, Long> before = records(id);
        long timelineBefore = timelineCount(id);
        String name = world.client().name();
        assertThat(asManager(() -> clients.search(name, null, ClientService.SortField.NAME, true, 0, 10)))
                .extracting(ClientSummary::id).containsExactly(id);

        ClientArchivePreview preview = asManager(() -> clients.archivePreview(id));
        assertThat(preview.consequences()).extracting(ArchiveConsequence::messageKey)
                .contains("deal.archive.consequence", "inforequest.archive.consequence",
                        "external.archive.consequence", "task.archive.consequence");
        assertThat(preview.consequences()).filteredOn(c -> c.messageKey().equals("task.archive.consequence"))
                .singleElement().satisfies(c -> assertThat(c.items()).as("the client's and its projects' open tasks")
                        .contains("Return the archive box keys").hasSize(
                                asManager(() -> tasks.openForClient(id)).stream()
                                        .filter(t -> !t.isProcessStep()).toList().size()));
        assertThat(preview.consequences()).filteredOn(c -> c.messageKey().equals("deal.archive.consequence"))
                .singleElement().satisfies(c -> assertThat(c.items()).containsExactly("Retainer 2027"));
        assertThat(records(id)).as("the preview changes nothing").isEqualTo(before);

        Client archived = asManager(() -> clients.archive(id, world.client().version(), "client archived"));

        assertThat(archived.archived()).isTrue();
        assertThat(records(id)).as("every record is kept").isEqualTo(before);
        assertThat(timelineCount(id)).as("the timeline only grows").isGreaterThan(timelineBefore);
        // it leaves lists, search and counters
        assertThat(asManager(() -> clients.search(name, null, ClientService.SortField.NAME, true, 0, 10))).isEmpty();
        assertThat(asManager(() -> clients.count(name, null))).isZero();
        assertThat(asManager(() -> clients.ownedByCurrentUser())).extracting(ClientRef::id).doesNotContain(id);
        assertThat(asManager(() -> review.myClientsNeedingAttention()))
                .noneMatch(a -> a.client().id().equals(id));
        // and stays readable under "Archived"
        assertThat(asManager(() -> clients.search(name, null, true, ClientService.SortField.NAME, true, 0, 10)))
                .extracting(ClientSummary::id).containsExactly(id);
        assertThat(asManager(() -> clients.count(name, null, true))).isEqualTo(1);
        assertThat(asManager(() -> clients.get(id)).archived()).isTrue();
        // its open work was closed by each module
        Deal lost = asManager(() -> deals.get(openDeal.id()));
        assertThat(lost.stage()).isEqualTo(DealStage.LOST);
        assertThat(lost.closeReason()).isEqualTo("client archived");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(openDeal.id().toString())
                .count()).as("the deal's process ended").isZero();
        assertThat(asManager(() -> requests.get(sentRequest.id())).status()).isEqualTo(RequestStatus.CANCELLED);
        assertThat(asManager(() -> requests.get(draftRequest.id())).status()).isEqualTo(RequestStatus.CANCELLED);
        io.clientspace.task.WorkTask cancelled = asManager(() -> tasks.get(openTask.id()));
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.cancelReason()).isEqualTo("client archived");
        assertThat(asManager(() -> tasks.openForClient(id))).as("it left every inbox").isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(openTask.id().toString())
                .count()).as("the task's ad-hoc-task process ended").isZero();
        assertThat(asManager(() -> access.forClient(id))).extracting(PortalAccount::status)
                .containsOnly("REVOKED");
        assertThat(asManager(() -> timeline.forClient(id, 0))).extracting(TimelineEntry::kind)
                .contains("CLIENT_ARCHIVED", "EXTERNAL_REVOKED");

        Client back = asManager(() -> clients.unarchive(id, archived.version()));

        assertThat(back.archived()).isFalse();
        assertThat(records(id)).isEqualTo(before);
        assertThat(asManager(() -> clients.search(name, null, ClientService.SortField.NAME, true, 0, 10)))
                .extracting(ClientSummary::id).containsExactly(id);
        assertThat(asManager(() -> clients.count(name, null, true))).isZero();
        assertThat(asManager(() -> deals.get(openDeal.id())).stage()).as("deals stay lost").isEqualTo(DealStage.LOST);
        assertThat(asManager(() -> timeline.forClient(id, 0))).extracting(TimelineEntry::kind)
                .contains("CLIENT_UNARCHIVED");
    }

    @Test
    void anArchivedClientCannotBeEditedUntilItIsBack() {
        UUID id = world.client().id();
        Client archived = asManager(() -> clients.archive(id, world.client().version(), "client archived"));
        ClientDraft edit = ClientDraft.of(archived);
        edit.setCity("Hamburg");

        assertThatThrownBy(() -> asManager(() -> clients.update(id, edit, false)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("client.error.archived"));
        assertThat(asManager(() -> clients.get(id)).city()).isEqualTo(world.client().city());
    }

    @Test
    void aStalePreviewArchivesNothing() {
        UUID id = world.client().id();
        Client current = world.client();
        ClientDraft edit = ClientDraft.of(current);
        edit.setCity("Leipzig");
        asManager(() -> clients.update(id, edit, false));
        Map<String, Long> before = records(id);

        assertThatThrownBy(() -> asManager(() -> clients.archive(id, current.version(), "client archived")))
                .isInstanceOf(StaleDataException.class);
        assertThat(asManager(() -> clients.get(id)).archived()).isFalse();
        assertThat(asManager(() -> deals.get(openDeal.id())).stage()).isEqualTo(DealStage.NEW);
        assertThat(records(id)).isEqualTo(before);
    }

    @Test
    void aMemberWhoMayNotOpenTheClientCanNeitherPreviewNorArchiveNorUnarchive() {
        UUID id = world.client().id();
        long version = world.client().version();

        assertThatThrownBy(() -> asMember(() -> clients.archivePreview(id))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> clients.archive(id, version, "client archived")))
                .isInstanceOf(NoAccessException.class);
        assertThat(asManager(() -> clients.get(id)).archived()).isFalse();
        Client archived = asManager(() -> clients.archive(id, version, "client archived"));
        assertThatThrownBy(() -> asMember(() -> clients.unarchive(id, archived.version())))
                .isInstanceOf(NoAccessException.class);
        assertThat(asManager(() -> clients.get(id)).archived()).isTrue();
    }

    private Map<String, Long> records(UUID clientId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        RECORDS.forEach((table, sql) -> counts.put(table, jdbc.queryForObject(sql, Long.class, clientId)));
        return counts;
    }

    private long timelineCount(UUID clientId) {
        return jdbc.queryForObject("select count(*) from timeline_entry where client_id = ?", Long.class, clientId);
    }

    private static DealDraft deal(String title) {
        DealDraft d = new DealDraft();
        d.setTitle(title);
        d.setAmount(new BigDecimal("12000"));
        d.setCurrency("EUR");
        d.setExpectedClose(LocalDate.now().plusMonths(1));
        d.setOwner("manager");
        d.setNextStep("Send the offer");
        d.setNextStepDue(LocalDate.now().plusDays(2));
        return d;
    }

    private static RequestDraft request(String title) {
        return new RequestDraft(title, List.of(
                new RequestItemDraft(ItemKind.QUESTION, "Which colours do you use?", LocalDate.now().plusDays(7))));
    }
}
