package io.clientspace.e2e;

import io.clientspace.document.DocumentService;
import io.clientspace.document.DocumentType;
import io.clientspace.project.ProjectDraft;
import io.clientspace.project.ProjectService;
import io.clientspace.project.ProjectStatus;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.clientspace.support.Actors.asManager;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.devservices.DevServices;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The invitation round trip in the browser: a manager adds and invites a contact, the contact follows Keycloak's
 * mail from the sandbox, sets a password on Keycloak's page and signs in to the portal; the manager sees them
 * active, revokes them, and the contact's open portal session ends on its next request.
 */
class InvitationJourneyBrowserTests extends BrowserTest {

    @Autowired
    ClientService clients;
    @Autowired
    ProjectService projects;
    @Autowired
    DocumentService documents;

    @Test
    void aContactIsInvitedSetsAPasswordSignsInAndLosesAccessWhenRevoked() throws Exception {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        // what the contact will find: one shared project with a shared document, and a document kept internal
        var draft = new ProjectDraft();
        draft.setName("Annual accounts 2026");
        draft.setStatus(ProjectStatus.ACTIVE);
        draft.setOwner("manager");
        var project = asManager(() -> projects.create(client.id(), draft));
        var shared = asManager(() -> documents.create(project.scope(), "Engagement letter 2026",
                DocumentType.CONTRACT, "engagement-letter.pdf", pdf("Engagement letter")));
        asManager(() -> documents.create(project.scope(), "Internal fee calculation",
                DocumentType.OTHER, "fees.pdf", pdf("Fee calculation")));
        asManager(() -> projects.setSharing(project.id(), true, false));
        asManager(() -> documents.setShared(shared.id(), true));
        String email = "nora-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";

        signIn("/" + client.workspacePath(), "manager", "manager");
        page.locator("#tab-external").click();
        assertThat(page.locator("#tab-content-external")).containsText("Nobody outside has access");
        screenshot("workspace-external-empty");
        page.locator("#add-contact").click();
        page.locator("#contact-email input").fill("not-an-address");
        page.locator("#contact-save").click();
        assertThat(page.locator("#contact-name")).containsText("Enter the person's name.");
        assertThat(page.locator("#contact-email")).containsText("is not an e-mail address");
        page.locator("#contact-name input").fill("Nora Brandt");
        page.locator("#contact-email input").fill(email);
        screenshot("contact-form");
        page.locator("#contact-save").click();
        assertThat(page.locator("#external-grid")).containsText("Nora Brandt");
        assertThat(page.locator("#external-grid .contact-status")).hasText("Invited");
        assertThat(page.locator("#count-external")).hasText("1");

        // the contact, in a browser of their own
        var mails = DevServices.mail().awaitMessages(email, 1, Duration.ofSeconds(20));
        org.assertj.core.api.Assertions.assertThat(mails).hasSize(1);
        String link = actionLink(mails.get(0));
        BrowserContext contactContext = browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("en-US").setViewportSize(1280, 860));
        try {
            Page contact = contactContext.newPage();
            contact.navigate(link);
            // Keycloak first names the actions it asks for, then shows its set-password form
            contact.locator("#password-new, #kc-info-message a").first().waitFor();
            if (!contact.locator("#password-new").isVisible()) {
                contact.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("keycloak-actions.png")));
                contact.locator("#kc-info-message a").first().click();
            }
            contact.locator("#password-new").fill("Nora-Portal-2026");
            contact.locator("#password-confirm").fill("Nora-Portal-2026");
            contact.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("keycloak-set-password.png")));
            contact.locator("input[type=submit], button[type=submit]").first().click();
            contact.navigate(url("/portal"));
            if (contact.locator("#kc-login").isVisible()) {
                contact.locator("#username").fill(email);
                contact.locator("#password").fill("Nora-Portal-2026");
                contact.locator("#kc-login").click();
            }
            assertThat(contact.locator("#portal-home")).containsText(client.name());
            assertThat(contact.locator(".portal-project-card")).containsText("Annual accounts 2026");
            contact.locator(".portal-project-card").click();
            assertThat(contact.locator("#portal-project-documents")).containsText("Engagement letter 2026");
            assertThat(contact.locator("body")).not().containsText("Internal fee calculation");
            String href = contact.locator("#portal-project-documents a.portal-download").first().getAttribute("href");
            var download = contact.request().get(url("/" + href));
            org.assertj.core.api.Assertions.assertThat(download.status()).as("the shared document downloads")
                    .isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(new String(download.body(), StandardCharsets.US_ASCII))
                    .startsWith("%PDF").contains("Engagement letter");
            contact.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("portal-invited-contact.png")));

            page.reload();
            page.locator("#tab-external").click();
            assertThat(page.locator("#external-grid .contact-status")).hasText("Active");
            screenshot("workspace-external");
            page.locator("#external-grid .revoke-contact").click();
            page.locator("#revoke-confirm-button").click();
            assertThat(page.locator("#external-grid .contact-status")).hasText("Revoked");

            // the contact's next request finds the session ended, and nothing of the client on the page: either the
            // app's own check ended it (the access-ended page) or Keycloak's back-channel sign-out got there first
            // (the sign-in page), whichever of the two ran first
            contact.navigate(url("/portal"));
            assertThat(contact.locator("#access-ended, #kc-login")).isVisible();
            if (contact.locator("#access-ended").count() > 0) {
                assertThat(contact.locator("#access-ended")).containsText("Your portal access has ended");
            }
            assertThat(contact.locator("#portal-home")).hasCount(0);
            assertThat(contact.locator("body")).not().containsText(client.name());
            contact.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("portal-after-revoke.png")));
            // and signing in again is refused by Keycloak: the identity is disabled
            contact.navigate(url("/portal"));
            assertThat(contact.locator("#kc-login")).isVisible();
            contact.locator("#username").fill(email);
            contact.locator("#password").fill("Nora-Portal-2026");
            contact.locator("#kc-login").click();
            assertThat(contact.locator("body")).containsText("disabled");
            assertThat(contact.locator("#portal-home")).hasCount(0);
        } finally {
            contactContext.close();
        }
    }

    private static Path pdf(String text) {
        try {
            Path file = Files.createTempFile("invitation-journey", ".pdf");
            file.toFile().deleteOnExit();
            return Files.writeString(file, "%PDF-1.4\n% " + text
                    + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String actionLink(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        String raw = out.toString(StandardCharsets.UTF_8).replace("=\r\n", "").replace("=3D", "=")
                .replace("&amp;", "&");
        Matcher m = Pattern.compile("(http://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+)").matcher(raw);
        org.assertj.core.api.Assertions.assertThat(m.find()).as("a link in the mail").isTrue();
        return m.group(1);
    }
}
