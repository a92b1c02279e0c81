package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.clientspace.support.Actors.asManager;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.portal.PortalTestData;
import io.clientspace.request.ClientRequest;
import io.clientspace.request.ClientRequestService;
import io.clientspace.request.RequestState;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A client request end to end through the real Keycloak: the customer raises it in the portal (a refused first try
 * keeps what was typed), a manager takes it in the client's Client requests tab and asks a question, the customer
 * answers, the manager resolves, the customer reopens it in one window so that a confirm from an older window is
 * refused, the manager resolves again, and the customer confirms.
 */
class ClientRequestJourneyBrowserTests extends BrowserTest {

    @Autowired
    PortalTestData data;
    @Autowired
    ExternalAccessService externalAccess;
    @Autowired
    ClientRequestService requests;
    @Autowired
    PortalIdentities identities;

    PortalTestData.World world;
    String customer;

    @BeforeEach
    void aClientWithAPortalContact() {
        world = data.world("cr" + UUID.randomUUID().toString().substring(0, 6), null, null, null);
        customer = identities.create("Clara", "Asks");
        asManager(() -> externalAccess.grantExisting(world.client().id(), customer));
    }

    @Test
    void customerRaisesTeamAsksCustomerAnswersTeamResolvesCustomerConfirms() {
        // the customer: an empty list, then a refused first try that keeps the text, then the request
        signIn("/portal/client-requests", customer, PortalIdentities.PASSWORD);
        assertThat(page.locator("#portal-client-requests")).containsText("No requests yet");
        screenshot("portal-client-requests-empty");
        page.locator("#portal-client-request-new").click();
        page.locator("#portal-client-request-category").click();
        page.locator("vaadin-select-item:has-text('Technical problem')").click();
        String tooLong = "x".repeat(ClientRequestService.DESCRIPTION_MAX + 1);
        page.locator("#portal-client-request-description textarea").fill(tooLong);
        page.locator("#portal-client-request-send").click();
        assertThat(page.locator("#portal-client-request-subject")).hasAttribute("invalid", "");
        assertThat(page.locator("#portal-client-request-subject")).containsText("Give the request a subject.");
        assertThat(page.locator("#portal-client-request-description")).hasAttribute("invalid", "");
        assertThat(page.locator("#portal-client-request-description")).containsText("at most 10,000 characters");
        assertThat(page.locator("#portal-client-request-description textarea")).hasValue(tooLong);
        screenshot("portal-client-request-refused");

        page.locator("#portal-client-request-subject input").fill("Export to PDF fails " + world.marker());
        page.locator("#portal-client-request-description textarea")
                .fill("Since Monday the export stops at 90 %.");
        page.locator("#portal-client-request-project").click();
        page.locator("vaadin-combo-box-item:has-text('" + world.project().name() + "')").click();
        // with a screenshot of the error: it goes the Files tab's way (type, size, virus scan) and shows on both sides
        java.nio.file.Path shot = writeFile("export-error.pdf",
                io.clientspace.support.TestFiles.pdf("export error " + world.marker()));
        page.locator("#portal-client-request-upload input[type=file]").setInputFiles(shot);
        assertThat(page.locator("#portal-client-request-upload-pending")).containsText(shot.getFileName().toString());
        page.locator("#portal-client-request-send").click();
        assertThat(page.locator("#portal-client-request-title")).hasText("Export to PDF fails " + world.marker());
        assertThat(page.locator("#portal-client-request-attachments")).containsText(shot.getFileName().toString());
        assertThat(page.locator("#portal-client-request-state")).hasText("With us: being triaged");
        ClientRequest raised = asManager(() -> requests.forClient(world.client().id())).get(0);
        assertThat(page.locator("#portal-client-request-meta")).containsText(raised.number());
        assertThat(page.locator("#portal-client-request-meta")).containsText(world.project().name());
        screenshot("portal-client-request-raised");
        page.locator(".portal-back").click();
        var card = page.locator(".portal-client-request-card[data-number='" + raised.number() + "']");
        assertThat(card).containsText("Export to PDF fails");
        assertThat(card).containsText("With us: being triaged");
        screenshot("portal-client-requests-list");
        Page customerPage = page;

        try (BrowserContext staffContext = browser().newContext(new Browser.NewContextOptions()
                .setLocale("en-US").setViewportSize(1440, 900))) {
            // the team: the request in the client's tab; take it and ask a question
            page = staffContext.newPage();
            signIn("/clients/company/" + world.client().id(), "manager", "manager");
            page.locator("#tab-client-requests").click();
            assertThat(page.locator("#client-request-grid")).containsText(raised.number());
            screenshot("staff-client-requests-tab");
            page.locator("#client-request-grid").getByText(raised.number()).click();
            assertThat(page.locator("#client-request-attachments")).containsText(shot.getFileName().toString());
            page.locator("#client-request-take").click();
            assertThat(page.locator("#client-request-detail-body .request-meta")).containsText("In progress");
            page.locator("#client-request-text textarea").fill("Which file do you export?");
            page.locator("#client-request-ask").click();
            assertThat(page.locator("#client-request-thread")).containsText("Which file do you export?");
            screenshot("staff-client-request-asked");
            page.keyboard().press("Escape");
            Page staffPage = page;

            // the customer answers
            page = customerPage;
            // the start page's dashboard shows the question first, in the client's words, and opens the request
            page.navigate(url("/portal"));
            var first = page.locator("#portal-dashboard .portal-dashboard-item").first();
            assertThat(first).containsText(raised.number());
            assertThat(first).containsText("Waiting for you: we asked a question on");
            screenshot("portal-dashboard-question");
            first.click();
            assertThat(page.locator("#portal-client-request-title")).hasText("Export to PDF fails " + world.marker());
            assertThat(page.locator("#portal-client-request-state"))
                    .containsText("Waiting for you: we asked a question on");
            assertThat(page.locator("#portal-client-request-thread")).containsText("Which file do you export?");
            screenshot("portal-client-request-question");
            page.locator("#portal-client-request-answer").click();
            assertThat(page.locator("#portal-client-request-text")).containsText("Write your answer.");
            page.locator("#portal-client-request-text textarea").fill("The yearly report, 80 pages.");
            page.locator("#portal-client-request-answer").click();
            assertThat(page.locator("#portal-client-request-state")).hasText("With us: in progress");
            assertThat(page.locator("#portal-client-request-thread")).containsText("The yearly report, 80 pages.");

            // the team resolves
            page = staffPage;
            page.reload();
            page.locator("#tab-client-requests").click();
            page.locator("#client-request-grid").getByText(raised.number()).click();
            assertThat(page.locator("#client-request-thread")).containsText("The yearly report, 80 pages.");
            page.locator("#client-request-text textarea").fill("Large reports export again since today's fix.");
            page.locator("#client-request-resolve").click();
            assertThat(page.locator("#client-request-detail-body .request-meta")).containsText("Resolved, to confirm");
            screenshot("staff-client-request-resolved");
            page.keyboard().press("Escape");

            // the customer reopens it in a second window; the confirm in the first is refused as stale
            page = customerPage;
            page.reload();
            assertThat(page.locator("#portal-client-request-state")).containsText("Resolved: please confirm by");
            assertThat(page.locator("#portal-client-request-resolution"))
                    .containsText("Large reports export again since today's fix.");
            screenshot("portal-client-request-resolved");
            Page second = customerPage.context().newPage();
            second.navigate(url("/portal/client-requests/" + raised.id()));
            second.locator("#portal-client-request-text textarea").fill("Still stops at 90 % for the yearly one.");
            second.locator("#portal-client-request-reopen").click();
            assertThat(second.locator("#portal-client-request-state")).hasText("With us: in progress");
            second.close();
            page.locator("#portal-client-request-confirm").click();
            assertThat(page.locator("#portal-client-request-errors")).containsText("changed in the meantime");
            assertThat(page.locator("#portal-client-request-state")).hasText("With us: in progress");
            assertThat(page.locator("#portal-client-request-confirm")).hasCount(0);
            screenshot("portal-client-request-stale-confirm");

            // the team resolves again, the customer confirms
            page = staffPage;
            page.reload();
            page.locator("#tab-client-requests").click();
            page.locator("#client-request-grid").getByText(raised.number()).click();
            assertThat(page.locator("#client-request-thread")).containsText("Still stops at 90 %");
            page.locator("#client-request-text textarea").fill("Fixed the page limit as well.");
            page.locator("#client-request-resolve").click();
            assertThat(page.locator("#client-request-detail-body .request-meta")).containsText("Resolved, to confirm");
            page.keyboard().press("Escape");
            page.navigate(url("/requests"));
            assertThat(page.locator("#request-queue")).isVisible();
            screenshot("staff-request-queue");

            page = customerPage;
            page.reload();
            page.locator("#portal-client-request-confirm").click();
            assertThat(page.locator("#portal-client-request-state")).containsText("Closed on");
            assertThat(page.locator("#portal-client-request-actions")).hasCount(0);
            assertThat(page.locator("#portal-client-request-history")).containsText("confirmed");
            screenshot("portal-client-request-closed");
            org.assertj.core.api.Assertions.assertThat(asManager(() -> requests.get(raised.id())).state())
                    .isEqualTo(RequestState.CLOSED);
        }
    }

    private static java.nio.file.Path writeFile(String name, byte[] bytes) {
        try {
            return java.nio.file.Files.write(java.nio.file.Files.createTempDirectory("request-attachments")
                    .resolve(name), bytes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
