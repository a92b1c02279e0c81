package io.clientspace.project;

import io.clientspace.task.TaskFilter;
import io.clientspace.devservices.DevServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import io.clientspace.shared.WorkScope;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.AccessRequestResult;
import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.document.ClientDocument;
import io.clientspace.document.DocumentService;
import io.clientspace.document.DocumentType;
import io.clientspace.file.FileService;
import io.clientspace.file.StoredFile;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.support.Actors;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.task.Inbox;
import io.clientspace.task.TaskDraft;
import io.clientspace.task.TaskPriority;
import io.clientspace.task.WorkTask;
import io.clientspace.task.WorkTaskService;
import io.clientspace.timeline.TimelineEntry;
import io.clientspace.timeline.TimelineService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Client projects against the real database, storage and engine: who may open a project and its work, and that a
 * member in a project's work group reaches that project, and nothing else of the client.
 */
@ClientspaceIntegrationTest
class ProjectServiceIntegrationTests {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    ProjectService projects;
    @Autowired
    ClientService clients;
    @Autowired
    WorkTaskService tasks;
    @Autowired
    FileService files;
    @Autowired
    DocumentService documents;
    @Autowired
    TimelineService timeline;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @TempDir
    Path dir;

    Client client;
    ClientProject project;
    LocalDate today;

    @BeforeEach
    void projectOnAManagersClient() {
        today = LocalDate.now(clock);
        client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        project = asManager(() -> projects.create(client.id(), draft("Annual audit 2026", "manager")));
    }

    /** Jonas as an ordinary member: no role that sees every client, in no work group. */
    static <T> T asOutsider(Supplier<T> work) {
        return Actors.as("jonas", work, "STAFF", "MEMBER");
    }

    @Test
    void aProjectIsCreatedOnTheClientAndListedInItsWorkspace() {
        assertThat(project.clientId()).isEqualTo(client.id());
        assertThat(project.status()).isEqualTo(ProjectStatus.ACTIVE);
        assertThat(project.canManage()).isTrue();
        assertThat(asManager(() -> projects.forClient(client.id()))).extracting(ClientProject::name)
                .containsExactly("Annual audit 2026");
        assertThat(asManager(() -> projects.countForClient(client.id()))).isEqualTo(1);
        assertThat(asManager(() -> timeline.in(project.scope(), 0))).extracting(TimelineEntry::kind)
                .containsExactly("PROJECT_CREATED");
    }

    @Test
    void aWrongProjectIsNotSaved() {
        ProjectDraft bad = draft(" ", "manager");
        bad.setStart(today);
        bad.setEnd(today.minusDays(1));
        assertThatThrownBy(() -> asManager(() -> projects.create(client.id(), bad)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::messageKey).containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("name", "project.error.name-required"),
                                org.assertj.core.groups.Tuple.tuple("end", "project.error.end-before-start")));
        ProjectDraft nobody = draft("Payroll", "no-such-person");
        assertThatThrownBy(() -> asManager(() -> projects.create(client.id(), nobody)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("project.error.owner-unknown"));
        assertThat(asManager(() -> projects.countForClient(client.id()))).isEqualTo(1);
    }

    @Test
    void aMemberInTheWorkGroupWorksInTheProjectButCannotOpenTheClient() throws Exception {
        asManager(() -> projects.addMember(project.id(), "member"));
        WorkTask onClient = asManager(() -> tasks.create(client.id(), task("Client-wide review", null)));

        assertThat(asMember(() -> projects.get(project.id())).canManage()).isFalse();
        assertThat(asMember(() -> projects.get(project.id())).clientPath()).as("no link to a client they cannot open")
                .isNull();
        assertThatThrownBy(() -> asMember(() -> clients.get(client.id()))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> tasks.openForClient(client.id())))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> tasks.get(onClient.id()))).isInstanceOf(NoAccessException.class);

        WorkTask mine = asMember(() -> tasks.create(project.scope(), task("Request the trial balance", "member")));
        WorkTask open = asMember(() -> tasks.create(project.scope(), task("Book the auditors' room", null)));
        StoredFile file = asMember(() -> files.upload(project.scope(), "engagement.pdf", pdf("e.pdf")));
        ClientDocument letter = asMember(() -> documents.create(project.scope(), "Engagement letter",
                DocumentType.CONTRACT, "letter.pdf", pdf("l.pdf")));

        assertThat(mine.projectId()).isEqualTo(project.id());
        assertThat(mine.clientPath()).isEqualTo("client-projects/" + project.id());
        assertThat(mine.clientName()).isEqualTo(client.name() + " · Annual audit 2026");
        assertThat(asMember(() -> tasks.page(project.scope(), TaskFilter.OPEN, 0, 100))).extracting(WorkTask::id)
                .containsExactlyInAnyOrder(mine.id(), open.id());
        assertThat(asMember(() -> tasks.countOpenIn(project.scope()))).isEqualTo(2);
        assertThat(asMember(() -> files.in(project.scope()))).extracting(StoredFile::id).containsExactly(file.id());
        assertThat(asMember(() -> files.downloadLink(file.id()))).startsWith("http");
        assertThat(asMember(() -> documents.in(project.scope()))).extracting(ClientDocument::id)
                .containsExactly(letter.id());
        assertThat(asMember(() -> documents.counts(project.scope())).draft()).isEqualTo(1);

        // "My tasks": the project's work is in; the client's own unassigned task is not
        assertThat(asMember(() -> tasks.inbox(Inbox.OPEN))).extracting(WorkTask::id).contains(mine.id());
        assertThat(asMember(() -> tasks.inbox(Inbox.UNASSIGNED))).extracting(WorkTask::id).contains(open.id())
                .doesNotContain(onClient.id());
        assertThat(asMember(() -> tasks.inboxCounts()).get(Inbox.UNASSIGNED))
                .isEqualTo(asMember(() -> tasks.inbox(Inbox.UNASSIGNED)).size());

        // the client's owner sees the project's work in the client workspace too
        assertThat(asManager(() -> tasks.openForClient(client.id()))).extracting(WorkTask::id)
                .contains(mine.id(), open.id(), onClient.id());
        assertThat(asManager(() -> files.forClient(client.id()))).extracting(StoredFile::id).contains(file.id());
        assertThat(asManager(() -> timeline.forClient(client.id(), 0))).extracting(TimelineEntry::kind)
                .contains("PROJECT_MEMBER_ADDED", "FILE_UPLOADED");
        assertThat(asMember(() -> timeline.in(project.scope(), 0))).extracting(TimelineEntry::kind)
                .doesNotContain("CLIENT_CREATED");
    }

    @Test
    void someoneOutsideTheWorkGroupIsRefusedEverywhereAndMayAskForAccess() throws Exception {
        WorkTask task = asManager(() -> tasks.create(project.scope(), task("Confidential review", null)));
        StoredFile file = asManager(() -> files.upload(project.scope(), "salaries.pdf", pdf("s.pdf")));
        ClientDocument doc = asManager(() -> documents.create(project.scope(), "Payroll summary", DocumentType.OTHER,
                "p.pdf", pdf("p.pdf")));

        List<Supplier<?>> attempts = List.of(
                () -> projects.get(project.id()),
                () -> tasks.page(project.scope(), TaskFilter.OPEN, 0, 100),
                () -> tasks.countOpenIn(project.scope()),
                () -> tasks.get(task.id()),
                () -> tasks.claim(task.id()),
                () -> tasks.create(project.scope(), task("Sneaky", null)),
                () -> files.in(project.scope()),
                () -> files.downloadLink(file.id()),
                () -> files.delete(file.id()),
                () -> documents.in(project.scope()),
                () -> documents.get(doc.id()),
                () -> timeline.in(project.scope(), 0),
                () -> projects.addMember(project.id(), "jonas"));
        for (Supplier<?> attempt : attempts) {
            assertThatThrownBy(() -> asOutsider(attempt)).isInstanceOf(NoAccessException.class);
        }
        assertThat(asOutsider(() -> tasks.inbox(Inbox.UNASSIGNED))).extracting(WorkTask::id)
                .doesNotContain(task.id());
        assertThat(asOutsider(() -> projects.visibleToMe())).extracting(ClientProject::id)
                .doesNotContain(project.id());

        assertThat(asOutsider(() -> projects.requestAccess(project.id()))).isEqualTo(AccessRequestResult.SENT);
        assertThat(asOutsider(() -> projects.requestAccess(project.id()))).isEqualTo(AccessRequestResult.ALREADY_ASKED);
        var mail = DevServices.mail().awaitMessage("maria.keller@clientspace.example",
                "Jonas Weber asks to join the project Annual audit 2026", Duration.ofSeconds(10));
        assertThat(mail).as("mail to the project's owner").isPresent();
        assertThat(asManager(() -> projects.requestAccess(project.id()))).isEqualTo(AccessRequestResult.HAS_ACCESS);
    }

    @Test
    void aProjectCannotBeReachedThroughAnotherClientsScope() {
        Client other = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        WorkScope smuggled = WorkScope.project(other.id(), project.id());
        assertThatThrownBy(() -> asManager(() -> tasks.page(smuggled, TaskFilter.OPEN, 0, 100)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asManager(() -> tasks.create(smuggled, task("Wrong place", null))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asManager(() -> files.in(smuggled))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void leavingTheWorkGroupEndsAccessAtOnce() {
        long openBefore = asMember(() -> tasks.inboxCounts()).get(Inbox.OPEN);
        asManager(() -> projects.addMember(project.id(), "member"));
        WorkTask mine = asManager(() -> tasks.create(project.scope(), task("Draft the audit plan", "member")));
        assertThat(asMember(() -> tasks.inboxCounts()).get(Inbox.OPEN)).as("the new task counts")
                .isEqualTo(openBefore + 1);
        assertThat(asMember(() -> projects.visibleToMe())).extracting(ClientProject::id).contains(project.id());

        asManager(() -> projects.removeMember(project.id(), "member"));

        assertThatThrownBy(() -> asMember(() -> projects.get(project.id()))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> tasks.get(mine.id()))).isInstanceOf(NoAccessException.class);
        assertThat(asMember(() -> tasks.inbox(Inbox.OPEN))).extracting(WorkTask::id).doesNotContain(mine.id());
        assertThat(asManager(() -> tasks.get(mine.id())).assignee()).as("back with the work group").isNull();
        assertThat(asManager(() -> tasks.inbox(Inbox.UNASSIGNED))).extracting(WorkTask::id).contains(mine.id());
        assertThat(asMember(() -> tasks.inboxCounts()).get(Inbox.OPEN)).as("the task no longer counts")
                .isEqualTo(openBefore);
        assertThat(asMember(() -> tasks.inboxCounts()).get(Inbox.OPEN))
                .isEqualTo(asMember(() -> tasks.inbox(Inbox.OPEN)).size());
        assertThat(asManager(() -> timeline.in(project.scope(), 0))).extracting(TimelineEntry::kind)
                .contains("PROJECT_MEMBER_ADDED", "PROJECT_MEMBER_REMOVED");
    }

    @Test
    void onlyTheWorkGroupCanBeGivenTheProjectsTasksAndOnlyOwnersManageIt() {
        asManager(() -> projects.addMember(project.id(), "member"));
        assertThat(asManager(() -> tasks.possibleAssignees(project.scope()))).extracting(StaffMember::username)
                .contains("manager", "member");
        WorkTask task = asManager(() -> tasks.create(project.scope(), task("Send the request list", null)));
        assertThat(asManager(() -> tasks.assign(task.id(), null, "member")).assignee()).isEqualTo("member");

        ProjectDraft change = ProjectDraft.of(asMember(() -> projects.get(project.id())));
        change.setStatus(ProjectStatus.COMPLETED);
        assertThatThrownBy(() -> asMember(() -> projects.update(project.id(), change)))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> projects.addMember(project.id(), "jonas")))
                .isInstanceOf(NoAccessException.class);
        ClientProject done = asManager(() -> projects.update(project.id(), change));
        assertThat(done.status()).isEqualTo(ProjectStatus.COMPLETED);
        assertThat(asManager(() -> timeline.in(project.scope(), 0))).extracting(TimelineEntry::kind)
                .contains("PROJECT_STATUS_CHANGED");
    }

    // ---------------------------------------------------------------------------------------------------- data

    private ProjectDraft draft(String name, String owner) {
        ProjectDraft d = new ProjectDraft();
        d.setName(name);
        d.setDescription("Year-end audit with the client's finance team.");
        d.setStatus(ProjectStatus.ACTIVE);
        d.setStart(today);
        d.setEnd(today.plusMonths(2));
        d.setOwner(owner);
        return d;
    }

    private TaskDraft task(String title, String assignee) {
        TaskDraft d = new TaskDraft();
        d.setTitle(title);
        d.setAssignee(assignee);
        d.setDue(today.plusDays(3));
        d.setPriority(TaskPriority.NORMAL);
        return d;
    }

    private Path pdf(String name) {
        try {
            return Files.write(dir.resolve(name), PDF);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
