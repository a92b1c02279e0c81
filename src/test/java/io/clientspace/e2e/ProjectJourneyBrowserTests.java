package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.clientspace.support.Actors.asManager;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectDraft;
import io.clientspace.project.ProjectService;
import io.clientspace.project.ProjectStatus;
import io.clientspace.task.TaskDraft;
import io.clientspace.task.TaskPriority;
import io.clientspace.task.WorkTask;
import io.clientspace.task.WorkTaskService;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Client projects in the browser: a manager starts one from the client and puts a colleague in its work group; the
 * colleague works in the project and still cannot open the client. The checklist's counts open filtered tabs.
 */
class ProjectJourneyBrowserTests extends BrowserTest {

    @Autowired
    ClientService clients;
    @Autowired
    ProjectService projects;
    @Autowired
    WorkTaskService tasks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void aManagerStartsAProjectFromTheClientAndGivesItAWorkGroup() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        signIn("/" + client.workspacePath(), "manager", "manager");
        page.locator("#tab-projects").click();
        assertThat(page.locator("#count-projects")).hasText("0");
        assertThat(page.locator("#tab-content-projects")).containsText("No projects yet");
        screenshot("workspace-projects-empty");

        page.locator("#new-project").click();
        page.locator("#project-save").click();
        assertThat(page.locator("#project-name")).containsText("Give the project a name.");
        page.locator("#project-name input").fill("Brand refresh");
        page.locator("#project-description textarea").fill("New logo, colours and stationery.");
        screenshot("project-form");
        page.locator("#project-save").click();

        assertThat(page.locator("#project-title")).hasText("Brand refresh");
        assertThat(page.locator("#project-client")).hasText(client.name());
        assertThat(page.locator("#project-members")).containsText("Nobody yet besides the owner.");
        page.locator("#add-member input").fill("Tom");
        page.locator("vaadin-combo-box-item", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("Tom Becker")).click();
        assertThat(page.locator("#project-members .member")).containsText(new String[] {"Tom Becker"});

        page.locator("#new-task").click();
        page.locator("#task-title input").fill("Collect the old brand guidelines");
        page.locator("#task-save").click();
        assertThat(page.locator("#count-tasks")).hasText("1");
        page.locator("#tab-activity").click();
        assertThat(page.locator("#tab-content-activity")).containsText("added Tom Becker to the work group");
        screenshot("project-workspace");

        page.navigate(url("/" + client.workspacePath()));
        assertThat(page.locator("#count-projects")).hasText("1");
        assertThat(page.locator("#count-tasks")).hasText("1");
        page.locator("#tab-projects").click();
        assertThat(page.locator("#project-grid")).containsText("Brand refresh");
        screenshot("workspace-projects");
    }

    @Test
    void aMemberWorksInTheirProjectButNotOnTheClientOrOtherProjects() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        ClientProject theirs = asManager(() -> projects.create(client.id(), project("Payroll migration")));
        asManager(() -> projects.addMember(theirs.id(), "member"));
        ClientProject other = asManager(() -> projects.create(client.id(), project("Board restructuring")));
        TaskDraft task = new TaskDraft();
        task.setTitle("Export last year's payslips");
        task.setAssignee("member");
        task.setPriority(TaskPriority.NORMAL);
        asManager(() -> tasks.create(theirs.scope(), task));

        signIn("/client-projects", "member", "member");
        assertThat(page.locator("#project-grid")).containsText("Payroll migration");
        assertThat(page.locator("#project-grid")).not().containsText("Board restructuring");
        screenshot("project-list-member");
        page.locator("#project-grid .project-link", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("Payroll migration")).click();
        assertThat(page.locator("#project-title")).hasText("Payroll migration");
        assertThat(page.locator("#task-grid")).containsText("Export last year's payslips");
        assertThat(page.locator("#edit-project")).hasCount(0);
        assertThat(page.locator("#add-member")).hasCount(0);
        assertThat(page.locator("a#project-client")).hasCount(0);

        page.navigate(url("/" + client.workspacePath()));
        assertThat(page.locator("#workspace-denied")).isVisible();
        assertThat(page.locator("body")).not().containsText("Board restructuring");

        page.navigate(url("/" + other.workspacePath()));
        assertThat(page.locator("#project-denied")).isVisible();
        assertThat(page.locator("body")).not().containsText("Board restructuring");
        screenshot("project-denied");
        page.locator("#request-access").click();
        assertThat(page.locator("#request-access-result")).containsText("Maria Keller has been asked by e-mail");
    }

    @Test
    void theChecklistOpensTheTasksTabShowingOnlyOverdueTasks() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        LocalDate today = LocalDate.now(clock);
        WorkTask late = asManager(() -> tasks.create(client.id(), taskDue("Send the overdue report", today)));
        jdbc.update("update work_task set due_date = ? where id = ?", today.minusDays(2), late.id());
        asManager(() -> tasks.create(client.id(), taskDue("Plan next quarter", today.plusDays(10))));

        signIn("/" + client.workspacePath(), "manager", "manager");
        page.locator("#review-overdue").click();
        assertThat(page.locator("#tab-content-tasks-filter")).containsText("Showing only overdue tasks");
        assertThat(page.locator("#task-grid")).containsText("Send the overdue report");
        assertThat(page.locator("#task-grid")).not().containsText("Plan next quarter");
        screenshot("workspace-tasks-filtered");

        page.locator("#tab-content-tasks-clear-filter").click();
        assertThat(page.locator("#task-grid")).containsText("Plan next quarter");
        assertThat(page.locator("#tab-content-tasks-filter")).hasCount(0);
    }

    private ProjectDraft project(String name) {
        ProjectDraft d = new ProjectDraft();
        d.setName(name);
        d.setStatus(ProjectStatus.ACTIVE);
        d.setOwner("manager");
        return d;
    }

    private static TaskDraft taskDue(String title, LocalDate due) {
        TaskDraft d = new TaskDraft();
        d.setTitle(title);
        d.setDue(due);
        d.setPriority(TaskPriority.NORMAL);
        return d;
    }
}
