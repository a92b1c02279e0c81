package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.PortalContactDraft;
import io.clientspace.extranet.PortalRole;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The External access tab as a manager and as a member who owns the client: contacts apart by state, a contact's
 * activity, an access review answered in the tab, and the read-only view with the line that says who can act.
 */
class AccessReviewBrowserTests extends BrowserTest {

    @Autowired
    ClientService clients;
    @Autowired
    ExternalAccessService access;

    @Test
    void aManagerSeesContactsApartByStateTheirActivityAndAnswersAnAccessReview() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        String activeEmail = email("ada");
        asManager(() -> access.addContact(client.id(), new PortalContactDraft("Ada Aktiv", activeEmail,
                PortalRole.DECISION_MAKER), true));
        access.recordSignIn(activeEmail);
        asManager(() -> access.addContact(client.id(), new PortalContactDraft("Ines Eingeladen", email("ines"),
                PortalRole.APPROVER), true));
        asManager(() -> access.addContact(client.id(), new PortalContactDraft("Nils Nichteingeladen", email("nils"),
                PortalRole.BILLING), false));

        signIn("/" + client.workspacePath(), "manager", "manager");
        assertThat(page.locator("#review-external")).hasText("Active in the portal: 1");
        page.locator("#tab-external").click();
        assertThat(page.locator("#external-section-active")).containsText("Active in the portal (1)");
        assertThat(page.locator("#external-section-active")).containsText("Ada Aktiv");
        assertThat(page.locator("#external-section-invited")).containsText("Ines Eingeladen");
        assertThat(page.locator("#external-section-invited .invitation-expires")).not().isEmpty();
        assertThat(page.locator("#external-section-not-invited")).containsText("Nils Nichteingeladen");
        assertThat(page.locator("#external-section-not-invited")).containsText("Never invited");
        screenshot("external-access-three-states");

        page.locator("#external-section-active .contact-activity").click();
        assertThat(page.locator("#contact-activity-grid")).containsText("Signed in");
        screenshot("external-access-activity");
        page.locator("#contact-activity-close").click();

        page.locator("#access-review-start").click();
        assertThat(page.locator("#access-review")).containsText("Ada Aktiv");
        assertThat(page.locator("#access-review-with")).containsText("Maria Keller");
        page.locator("#access-review-submit").click();
        assertThat(page.locator("#access-review .access-review-choice").first())
                .containsText("Choose Keep or Revoke for Ada Aktiv.");
        screenshot("external-access-review-open");
        page.locator("#access-review .access-review-choice vaadin-radio-button").first().click();
        page.locator("#access-review-submit").click();
        assertThat(page.locator("vaadin-notification-card").first()).containsText("Review saved: 1 kept, 0 revoked.");
        assertThat(page.locator("#access-review")).hasCount(0);
        assertThat(page.locator("#external-section-active")).containsText("Ada Aktiv");
        screenshot("external-access-review-answered");
    }

    @Test
    void aMemberWhoOwnsTheClientSeesTheTabReadOnlyWithWhoCanAct() {
        Client client = asMember(() -> clients.create(ClientTestData.company("member"), false));
        asManager(() -> access.addContact(client.id(), new PortalContactDraft("Olga Offen", email("olga"),
                PortalRole.OTHER), false));

        signIn("/" + client.workspacePath(), "member", "member");
        page.locator("#tab-external").click();
        assertThat(page.locator("#external-section-not-invited")).containsText("Olga Offen");
        assertThat(page.locator("#external-read-only")).containsText("managers and admins");
        assertThat(page.locator("#external-read-only")).containsText("Maria Keller");
        assertThat(page.locator("#add-contact")).hasCount(0);
        assertThat(page.locator("#tab-content-external .invite-contact")).hasCount(0);
        screenshot("external-access-read-only");
    }

    private static String email(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
    }
}
