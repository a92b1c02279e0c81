package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.clientspace.support.Actors.asManager;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.clientspace.devservices.DevServices;
import io.clientspace.document.DocumentService;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.PortalAccount;
import io.clientspace.portal.PortalTestData;
import io.clientspace.project.ProjectService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portal end to end through the real Keycloak: a manager shares a project and a document, the customer signs in,
 * sees them (and not what was not shared), downloads, and the two write to each other in the project's thread.
 */
class PortalJourneyBrowserTests extends BrowserTest {

    @Autowired
    PortalTestData data;
    @Autowired
    ProjectService projects;
    @Autowired
    DocumentService documents;
    @Autowired
    ExternalAccessService externalAccess;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PortalIdentities identities;

    PortalTestData.World world;
    String customer;
    PortalAccount account;

    @BeforeEach
    void aClientWithAContactButNothingSharedYet() {
        String marker = "j" + UUID.randomUUID().toString().substring(0, 6);
        world = data.world(marker, null, null, null);
        // start from nothing shared: the manager decides in the browser
        asManager(() -> {
            documents.setShared(world.sharedDocument().id(), false);
            return projects.setSharing(world.project().id(), false, false);
        });
        customer = identities.create("Greta", "Journey");
        account = asManager(() -> externalAccess.grantExisting(world.client().id(), customer));
    }

    @Test
    void managerSharesCustomerSeesDownloadsAndBothWrite() throws Exception {
        signIn("/client-projects/" + world.project().id(), "manager", "manager");
        page.locator("#share-project").click();
        assertThat(page.locator("#share-project-tasks")).not().hasAttribute("disabled", "");
        page.locator("#share-project-tasks").click();
        page.locator("#tab-documents").click();
        page.locator(".sharing-switch[data-name='" + world.sharedDocument().title() + "']").click();
        assertThat(page.locator(".sharing-switch[data-name='" + world.sharedDocument().title() + "']"))
                .hasAttribute("checked", "");
        screenshot("portal-staff-sharing");
        org.assertj.core.api.Assertions.assertThat(asManager(() -> projects.get(world.project().id())))
                .satisfies(p -> {
                    org.assertj.core.api.Assertions.assertThat(p.sharedWithClient()).isTrue();
                    org.assertj.core.api.Assertions.assertThat(p.tasksVisibleToClient()).isTrue();
                });

        Page manager = page;
        try (BrowserContext customerContext = browser().newContext(new Browser.NewContextOptions()
                .setLocale("en-US").setViewportSize(1440, 900))) {
            watchPolicy(customerContext);
            page = customerContext.newPage();
            signIn("/portal", customer, PortalIdentities.PASSWORD);
            assertThat(page.locator("#portal-home")).containsText("Welcome, Greta Journey");
            assertThat(page.locator(".portal-project-card")).hasCount(1);
            assertThat(page.locator(".portal-project-card")).containsText(world.project().name());
            assertThat(page.locator("#portal-home")).not().containsText(world.hiddenProject().name());
            screenshot("portal-projects");

            page.locator(".portal-project-card").click();
            assertThat(page.locator("#portal-project-title")).hasText(world.project().name());
            var docs = page.locator("#portal-project-documents");
            assertThat(docs).containsText(world.sharedDocument().title());
            assertThat(docs).containsText(world.sharedFile().name());
            assertThat(page.locator("body")).not().containsText(world.unsharedDocument().title());
            assertThat(page.locator("body")).not().containsText(world.unsharedFile().name());
            assertThat(page.locator("#summary-total-hours")).containsText("0 h");
            screenshot("portal-project");

            // the link works: it is checked, recorded and sent on to a presigned storage link
            String href = page.locator("#portal-project-documents a.portal-download").first().getAttribute("href");
            var response = page.request().get(url("/" + href));
            org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(new String(response.body(), StandardCharsets.US_ASCII))
                    .startsWith("%PDF");
            org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
                    "select count(*) from portal_download where account_id = ?", Long.class, account.id()))
                    .isEqualTo(1);

            page.locator("#portal-tab-tasks").click();
            assertThat(page.locator("#portal-tasks-grid")).containsText(world.task().title());
            assertThat(page.locator("#portal-tasks-grid")).containsText("In progress");
            screenshot("portal-project-tasks");

            page.locator("#portal-tab-comments").click();
            page.locator("#comment-send").click();
            assertThat(page.locator("#comment-text")).hasAttribute("invalid", "");
            page.locator("#comment-text textarea").fill("Could we see the draft on Friday?");
            page.locator("#comment-send").click();
            assertThat(page.locator("#portal-comments .thread-comment")).containsText("Could we see the draft on Friday?");
            screenshot("portal-comments");

            page.navigate(url("/portal/documents"));
            assertThat(page.locator("#portal-all-documents")).containsText(world.sharedFile().name());
            assertThat(page.locator("#portal-all-documents")).containsText(world.project().name());
            screenshot("portal-documents");
            page.navigate(url("/portal/profile"));
            assertThat(page.locator("#profile-customer")).hasText(world.client().name());
            screenshot("portal-profile");
            page.navigate(url("/portal/proposals"));
            assertThat(page.locator("#portal-proposals .state-empty")).isVisible();
            screenshot("portal-proposals");
            page.navigate(url("/portal/requests"));
            assertThat(page.locator("#portal-requests .state-empty")).isVisible();
            screenshot("portal-requests");
            page.navigate(url("/portal/acceptances"));
            assertThat(page.locator("#portal-acceptances .state-empty")).isVisible();
            screenshot("portal-acceptances");

            // the team reads and answers in the project workspace
            page = manager;
            page.reload();
            page.locator("#tab-comments").click();
            assertThat(page.locator("#team-comments")).containsText("Could we see the draft on Friday?");
            page.locator("#comment-text textarea").fill("Yes, we will send it on Friday morning.");
            page.locator("#comment-send").click();
            assertThat(page.locator("#team-comments")).containsText("Yes, we will send it on Friday morning.");
            screenshot("portal-team-comments");

            page = customerContext.pages().get(0);
            page.navigate(url("/portal/projects/" + world.project().id()));
            page.locator("#portal-tab-comments").click();
            assertThat(page.locator("#portal-comments")).containsText("Yes, we will send it on Friday morning.");
        }
        page = manager;

        String email = customer + "@customer.example";
        org.assertj.core.api.Assertions.assertThat(DevServices.mail().awaitMessage(email,
                "New in your portal: " + world.sharedDocument().title(), Duration.ofSeconds(30))).isPresent();
        org.assertj.core.api.Assertions.assertThat(DevServices.mail().awaitMessage(email,
                "New answer on " + world.project().name(), Duration.ofSeconds(30))).isPresent();
    }

    @Test
    void aManagerViewsThePortalAsTheContactReadOnly() {
        signIn("/client-projects/" + world.project().id(), "manager", "manager");
        page.locator("#share-project").click();
        page.locator("#view-as-client").click();
        assertThat(page).hasURL(Pattern.compile(".*/clients/view-as/" + account.id()));
        assertThat(page.locator("#view-as-banner")).containsText("Greta Journey");
        assertThat(page.locator(".portal-project-card")).containsText(world.project().name());
        page.locator(".portal-project-card").click();
        assertThat(page.locator("#portal-project-title")).hasText(world.project().name());
        page.locator("#portal-tab-comments").click();
        assertThat(page.locator("#portal-comments")).containsText("read-only");
        assertThat(page.locator("#comment-text")).hasCount(0);
        screenshot("portal-view-as-client");

        // members may not look as the client
        context.clearCookies();
        signIn("/clients/view-as/" + account.id(), "member", "member");
        assertThat(page.locator("body")).not().containsText(world.project().name());
        assertThat(page.locator(".portal-project-card")).hasCount(0);
    }
}
