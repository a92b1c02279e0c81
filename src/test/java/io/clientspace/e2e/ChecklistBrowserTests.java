package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.clientspace.support.Actors.asManager;

import com.microsoft.playwright.Browser;
import io.clientspace.checklist.ChecklistItem;
import io.clientspace.checklist.ChecklistService;
import io.clientspace.checklist.ProvidedBy;
import io.clientspace.checklist.Requirement;
import io.clientspace.checklist.RequirementDraft;
import io.clientspace.checklist.TemplateDraft;
import io.clientspace.client.Client;
import io.clientspace.client.ClientDraft;
import io.clientspace.client.ClientService;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealService;
import io.clientspace.document.ClientDocument;
import io.clientspace.document.DocumentService;
import io.clientspace.document.DocumentType;
import io.clientspace.portal.PortalTestData;
import io.clientspace.project.ProjectNavigation;
import io.clientspace.shared.WorkScope;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Required documents and deals in a project through a manager's real sign-in: a requirement added in the catalogue
 * (a wrong renewal period refused with the typed text kept), a tag template that puts it on a client's project, the
 * checklist in mixed states, "Request from client" in one click, and a deal created from the project's Deals tab.
 */
class ChecklistBrowserTests extends BrowserTest {

    @Autowired
    PortalTestData data;
    @Autowired
    ChecklistService checklists;
    @Autowired
    ClientService clients;
    @Autowired
    DocumentService documents;
    @Autowired
    DealService deals;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aManagerAddsARequirementTheTemplateAppliesAndTheClientIsAskedInOneClick() {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String tag = "tax client " + marker;
        PortalTestData.World w = data.world("chk" + marker);

        signIn("/required-documents", "manager", "manager");
        page.locator("#new-requirement").click();
        page.locator("#requirement-name input").fill("Power of attorney " + marker);
        page.locator("#requirement-renewal input").fill("yearly");
        page.locator("#requirement-save").click();
        assertThat(page.locator("#requirement-renewal")).hasAttribute("invalid", "");
        assertThat(page.locator("#requirement-renewal")).containsText("is not an ISO-8601 period");
        assertThat(page.locator("#requirement-name input")).hasValue("Power of attorney " + marker);
        screenshot("checklist-catalogue-error");
        page.locator("#requirement-renewal input").fill("P1Y");
        page.locator("#requirement-save").click();
        assertThat(page.locator("#requirement-dialog")).hasCount(0);
        assertThat(page.locator("#requirement-grid")).containsText("Power of attorney " + marker);

        Requirement poa = asManager(() -> checklists.requirements()).stream()
                .filter(r -> r.name().equals("Power of attorney " + marker)).findFirst().orElseThrow();
        Requirement statement = asManager(() -> checklists.saveRequirement(null, 0, new RequirementDraft(
                "Annual statement " + marker, DocumentType.OTHER, null, ProvidedBy.CLIENT)));
        Requirement registry = asManager(() -> checklists.saveRequirement(null, 0, new RequirementDraft(
                "Trade register extract " + marker, DocumentType.OTHER, "P6M", ProvidedBy.CLIENT)));
        asManager(() -> checklists.saveTemplate(null, 0, new TemplateDraft("Tax " + marker, null, tag,
                List.of(poa.id(), statement.id(), registry.id()))));
        ClientDraft tagged = ClientDraft.of(w.client());
        tagged.setTags(List.of("test", tag));
        asManager(() -> clients.update(w.client().id(), tagged, true));
        // mixed states: the contract final (provided), the register extract final but due within 30 days (expiring)
        ClientDocument contract = w.sharedDocument();
        asManager(() -> documents.markFinal(contract.id(), asManager(() -> documents.versions(contract.id()))
                .get(0).id(), contract.version()));
        ClientDocument extract = asManager(() -> documents.create(w.project().scope(), registry.name(),
                DocumentType.OTHER, "extract.pdf", PortalTestData.pdf("extract")));
        UUID extractVersion = asManager(() -> documents.versions(extract.id())).get(0).id();
        asManager(() -> documents.markFinal(extract.id(), extractVersion, extract.version()));
        jdbc.update("update document_version set uploaded_at = ? where id = ?",
                Timestamp.from(ZonedDateTime.now().minusMonths(6).plusDays(12).toInstant()), extractVersion);

        page.navigate(url("/" + ProjectNavigation.workspace(w.project().id())));
        page.locator("#tab-required-documents").click();
        assertThat(page.locator("#checklist-grid")).containsText("Power of attorney " + marker);
        assertThat(page.locator("#checklist-grid .checklist-state[data-state=PROVIDED]")).hasCount(1);
        assertThat(page.locator("#checklist-grid .checklist-state[data-state=EXPIRING]")).hasCount(1);
        // act, invoice (the firm's) and the client's statement and power of attorney
        assertThat(page.locator("#checklist-grid .checklist-state[data-state=MISSING]")).hasCount(4);
        assertThat(page.locator("#count-required-documents")).hasText("4");
        assertThat(page.locator("#checklist-request")).containsText("(2)");
        screenshot("checklist-mixed");

        page.locator("#checklist-request").click();
        assertThat(page.locator("#checklist-grid .checklist-state[data-state=REQUESTED]")).hasCount(2);
        assertThat(page.locator("#count-required-documents")).hasText("2");
        assertThat(page.locator("#checklist-request")).isDisabled();
        assertThat(page.locator("#checklist-request-why")).containsText("Nothing is missing that the client provides");
        screenshot("checklist-requested");
        List<ChecklistItem> items = asManager(() -> checklists.items(w.project().scope()));
        UUID requestId = items.stream().filter(i -> i.name().equals(poa.name())).findFirst().orElseThrow()
                .requestId();
        assertThat(page.locator("body")).isVisible();
        org.assertj.core.api.Assertions.assertThat(items).filteredOn(i -> i.requestId() != null)
                .extracting(ChecklistItem::requestId).containsOnly(requestId).hasSize(2);

        // a deal created from the project's Deals tab belongs to the project
        page.locator("#tab-deals").click();
        page.locator("#new-deal").click();
        assertThat(page.locator("#deal-project")).isHidden();
        page.locator("#deal-title input").fill("Tax advice " + marker);
        page.locator("#deal-amount input").fill("12000");
        page.locator("#deal-expected-close input").fill(ManagerJourneyBrowserTests.US_DATE.format(
                LocalDate.now().plusMonths(2)));
        page.locator("#deal-expected-close input").press("Enter");
        page.locator("#deal-next-step input").fill("Collect the statements");
        page.locator("#deal-save").click();
        assertThat(page.locator("#deal-grid")).containsText("Tax advice " + marker);
        assertThat(page.locator("#count-deals")).hasText("1");
        screenshot("project-deals");
        Deal deal = asManager(() -> deals.in(w.project().scope())).get(0);
        org.assertj.core.api.Assertions.assertThat(deal.projectId()).isEqualTo(w.project().id());

        // the client's Deals tab shows it with its project, and filters by project
        page.navigate(url("/" + w.client().workspacePath() + "?tab=deals"));
        assertThat(page.locator("#deal-grid")).containsText(w.project().name());
        // a long project name wraps in its column: every column still fits beside the frozen actions
        org.assertj.core.api.Assertions.assertThat(sidewaysScroll("#deal-grid")).as("px the grid scrolls sideways")
                .isZero();
        page.locator("#deal-project-filter input").fill(w.hiddenProject().name());
        page.locator("vaadin-combo-box-item:has-text('" + w.hiddenProject().name() + "')").click();
        assertThat(page.locator("#deal-project-filter input")).hasValue(w.hiddenProject().name());
        assertThat(page.locator("#deal-grid")).containsText("No deals here. Choose another view or project.");
        // a grid keeps the cells of rows it no longer shows in the page, hidden: look at the visible ones
        assertThat(page.locator("#deal-grid vaadin-grid-cell-content:visible").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText("Tax advice " + marker))).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(sidewaysScroll("#deal-grid")).as("px the grid scrolls sideways")
                .isZero();
        screenshot("client-deals-project-filter");
    }

    @Test
    void anEmptyListAndTheChecklistInGerman() {
        Client client = asManager(() -> clients.create(io.clientspace.client.ClientTestData.company("manager"),
                false));
        WorkScope scope = WorkScope.client(client.id());
        asManager(() -> checklists.items(scope)).forEach(i -> asManager(() -> checklists.removeItem(scope, i.id())));

        signIn("/" + client.workspacePath() + "?tab=required-documents", "manager", "manager");
        assertThat(page.locator("#tab-content-required-documents")).containsText("No required documents");
        assertThat(page.locator("#count-required-documents")).hasText("0");
        screenshot("checklist-empty");

        context.close();
        context = browser().newContext(new Browser.NewContextOptions().setLocale("de-DE").setViewportSize(1440, 900));
        watchPolicy(context);
        page = context.newPage();
        Client other = asManager(() -> clients.create(io.clientspace.client.ClientTestData.company("manager"),
                false));
        signIn("/" + other.workspacePath() + "?tab=required-documents", "manager", "manager");
        assertThat(page.locator("#tab-required-documents")).containsText("Pflichtdokumente");
        assertThat(page.locator("#checklist-grid")).containsText("Fehlt");
        screenshot("checklist-de");
    }
}
