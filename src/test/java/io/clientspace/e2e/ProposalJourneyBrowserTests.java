package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.clientspace.support.Actors.asManager;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealDraft;
import io.clientspace.deal.DealService;
import io.clientspace.deal.DealStage;
import io.clientspace.devservices.DevServices;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.portal.PortalTestData;
import io.clientspace.proposal.Proposal;
import io.clientspace.proposal.ProposalService;
import io.clientspace.proposal.ProposalStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A proposal's round trip through the real Keycloak: the manager creates one from a deal and sends it, another
 * manager approves it from the link in their mail's shape (the workspace's Proposals tab), the customer signs in to
 * the portal and accepts it by typing her name, and the manager sees it accepted and the deal won; and a sent
 * proposal withdrawn while the customer is about to accept it.
 */
class ProposalJourneyBrowserTests extends BrowserTest {

    @Autowired
    PortalTestData data;
    @Autowired
    ExternalAccessService externalAccess;
    @Autowired
    DealService deals;
    @Autowired
    ProposalService proposals;
    @Autowired
    PortalIdentities identities;
    @Autowired
    Clock clock;

    PortalTestData.World world;
    String customer;
    Deal deal;

    @BeforeEach
    void aClientWithAnActiveContactAndAnOpenDeal() {
        String marker = "pj" + UUID.randomUUID().toString().substring(0, 6);
        world = data.world(marker, null, null, null);
        customer = identities.create("Greta", "Proposal");
        asManager(() -> externalAccess.grantExisting(world.client().id(), customer));
        DealDraft d = new DealDraft();
        d.setTitle("Relaunch " + marker);
        d.setAmount(new BigDecimal("12000"));
        d.setExpectedClose(LocalDate.now(clock).plusDays(60));
        d.setOwner("manager");
        deal = asManager(() -> deals.create(world.client().id(), d));
    }

    @Test
    void managerCreatesAndSendsApproverApprovesCustomerAcceptsAndTheDealIsWon() throws Exception {
        String workspace = "/" + world.client().workspacePath();
        signIn(workspace, "manager", "manager");
        page.locator(".deal-create-proposal").click();
        assertThat(page.locator("#proposal-title input")).hasValue(deal.title());
        page.locator("#proposal-fixed-amount input").fill("12000");
        page.locator("#proposal-discount input").fill("20");
        page.locator("#proposal-scope textarea").fill("Concept, design and build of the new website.");
        assertThat(page.locator("#proposal-fee-preview")).containsText("9,600.00");
        screenshot("proposal-form");
        page.locator("#proposal-save").click();

        assertThat(page.locator("#proposal-details-status")).containsText("Draft");
        page.locator("#proposal-send").click();
        assertThat(page.locator("#proposal-details-status")).containsText("Awaiting approval");
        assertThat(page.locator("#proposal-approval-note")).containsText("discount");
        assertThat(page.locator("#proposal-approve")).hasCount(0);
        screenshot("proposal-awaiting-approval");
        Proposal p = asManager(() -> proposals.forClient(world.client().id())).get(0);
        org.assertj.core.api.Assertions.assertThat(p.status()).isEqualTo(ProposalStatus.AWAITING_APPROVAL);

        Page manager = page;
        try (BrowserContext approverContext = browser().newContext(new Browser.NewContextOptions()
                .setLocale("en-US").setViewportSize(1440, 900))) {
            page = approverContext.newPage();
            signIn(workspace + "?tab=proposals", "jonas", "jonas");
            assertThat(page.locator("#proposal-grid")).containsText("Awaiting approval");
            page.locator("#proposal-grid vaadin-grid-cell-content").filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText(p.number())).first().click();
            page.locator("#proposal-approve").click();
            assertThat(page.locator("#proposal-details-status")).containsText("Pending");
            screenshot("proposal-approved");
        }
        org.assertj.core.api.Assertions.assertThat(asManager(() -> proposals.get(p.id())).approvedByName())
                .as("who approved it").isEqualTo("Jonas Weber");

        try (BrowserContext customerContext = browser().newContext(new Browser.NewContextOptions()
                .setLocale("en-US").setViewportSize(1440, 900))) {
            page = customerContext.newPage();
            signIn("/portal/proposals/" + p.id(), customer, PortalIdentities.PASSWORD);
            assertThat(page.locator("#portal-proposal-title")).hasText(deal.title());
            assertThat(page.locator("#portal-proposal")).containsText("Pending");
            assertThat(page.locator("#portal-proposal")).containsText("9,600.00");
            assertThat(page.locator("#portal-proposal")).not().containsText("discount above the limit");
            page.locator("#portal-proposal .portal-back").click();
            assertThat(page.locator("#portal-proposal-grid")).containsText(p.number());
            assertThat(page.locator("#portal-proposal-grid")).containsText("Fixed fee");
            screenshot("portal-proposals-list");
            page.locator("#portal-proposal-grid a.proposal-title").first().click();

            page.locator("#proposal-accept").click();
            assertThat(page.locator("#proposal-accept-name")).hasAttribute("invalid", "");
            page.locator("#proposal-accept-name input").fill("Greta Proposal");
            screenshot("portal-proposal-accept");
            page.locator("#proposal-accept").click();
            assertThat(page.locator("#proposal-accepted-note")).containsText("Accepted by Greta Proposal");
            assertThat(page.locator("#portal-proposal")).containsText("Accepted");
            assertThat(page.locator("#proposal-accept")).hasCount(0);
            screenshot("portal-proposal-accepted");
        }

        page = manager;
        page.navigate(url(workspace + "?tab=proposals"));
        assertThat(page.locator("#proposal-grid")).containsText("Accepted");
        page.locator("#tab-deals").click();
        // a won deal has left the open ones: it shows under Won
        page.locator("#deal-view vaadin-radio-button", new Page.LocatorOptions().setHasText("Won (1)")).click();
        assertThat(page.locator("#deal-grid")).containsText("Won");
        screenshot("proposal-deal-won");
        org.assertj.core.api.Assertions.assertThat(asManager(() -> deals.get(deal.id())).stage())
                .isEqualTo(DealStage.WON);
        org.assertj.core.api.Assertions.assertThat(DevServices.mail().awaitMessage(customer + "@customer.example",
                "New proposal " + p.number() + ": " + deal.title(), Duration.ofSeconds(30))).isPresent();
    }

    /**
     * Taking a sent proposal back (issue 17): the customer has it open and is about to accept it; the manager
     * withdraws it in the workspace (a reason is required); the customer's accept is then refused by the server, the
     * page shows "Withdrawn" with the reason, and the mail says so.
     */
    @Test
    void theManagerWithdrawsWhileTheCustomerIsAboutToAcceptAndTheAcceptIsRefused() throws Exception {
        Proposal draft = asManager(() -> proposals.create(world.client().id(), io.clientspace.proposal
                .ProposalTestData.fixedFee("Workshop " + world.marker(), "900", LocalDate.now(clock).plusDays(30))));
        Proposal sent = asManager(() -> proposals.submit(draft.id()));
        org.assertj.core.api.Assertions.assertThat(sent.status()).isEqualTo(ProposalStatus.SENT);
        Page customerPage;
        try (BrowserContext customerContext = browser().newContext(new Browser.NewContextOptions()
                .setLocale("en-US").setViewportSize(1440, 900))) {
            page = customerContext.newPage();
            signIn("/portal/proposals/" + sent.id(), customer, PortalIdentities.PASSWORD);
            assertThat(page.locator("#portal-proposal")).containsText("Pending");
            assertThat(page.locator("#portal-proposal-pdf")).isVisible();
            page.locator("#proposal-accept-name input").fill("Greta Proposal");
            customerPage = page;

            try (BrowserContext managerContext = browser().newContext(new Browser.NewContextOptions()
                    .setLocale("en-US").setViewportSize(1440, 900))) {
                page = managerContext.newPage();
                signIn("/" + world.client().workspacePath() + "?tab=proposals", "manager", "manager");
                page.locator("#proposal-grid vaadin-grid-cell-content").filter(
                        new com.microsoft.playwright.Locator.FilterOptions().setHasText(sent.number())).first().click();
                assertThat(page.locator("#proposal-details-status")).containsText("Pending");
                page.locator("#proposal-withdraw").click();
                assertThat(page.locator("#proposal-withdraw-reason")).hasAttribute("invalid", "");
                page.locator("#proposal-withdraw-reason textarea").fill("The workshop moves to spring");
                page.locator("#proposal-withdraw").click();
                assertThat(page.locator("#proposal-details-status")).containsText("Withdrawn");
                assertThat(page.locator("#proposal-withdrawn-note")).containsText("The workshop moves to spring");
                assertThat(page.locator("#proposal-revise")).isVisible();
                screenshot("proposal-withdrawn-workspace");
            }

            page = customerPage;
            page.locator("#proposal-accept").click();
            assertThat(page.locator("#proposal-withdrawn-note")).containsText("The workshop moves to spring");
            assertThat(page.locator("#portal-proposal")).containsText("Withdrawn");
            assertThat(page.locator("#proposal-accept")).hasCount(0);
            screenshot("portal-proposal-withdrawn");
        }
        org.assertj.core.api.Assertions.assertThat(asManager(() -> proposals.get(sent.id())).status())
                .as("the accept after the withdrawal changed nothing").isEqualTo(ProposalStatus.WITHDRAWN);
        org.assertj.core.api.Assertions.assertThat(DevServices.mail().awaitMessage(customer + "@customer.example",
                "Proposal " + sent.number() + " withdrawn: " + sent.title(), Duration.ofSeconds(30))).isPresent();
    }
}
