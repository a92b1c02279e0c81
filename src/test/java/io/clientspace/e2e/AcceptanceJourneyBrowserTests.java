package io.clientspace.e2e;

import java.nio.file.Path;
import java.util.Map;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.clientspace.support.Actors.asManager;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import io.clientspace.acceptance.AcceptanceEvidence;
import io.clientspace.acceptance.AcceptanceService;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.PortalAccount;
import io.clientspace.portal.PortalTestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One acceptance end to end through the real Keycloak: the manager sends a contract version from the document, the
 * customer reviews it in the portal and accepts it by typing their name (a wrong name first), and the manager sees
 * it accepted with its evidence and exports that.
 */
class AcceptanceJourneyBrowserTests extends BrowserTest {

    @Autowired
    PortalTestData data;
    @Autowired
    ExternalAccessService externalAccess;
    @Autowired
    AcceptanceService acceptances;
    @Autowired
    PortalIdentities identities;
    @Autowired
    JdbcTemplate jdbc;

    PortalTestData.World world;
    String customer;
    PortalAccount account;

    @BeforeEach
    void aClientWithAPortalContact() {
        String marker = "a" + UUID.randomUUID().toString().substring(0, 6);
        world = data.world(marker, null, null, null);
        customer = identities.create("Nina", "Acceptor");
        account = asManager(() -> externalAccess.grantExisting(world.client().id(), customer));
    }

    @Test
    void managerSendsCustomerAcceptsWithTheirNameManagerSeesTheEvidence() throws Exception {
        String title = world.sharedDocument().title();
        signIn("/" + world.client().workspacePath(), "manager", "manager");
        page.locator("#tab-documents").click();
        page.locator("#document-grid").getByText(title).click();
        assertThat(page.locator("#document-acceptance")).containsText("Not sent for acceptance yet");
        page.locator("#acceptance-send").click();
        assertThat(page.locator("#acceptance-list .acceptance-status")).hasText("Pending");
        assertThat(page.locator("#acceptance-blocked")).containsText("waiting for acceptance");
        screenshot("acceptance-sent");
        page.locator("#document-close").click();
        assertThat(page.locator("#document-grid .document-acceptance-badge")).hasText("Awaiting acceptance");
        UUID acceptanceId = jdbc.queryForObject("select id from document_acceptance where document_id = ?", UUID.class,
                world.sharedDocument().id());

        var manager = page;
        // the customer's browser claims an address of its own choosing as the left-most X-Forwarded-For entry; the
        // trusted proxy in front (here: this machine) appended the one it saw. The evidence keeps the latter.
        try (BrowserContext customerContext = browser().newContext(new Browser.NewContextOptions()
                .setLocale("en-US").setViewportSize(1440, 900)
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", "6.6.6.6, 203.0.113.9")))) {
            page = customerContext.newPage();
            signIn("/portal/acceptances", customer, PortalIdentities.PASSWORD);
            assertThat(page.locator(".portal-acceptance-card")).hasCount(1);
            assertThat(page.locator(".portal-acceptance-card")).containsText(title);
            assertThat(page.locator(".portal-acceptance-card .acceptance-status")).hasText("Pending");
            screenshot("portal-acceptances-list");

            page.locator(".portal-acceptance-card").click();
            assertThat(page.locator("#portal-acceptance-title")).hasText(title);
            assertThat(page.locator("#acceptance-preview")).isVisible();
            assertThat(page.locator("#acceptance-sha256")).hasText(jdbc.queryForObject(
                    "select version_sha256 from document_acceptance where id = ?", String.class, acceptanceId));
            Download download = page.waitForDownload(() -> page.locator("#acceptance-download").click());
            org.assertj.core.api.Assertions.assertThat(Files.readString(download.path(), StandardCharsets.US_ASCII))
                    .startsWith("%PDF");

            page.locator("#acceptance-name input").fill("Someone Else");
            page.locator("#acceptance-accept").click();
            assertThat(page.locator("#acceptance-name")).hasAttribute("invalid", "");
            assertThat(page.locator("#acceptance-name")).containsText("Nina Acceptor");
            // the typed text is kept, and nothing was accepted
            assertThat(page.locator("#acceptance-name input")).hasValue("Someone Else");
            org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
                    "select status from document_acceptance where id = ?", String.class, acceptanceId))
                    .isEqualTo("PENDING");
            screenshot("portal-acceptance-wrong-name");

            page.locator("#acceptance-name input").fill("nina acceptor");
            page.locator("#acceptance-accept").click();
            assertThat(page.locator(".portal-outcome-accepted")).containsText("Accepted as \"nina acceptor\"");
            screenshot("portal-acceptance-accepted");
            page.navigate(url("/portal/acceptances"));
            assertThat(page.locator(".portal-acceptance-card .acceptance-status")).hasText("Accepted");
        }

        page = manager;
        page.reload();
        page.locator("#tab-documents").click();
        assertThat(page.locator("#document-grid .document-acceptance-badge")).hasText("Accepted by client");
        page.locator("#document-grid").getByText(title).click();
        assertThat(page.locator("#acceptance-list .acceptance-status")).hasText("Accepted");
        // the accepted version is not offered again; a new version would be
        assertThat(page.locator("#acceptance-blocked")).containsText("upload a new version");
        page.locator(".acceptance-evidence").click();
        assertThat(page.locator("#evidence-name")).hasText("nina acceptor");
        assertThat(page.locator("#evidence-who")).containsText(customer);
        AcceptanceEvidence evidence = asManager(() -> acceptances.evidence(acceptanceId));
        assertThat(page.locator("#evidence-ip")).hasText(evidence.ipAddress());
        org.assertj.core.api.Assertions.assertThat(evidence.ipAddress()).as("the right-most untrusted hop")
                .isEqualTo("203.0.113.9");
        org.assertj.core.api.Assertions.assertThat(evidence.userAgent()).as("the accepting request's browser")
                .contains("Chrome");
        assertThat(page.locator("#evidence-seal")).hasText("Intact: the evidence matches its seal");
        org.assertj.core.api.Assertions.assertThat(evidence.accountId()).isEqualTo(account.id());
        screenshot("acceptance-evidence");
        Download export = page.waitForDownload(() -> page.locator("#evidence-export").click());
        org.assertj.core.api.Assertions.assertThat(Files.readString(export.path(), StandardCharsets.UTF_8))
                .contains(evidence.sha256(), "nina acceptor", customer, "HMAC-SHA256");
        // the exported file, brought back, checks out in the same dialog
        Path exported = Files.createTempDirectory("evidence").resolve(export.suggestedFilename());
        export.saveAs(exported);
        page.locator("#evidence-verify-upload").locator("input[type=file]").setInputFiles(exported);
        assertThat(page.locator("#evidence-verify-result")).hasText("Intact: the evidence matches its seal");
    }
}
