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
        screenshot("mail-empty-de");
    }
}
