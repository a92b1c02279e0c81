package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;

import com.microsoft.playwright.Browser;
import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.deal.DealDraft;
import io.clientspace.deal.DealService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The workspace's other states: not found, no access (naming the owner), a hidden tab, and the languages. */
class WorkspaceStatesBrowserTests extends BrowserTest {

    @Autowired
    ClientService clients;
    @Autowired
    DealService deals;

    @Test
    void aPageReadyListenerAddedAfterThePageWasParsedRunsOnceAtOnce() {
        signIn("/clients", "manager", "manager");
        assertThat(page.locator("#client-grid")).isVisible();
        // the page's first script, before Vaadin's own: Flow's client adds its listener long after the page was parsed
        org.assertj.core.api.Assertions.assertThat((String) page.evaluate(
                "() => document.head.querySelector('script').id")).isEqualTo("late-ready-listeners");

        Object calls = page.evaluate("""
                async () => {
                  const calls = { fn: 0, object: 0, other: 0, type: '' };
                  document.addEventListener('DOMContentLoaded', e => { calls.fn++; calls.type = e.type; });
                  document.addEventListener('DOMContentLoaded', { handleEvent() { calls.object++; } });
                  document.addEventListener('visibilitychange', () => calls.other++);
                  // not during the adding script itself: after it, as the event would have come
                  const duringScript = calls.fn + calls.object;
                  await new Promise(resolve => setTimeout(resolve, 0));
                  return `during the script ${duringScript}; after it: function ${calls.fn}, object ${calls.object}, `
                      + `other event ${calls.other}, event type ${calls.type}`;
                }""");
        org.assertj.core.api.Assertions.assertThat(calls).isEqualTo("during the script 0; after it: function 1, "
                + "object 1, other event 0, event type DOMContentLoaded");
    }

    @Test
    void memberOpeningSomeoneElsesClientIsToldWhomToAsk() {
        Client managers = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        signIn("/clients", "member", "member");
        page.navigate(url("/clients/company/" + managers.id()));

        assertThat(page.locator("#workspace-denied")).containsText("This client belongs to Maria Keller");
        assertThat(page.locator("body")).not().containsText(managers.email());
        assertThat(page.locator("#workspace-tabs")).hasCount(0);
        screenshot("workspace-denied");

        page.locator("#request-access").click();
        assertThat(page.locator("#request-access-result"))
                .hasText("Maria Keller has been asked by e-mail to give you access.");
    }

    @Test
    void countersTheChecklistAndTheOpenListFollowADealSomeoneElseCreatesWithoutReloading() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        signIn("/clients/company/" + client.id(), "jonas", "jonas");
        assertThat(page.locator("#count-deals")).hasText("0");
        assertThat(page.locator("#count-tasks")).hasText("0");
        assertThat(page.locator("#tab-content-deals")).containsText("No deals yet");

        DealDraft deal = new DealDraft();
        deal.setTitle("Annual audit");
        deal.setAmount(new BigDecimal("9000"));
        deal.setExpectedClose(LocalDate.now().plusMonths(1));
        deal.setOwner("manager");
        asManager(() -> deals.create(client.id(), deal));

        assertThat(page.locator("#count-deals")).hasText("1");
        assertThat(page.locator("#count-tasks")).hasText("1");
        // the open Deals list and the checklist follow too: the new deal has no next step yet
        assertThat(page.locator("#deal-grid")).containsText("Annual audit");
        assertThat(page.locator("#review-no-next-step")).containsText("Deals without next step: 1");
    }

    @Test
    void unknownClientShowsNotFound() {
        signIn("/clients", "manager", "manager");
        page.navigate(url("/clients/company/" + UUID.randomUUID()));
        assertThat(page.locator("#workspace-not-found")).containsText("Client not found");
        page.navigate(url("/clients/planet/" + UUID.randomUUID()));
        assertThat(page.locator("body")).containsText("not found");
        screenshot("workspace-not-found");
    }

    @Test
    void memberWhoOwnsTheClientSeesTheExternalAccessTabReadOnlyWithWhoCanAct() {
        // issue 20: owners see who has access to their client; inviting and revoking stay with managers
        Client own = asMember(() -> clients.create(ClientTestData.company("member"), false));
        signIn("/clients/company/" + own.id(), "member", "member");

        assertThat(page.locator("#count-deals")).hasText("0");
        assertThat(page.locator("#count-external")).hasText("0");
        page.locator("#tab-external").click();
        assertThat(page.locator("#tab-content-external")).containsText("Nobody outside has access");
        assertThat(page.locator("#external-read-only")).containsText("Adding, inviting and revoking portal contacts"
                + " is done by managers and admins");
        assertThat(page.locator("#add-contact")).hasCount(0);
        screenshot("workspace-external-read-only-empty");
        page.locator("#tab-files").click();
        assertThat(page.locator("#tab-content-files")).containsText("No files yet");
    }

    @Test
    void languageFollowsTheBrowserAndCanBeSwitched() {
        context.close();
        context = browser().newContext(new Browser.NewContextOptions().setLocale("de-DE").setViewportSize(1440, 900));
        watchPolicy(context);
        page = context.newPage();
        signIn("/clients", "manager", "manager");
        assertThat(page.locator("#new-company")).containsText("Neues Unternehmen");
        screenshot("client-list-de");

        page.locator(".language-select").click();
        page.locator("vaadin-select-item:has-text('Русский')").click();
        assertThat(page.locator("#new-company")).containsText("Новая компания");
        page.navigate(url("/clients"));
        assertThat(page.locator("#new-company")).containsText("Новая компания");
    }
}
