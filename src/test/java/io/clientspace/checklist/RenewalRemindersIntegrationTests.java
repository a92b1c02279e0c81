package io.clientspace.checklist;

import static io.clientspace.support.Actors.asManager;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.client.Client;
import io.clientspace.client.ClientDraft;
import io.clientspace.client.ClientService;
import io.clientspace.devservices.DevServices;
import io.clientspace.devservices.TestClock;
import io.clientspace.document.ClientDocument;
import io.clientspace.document.DocumentService;
import io.clientspace.document.DocumentType;
import io.clientspace.document.DocumentVersion;
import io.clientspace.portal.PortalTestData;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.WorkScope;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.task.WorkTask;
import io.clientspace.task.WorkTaskService;
import io.clientspace.workspace.ReviewService;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The renewal of required documents against the real database, engine and mail server (DD033): a provided power of
 * attorney turns expiring and reminds the client's owner once, with a task and a mail; then it expires, which reminds
 * again and flags the checklist; a new final version ends it, and nothing reminds any more.
 */
@ClientspaceIntegrationTest
class RenewalRemindersIntegrationTests {

    @Autowired
    RenewalReminders reminders;
    @Autowired
    ChecklistService checklists;
    @Autowired
    ClientService clients;
    @Autowired
    DocumentService documents;
    @Autowired
    WorkTaskService tasks;
    @Autowired
    ReviewService reviews;
    @Autowired
    StaffDirectory staff;
    @Autowired
    PortalTestData data;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anExpiringDocumentRemindsTheOwnerOnceAndAnExpiredOneIsFlagged() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        Requirement attorney = asManager(() -> checklists.saveRequirement(null, 0, new RequirementDraft(
                "Power of attorney " + marker, DocumentType.OTHER, "P1Y", ProvidedBy.CLIENT)));
        String tag = "renewing " + marker;
        asManager(() -> checklists.saveTemplate(null, 0, new TemplateDraft("Renewing " + marker, null, tag,
                List.of(attorney.id()))));
        PortalTestData.World w = data.world("rn" + marker);
        Client client = w.client();
        ClientDraft d = ClientDraft.of(client);
        d.setTags(List.of("test", tag));
        asManager(() -> clients.update(client.id(), d, true));
        WorkScope scope = WorkScope.client(client.id());

        ClientDocument poa = asManager(() -> documents.create(scope, attorney.name(), DocumentType.OTHER,
                "poa.pdf", PortalTestData.pdf("poa " + marker)));
        DocumentVersion v1 = asManager(() -> documents.versions(poa.id())).get(0);
        asManager(() -> documents.markFinal(poa.id(), v1.id(), poa.version()));

        // provided a year ago minus ten days: its renewal is due in ten days
        uploadedAt(v1.id(), ZonedDateTime.now().minusYears(1).plusDays(10).toInstant());
        assertThat(state(scope, attorney)).isEqualTo(RequirementState.EXPIRING);
        reminders.remindDue();

        assertThat(reminderStates(attorney)).containsExactly("EXPIRING");
        List<WorkTask> renewTasks = renewTasks(client, attorney);
        assertThat(renewTasks).singleElement().satisfies(t -> {
            assertThat(t.assignee()).isEqualTo("manager");
            assertThat(t.due()).isNotNull();
            assertThat(Duration.between(Instant.now(), t.due().atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))
                    .isBetween(Duration.ofDays(8), Duration.ofDays(11));
        });
        String ownerMail = staff.find("manager").orElseThrow().email();
        MimeMessage expiring = DevServices.mail().awaitMessage(ownerMail, attorney.name() + " of " + client.name()
                + " is due for renewal", Duration.ofSeconds(20)).orElseThrow();
        assertThat(expiring.getContent().toString()).contains(attorney.name(), "?tab=" + ChecklistNavigation.TAB);

        // the next run, here or on another node, reminds no more
        reminders.remindDue();
        assertThat(reminderStates(attorney)).containsExactly("EXPIRING");
        assertThat(renewTasks(client, attorney)).hasSize(1);

        // eleven days on, a day past the renewal date: expired, flagged on the checklist, and the owner hears once
        // more by mail; the task they have stands, no second one
        try (TestClock.Unpin later = TestClock.pin(Instant.now().plus(Duration.ofDays(11)))) {
            assertThat(state(scope, attorney)).isEqualTo(RequirementState.EXPIRED);
            reminders.remindDue();
            reminders.remindDue();
            assertThat(reminderStates(attorney)).containsExactlyInAnyOrder("EXPIRING", "EXPIRED");
            assertThat(renewTasks(client, attorney)).hasSize(1);
            assertThat(asManager(() -> reviews.review(client.id())).keyDocuments().needingAction())
                    .extracting(RequiredDocuments.Line::name).contains(attorney.name());
        }
        MimeMessage expired = DevServices.mail().awaitMessage(ownerMail, attorney.name() + " of " + client.name()
                + " has expired", Duration.ofSeconds(20)).orElseThrow();
        assertThat(expired.getContent().toString()).contains(attorney.name());

        // a new final version: provided again, nothing more to remind of, and the flag is gone
        DocumentVersion v2 = asManager(() -> documents.addVersion(poa.id(), "poa-renewed.pdf",
                PortalTestData.pdf("poa renewed " + marker), "renewed"));
        asManager(() -> documents.markFinal(poa.id(), v2.id(), documents.get(poa.id()).version()));
        assertThat(state(scope, attorney)).isEqualTo(RequirementState.PROVIDED);
        reminders.remindDue();
        assertThat(reminderStates(attorney)).hasSize(2);
        assertThat(asManager(() -> reviews.review(client.id())).keyDocuments().needingAction())
                .extracting(RequiredDocuments.Line::name).doesNotContain(attorney.name());
    }

    private RequirementState state(WorkScope scope, Requirement requirement) {
        return asManager(() -> checklists.requiredDocuments(scope)).lines().stream()
                .filter(l -> requirement.name().equals(l.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + requirement.name())).state();
    }

    private List<String> reminderStates(Requirement requirement) {
        return jdbc.queryForList("select state from checklist_renewal_reminder where requirement_id = ?",
                String.class, requirement.id());
    }

    private List<WorkTask> renewTasks(Client client, Requirement requirement) {
        return asManager(() -> tasks.openForClient(client.id())).stream()
                .filter(t -> t.title().equals("Renew: " + requirement.name())).toList();
    }

    private void uploadedAt(UUID versionId, Instant when) {
        jdbc.update("update document_version set uploaded_at = ? where id = ?", Timestamp.from(when), versionId);
    }
}
