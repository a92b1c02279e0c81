package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.support.Actors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A manager gives work out from the client's workspace and finds it again in "My tasks". */
class TaskJourneyBrowserTests extends BrowserTest {

    @Autowired
    ClientService clients;
    @Autowired
    io.clientspace.task.WorkTaskService tasks;

    @Test
    void anUnassignedTaskIsTakenAndMarkedDoneFromItsRow() {
        Client client = Actors.asManager(() -> clients.create(ClientTestData.company("manager"), false));
        io.clientspace.task.TaskDraft draft = new io.clientspace.task.TaskDraft();
        draft.setTitle("Check bank statements");
        Actors.asManager(() -> tasks.create(client.id(), draft));
        signIn("/" + client.workspacePath(), "manager", "manager");
        page.locator("#tab-tasks").click();
        assertThat(page.locator("#count-tasks")).hasText("1");
        assertThat(page.locator("#task-grid .unassigned")).hasText("Unassigned");
        // the row's actions are the browser's own buttons, not web components (DD043)
        assertThat(page.locator("#task-grid vaadin-button")).hasCount(0);

        page.locator("#task-grid button.take-task").click();
        assertThat(page.locator("#task-grid .unassigned")).hasCount(0);
        assertThat(page.locator("#task-grid")).containsText("Maria Keller");
        assertThat(page.locator("#task-grid .take-task")).hasCount(0);
        screenshot("task-row-taken");

        page.locator("#task-grid button.complete-task").click();
        assertThat(page.locator("#count-tasks")).hasText("0");
        assertThat(page.locator("#tab-content-tasks")).containsText("No open tasks");
    }

    @Test
    void aTaskCreatedInTheWorkspaceIsFoundInMyTasksAndCompletedThere() {
        Client client = Actors.asManager(() -> clients.create(ClientTestData.company("manager"), false));
        signIn("/" + client.workspacePath(), "manager", "manager");
        page.locator("#tab-tasks").click();
        assertThat(page.locator("#count-tasks")).hasText("0");
        assertThat(page.locator("#tab-content-tasks")).containsText("No open tasks");
        screenshot("workspace-tasks-empty");

        page.locator("#new-task").click();
        // typing nothing and saving keeps the dialog open with the reason next to the title
        page.locator("#task-save").click();
        assertThat(page.locator("#task-title")).hasAttribute("invalid", "");
        assertThat(page.locator("#task-title")).containsText("Enter what needs to be done.");
        page.locator("#task-title input").fill("Collect the signed engagement letter");
        page.locator("#task-description textarea").fill("Scan and file it in Documents.");
        screenshot("task-form");
        page.locator("#task-save").click();

        assertThat(page.locator("#count-tasks")).hasText("1");
        assertThat(page.locator("#task-grid")).containsText("Collect the signed engagement letter");
        assertThat(page.locator("#task-grid")).containsText("Maria Keller");
        screenshot("workspace-tasks");

        page.locator("#nav-my-tasks").click();
        // earlier tests leave the manager many tasks: find this one as a busy user would
        page.locator("#task-filter input").fill("no such task anywhere");
        assertThat(page.locator(".my-tasks")).containsText("No task matches");
        page.locator("#task-filter input").fill("signed engagement");
        assertThat(page.locator("#task-grid")).containsText("Collect the signed engagement letter");
        assertThat(page.locator("#task-grid")).containsText(client.name());
        screenshot("my-tasks");

        page.locator("#task-grid .task-title", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("Collect the signed engagement letter")).click();
        assertThat(page.locator("#task-comment")).isVisible();
        page.locator("#task-comment textarea").fill("Client promised it for Friday.");
        page.locator("#task-comment-post").click();
        assertThat(page.locator("#task-comments")).containsText("Client promised it for Friday.");
        page.locator("#time-hours input").fill("0.75");
        page.locator("#time-book").click();
        assertThat(page.locator("#task-time")).containsText("0.75 h billable");
        screenshot("task-details");
        page.locator("#task-complete").click();
        assertThat(page.locator("#task-done-badge")).isVisible();
    }
}
