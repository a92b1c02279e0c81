package io.clientspace.portal;

import io.clientspace.conversation.ProjectComment;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.conversation.ProjectConversationService;
import io.clientspace.security.RateLimitProperties;
import io.clientspace.devservices.DevServices;
import io.clientspace.security.StaffDirectory;
import java.math.BigDecimal;
import java.time.Duration;
import static io.clientspace.support.Actors.asCustomer;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.document.DocumentService;
import io.clientspace.file.FileService;
import io.clientspace.project.ProjectService;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.task.CustomerTask;
import io.clientspace.task.TimeEntryDraft;
import io.clientspace.task.WorkTaskService;
import io.clientspace.timeline.TimelineEntry;
import io.clientspace.timeline.TimelineService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * The portal's reads and actions against the real database and storage, as an attacker would try them: customer A
 * with customer B's ids, with B's viewer, as staff and anonymously. Every attempt is refused and returns nothing.
 */
@ClientspaceIntegrationTest
class PortalServiceIntegrationTests {

    @Autowired
    PortalService portal;
    @Autowired
    PortalTestData data;
    @Autowired
    ProjectService projects;
    @Autowired
    DocumentService documents;
    @Autowired
    FileService files;
    @Autowired
    WorkTaskService tasks;
    @Autowired
    TimelineService timeline;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    StaffDirectory staff;
    @Autowired
    RateLimitProperties rateLimits;
    @Autowired
    ProjectConversationService conversation;

    PortalTestData.World a;
    PortalTestData.World b;

    @BeforeEach
    void twoCustomers() {
        a = data.world("alpha");
        b = data.world("bravo");
    }

    <T> T asA(Supplier<T> work) {
        return asCustomer(a.username(), a.client().id(), work);
    }

    CustomerScope viewerA() {
        return asA(() -> portal.current().orElseThrow());
    }

    @Test
    void theCustomerSeesSharedProjectsDocumentsFilesAndTasksAndNothingElse() {
        CustomerScope viewer = viewerA();
        assertThat(viewer.clientId()).isEqualTo(a.client().id());

        List<PortalProject> list = asA(() -> portal.projects(viewer));
        assertThat(list).extracting(PortalProject::name).containsExactly(a.project().name());
        assertThat(list.get(0).documentCount()).isEqualTo(2);

        List<PortalDocument> docs = asA(() -> portal.documents(viewer));
        assertThat(docs).extracting(PortalDocument::name)
                .containsExactlyInAnyOrder(a.sharedDocument().title(), a.sharedFile().name());
        assertThat(docs).allSatisfy(d -> assertThat(d.projectName()).isEqualTo(a.project().name()));

        PortalProjectDetail detail = asA(() -> portal.project(viewer, a.project().id()));
        assertThat(detail.documents()).hasSize(2);
        assertThat(detail.tasksVisible()).isTrue();
        assertThat(detail.lastActivity()).isNotNull();

        List<CustomerTask> visible = asA(() -> portal.tasks(viewer, a.project().id()));
        assertThat(visible).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo(a.task().title());
            assertThat(t.status()).isEqualTo(CustomerTask.Status.IN_PROGRESS);
            assertThat(t.assigneeName()).isNotEqualTo("manager");
        });

        PortalProfile profile = asA(() -> portal.profile(viewer));
        assertThat(profile.clientName()).isEqualTo(a.client().name());
        assertThat(profile.role()).isEqualTo("APPROVER");
    }

    @Test
    void hoursAreSummedFromTimeEntriesBillableApart() {
        asManager(() -> tasks.bookTime(a.task().id(), new TimeEntryDraft(new BigDecimal("1.5"), LocalDate.now(clock), true, "internal note")));
        asManager(() -> tasks.bookTime(a.task().id(), new TimeEntryDraft(new BigDecimal("0.5"), LocalDate.now(clock), false, null)));
        CustomerScope viewer = viewerA();
        PortalProjectDetail detail = asA(() -> portal.project(viewer, a.project().id()));
        assertThat(detail.totalMinutes()).isEqualTo(120);
        assertThat(detail.billableMinutes()).isEqualTo(90);
    }

    @Test
    void everyReadAndActionWithAnotherCustomersIdsIsNotFound() {
        CustomerScope viewer = viewerA();
        UUID[] foreignProjects = {b.project().id(), b.hiddenProject().id(), a.hiddenProject().id(), UUID.randomUUID()};
        for (UUID project : foreignProjects) {
            assertNotFound(() -> portal.project(viewer, project));
            assertNotFound(() -> portal.tasks(viewer, project));
            assertNotFound(() -> portal.comments(viewer, project));
            assertNotFound(() -> portal.comment(viewer, project, "Hello"));
        }
        for (UUID doc : new UUID[] {b.sharedDocument().id(), b.unsharedDocument().id(), a.unsharedDocument().id(),
                a.documentInHiddenProject().id(), b.sharedFile().id()}) {
            assertNotFound(() -> portal.download(viewer, PortalDocument.Kind.DOCUMENT, doc));
        }
        for (UUID file : new UUID[] {b.sharedFile().id(), b.unsharedFile().id(), a.unsharedFile().id(),
                b.sharedDocument().id()}) {
            assertNotFound(() -> portal.download(viewer, PortalDocument.Kind.FILE, file));
        }
        // per project: a comment on A's own hidden project would not show in a count per client
        for (UUID project : foreignProjects) {
            assertThat(jdbc.queryForObject("""
                    select count(*) from chat_message m join chat_channel c on c.id = m.channel_id
                    where c.project_id = ?""", Long.class, project)).as("comments on project %s", project).isZero();
        }
        assertThat(jdbc.queryForObject("""
                select count(*) from chat_message m join chat_channel c on c.id = m.channel_id
                where c.client_id = ?""", Long.class, b.client().id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from portal_download where account_id = ?", Long.class,
                a.accountId())).isZero();
    }

    @Test
    void anotherCustomersViewerIsRefusedForEveryCall() {
        CustomerScope viewerB = asCustomer(b.username(), b.client().id(), () -> portal.current().orElseThrow());
        List<Runnable> calls = List.of(
                () -> portal.projects(viewerB), () -> portal.documents(viewerB), () -> portal.profile(viewerB),
                () -> portal.project(viewerB, b.project().id()), () -> portal.tasks(viewerB, b.project().id()),
                () -> portal.comments(viewerB, b.project().id()),
                () -> portal.comment(viewerB, b.project().id(), "Hello"),
                () -> portal.download(viewerB, PortalDocument.Kind.DOCUMENT, b.sharedDocument().id()));
        for (Runnable call : calls) {
            assertThatThrownBy(() -> asA(() -> {
                call.run();
                return null;
            })).isInstanceOf(AccessDeniedException.class);
            // staff, even managers, never act as a customer
            assertThatThrownBy(() -> asManager(call)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void theModulesCustomerReadsRefuseAnotherClientsIdStaffMembersAndAnonymousCallers() {
        UUID other = b.client().id();
        List<Supplier<?>> reads = List.of(() -> projects.sharedWithCustomer(other),
                () -> projects.sharedProject(other, b.project().id()), () -> files.sharedForCustomer(other),
                () -> files.sharedInProject(other, b.project().id()), () -> documents.sharedForCustomer(other),
                () -> documents.sharedInProject(other, b.project().id()),
                () -> files.customerDownload(other, b.sharedFile().id()),
                () -> documents.customerDownload(other, b.sharedDocument().id()),
                () -> tasks.visibleToCustomer(other, b.project().id()),
                () -> tasks.hoursForCustomer(other, b.project().id()));
        for (Supplier<?> read : reads) {
            assertThatThrownBy(() -> asA(read)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> asMember(read::get)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(read::get).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> portal.current()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asManager(() -> portal.current())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRevokedAccountSeesNothingEvenWithAValidSignIn() {
        CustomerScope viewer = viewerA();
        jdbc.update("update portal_account set status = 'REVOKED' where id = ?", a.accountId());
        assertThat(asA(() -> portal.current())).isEmpty();
        assertThatThrownBy(() -> asA(() -> portal.projects(viewer))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void unsharingTheProjectHidesItsDocumentsFilesTasksAndThread() {
        CustomerScope viewer = viewerA();
        asManager(() -> projects.setSharing(a.project().id(), false, true));
        assertThat(asA(() -> portal.projects(viewer))).isEmpty();
        assertThat(asA(() -> portal.documents(viewer))).isEmpty();
        assertNotFound(() -> portal.project(viewer, a.project().id()));
        assertNotFound(() -> portal.download(viewer, PortalDocument.Kind.DOCUMENT, a.sharedDocument().id()));
        assertNotFound(() -> portal.download(viewer, PortalDocument.Kind.FILE, a.sharedFile().id()));

        asManager(() -> projects.setSharing(a.project().id(), true, false));
        assertThat(asA(() -> portal.project(viewer, a.project().id())).tasksVisible()).isFalse();
        assertNotFound(() -> portal.tasks(viewer, a.project().id()));
    }

    @Test
    void downloadsAreRecordedWithWhoWhatAndWhen() {
        CustomerScope viewer = viewerA();
        String link = asA(() -> portal.download(viewer, PortalDocument.Kind.DOCUMENT, a.sharedDocument().id()));
        assertThat(link).contains("X-Amz-Expires=300");
        asA(() -> portal.download(viewer, PortalDocument.Kind.FILE, a.sharedFile().id()));
        var rows = jdbc.queryForList("select subject_kind, subject_id, subject_title, client_id from portal_download"
                + " where account_id = ? order by downloaded_at", a.accountId());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("subject_kind", "DOCUMENT")
                .containsEntry("subject_id", a.sharedDocument().id())
                .containsEntry("subject_title", a.sharedDocument().title())
                .containsEntry("client_id", a.client().id());
    }

    @Test
    void commentsGoBothWaysWithinTheLimit() {
        CustomerScope viewer = viewerA();
        asA(() -> portal.comment(viewer, a.project().id(), "  When is the next review?  "));
        ProjectComment answer = asManager(() -> conversation.answer(a.project().id(), "Next Tuesday."));
        assertThat(answer.fromCustomer()).isFalse();

        assertThat(asA(() -> portal.comments(viewer, a.project().id())))
                .extracting(ProjectComment::body, ProjectComment::fromCustomer, ProjectComment::authorName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("When is the next review?", true,
                                "Test Customer alpha"),
                        org.assertj.core.groups.Tuple.tuple("Next Tuesday.", false, answer.authorName()));
        assertThat(asManager(() -> conversation.thread(a.project().id()))).hasSize(2);
        assertThat(asManager(() -> conversation.count(a.project().id()))).isEqualTo(2);
        // both sides of the thread are on the project's activity, under the author's name
        assertThat(asManager(() -> timeline.in(a.project().scope(), 0)))
                .extracting(TimelineEntry::kind, TimelineEntry::detail)
                .contains(org.assertj.core.groups.Tuple.tuple("PORTAL_COMMENT_CUSTOMER", "Test Customer alpha"),
                        org.assertj.core.groups.Tuple.tuple("PORTAL_COMMENT_TEAM", answer.authorName()));

        assertThatThrownBy(() -> asA(() -> portal.comment(viewer, a.project().id(), "   ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(FieldProblem.of("comment", "portal.comments.error.empty")));
        // the thread is the project's client chat channel now, whose messages hold up to 4,000 characters
        assertThatThrownBy(() -> asA(() -> portal.comment(viewer, a.project().id(), "x".repeat(4001))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(FieldProblem.of("comment", "validation.too-long", 4000)));
        asA(() -> portal.comment(viewer, a.project().id(), "y".repeat(4000)));
        assertThat(asManager(() -> conversation.count(a.project().id()))).isEqualTo(3);
        // a member outside the project's work group cannot read or answer the thread
        assertThatThrownBy(() -> asMember(() -> conversation.thread(a.project().id())))
                .isInstanceOf(NoAccessException.class);
    }

    @Test
    void anAccountWritingTooManyCommentsIsAskedToWaitWithAMessageOthersAreNot() {
        CustomerScope viewer = viewerA();
        int capacity = rateLimits.portalComment().capacity();
        for (int i = 0; i < capacity; i++) {
            int n = i;
            asA(() -> portal.comment(viewer, a.project().id(), "Question " + n));
        }
        assertThatThrownBy(() -> asA(() -> portal.comment(viewer, a.project().id(), "One more")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("comment", "rate-limit.exceeded")));
        assertThat(asManager(() -> conversation.count(a.project().id()))).isEqualTo(capacity);

        CustomerScope viewerB = asCustomer(b.username(), b.client().id(), () -> portal.current().orElseThrow());
        asCustomer(b.username(), b.client().id(), () -> portal.comment(viewerB, b.project().id(), "Hello"));
        assertThat(asManager(() -> conversation.count(b.project().id()))).isOne();
    }

    @Test
    void viewAsClientIsReadOnlyForManagersAndRecordsNoDownload() {
        CustomerScope preview = asManager(() -> portal.asContact(a.accountId()));
        assertThat(preview.preview()).isTrue();
        assertThat(asManager(() -> portal.projects(preview))).extracting(PortalProject::name)
                .containsExactly(a.project().name());
        asManager(() -> portal.download(preview, PortalDocument.Kind.DOCUMENT, a.sharedDocument().id()));
        assertThat(jdbc.queryForObject("select count(*) from portal_download where account_id = ?", Long.class,
                a.accountId())).isZero();
        assertThatThrownBy(() -> asManager(() -> portal.comment(preview, a.project().id(), "Hi")))
                .isInstanceOf(NoAccessException.class);

        assertThatThrownBy(() -> asMember(() -> portal.asContact(a.accountId()))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> portal.projects(preview))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asA(() -> portal.projects(preview))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asManager(() -> portal.asContact(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyManagersAndOwnersShareAndEveryChangeIsOnTheTimeline() {
        // the member is in the project's work group: they may open it, but not decide what leaves the company
        asManager(() -> projects.addMember(a.project().id(), "member"));
        assertThat(asMember(() -> files.canShare(a.project().scope()))).isFalse();
        assertThatThrownBy(() -> asMember(() -> documents.setShared(a.unsharedDocument().id(), true)))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> files.setShared(a.unsharedFile().id(), true)))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> projects.setSharing(a.project().id(), false, false)))
                .isInstanceOf(NoAccessException.class);
        assertThat(asManager(() -> documents.get(a.unsharedDocument().id())).sharedWithClient()).isFalse();

        assertThat(asManager(() -> documents.canShare(a.project().scope()))).isTrue();
        asManager(() -> documents.setShared(a.unsharedDocument().id(), true));
        asManager(() -> documents.setShared(a.unsharedDocument().id(), false));
        List<TimelineEntry> entries = asManager(() -> timeline.in(a.project().scope(), 0));
        assertThat(entries).extracting(TimelineEntry::kind)
                .contains("SHARING_DOCUMENT_ON", "SHARING_DOCUMENT_OFF", "SHARING_FILE_ON", "SHARING_PROJECT_ON",
                        "SHARING_PROJECT_TASKS_ON");
    }

    @Test
    void aNewlySharedDocumentAndCommentsBothWaysAreMailed() throws Exception {
        var mail = DevServices.mail();
        String customerEmail = jdbc.queryForObject("select email from portal_account where id = ?", String.class,
                a.accountId());
        Duration wait = Duration.ofSeconds(30);
        asManager(() -> documents.setShared(a.documentInHiddenProject().id(), false));
        asManager(() -> documents.setShared(a.documentInHiddenProject().id(), true));
        // the marker: shared after the hidden one, mailed through the same after-commit listener; once it is here, a
        // mail about the hidden document would have been sent before it
        asManager(() -> documents.setShared(a.unsharedDocument().id(), true));
        assertThat(mail.awaitMessage(customerEmail, "New in your portal: " + a.unsharedDocument().title(), wait))
                .as("mail about the shared document").isPresent();
        assertThat(mail.received()).as("no mail about a document the portal does not show").noneMatch(m -> {
            try {
                return java.util.Arrays.toString(m.getAllRecipients()).contains(customerEmail)
                        && m.getSubject().equals("New in your portal: " + a.documentInHiddenProject().title());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        });

        CustomerScope viewer = viewerA();
        asA(() -> portal.comment(viewer, a.project().id(), "Can we move the review?"));
        String ownerEmail = staff.find("manager").orElseThrow().email();
        assertThat(mail.awaitMessage(ownerEmail, "Test Customer alpha commented on " + a.project().name(), wait))
                .as("mail to the project's owner").isPresent();
        asManager(() -> conversation.answer(a.project().id(), "Yes, to Thursday."));
        var answer = mail.awaitMessage(customerEmail, "New answer on " + a.project().name(), wait);
        assertThat(answer).as("mail to the customer").isPresent();
        assertThat(answer.get().getContent().toString()).contains("/portal/projects/" + a.project().id())
                .doesNotContain("Yes, to Thursday.");
    }

    private void assertNotFound(Supplier<?> call) {
        assertThatThrownBy(() -> asA(call)).isInstanceOf(NotFoundException.class);
    }
}
