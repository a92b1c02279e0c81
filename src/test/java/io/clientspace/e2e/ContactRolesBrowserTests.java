package io.clientspace.e2e;

import com.microsoft.playwright.Page;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.clientspace.support.Actors.asManager;

import io.clientspace.extranet.ContactPolicy;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.PortalAccount;
import io.clientspace.extranet.PortalContactDraft;
import io.clientspace.extranet.PortalRole;
import io.clientspace.extranet.PortalSection;
import io.clientspace.portal.PortalTestData;
import io.clientspace.proposal.Proposal;
import io.clientspace.proposal.ProposalNavigation;
import io.clientspace.proposal.ProposalService;
import io.clientspace.proposal.ProposalTestData;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Portal contact roles and policy in the customer's browser (issue 15 §3, DD035): a billing contact sees a proposal
 * without the accept and decline buttons, and a policy without proposals takes the section out of the navigation
 * and shows "not shared with you" at its address.
 */
class ContactRolesBrowserTests extends BrowserTest {

    @Autowired
    PortalTestData data;
    @Autowired
    ExternalAccessService externalAccess;
    @Autowired
    ProposalService proposals;
    @Autowired
    PortalIdentities identities;

    PortalTestData.World world;
    String customer;
    PortalAccount account;

    @BeforeEach
    void aBillingContact() {
        world = data.world("r" + UUID.randomUUID().toString().substring(0, 6), null, null, null);
        customer = identities.create("Bill", "Ledger");
        account = asManager(() -> externalAccess.grantExisting(world.client().id(), customer));
        account = asManager(() -> externalAccess.editContact(account.id(),
                new PortalContactDraft(account.displayName(), account.email(), PortalRole.BILLING), true));
    }

    @Test
    void aBillingContactSeesNoDecisionButtonsAndAPolicyHidesProposals() {
        Proposal p = asManager(() -> proposals.create(world.client().id(),
                ProposalTestData.fixedFee("Roles journey", "900", LocalDate.now().plusDays(30))));
        asManager(() -> proposals.submit(p.id()));

        signIn("/" + ProposalNavigation.portalPage(p.id()), customer, PortalIdentities.PASSWORD);
        assertThat(page.locator("#proposal-not-deciding")).containsText("decision makers and approvers");
        assertThat(page.locator("#proposal-accept")).hasCount(0);
        assertThat(page.locator("#proposal-decline")).hasCount(0);
        assertThat(page.locator("#portal-nav")).containsText("Proposals");
        screenshot("portal-billing-contact-proposal");

        asManager(() -> externalAccess.savePolicy(account.id(), new ContactPolicy(
                EnumSet.complementOf(EnumSet.of(PortalSection.PROPOSALS)), null), true));
        page.navigate(url("/portal"));
        assertThat(page.locator("#portal-nav")).containsText("Documents");
        assertThat(page.locator("#portal-nav")).not().containsText("Proposals");
        // the bar's links navigate inside the app, as router links do: the page is not loaded again
        page.evaluate("window.navMarker = 'same page'");
        page.locator("#portal-nav a", new Page.LocatorOptions().setHasText("Documents")).click();
        assertThat(page.locator("#portal-nav a[highlight]")).hasText("Documents");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/portal/documents$"));
        org.assertj.core.api.Assertions.assertThat(page.evaluate("window.navMarker")).isEqualTo("same page");
        page.navigate(url("/" + ProposalNavigation.PORTAL_LIST));
        assertThat(page.locator("#portal-section-hidden")).isVisible();
        assertThat(page.locator("body")).not().containsText("Roles journey");
        page.navigate(url("/" + ProposalNavigation.portalPage(p.id())));
        assertThat(page.locator("#portal-section-hidden")).isVisible();
        assertThat(page.locator("body")).not().containsText("Roles journey");
    }
}
