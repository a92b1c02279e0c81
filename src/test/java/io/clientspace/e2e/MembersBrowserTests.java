package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;

import com.microsoft.playwright.Browser;
import io.clientspace.client.AccessLevel;
import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.people.WorkspaceMemberService;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Members tab: the owner answers an access request in one click, a past end date is refused next to its field,
 * a viewer reads the list without the controls, and the tab in German.
 */
class MembersBrowserTests extends BrowserTest {

    @Autowired
    ClientService clients;
    @Autowired
    WorkspaceMemberService members;

    @Test
    void theOwnerGrantsAnAccessRequestInOneClickAndAPastEndDateIsRefused() throws InterruptedException {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        asMember(() -> clients.requestAccess(client.id()));
        awaitRequest(client);

        signIn("/" + client.workspacePath() + "?tab=members", "manager", "manager");
        assertThat(page.locator("#members-requests")).containsText("Tom Becker asked for access");
        assertThat(page.locator("#members-grid")).containsText("Maria Keller");
        assertThat(page.locator("#count-members")).hasText("1");
        screenshot("members-request");

        page.locator("#request-grant-member").click();
        assertThat(page.locator("vaadin-notification-card").first()).containsText("Tom Becker can now open this client.");
        assertThat(page.locator("#members-requests")).hasCount(0);
        assertThat(page.locator("#members-grid")).containsText("Tom Becker");
        assertThat(page.locator("#members-grid")).containsText("Viewer");
        assertThat(page.locator("#count-members")).hasText("2");
        screenshot("members-tab");

        page.locator("#member-edit-member").click();
        page.locator("#member-ends-on input").fill("1/2/2020");
        page.locator("#member-ends-on input").press("Enter");
        page.locator("#member-save").click();
        assertThat(page.locator("#member-ends-on")).hasAttribute("invalid", "");
        assertThat(page.locator("#member-ends-on")).containsText("The end date is in the past");
        screenshot("members-end-in-past");
    }

    @Test
    void aViewerReadsTheListWithoutControlsAndTheTabSpeaksGerman() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        asManager(() -> members.grant(client.id(), "member", AccessLevel.VIEWER, null));
        context.close();
        context = browser().newContext(new Browser.NewContextOptions().setLocale("de-DE").setViewportSize(1440, 900));
        watchPolicy(context);
        page = context.newPage();

        signIn("/" + client.workspacePath() + "?tab=members", "member", "member");
        assertThat(page.locator("#tab-members")).containsText("Mitglieder");
        assertThat(page.locator("#members-grid")).containsText("Lesen");
        assertThat(page.locator("#members-read-only")).isVisible();
        assertThat(page.locator("#members-add")).hasCount(0);
        assertThat(page.locator("#member-remove-member")).hasCount(0);
        screenshot("members-viewer-de");
    }

    private void awaitRequest(Client client) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (asManager(() -> members.members(client.id())).requests().isEmpty()) {
            org.assertj.core.api.Assertions.assertThat(System.nanoTime()).as("the request arrived within 30 s")
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
