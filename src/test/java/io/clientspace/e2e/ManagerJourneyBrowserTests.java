package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.clientspace.client.ClientTestData;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The foundation's promise, as a manager lives it. */
class ManagerJourneyBrowserTests extends BrowserTest {

    static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

    @Test
    void managerCreatesACompanyOpensItsWorkspaceCreatesADealAndMovesItToQualified() {
        page.navigate(url("/clients"));
        screenshot("keycloak-login");
        signIn("/clients", "manager", "manager");
        assertThat(page.locator("#new-company")).isVisible();
        screenshot("client-list");

        String name = ClientTestData.unique("Lindqvist Design AB");
        page.locator("#new-company").click();
        assertThat(page.locator("#client-name")).isVisible();
        page.locator("#client-name input").fill(name);
        page.locator("#client-email input").fill("studio@lindqvist.example");
        page.locator("#client-city input").fill("Stockholm");
        page.locator("#client-save").click();

        assertThat(page.locator("#client-title")).hasText(name);
        assertThat(page).hasURL(Pattern.compile(".*/clients/company/[0-9a-f-]{36}"));
        assertThat(page.locator("#count-deals")).hasText("0");
        assertThat(page.locator("#tab-content-deals")).containsText("No deals yet");

        page.locator("#new-deal").click();
        page.locator("#deal-title input").fill("Brand refresh");
        page.locator("#deal-amount input").fill("24000");
        page.locator("#deal-expected-close input").fill(US_DATE.format(LocalDate.now().plusMonths(2)));
        page.locator("#deal-expected-close input").press("Enter");
        page.locator("#deal-next-step input").fill("Kick-off workshop");
        page.locator("#deal-save").click();

        assertThat(page.locator("#count-deals")).hasText("1");
        assertThat(page.locator("#count-tasks")).hasText("1");
        assertThat(page.locator(".stage-badge")).hasText("New");
        screenshot("workspace-deals");

        page.locator(".move-deal").click();
        assertThat(page.locator("#move-next-step")).isVisible();
        page.locator("#move-next-step input").fill("Send the proposal");
        page.locator("#move-due input").fill(US_DATE.format(LocalDate.now().plusDays(5)));
        page.locator("#move-due input").press("Enter");
        page.locator("#move-confirm").click();

        assertThat(page.locator(".stage-badge")).hasText("Qualified");
        assertThat(page.locator("#deal-grid")).containsText("Send the proposal");
        assertThat(page.locator("#count-deals")).hasText("1");
    }

    @Test
    void movingADealOnWithoutANextStepShowsTheProblemNextToTheFieldAndKeepsTheDialog() {
        signIn("/clients", "manager", "manager");
        page.locator("#new-company").click();
        String name = ClientTestData.unique("Fjordline Partners");
        page.locator("#client-name input").fill(name);
        page.locator("#client-save").click();
        assertThat(page.locator("#client-title")).hasText(name);
        page.locator("#new-deal").click();
        page.locator("#deal-title input").fill("Annual audit");
        page.locator("#deal-amount input").fill("9000");
        page.locator("#deal-expected-close input").fill(US_DATE.format(LocalDate.now().plusMonths(1)));
        page.locator("#deal-expected-close input").press("Enter");
        page.locator("#deal-save").click();
        assertThat(page.locator(".stage-badge")).hasText("New");
        assertThat(page.locator("#count-tasks")).hasText("1"); // the deal's first step is a task
        // the checklist flags the deal at once; it adds a line above the tabs, so wait for it before clicking
        // below it, or the click lands where the button was a moment before
        assertThat(page.locator("#review-no-next-step")).containsText("1");

        page.locator(".move-deal").click();
        assertThat(page.locator("#move-next-step")).isVisible();
        page.locator("#move-due input").fill(US_DATE.format(LocalDate.now().plusDays(5)));
        page.locator("#move-due input").press("Enter");
        page.locator("#move-confirm").click();

        assertThat(page.locator("#move-next-step")).hasAttribute("invalid", "");
        assertThat(page.locator("#move-next-step")).containsText("Say what the next step is.");
        assertThat(page.locator("#move-confirm")).isVisible(); // the dialog stays open
        assertThat(page.locator("#move-due input")) // what was typed is kept
                .hasValue(US_DATE.format(LocalDate.now().plusDays(5)));
        screenshot("move-without-next-step");
        assertThat(page.locator(".stage-badge")).hasText("New"); // the deal did not move

        page.locator("#move-next-step input").fill("Request the ledgers");
        page.locator("#move-confirm").click();
        assertThat(page.locator(".stage-badge")).hasText("Qualified");
        assertThat(page.locator("#deal-grid")).containsText("Request the ledgers");
    }

    @Test
    void anInvalidEmailIsShownNextToTheFieldAndTheFormKeepsWhatWasTyped() {
        signIn("/clients", "manager", "manager");
        page.locator("#new-company").click();
        String name = ClientTestData.unique("Nordhavn Consulting");
        page.locator("#client-name input").fill(name);
        page.locator("#client-email input").fill("not-an-address");
        page.locator("#client-save").click();
        assertThat(page.locator("#client-email")).hasAttribute("invalid", "");
        assertThat(page.locator("#client-email")).containsText("is not a valid e-mail address");
        assertThat(page.locator("#client-name input")).hasValue(name);
        screenshot("client-form-error");

        page.locator("#client-email input").fill("hello@nordhavn.example");
        page.locator("#client-save").click();
        assertThat(page.locator("#client-title")).hasText(name);
    }

    @Test
    void likelyDuplicateIsShownBeforeSavingAndEditingKeepsTheWorkspace() {
        signIn("/clients", "manager", "manager");
        String name = ClientTestData.unique("Fjordline Shipping AS");
        page.locator("#new-company").click();
        page.locator("#client-name input").fill(name);
        page.locator("#client-save").click();
        assertThat(page.locator("#client-title")).hasText(name);
        String firstUrl = page.url();

        page.navigate(url("/clients"));
        page.locator("#new-company").click();
        page.locator("#client-name input").fill(name.toUpperCase());
        page.locator("#client-save").click();
        assertThat(page.locator("#duplicate-warning")).containsText(name);
        assertThat(page.locator("#duplicate-warning")).containsText("Maria Keller");
        assertThat(page.locator("#client-save")).hasText("Save anyway");
        assertThat(page.locator("#client-name input")).hasValue(name.toUpperCase());
        screenshot("client-duplicate-warning");
        page.locator("#client-save").click();
        assertThat(page.locator("#client-title")).hasText(name.toUpperCase());
        org.assertj.core.api.Assertions.assertThat(page.url()).isNotEqualTo(firstUrl);

        page.locator("#edit-client").click();
        page.locator("#client-city input").fill("Bergen");
        page.locator("#client-tags input").fill("shipping, key account");
        page.locator("#client-save").click();
        assertThat(page.locator("#workspace-header")).containsText("Bergen");
        assertThat(page.locator("#workspace-header")).containsText("key account");
    }
}
