package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.clientspace.support.Actors.asManager;

import io.clientspace.client.AccessLevel;
import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.deal.DealDraft;
import io.clientspace.deal.DealService;
import io.clientspace.inforequest.InformationRequestService;
import io.clientspace.inforequest.ItemKind;
import io.clientspace.inforequest.RequestDraft;
import io.clientspace.inforequest.RequestItemDraft;
import io.clientspace.people.WorkspaceMemberService;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectDraft;
import io.clientspace.project.ProjectService;
import io.clientspace.project.ProjectStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 20 §4: a colleague who may only read a client sees, on every tab where they would otherwise act, why they
 * cannot and whom to ask, and the controls are disabled rather than failing on click.
 */
class ActionUnavailableBrowserTests extends BrowserTest {

    @Autowired
    ClientService clients;
    @Autowired
    WorkspaceMemberService members;
    @Autowired
    DealService deals;
    @Autowired
    ProjectService projects;
    @Autowired
    io.clientspace.people.FirmModuleService firm;
    @Autowired
    InformationRequestService requests;

    @Test
    void aViewerSeesWhyEachActionIsUnavailableAndWhomToAsk() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        asManager(() -> members.grant(client.id(), "member", AccessLevel.VIEWER, null));
        DealDraft deal = new DealDraft();
        deal.setTitle("Retainer renewal");
        deal.setAmount(new BigDecimal("12000"));
        deal.setExpectedClose(LocalDate.now().plusMonths(1));
        deal.setOwner("manager");
        asManager(() -> deals.create(client.id(), deal));
        ProjectDraft year = new ProjectDraft();
        year.setName("Annual accounts");
        year.setStatus(ProjectStatus.ACTIVE);
        year.setOwner("manager");
        ClientProject project = asManager(() -> projects.create(client.id(), year));

        signIn("/" + client.workspacePath() + "?tab=tasks", "member", "member");
        String ask = "ask Maria Keller (its owner) or a manager for editor access";
        assertThat(page.locator("#tasks-read-only")).containsText(ask);
        assertThat(page.locator("#new-task")).isDisabled();
        assertThat(page.locator("#new-task")).hasAttribute("title",
                "Needs editor access to this workspace: ask Maria Keller or a manager.");
        screenshot("viewer-tasks-read-only");

        page.locator("#tab-files").click();
        assertThat(page.locator("#files-read-only")).containsText(ask);
        assertThat(page.locator("#tab-content-files vaadin-upload")).hasCount(0);

        page.locator("#tab-documents").click();
        assertThat(page.locator("#documents-read-only")).containsText(ask);
        assertThat(page.locator("#new-document")).isDisabled();

        page.locator("#tab-chat").click();
        assertThat(page.locator("#chat-read-only")).containsText(ask);
        assertThat(page.locator("#chat-tab vaadin-text-area")).hasCount(0);

        // the header: editing needs editor access, archiving a manager of the client
        assertThat(page.locator("#edit-client")).isDisabled();
        assertThat(page.locator("#client-archive-open")).hasAttribute("title",
                "Only the client's managers can do this: ask Maria Keller or a manager.");

        page.locator("#tab-deals").click();
        assertThat(page.locator("#deal-grid")).containsText("Retainer renewal");
        assertThat(page.locator("#deals-read-only")).containsText(ask);
        assertThat(page.locator("#new-deal")).isDisabled();
        assertThat(page.locator(".deal-owner-only").first()).hasAttribute("aria-label",
                "Only the deal's owner (Maria Keller) and managers change this deal.");
        assertThat(page.locator(".move-deal")).hasCount(0);
        screenshot("viewer-deals-owner-only");

        page.locator("#tab-projects").click();
        assertThat(page.locator("#projects-read-only")).containsText(ask);
        assertThat(page.locator("#new-project")).isDisabled();

        page.locator("#tab-client-requests").click();
        assertThat(page.locator("#client-requests-read-only")).containsText(ask);
        assertThat(page.locator("#log-client-request")).isDisabled();

        // a project of the client: its information requests are work in the project, too
        page.navigate(url("/" + project.workspacePath()));
        page.locator("#tab-requests").click();
        assertThat(page.locator("#requests-read-only")).containsText(ask);
        assertThat(page.locator("#new-request")).isDisabled();
        screenshot("viewer-project-requests-read-only");

        // a firm that keeps amounts and the internal chat from viewers (issue 15 §1): the page says so where they were
        try {
            io.clientspace.support.Actors.as("admin", () -> {
                firm.letViewersSeeAmounts(false);
                return null;
            }, "ADMIN", "STAFF");
            page.navigate(url("/" + client.workspacePath() + "?tab=deals"));
            assertThat(page.locator("#deal-grid")).containsText("Retainer renewal");
            assertThat(page.locator("#deal-grid")).containsText("Hidden from viewers");
            assertThat(page.locator("#deal-grid")).not().containsText("12,000");
            page.locator("#tab-chat").click();
            assertThat(page.locator("#chat-internal-hidden")).containsText("internal chat is kept from colleagues");
            assertThat(page.locator("#chat-channel-internal")).hasCount(0);
            screenshot("viewer-amounts-hidden-chat");
        } finally {
            io.clientspace.support.Actors.as("admin", () -> {
                firm.letViewersSeeAmounts(true);
                return null;
            }, "ADMIN", "STAFF");
        }

        // and the server refuses what the page does not offer
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> io.clientspace.support.Actors.asMember(
                () -> deals.create(client.id(), deal))).isInstanceOf(io.clientspace.shared.NoAccessException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> io.clientspace.support.Actors.asMember(
                () -> projects.create(client.id(), year))).isInstanceOf(io.clientspace.shared.NoAccessException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> io.clientspace.support.Actors.asMember(
                () -> requests.createDraft(project.id(), new RequestDraft("Bank statements",
                        java.util.List.of(new RequestItemDraft(ItemKind.FILE, "December statement", null))))))
                .isInstanceOf(io.clientspace.shared.NoAccessException.class);
        org.assertj.core.api.Assertions.assertThat(asManager(() -> requests.inProject(project.id())))
                .as("nothing half-saved").isEmpty();
    }
}
