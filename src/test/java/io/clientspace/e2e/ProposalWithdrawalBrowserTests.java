package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.clientspace.support.Actors.asManager;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.clientspace.devservices.DevServices;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.portal.PortalTestData;
import io.clientspace.proposal.Proposal;
import io.clientspace.proposal.ProposalService;
import io.clientspace.proposal.ProposalStatus;
import io.clientspace.proposal.ProposalTestData;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Taking a sent proposal back (issue 17) through the real Keycloak: the customer has the proposal open and is about
 * to accept it; the manager withdraws it in the workspace (a reason is required, the typed text stays); the
 * customer's accept is then refused by the server, the page shows "Withdrawn" with the reason, and the mail says so.
 */
class ProposalWithdrawalBrowserTests extends BrowserTest {

    @Autowired
    PortalTestData data;
    @Autowired
    ExternalAccessService externalAccess;
    @Autowired
    ProposalService proposals;
    @Autowired
    PortalIdentities identities;
    @Autowired
    Clock clock;

    PortalTestData.World world;
    String customer;
    Proposal sent;

    @BeforeEach
    void aClientWithAnActiveContactAndASentProposal() {
        String marker = "pw" + UUID.randomUUID().toString().substring(0, 6);
        world = data.world(marker, null, null, null);
        customer = identities.create("Greta", "Withdrawal");
        asManager(() -> externalAccess.grantExisting(world.client().id(), customer));
        Proposal draft = asManager(() -> proposals.create(world.client().id(),
                ProposalTestData.fixedFee("Workshop " + marker, "900", LocalDate.now(clock).plusDays(30))));
        sent = asManager(() -> proposals.submit(draft.id()));
        org.assertj.core.api.Assertions.assertThat(sent.status()).isEqualTo(ProposalStatus.SENT);
    }

    @Test
    void theManagerWithdrawsWhileTheCustomerIsAboutToAcceptAndTheAcceptIsRefused() throws Exception {
        Page customerPage;
        try (BrowserContext customerContext = browser().newContext(new Browser.NewContextOptions()
                .setLocale("en-US").setViewportSize(1440, 900))) {
            page = customerContext.newPage();
            signIn("/portal/proposals/" + sent.id(), customer, PortalIdentities.PASSWORD);
            assertThat(page.locator("#portal-proposal")).containsText("Pending");
            assertThat(page.locator("#portal-proposal-pdf")).isVisible();
            page.locator("#proposal-accept-name input").fill("Greta Withdrawal");
            customerPage = page;

            try (BrowserContext managerContext = browser().newContext(new Browser.NewContextOptions()
                    .setLocale("en-US").setViewportSize(1440, 900))) {
                page = managerContext.newPage();
                signIn("/" + world.client().workspacePath() + "?tab=proposals", "manager", "manager");
                page.locator("#proposal-grid vaadin-grid-cell-content").filter(
                        new Locator.FilterOptions().setHasText(sent.number())).first().click();
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
