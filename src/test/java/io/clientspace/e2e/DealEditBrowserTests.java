package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.clientspace.support.Actors.asManager;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealDraft;
import io.clientspace.deal.DealService;
import io.clientspace.deal.DealStage;
import io.clientspace.deal.DealStages;
import io.clientspace.deal.DealStagesWithALegalReview;
import io.clientspace.deal.process.DealStagesProcess;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import io.clientspace.deal.StageMove;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A deal's owner corrects what was entered, in place, and brings a lost deal back. */
class DealEditBrowserTests extends BrowserTest {

    @Autowired
    ClientService clients;
    @Autowired
    DealService deals;
    @Autowired
    DealStages dealStages;
    @Autowired
    RepositoryService repository;

    Deal dealWithoutNextStep(Client client, String title) {
        DealDraft deal = new DealDraft();
        deal.setTitle(title);
        deal.setAmount(new BigDecimal("9000"));
        deal.setExpectedClose(LocalDate.now().plusMonths(1));
        deal.setOwner("manager");
        return asManager(() -> deals.create(client.id(), deal));
    }

    /** The manager on a new client's workspace with two deals without a next step, "Tax return" stalled. */
    void signedInOnAFreshAndAStalledDeal() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        dealWithoutNextStep(client, "Annual audit");
        deals.fireStallTimerNow(dealWithoutNextStep(client, "Tax return").id());
        signIn("/" + client.workspacePath(), "manager", "manager");
    }

    @Test
    void aLongListScrollsDownToItsOldestDealFetchedFromTheDatabase() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        java.time.Instant start = java.time.Instant.now().minus(java.time.Duration.ofHours(2));
        for (int i = 1; i <= 60; i++) {
            String title = "Deal %02d".formatted(i);
            try (var at = io.clientspace.devservices.TestClock.pin(start.plusSeconds(i))) {
                dealWithoutNextStep(client, title);
            }
        }
        signIn("/" + client.workspacePath(), "manager", "manager");
        assertThat(page.locator("#deal-view")).containsText("Open (60)");
        assertThat(page.locator("#deal-grid")).containsText("Deal 60");
        // the tab loaded the newest 50; the oldest ten come from the database only when the user scrolls to them
        assertThat(page.locator("#deal-grid")).not().containsText("Deal 01");

        page.locator("#deal-grid").evaluate("grid => grid.scrollToIndex(59)");
        assertThat(page.locator("#deal-grid vaadin-grid-cell-content:visible").filter(
                new Locator.FilterOptions().setHasText("Deal 01"))).hasCount(1);
        screenshot("deals-scrolled-to-the-oldest");
    }

    @Test
    void aRowsShortFactsFitTheirColumnsOnOneLine() {
        // a stalled deal's stage cell holds a second badge: the grid must still fit beside the frozen actions
        signedInOnAFreshAndAStalledDeal();
        assertThat(page.locator("#deal-grid .stage-badge")).hasText(new String[] {"New", "New"});
        assertThat(page.locator("#deal-grid .stalled-badge")).hasText("Stalled");
        // the stage, value, owner, next step and expected close columns fit their texts: each fact shows whole, on
        // one line
        @SuppressWarnings("unchecked")
        java.util.List<String> wrapped = (java.util.List<String>) page.locator("#deal-grid").evaluate("""
                grid => [...grid.querySelectorAll('vaadin-grid-cell-content')]
                    .filter(c => ['New', '€9,000.00', 'Maria Keller', 'No next step'].includes(c.textContent.trim())
                        || /^[A-Z][a-z]{2} \\d{1,2}, \\d{4}$/.test(c.textContent.trim()))
                    .filter(c => {
                      // a text that wraps has a box per line; one that is cut off overflows its cell
                      const texts = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);
                      for (let t = texts.nextNode(); t; t = texts.nextNode()) {
                        if (!t.textContent.trim()) continue;
                        const r = document.createRange();
                        r.selectNodeContents(t);
                        if (r.getClientRects().length > 1) return true;
                      }
                      return c.scrollWidth > c.clientWidth;
                    })
                    .map(c => c.textContent.trim())""");
        org.assertj.core.api.Assertions.assertThat(wrapped).isEmpty();
        // on a laptop's screen every column fits beside the frozen actions: nothing hides under them
        org.assertj.core.api.Assertions.assertThat(sidewaysScroll("#deal-grid")).as("px the grid scrolls sideways")
                .isZero();
        org.assertj.core.api.Assertions.assertThat((Number) page.locator("#deal-grid").evaluate(
                "grid => [...grid.querySelectorAll('vaadin-grid-cell-content')].filter(c => /^[A-Z][a-z]{2} "
                        + "\\d{1,2}, \\d{4}$/.test(c.textContent.trim())).length")).isEqualTo(2);
    }

    @Test
    void aRowsIconButtonsNameTheirActionInTheSharedTooltip() {
        // a stalled deal's badge carries its icon too
        signedInOnAFreshAndAStalledDeal();
        Locator tooltip = page.locator("vaadin-tooltip-overlay[opened]");
        assertThat(page.locator("#deal-grid .edit-deal")).hasCount(2);
        // the buttons carry no tooltip element of their own: the page's one tooltip shows each button's text
        assertThat(page.locator("#deal-grid vaadin-tooltip")).hasCount(0);
        // and they are the browser's own buttons and drawings, not web components with a shadow tree each (DD043)
        assertThat(page.locator("#deal-grid button.edit-deal")).hasCount(2);
        assertThat(page.locator("#deal-grid vaadin-button")).hasCount(0);
        assertThat(page.locator("#deal-grid vaadin-icon")).hasCount(0);
        assertThat(page.locator("#deal-grid .stalled-badge")).hasText("Stalled");
        assertThat(page.locator("#deal-grid .stalled-badge svg.inline-icon")).isVisible();

        page.locator("#deal-grid .edit-deal").first().hover();
        assertThat(tooltip).hasText("Edit deal");
        page.locator("#deal-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Tax return")).hover();
        assertThat(tooltip).hasCount(0);
        page.locator("#deal-grid .deal-create-proposal").last().hover();
        assertThat(tooltip).hasText("Create proposal");
        screenshot("deal-row-tooltip");

        // from the keyboard: Tab from a row's "Move on" reaches its edit button, and the tooltip names it
        page.mouse().move(0, 0);
        assertThat(tooltip).hasCount(0);
        page.locator("#deal-grid .move-deal").first().focus();
        page.keyboard().press("Tab");
        assertThat(tooltip).hasText("Edit deal");
        page.keyboard().press("Escape");
        assertThat(tooltip).hasCount(0);
        // and Enter presses it, as it does any button
        page.locator("#deal-grid .edit-deal").first().focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#deal-title input")).hasValue(java.util.regex.Pattern.compile("Annual audit|Tax return"));
    }

    @Test
    void editingADealsNextStepInPlaceClearsTheChecklistFlag() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        dealWithoutNextStep(client, "Annual audit");
        signIn("/" + client.workspacePath(), "manager", "manager");
        assertThat(page.locator("#review-no-next-step")).containsText("Deals without next step: 1");
        assertThat(page.locator("#deal-grid .no-next-step")).hasCount(1);

        page.locator("#deal-grid .edit-deal").click();
        assertThat(page.locator("#deal-title input")).hasValue("Annual audit");
        // a wrong field keeps what was typed, and nothing is saved
        page.locator("#deal-title input").fill("");
        page.locator("#deal-next-step input").fill("Send the audit plan");
        page.locator("#deal-save").click();
        assertThat(page.locator("#deal-title")).hasAttribute("invalid", "");
        assertThat(page.locator("#deal-next-step input")).hasValue("Send the audit plan");
        assertThat(page.locator("#review-no-next-step")).containsText("Deals without next step: 1");

        page.locator("#deal-title input").fill("Annual audit 2031");
        screenshot("deal-edit");
        page.locator("#deal-save").click();

        assertThat(page.locator("#deal-form")).hasCount(0);
        assertThat(page.locator("#review-no-next-step")).hasCount(0);
        assertThat(page.locator("#deal-grid")).containsText("Send the audit plan");
        assertThat(page.locator("#deal-grid")).containsText("Annual audit 2031");
        assertThat(page.locator("#deal-grid .no-next-step")).hasCount(0);
        assertThat(page.locator("#deal-grid .stage-badge")).hasText("New");

        page.locator("#tab-activity").click();
        assertThat(page.locator("#tab-content-activity")).containsText(
                "Maria Keller changed the deal \u201cAnnual audit 2031\u201d: title, next step");
    }

    @Test
    void aLostDealShowsUnderLostAndIsReopenedWithAReason() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        Deal deal = dealWithoutNextStep(client, "Payroll outsourcing");
        asManager(() -> deals.moveOn(deal.id(), DealStage.NEW, StageMove.lost("Chose a competitor")));
        signIn("/" + client.workspacePath(), "manager", "manager");

        assertThat(page.locator("#count-deals")).hasText("0");
        assertThat(page.locator("#deal-grid")).not().containsText("Payroll outsourcing");
        viewOption("Lost (1)").click();
        assertThat(page.locator("#deal-grid")).containsText("Payroll outsourcing");
        assertThat(page.locator("#deal-grid")).containsText("Chose a competitor");

        page.locator("#deal-grid .reopen-deal").click();
        page.locator("#reopen-deal-confirm").click();
        assertThat(page.locator("#reopen-deal-reason")).hasAttribute("invalid", "");
        page.locator("#reopen-deal-reason textarea").fill("New CFO wants to talk again");
        page.locator("#reopen-deal-confirm").click();

        assertThat(page.locator("#count-deals")).hasText("1");
        viewOption("Open (1)").click();
        assertThat(page.locator("#deal-grid")).containsText("Payroll outsourcing");
        assertThat(page.locator("#deal-grid .stage-badge")).hasText("New");
    }

    @Test
    void aStageAProcessOwnerAddsToTheModelShowsWithoutACodeChange() {
        // a process owner deploys deal-stages with a "Legal review" stage between Proposal and Negotiation (DD015)
        Deployment withReview = repository.createDeployment().name("deal-stages with a legal review")
                .addModelInstance(DealStagesProcess.PROCESS_ID + ".bpmn", DealStagesWithALegalReview.model()).deploy();
        dealStages.deployed();
        try {
            Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
            Deal created = dealWithoutNextStep(client, "Framework agreement");
            Deal atProposal = asManager(() -> {
                Deal d = deals.moveOn(created.id(), created.stage(), StageMove.advance("Qualify", LocalDate.now()));
                return deals.moveOn(d.id(), d.stage(), StageMove.advance("Send it", LocalDate.now()));
            });
            org.assertj.core.api.Assertions.assertThat(atProposal.stage()).isEqualTo(DealStage.PROPOSAL);
            org.assertj.core.api.Assertions.assertThat(atProposal.nextStage()).isEqualTo(new DealStage(DealStagesWithALegalReview.STAGE, null));

            signIn("/" + client.workspacePath(), "manager", "manager");
            assertThat(page.locator("#deal-grid .stage-badge")).hasText("Proposal");
            page.locator("#deal-grid .move-deal").click();
            assertThat(page.locator("#move-outcome")).containsText("Move to Legal review");
            page.locator("#move-next-step input").fill("Lawyers read the draft");
            page.locator("#move-due input").fill(ManagerJourneyBrowserTests.US_DATE.format(LocalDate.now().plusDays(3)));
            page.locator("#move-due input").press("Enter");
            page.locator("#move-confirm").click();

            assertThat(page.locator("#move-deal")).hasCount(0);
            assertThat(page.locator("#deal-grid .stage-badge")).hasText("Legal review");
            screenshot("deal-stage-from-the-model");
            // its neighbours come from the model too: back goes to Proposal, on goes to Negotiation
            page.locator("#deal-grid .move-deal-back").click();
            assertThat(page.locator("#move-deal-back-reason")).isVisible();
            assertThat(page.getByText("The deal goes from Legal review back to Proposal.")).isVisible();
            page.locator("#move-deal-back-cancel").click();
            assertThat(page.locator("#move-deal-back-reason")).hasCount(0);
            page.locator("#deal-grid .move-deal").click();
            assertThat(page.locator("#move-outcome")).containsText("Move to Negotiation");
            page.locator("#move-cancel").click();
            assertThat(page.locator("#move-outcome")).hasCount(0);

            page.locator("#tab-activity").click();
            assertThat(page.locator("#tab-content-activity")).containsText("Legal review");
        } finally {
            repository.deleteDeployment(withReview.getId(), true);
            dealStages.deployed();
        }
    }

    private Locator viewOption(String label) {
        return page.locator("#deal-view vaadin-radio-button", new Page.LocatorOptions().setHasText(label));
    }
}
