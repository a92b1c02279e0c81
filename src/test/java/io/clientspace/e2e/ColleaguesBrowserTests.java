package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.clientspace.support.Actors.as;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.clientspace.devservices.DevServices;
import io.clientspace.people.ColleagueService;
import io.clientspace.security.Roles;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Colleagues at /admin/people: an admin invites one (a taken e-mail is refused next to its field, the typed names
 * stay), and deactivates a signed-in colleague with a successor: the colleague's open browser is signed out on its
 * next click, and Keycloak refuses their next sign-in.
 */
class ColleaguesBrowserTests extends BrowserTest {

    @Autowired
    ColleagueService colleagues;

    @Test
    void anAdminInvitesAColleagueAndATakenAddressIsRefusedWithTheTypedTextKept() {
        String username = "ida-" + UUID.randomUUID().toString().substring(0, 6);
        signIn("/admin/people", "admin", "admin");
        assertThat(page.locator("#colleagues vaadin-grid")).containsText("Maria Keller");

        page.locator("#colleague-invite").click();
        page.locator("#colleague-first-name input").fill("Ida");
        page.locator("#colleague-last-name input").fill("Brandt");
        page.locator("#colleague-username input").fill(username);
        page.locator("#colleague-email input").fill("maria.keller@clientspace.example");
        page.locator("#colleague-invite-send").click();
        assertThat(page.locator("#colleague-email")).hasAttribute("invalid", "");
        assertThat(page.locator("#colleague-email")).containsText("A colleague already uses maria.keller@clientspace.example");
        assertThat(page.locator("#colleague-first-name input")).hasValue("Ida");
        screenshot("colleagues-invite-taken");

        page.locator("#colleague-email input").fill(username + "@firm.example");
        page.locator("#colleague-invite-send").click();
        assertThat(page.locator("vaadin-notification-card").first()).containsText("Ida Brandt is invited");
        assertThat(page.locator("#colleagues vaadin-grid")).containsText(username + "@firm.example");
        assertThat(page.locator("#colleagues")).containsText("invited " + username);
        assertThat(page.locator("#colleague-deactivate-admin")).isDisabled();
        screenshot("colleagues-list");
    }

    @Test
    void aDeactivatedColleaguesOpenBrowserIsSignedOutAndKeycloakRefusesThem() {
        String username = "jan-" + UUID.randomUUID().toString().substring(0, 6);
        as("admin", () -> colleagues.invite(new ColleagueService.Invitation(username, "Jan", "Vogt",
                username + "@firm.example", Set.of(Roles.MEMBER), Locale.ENGLISH)), Roles.ADMIN, Roles.STAFF);
        setPassword(username, "Jan-Vogt-Secret-1");
        BrowserContext his = browser().newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1440, 900));
        watchPolicy(his);
        Page jan = his.newPage();
        jan.navigate(url("/clients"));
        jan.locator("#username").fill(username);
        jan.locator("#password").fill("Jan-Vogt-Secret-1");
        jan.locator("#kc-login").click();
        assertThat(jan).hasURL(Pattern.compile(".*/clients.*"));

        signIn("/admin/people", "admin", "admin");
        page.locator("#colleague-deactivate-" + username).click();
        page.locator("#colleague-successor input").fill("Maria Keller");
        page.locator("vaadin-combo-box-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Maria Keller")).first().click();
        assertThat(page.locator(".handover-preview")).containsText("Jan Vogt has no clients");
        screenshot("colleagues-deactivate-preview");
        page.locator("#colleague-deactivate-confirm").click();
        assertThat(page.locator("vaadin-notification-card").first()).containsText("Jan Vogt is deactivated");
        assertThat(page.locator("#colleagues vaadin-grid")).containsText("Deactivated");

        jan.navigate(url("/clients"));
        // signed out on the next request
        assertThat(jan.locator("#kc-login")).isVisible();
        jan.locator("#username").fill(username);
        jan.locator("#password").fill("Jan-Vogt-Secret-1");
        jan.locator("#kc-login").click();
        assertThat(jan.locator("#kc-login")).isVisible();
        assertThat(jan.locator("body")).containsText(Pattern.compile("disabled", Pattern.CASE_INSENSITIVE));
        his.close();
    }

    @Test
    void aManagerCannotOpenColleagues() {
        signIn("/clients", "manager", "manager");
        assertThat(page.locator("vaadin-side-nav")).not().containsText("Colleagues");
        page.navigate(url("/admin/people"));
        assertThat(page.locator("#access-denied")).containsText("This page is not for you");
        assertThat(page.locator("#colleagues")).hasCount(0);
    }

    private static void setPassword(String username, String password) {
        try (Keycloak master = KeycloakBuilder.builder().serverUrl(DevServices.keycloak().url()).realm("master")
                .clientId("admin-cli").username("admin").password("admin").build()) {
            var users = master.realm("clientspace-staff").users();
            var user = users.searchByUsername(username, true).get(0);
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(false);
            users.get(user.getId()).resetPassword(credential);
            user.setRequiredActions(List.of());
            users.get(user.getId()).update(user);
        }
    }
}
