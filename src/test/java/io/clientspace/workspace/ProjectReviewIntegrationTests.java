package io.clientspace.workspace;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.acceptance.AcceptanceService;
import io.clientspace.bench.SqlRecorder;
import io.clientspace.checklist.ChecklistService;
import io.clientspace.checklist.ProvidedBy;
import io.clientspace.checklist.RequirementDraft;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealDraft;
import io.clientspace.deal.DealService;
import io.clientspace.document.ClientDocument;
import io.clientspace.document.DocumentService;
import io.clientspace.document.DocumentType;
import io.clientspace.portal.PortalTestData;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectService;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.WorkScope;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.task.TaskDraft;
import io.clientspace.task.TaskPriority;
import io.clientspace.task.WorkTask;
import io.clientspace.task.WorkTaskService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The project's own manager checklist (DD032): it counts what is in the project and nothing of the client's other
 * work, a member of the project's work group gets it for that project only, and it sends as many statements for a
 * busy project as for a quiet one.
 */
@ClientspaceIntegrationTest
class ProjectReviewIntegrationTests {

    @Autowired
    ReviewService review;
    @Autowired
    DealService deals;
    @Autowired
    WorkTaskService tasks;
    @Autowired
    ChecklistService checklist;
    @Autowired
    DocumentService documents;
    @Autowired
    AcceptanceService acceptances;
    @Autowired
    ProjectService projects;
    @Autowired
    PortalTestData data;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    PortalTestData.World world;
    ClientProject project;
    ClientProject other;

    @BeforeEach
    void aClientWithAPortalContactAndTwoProjects() {
        world = data.world("review-" + UUID.randomUUID().toString().substring(0, 6));
        project = world.project();
        other = world.hiddenProject();
        asManager(() -> projects.addMember(project.id(), "member"));
    }

    @Test
    void theProjectsChecklistCountsOnlyWhatIsInTheProject() {
        // deals: in the project one without a next step and one stalled; elsewhere two more without a next step
        asManager(() -> deals.create(world.client().id(), deal("Audit", null, project.id())));
        Deal stalled = asManager(() -> deals.create(world.client().id(), deal("Tax filing", "Call", project.id())));
        stall(stalled);
        asManager(() -> deals.create(world.client().id(), deal("On the client", null, null)));
        asManager(() -> deals.create(world.client().id(), deal("Elsewhere", null, other.id())));
        // tasks: in the project one overdue and one unassigned; an overdue one on the client
        overdue(asManager(() -> tasks.create(project.scope(), task("Send reminder", "manager"))));
        asManager(() -> tasks.create(project.scope(), task("Check statements", null)));
        overdue(asManager(() -> tasks.create(world.client().id(), task("Client-wide", "manager"))));
        // an acceptance waits in the project, another in the other project
        send(world.sharedDocument());
        send(world.documentInHiddenProject());
        long missingBefore = asManager(() -> review.review(project.scope())).missingDocuments();
        requireInvoice(project.scope());

        ProjectReview r = asManager(() -> review.review(project.scope()));

        assertThat(r.deals().stalled()).isEqualTo(1);
        assertThat(r.deals().withoutNextStep()).isEqualTo(1);
        assertThat(r.tasks().overdue()).isEqualTo(1);
        assertThat(r.tasks().unassigned()).isEqualTo(1);
        assertThat(r.missingDocuments()).isEqualTo(missingBefore + 1);
        assertThat(r.pendingAcceptances()).isEqualTo(1);
        assertThat(r.lastActivity()).isNotNull();
        assertThat(r.total()).isEqualTo(4 + missingBefore + 1);

        // the client's checklist still sees everything
        ClientReview onClient = asManager(() -> review.review(world.client().id()));
        assertThat(onClient.deals().withoutNextStep()).isEqualTo(3);
        assertThat(onClient.tasks().overdue()).isEqualTo(2);

        // the other project has its own
        ProjectReview elsewhere = asManager(() -> review.review(other.scope()));
        assertThat(elsewhere.deals().withoutNextStep()).isEqualTo(1);
        assertThat(elsewhere.deals().stalled()).isZero();
        assertThat(elsewhere.tasks().overdue()).isZero();
        assertThat(elsewhere.pendingAcceptances()).isEqualTo(1);
    }

    @Test
    void aMemberOnlyInTheProjectsWorkGroupGetsItsChecklistAndNoOther() {
        asManager(() -> deals.create(world.client().id(), deal("Audit", null, project.id())));

        assertThat(asMember(() -> review.review(project.scope())).deals().withoutNextStep()).isEqualTo(1);
        assertThatThrownBy(() -> asMember(() -> review.review(other.scope()))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> review.review(world.client().id())))
                .isInstanceOf(NoAccessException.class);
        // a project of another client under this client's id is no project of it
        PortalTestData.World stranger = data.world("review-x-" + UUID.randomUUID().toString().substring(0, 6));
        assertThatThrownBy(() -> asManager(() -> review.review(WorkScope.project(world.client().id(),
                stranger.project().id())))).isInstanceOf(io.clientspace.shared.NotFoundException.class);
    }

    @Test
    void theChecklistSendsAsManyStatementsForABusyProjectAsForAQuietOne() {
        asManager(() -> deals.create(world.client().id(), deal("Audit", null, project.id())));
        asManager(() -> tasks.create(project.scope(), task("Check statements", null)));
        send(world.sharedDocument());
        requireInvoice(project.scope());
        // the first call brings the required-documents list up to date with the templates, once
        asManager(() -> review.review(project.scope()));
        int quiet = statements();

        for (int i = 0; i < 5; i++) {
            asManager(() -> deals.create(world.client().id(), deal("More", null, project.id())));
            overdue(asManager(() -> tasks.create(project.scope(), task("Late", "manager"))));
            asManager(() -> tasks.create(project.scope(), task("Nobody's", null)));
        }
        ClientDocument second = asManager(() -> documents.create(project.scope(), "Statement of work",
                DocumentType.OTHER, "sow.pdf", PortalTestData.pdf("sow")));
        asManager(() -> documents.setShared(second.id(), true));
        send(asManager(() -> documents.get(second.id())));
        requireInvoice(project.scope());
        asManager(() -> review.review(project.scope()));

        assertThat(statements()).as("statements for the busy project (quiet: %s)", quiet).isEqualTo(quiet);
    }

    private int statements() {
        return SqlRecorder.record(() -> asManager(() -> review.review(project.scope()))).statements().size();
    }

    private void stall(Deal deal) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(deal.id().toString())
                .singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance).timers().singleResult()
                .getId());
    }

    private void overdue(WorkTask task) {
        jdbc.update("update work_task set due_date = ? where id = ?", LocalDate.now(clock).minusDays(3), task.id());
    }

    private void send(ClientDocument document) {
        var version = asManager(() -> documents.versions(document.id())).get(0);
        asManager(() -> acceptances.send(version.id(),
                clock.instant().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS)));
    }

    /** A requirement of its own on the scope's list, which nothing in the scope satisfies. */
    private void requireInvoice(WorkScope scope) {
        var requirement = asManager(() -> checklist.saveRequirement(null, 0, new RequirementDraft(
                "Signed invoice " + UUID.randomUUID().toString().substring(0, 8), DocumentType.INVOICE, null,
                ProvidedBy.FIRM)));
        asManager(() -> checklist.addItem(scope, requirement.id()));
    }

    private static DealDraft deal(String title, String nextStep, UUID projectId) {
        DealDraft d = new DealDraft();
        d.setTitle(title);
        d.setAmount(new BigDecimal("5000"));
        d.setCurrency("EUR");
        d.setExpectedClose(LocalDate.now().plusMonths(1));
        d.setOwner("manager");
        d.setNextStep(nextStep);
        d.setProjectId(projectId);
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
