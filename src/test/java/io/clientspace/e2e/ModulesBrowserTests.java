package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.clientspace.support.Actors.asManager;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.people.FirmModuleService;
import io.clientspace.proposal.ProposalService;
import io.clientspace.proposal.ProposalTestData;
import io.clientspace.shared.FirmModule;
import io.clientspace.support.Actors;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /admin/modules} in the browser (issue 15 §4, DD034): an admin switches Proposals off after a preview that
 * counts what is running, and it is gone from the workspace tabs and the portal until it is switched on again, with
 * its proposal back. Managers and members get the not-for-you page. Every test leaves all modules on.
 */
class ModulesBrowserTests extends BrowserTest {

    @Autowired
    FirmModuleService modules;
    @Autowired
    ClientService clients;
    @Autowired
    ExternalAccessService externalAccess;
    @Autowired
    ProposalService proposals;
    @Autowired
    PortalIdentities identities;

    @AfterEach
    void everythingBackOn() {
        Actors.as("admin", () -> {
            modules.choosePlan("FIRM");
            for (FirmModule m : FirmModule.values()) {
                modules.followPlan(m);
            }
            return null;
        }, "ADMIN", "STAFF");
    }

    @Test
    void anAdminSwitchesProposalsOffAfterAPreviewAndItIsGoneFromWorkspaceAndPortalUntilSwitchedOn() {
        Client company = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        String customer = identities.create("Mona", "Modules");
        asManager(() -> externalAccess.grantExisting(company.id(), customer));
        var sent = asManager(() -> proposals.submit(proposals.create(company.id(),
                ProposalTestData.fixedFee("Modules relaunch", "1000", LocalDate.now().plusDays(30))).id()));

        signIn("/admin/modules", "admin", "admin");
        assertThat(page.locator("#modules-limit-PORTAL_CONTACTS")).containsText("Portal contacts");
        assertThat(page.locator("#module-state-PROPOSALS")).hasText("On");
        page.locator("#module-toggle-PROPOSALS").click();
        assertThat(page.locator("vaadin-dialog-overlay")).containsText("Switch Proposals off?");
        assertThat(page.locator("#module-work"))
                .containsText("Proposals in approval or waiting for the client's answer:");
        screenshot("modules-switch-off-preview");
        page.locator("#module-off-confirm").click();
        assertThat(page.locator("#module-state-PROPOSALS")).hasText("Off");

        page.navigate(url("/clients/company/" + company.id()));
        assertThat(page.locator("#tab-deals")).isVisible();
        assertThat(page.locator("#tab-proposals")).hasCount(0);
        page.navigate(url("/clients/company/" + company.id() + "?tab=proposals"));
        assertThat(page.locator("#tab-deals")).isVisible();
        assertThat(page.locator("body")).not().containsText(sent.title());

        context.clearCookies();
        signIn("/portal", customer, PortalIdentities.PASSWORD);
        assertThat(page.locator("#portal-nav")).containsText("Documents");
        assertThat(page.locator("#portal-nav")).not().containsText("Proposals");
        assertThat(page.locator("body")).not().containsText(sent.title());
        page.navigate(url("/portal/proposals"));
        assertThat(page.locator("#module-off")).containsText("Proposals is switched off");
        screenshot("modules-portal-section-off");

        Actors.as("admin", () -> modules.switchModule(FirmModule.PROPOSALS, true), "ADMIN", "STAFF");
        page.navigate(url("/portal/proposals"));
        assertThat(page.locator("#portal-nav")).containsText("Proposals");
        assertThat(page.locator("body")).containsText(sent.title());
    }

    @Test
    void aModuleThatIsOffLeavesTheSideMenu() {
        signIn("/clients", "admin", "admin");
        assertThat(page.locator("vaadin-side-nav")).containsText("Reports");
        assertThat(page.locator("vaadin-side-nav")).containsText("Modules");
        Actors.as("admin", () -> modules.switchModule(FirmModule.REPORTS, false), "ADMIN", "STAFF");
        page.navigate(url("/clients"));
        assertThat(page.locator("vaadin-side-nav")).containsText("Clients");
        assertThat(page.locator("vaadin-side-nav")).not().containsText("Reports");
    }

    @Test
    void managersAndMembersGetTheNotForYouPage() {
        for (String who : new String[] {"manager", "member"}) {
            context.clearCookies();
            signIn("/clients", who, who);
            assertThat(page.locator("vaadin-side-nav")).not().containsText("Modules");
            page.navigate(url("/admin/modules"));
            assertThat(page.locator("#access-denied")).containsText("This page is not for you");
            assertThat(page.locator("#modules")).hasCount(0);
        }
    }
}
