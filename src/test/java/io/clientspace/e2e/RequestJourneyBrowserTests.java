package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.clientspace.support.Actors.asManager;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.inforequest.InformationRequest;
import io.clientspace.inforequest.InformationRequestService;
import io.clientspace.inforequest.RequestStatus;
import io.clientspace.portal.PortalTestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An information request end to end through the real Keycloak: a manager writes and sends it in the project
 * workspace, the customer answers a question and uploads a file in the portal, the manager returns the answer with a
 * comment and accepts the file, the customer answers again, and the request completes on both sides.
 */
class RequestJourneyBrowserTests extends BrowserTest {

    @Autowired
    PortalTestData data;
    @Autowired
    ExternalAccessService externalAccess;
    @Autowired
    InformationRequestService requests;
    @Autowired
    PortalIdentities identities;

    @TempDir
    Path dir;

    PortalTestData.World world;
    String customer;

    @BeforeEach
    void aSharedProjectWithAPortalContact() {
        world = data.world("r" + UUID.randomUUID().toString().substring(0, 6), null, null, null);
        customer = identities.create("Lena", "Requests");
        asManager(() -> externalAccess.grantExisting(world.client().id(), customer));
    }

    @Test
    void managerSendsCustomerAnswersManagerReturnsAndAcceptsAndTheRequestCompletes() throws Exception {
        signIn("/client-projects/" + world.project().id(), "manager", "manager");
        page.locator("#tab-requests").click();
        assertThat(page.locator("#tab-content-requests")).containsText("No requests yet");
        page.locator("#new-request").click();
        page.locator("#request-save").click();
        assertThat(page.locator("#request-title")).hasAttribute("invalid", "");
        page.locator("#request-title input").fill("Brand assets");
        page.locator(".request-item-prompt input").nth(0).fill("Which brand colours do you use?");
        page.locator("#request-add-file").click();
        page.locator(".request-item-prompt input").nth(1).fill("Your logo as a file");
        page.locator("#request-save").click();

        assertThat(page.locator("#request-details-status")).hasText("Draft");
        screenshot("request-draft");
        page.locator("#request-send").click();
        assertThat(page.locator("#request-details-status")).hasText("Sent");
        page.locator("#request-close").click();
        InformationRequest sent = asManager(() -> requests.inProject(world.project().id())).get(0);
        assertThat(page.locator("#request-grid")).containsText(sent.number());
        assertThat(page.locator("#count-requests")).hasText("1");
        screenshot("request-sent");

        Page manager = page;
        try (BrowserContext customerContext = browser().newContext(new Browser.NewContextOptions()
                .setLocale("en-US").setViewportSize(1440, 900))) {
            page = customerContext.newPage();
            signIn("/portal/requests", customer, PortalIdentities.PASSWORD);
            var card = page.locator(".portal-request-card[data-number='" + sent.number() + "']");
            assertThat(card).containsText("Brand assets");
            assertThat(card).containsText(world.project().name());
            assertThat(card).containsText("0 of 2 accepted");
            screenshot("portal-requests-open");
            card.click();

            assertThat(page.locator("#portal-request-title")).hasText("Brand assets");
            page.locator("#request-answer-1 textarea").fill("Dark blue and white");
            Path logo = Files.write(dir.resolve("logo.pdf"), ("%PDF-1.4\n% logo\n1 0 obj << /Type /Catalog >> endobj\n"
                    + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
            page.locator("#request-upload-2 input[type=file]").setInputFiles(logo);
            assertThat(page.locator("#request-file-2")).hasText("Ready to submit: logo.pdf");
            page.locator("#portal-request-submit").click();
            assertThat(page.locator("#request-item-1 .request-item-state")).hasText("Answered");
            assertThat(page.locator("#request-item-2 .request-item-state")).hasText("Answered");
            assertThat(page.locator("#portal-request-meta")).containsText("In progress");
            screenshot("portal-request-submitted");

            page = manager;
            page.reload();
            page.locator("#tab-requests").click();
            page.locator("#request-grid").getByText(sent.number()).click();
            var question = page.locator("#request-details-item-1");
            assertThat(question).containsText("Dark blue and white");
            question.locator(".request-return").click();
            question.locator(".request-return-comment input").fill("Please give us the hex code.");
            question.locator(".request-return-confirm").click();
            assertThat(question).containsText("Returned");
            page.locator("#request-details-item-2 .request-accept").click();
            assertThat(page.locator("#request-details-item-2")).containsText("Accepted");
            screenshot("request-review");
            page.locator("#request-close").click();

            page = customerContext.pages().get(0);
            page.reload();
            assertThat(page.locator("#request-item-1 .request-returned-comment"))
                    .containsText("Please give us the hex code.");
            assertThat(page.locator("#request-answer-1 textarea")).hasValue("Dark blue and white");
            page.locator("#request-answer-1 textarea").fill("#1E3A8A and white");
            page.locator("#portal-request-submit").click();
            assertThat(page.locator("#request-item-1 .request-item-state")).hasText("Answered");

            page = manager;
            page.locator("#request-grid").getByText(sent.number()).click();
            page.locator("#request-details-item-1 .request-accept").click();
            assertThat(page.locator("#request-details-status")).hasText("Completed");
            page.locator("#request-close").click();
            org.assertj.core.api.Assertions.assertThat(asManager(() -> requests.get(sent.id())).status())
                    .isEqualTo(RequestStatus.COMPLETED);

            page = customerContext.pages().get(0);
            page.navigate(url("/portal/requests"));
            page.locator("#portal-requests-tab-completed").click();
            assertThat(page.locator("#portal-requests-completed .portal-request-card")).containsText("2 of 2 accepted");
            screenshot("portal-requests-completed");
            page.navigate(url("/" + "portal/requests/" + sent.id()));
            assertThat(page.locator("#portal-request-closed")).isVisible();
            assertThat(page.locator("#portal-request-submit")).hasCount(0);
        }
    }
}
