package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.clientspace.support.Actors.asManager;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.extranet.ExternalAccessService;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Customers never see staff pages, staff never see portal pages, and signing out really signs out. */
class AccessBoundaryBrowserTests extends BrowserTest {

    @Autowired
    ClientService clients;
    @Autowired
    ExternalAccessService externalAccess;

    @Test
    void customerSignsInToThePortalAndCannotReachStaffPages() {
        Client company = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        asManager(() -> externalAccess.grantExisting(company.id(), "customer"));

        signIn("/portal", "customer", "Customer-Demo-1");
        assertThat(page.locator("#portal-home")).containsText("Welcome, Lena Hoffmann");
        assertThat(page.locator("#portal-home")).containsText(company.name());
        screenshot("portal-home");

        for (String staffPage : new String[] {"/clients", "/", "/clients/company/" + company.id(), "/admin/people",
                "/admin/modules"}) {
            page.navigate(url(staffPage));
            assertThat(page.locator("#access-denied")).isVisible();
            assertThat(page.locator("body")).not().containsText(company.name());
            assertThat(page.locator("#client-grid")).hasCount(0);
        }
        // the way out of a staff page leads a customer to their portal
        assertThat(page.locator("#access-denied a")).hasAttribute("href", "portal");
        screenshot("customer-denied-staff-page");
    }

    @Test
    void staffUserCannotOpenThePortal() {
        signIn("/clients", "manager", "manager");
        page.navigate(url("/portal"));
        assertThat(page.locator("#access-denied")).isVisible();
        assertThat(page.locator("#portal-home")).hasCount(0);
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() {
        signIn("/clients", "member", "member");
        assertThat(page.locator("#user-menu")).isVisible();
        page.locator("#user-menu vaadin-menu-bar-button").first().click();
        page.locator("#sign-out").click();

        // Back at the app, anonymous again: Keycloak must ask for the password, not sign in silently
        assertThat(page.locator("#kc-login")).isVisible();
        page.navigate(url("/clients"));
        assertThat(page.locator("#kc-login")).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/realms/clientspace-staff/.*"));
    }

    @Test
    void camundaCockpitOpensWithTheKeycloakSignInForAdminsOnly() {
        signIn("/clients", "admin", "admin");
        page.navigate(url("/camunda/app/cockpit/default/"));
        assertThat(page.locator("body")).containsText("Processes");
        assertThat(page.locator("input[name=username]")).hasCount(0);
        screenshot("camunda-cockpit");

        context.clearCookies();
        signIn("/clients", "member", "member");
        var response = page.navigate(url("/camunda/app/cockpit/default/"));
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("#error-page")).containsText("This page is not for you");
    }
}
