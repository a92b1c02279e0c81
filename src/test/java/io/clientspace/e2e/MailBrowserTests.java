package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.clientspace.support.Actors.asManager;

import com.microsoft.playwright.Browser;
import io.clientspace.conversation.MailService;
import io.clientspace.conversation.MailTestData;
import io.clientspace.devservices.DevServices;
import io.clientspace.portal.PortalTestData;
import io.clientspace.shared.WorkScope;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The Mail tab through the real Keycloak and GreenMail: a manager reads a client's mail and replies from the tab (an
 * empty reply is refused first), the reply reaches the client from the workspace address; a member who does not own
 * the client sees none of it; the empty tab in German.
 */
class MailBrowserTests extends BrowserTest {

    @Autowired
    PortalTestData data;
    @Autowired
    MailService mail;
    @Autowired
    MailTestData mails;
    @Autowired
    JavaMailSender sender;

    PortalTestData.World world;
    String marker;

    @BeforeEach
    void aClient() {
        marker = UUID.randomUUID().toString().substring(0, 6);
        world = data.world("m" + marker);
    }

    String address() {
        return asManager(() -> mail.address(WorkScope.client(world.client().id()))).address();
    }

    @Test
    void aManagerReadsTheClientsMailAndRepliesFromTheMailTab() throws Exception {
        String client = "anna-" + marker + "@kunde.example";
        String to = address();
        mails.deliver(client, "Anna Berg", to, "Kick-off dates " + marker, "Could we meet on Tuesday?\nAnna");
        mails.deliver("ben-" + marker + "@kunde.example", "Ben Wolf", to, "Invoice question " + marker,
                "Is the March invoice final?");

        signIn("/" + world.client().workspacePath() + "?tab=mail", "manager", "manager");
        assertThat(page.locator("#mail-address-value")).hasText(to);
        assertThat(page.locator("#mail-threads .mail-thread-row")).hasCount(2);
        // newest first
        assertThat(page.locator("#mail-threads .mail-thread-row").first()).containsText("Invoice question");
        screenshot("mail-thread-list");

        page.locator("#mail-threads .mail-thread-row", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("Kick-off dates")).click();
        assertThat(page.locator("#mail-thread")).containsText("Could we meet on Tuesday?");
        assertThat(page.locator("#mail-thread")).containsText("Unknown sender");
        page.locator("#mail-reply").click();
        page.locator("#mail-send").click();
        assertThat(page.locator("#mail-text")).containsText("Write a reply before sending.");
        page.locator("#mail-text textarea").fill("Tuesday at 10 works for us.");
        page.locator("#mail-send").click();
        assertThat(page.locator("#mail-thread .mail-message.out")).containsText("Tuesday at 10 works for us.");
        screenshot("mail-thread-replied");

        MimeMessage out = DevServices.mail().awaitMessage(client, "Re: Kick-off dates " + marker,
                Duration.ofSeconds(20)).orElseThrow();
        org.assertj.core.api.Assertions.assertThat(((InternetAddress) out.getFrom()[0]).getAddress()).isEqualTo(to);
        org.assertj.core.api.Assertions.assertThat(((InternetAddress) out.getFrom()[0]).getPersonal())
                .endsWith("via Clientspace");
    }

    @Test
    void theHeaderOfTheClientAndTheProjectWorkspaceShowsTheAddressAndCopiesIt() {
        String to = address();
        String projectAddress = asManager(() -> mail.address(world.project().scope())).address();
        context.grantPermissions(java.util.List.of("clipboard-read", "clipboard-write"));

        signIn("/" + world.client().workspacePath(), "manager", "manager");
        assertThat(page.locator("#workspace-header #workspace-mail-address")).containsText("Workspace e-mail");
        assertThat(page.locator("#workspace-header #workspace-mail-address-value")).hasText(to);
        page.locator("#workspace-mail-address-copy").click();
        assertThat(page.locator("vaadin-notification-card").first()).containsText("Copied " + to);
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => navigator.clipboard.readText()"))
                .isEqualTo(to);
        screenshot("mail-address-workspace-header");

        page.navigate(url("/client-projects/" + world.project().id()));
        assertThat(page.locator("#workspace-header #workspace-mail-address-value")).hasText(projectAddress);
        screenshot("mail-address-project-header");
    }

    @Test
    void aMemberCannotOpenTheMailOfAClientTheyDoNotOwn() throws Exception {
        String to = address();
        mails.deliver("carl-" + marker + "@kunde.example", "Carl", to, "Confidential " + marker, "Numbers inside.");
        signIn("/" + world.client().workspacePath() + "?tab=mail", "member", "member");
        assertThat(page.locator("#user-menu")).containsText("Tom Becker");
        assertThat(page.locator("#workspace-denied")).isVisible();
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain("Confidential " + marker, to,
                "Numbers inside.");
        screenshot("mail-member-denied");
    }

    @Test
    void newMailAppearsInTheOpenMailTabWithoutAReload() throws Exception {
        String to = address();
        mails.deliver("dora-" + marker + "@kunde.example", "Dora Lenz", to, "Site visit " + marker, "When can you come?");
        signIn("/" + world.client().workspacePath() + "?tab=mail", "manager", "manager");
        assertThat(page.locator("#mail-threads .mail-thread-row")).hasCount(1);
        page.evaluate("window.__sameDocument = true");

        // delivered and read in while the tab is open: it arrives through NOTIFY and @Push, the page is not reloaded
        mails.deliver("emil-" + marker + "@kunde.example", "Emil Roth", to, "Budget " + marker, "Numbers attached.");
        assertThat(page.locator("#mail-threads .mail-thread-row")).hasCount(2);
        assertThat(page.locator("#mail-threads .mail-thread-row").first()).containsText("Budget " + marker);
        screenshot("mail-live-new-thread");

        page.locator("#mail-threads .mail-thread-row", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("Site visit")).click();
        page.locator("#mail-reply").click();
        page.locator("#mail-text textarea").fill("Half-written answer");
        mails.deliver("dora-" + marker + "@kunde.example", "Dora Lenz", to, "Re: Site visit " + marker,
                "Thursday would suit us best.");
        assertThat(page.locator("#mail-thread-messages .mail-message")).hasCount(2);
        assertThat(page.locator("#mail-thread-messages")).containsText("Thursday would suit us best.");
        // the reply being written stays as it was
        assertThat(page.locator("#mail-text textarea")).hasValue("Half-written answer");
        org.assertj.core.api.Assertions.assertThat(page.evaluate("window.__sameDocument === true")).isEqualTo(true);
        screenshot("mail-live-thread");
    }

    @Test
    void aReplyTheMailServerRefusesShowsNotSentWithTheReasonAndSendAgainSendsIt() throws Exception {
        String client = "fay-" + marker + "@kunde.example";
        mails.deliver(client, "Fay Ost", address(), "Contract " + marker, "Is the contract ready?");
        signIn("/" + world.client().workspacePath() + "?tab=mail", "manager", "manager");
        page.locator("#mail-threads .mail-thread-row").first().click();
        page.locator("#mail-reply").click();
        page.locator("#mail-text textarea").fill("Yes, it goes out today.");
        JavaMailSenderImpl smtp = (JavaMailSenderImpl) sender;
        int port = smtp.getPort();
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        smtp.setPort(closed);
        try {
            page.locator("#mail-send").click();
            assertThat(page.locator(".mail-not-sent")).isVisible();
        } finally {
            smtp.setPort(port);
        }
        assertThat(page.locator(".mail-message.out")).containsText("Yes, it goes out today.");
        assertThat(page.locator(".mail-not-sent-reason")).hasText("The mail server could not be reached."
                + " The mail is kept here; send it again when the server is back.");
        screenshot("mail-not-sent");

        page.locator(".mail-retry").click();
        assertThat(page.locator(".mail-not-sent")).hasCount(0);
        MimeMessage out = DevServices.mail().awaitMessage(client, "Re: Contract " + marker, Duration.ofSeconds(20))
                .orElseThrow();
        org.assertj.core.api.Assertions.assertThat(out.getContent().toString()).contains("Yes, it goes out today.");
    }

    @Test
    void anAdminFilesAnUnmatchedMailIntoAProjectWhereItShows() throws Exception {
        mails.deliver("gus-" + marker + "@kunde.example", "Gus Hahn", "lost-" + marker + "-zzzzzz@"
                + io.clientspace.devservices.MailService.INBOX_DOMAIN, "Lost order " + marker,
                "Our order number is 4711.");
        signIn("/" + io.clientspace.conversation.ConversationNavigation.UNMATCHED_MAIL, "admin", "admin");
        var card = page.locator("#unmatched-mail .mail-message", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("Lost order " + marker));
        card.locator(".unmatched-file").click();
        assertThat(card.locator(".unmatched-client")).containsText("Choose the client");
        card.locator(".unmatched-client input").fill(world.client().name());
        page.locator("vaadin-combo-box-item:has-text('" + world.client().name() + "')").click();
        card.locator(".unmatched-project").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION, new com.microsoft.playwright.Page
                .GetByRoleOptions().setName(world.project().name()).setExact(true)).click();
        screenshot("mail-unmatched-filing");
        card.locator(".unmatched-file").click();
        assertThat(page.locator("#unmatched-mail")).not().containsText("Lost order " + marker);

        page.navigate(url("/client-projects/" + world.project().id()));
        page.locator("#tab-mail").click();
        assertThat(page.locator("#mail-threads")).containsText("Lost order " + marker);
        screenshot("mail-unmatched-filed-project");
    }

    @Test
    void anEmptyMailTabInGermanSaysWhereToWrite() {
        String to = address();
        context.close();
        context = browser().newContext(new Browser.NewContextOptions().setLocale("de-DE").setViewportSize(1440, 900));
        watchPolicy(context);
        page = context.newPage();
        signIn("/" + world.client().workspacePath() + "?tab=mail", "manager", "manager");
        assertThat(page.locator("#mail-tab")).containsText("Noch keine E-Mails");
        assertThat(page.locator("#mail-tab")).containsText(to);
        assertThat(page.locator("#mail-address-rotate")).isVisible();
        assertThat(page.locator("#workspace-mail-address")).containsText("E-Mail des Arbeitsbereichs");
        assertThat(page.locator("#workspace-mail-address-value")).hasText(to);
        screenshot("mail-empty-de");
    }
}
