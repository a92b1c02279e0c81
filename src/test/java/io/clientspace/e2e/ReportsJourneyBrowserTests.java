package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import io.clientspace.reports.ReportFixture;
import io.clientspace.reports.ReportKind;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A manager opens every report with its chart and table, clicks a bar to see the deals behind it, takes the table
 * away as CSV and as Excel, and meets the messages for a backwards range, a too long one and an empty report.
 */
class ReportsJourneyBrowserTests extends BrowserTest {

    /** The menu label of each report, as the English bundle has it. */
    static final Map<ReportKind, String> LABELS = Map.ofEntries(
            Map.entry(ReportKind.PIPELINE_STAGES, "Open deals by stage"),
            Map.entry(ReportKind.FORECAST, "Weighted forecast by month"),
            Map.entry(ReportKind.STALLED, "Stalled deals"),
            Map.entry(ReportKind.STAGE_DAYS, "Days per stage"),
            Map.entry(ReportKind.WON_LOST, "Won and lost per month"),
            Map.entry(ReportKind.TASKS_PEOPLE, "Tasks per person"),
            Map.entry(ReportKind.TASKS_GROUPS, "Tasks per work group"),
            Map.entry(ReportKind.REQUESTS_WAITING, "Requests waiting on us"),
            Map.entry(ReportKind.HOURS_PEOPLE, "Hours per month and person"),
            Map.entry(ReportKind.HOURS_CLIENTS, "Hours per client and project"),
            Map.entry(ReportKind.HOURS_PAST_END, "Hours on projects past their end"),
            Map.entry(ReportKind.PROPOSAL_OUTCOMES, "Sent and decided per month"),
            Map.entry(ReportKind.PROPOSAL_VALUE, "Value by fee model"),
            Map.entry(ReportKind.PROPOSAL_APPROVALS, "Approvals per month"),
            Map.entry(ReportKind.ACCEPTANCE_OUTCOMES, "Acceptances per month"),
            Map.entry(ReportKind.ACCEPTANCES_DUE, "Acceptances due in 48 hours"),
            Map.entry(ReportKind.INFO_REQUEST_OUTCOMES, "Information requests per month"),
            Map.entry(ReportKind.REQUEST_SLA_PRIORITY, "Client request SLA by priority"),
            Map.entry(ReportKind.REQUEST_SLA_GROUPS, "Client request SLA by group"),
            Map.entry(ReportKind.PORTAL_ENGAGEMENT, "Portal engagement per client"));

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    ReportFixture data;

    @BeforeEach
    void data() {
        data = new ReportFixture(jdbc, LocalDate.now(clock)).create();
    }

    @AfterEach
    void clean() {
        data.delete();
    }

    @Test
    void everyReportShowsItsChartAndTableABarOpensTheDealsBehindItAndBothExportsDownload() throws Exception {
        signIn("/reports", "manager", "manager");
        assertThat(page.locator("#report-kind")).isVisible();
        date("#report-from", "1/1/2025");
        date("#report-to", "12/31/2027");
        page.locator("#report-tag input").fill(data.tag);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(data.tag)).click();

        assertThat(page.locator("#report-table")).containsText("Negotiation");
        assertThat(page.locator("#report-table")).containsText("1,500.00 EUR");
        assertThat(page.locator("#report-chart svg")).isVisible();
        screenshot("reports-pipeline");

        // a click on the first bar (New, EUR) lists the two deals behind it
        clickBar(0, 0);
        assertThat(page.locator("#report-drill-title")).hasText("New: EUR");
        assertThat(page.locator("#report-drill-grid")).containsText("Open A1");
        assertThat(page.locator("#report-drill-grid")).containsText("Open A2");
        assertThat(page.locator("#report-drill-grid")).not().containsText("Open B4");
        screenshot("reports-pipeline-drill");

        Download csv = page.waitForDownload(() -> page.locator("#report-export-csv").click());
        org.assertj.core.api.Assertions.assertThat(csv.suggestedFilename()).isEqualTo("clientspace-pipeline-stages-2025-01-01-2027-12-31.csv");
        String text = Files.readString(csv.path(), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(text).startsWith("\uFEFFStage,Currency,Deals,Value\r\n")
                .contains("New,EUR,2,1500.00\r\n").contains("Proposal,USD,1,2000.00\r\n");

        Download xlsx = page.waitForDownload(() -> page.locator("#report-export-xlsx").click());
        try (InputStream in = Files.newInputStream(xlsx.path()); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Row negotiation = book.getSheetAt(0).getRow(4);
            org.assertj.core.api.Assertions.assertThat(negotiation.getCell(0).getStringCellValue())
                    .isEqualTo("Negotiation");
            org.assertj.core.api.Assertions.assertThat(negotiation.getCell(3).getNumericCellValue()).isEqualTo(4000.0);
            org.assertj.core.api.Assertions.assertThat(negotiation.getCell(3).getCellStyle().getDataFormatString())
                    .isEqualTo("#,##0.00 \"EUR\"");
        }

        // the whole list behind the bar downloads as well: the two deals, nothing else
        Download list = page.waitForDownload(() -> page.locator("#report-drill-export-csv").click());
        org.assertj.core.api.Assertions.assertThat(list.suggestedFilename())
                .isEqualTo("clientspace-pipeline-stages-list-2025-01-01-2027-12-31.csv");
        String listed = Files.readString(list.path(), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(listed.split("\r\n")).hasSize(3);
        org.assertj.core.api.Assertions.assertThat(listed).contains("Open A1").contains("Open A2")
                .doesNotContain("Open B4");

        for (ReportKind kind : Arrays.copyOfRange(ReportKind.values(), 1, ReportKind.values().length)) {
            choose(kind);
            String result = "#report-result[data-report=" + kind.name() + "]";
            assertThat(page.locator(result + " #report-table")).isVisible();
            assertThat(page.locator(result + " #report-chart svg")).isVisible();
            screenshot("reports-" + kind.name().toLowerCase());
            if (kind == ReportKind.HOURS_PAST_END) {
                assertThat(page.locator(result + " #report-table")).containsText("Relaunch " + data.tag);
            }
        }
    }

    @Test
    void aBackwardsRangeATooLongRangeAndAnEmptyReportSayWhatIsWrong() {
        signIn("/reports", "manager", "manager");
        assertThat(page.locator("#report-kind")).isVisible();
        page.locator("#report-tag input").fill(data.tag);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(data.tag)).click();
        choose(ReportKind.HOURS_PEOPLE);

        date("#report-from", "3/1/2025");
        date("#report-to", "2/1/2025");
        assertThat(page.locator("#report-to")).hasAttribute("invalid", "");
        assertThat(page.locator("#report-to [slot=error-message]")).hasText("The end date is before the start date");
        assertThat(page.locator("#report-table")).hasCount(0);
        screenshot("reports-backwards-range");

        date("#report-from", "1/1/2019");
        date("#report-to", "12/31/2025");
        assertThat(page.locator("#report-to [slot=error-message]"))
                .hasText("A report covers at most 5 years. Narrow the range.");
        page.locator("#report-narrow").click();
        assertThat(page.locator("#report-from input")).hasValue("12/31/2020");
        assertThat(page.locator("#report-table")).containsText("Mar 2025");
        screenshot("reports-narrowed");

        date("#report-from", "1/1/2024");
        date("#report-to", "12/31/2024");
        assertThat(page.locator("#report-result")).containsText("Nothing to show");
        assertThat(page.locator("#report-export-empty"))
                .hasText("Nothing to export: the report has no rows for this range and these filters.");
        assertThat(page.locator("#report-export-csv")).hasCount(0);
        screenshot("reports-empty");
    }

    @Test
    void theProposalsReportShowsItsChartAndTableInEnglishAndGermanAndABarOpensTheProposalsBehindIt() {
        signIn("/reports", "manager", "manager");
        assertThat(page.locator("#report-kind")).isVisible();
        date("#report-from", "1/1/2025");
        date("#report-to", "12/31/2025");
        page.locator("#report-tag input").fill(data.tag);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(data.tag)).click();

        choose(ReportKind.PROPOSAL_OUTCOMES);
        String outcomes = "#report-result[data-report=PROPOSAL_OUTCOMES]";
        assertThat(page.locator(outcomes + " #report-chart svg")).isVisible();
        // January: 4 sent, 2 accepted, 1 declined: 2 of 3 answers, median 10 days
        assertThat(page.locator(outcomes + " #report-table")).containsText("Jan 2025");
        assertThat(page.locator(outcomes + " #report-table")).containsText("67%");
        assertThat(page.locator("#report-range-hint")).containsText("Conversion: the accepted proposals as a share"
                + " of those the client answered");
        assertThat(page.locator("#report-project")).containsText("Proposals belong to clients, not projects");
        screenshot("reports-proposals-en");

        // a click on January's Sent bar lists the four proposals sent that month
        clickBar(0, 0);
        assertThat(page.locator("#report-drill-title")).hasText("Jan 2025: Sent");
        Locator drill = page.locator("#report-drill-grid");
        for (String title : new String[] {"Proposal 8", "Proposal 1", "Proposal 2", "Proposal 6"}) {
            assertThat(drill).containsText(title);
        }
        assertThat(drill).not().containsText("Proposal 3");
        assertThat(drill).containsText("Declined");
        screenshot("reports-proposals-drill-en");

        choose(ReportKind.PROPOSAL_VALUE);
        String value = "#report-result[data-report=PROPOSAL_VALUE]";
        assertThat(page.locator(value + " #report-chart svg")).isVisible();
        assertThat(page.locator(value + " #report-table")).containsText("Fixed fee");
        assertThat(page.locator(value + " #report-table")).containsText("11,500.00 EUR");
        screenshot("reports-proposal-value-en");

        choose(ReportKind.PROPOSAL_APPROVALS);
        String approvals = "#report-result[data-report=PROPOSAL_APPROVALS]";
        assertThat(page.locator(approvals + " #report-chart svg")).isVisible();
        assertThat(page.locator(approvals + " #report-table")).containsText("30.00");
        screenshot("reports-proposal-approvals-en");

        // the same in German: short column headers, the long definitions in the description above
        context.close();
        context = browser().newContext(new Browser.NewContextOptions().setLocale("de-DE").setViewportSize(1440, 900));
        context.setDefaultTimeout(20_000);
        watchPolicy(context);
        page = context.newPage();
        signIn("/reports", "manager", "manager");
        assertThat(page.locator("#report-kind")).isVisible();
        date("#report-from", "01.01.2025");
        date("#report-to", "31.12.2025");
        page.locator("#report-tag input").fill(data.tag);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(data.tag)).click();
        choose("Ergebnisse je Monat");
        assertThat(page.locator(outcomes + " #report-chart svg")).isVisible();
        Locator table = page.locator(outcomes + " #report-table");
        for (String header : new String[] {"Gesendet", "Angenommen", "Abgelehnt", "Abgelaufen", "Quote",
                "Median Tage"}) {
            assertThat(table).containsText(header);
        }
        assertThat(page.locator("#report-range-hint")).containsText("Quote: angenommene Angebote als Anteil");
        screenshot("reports-proposals-de");

        choose("Wert nach Honorarmodell");
        assertThat(page.locator(value + " #report-table")).containsText("Festpreis");
        screenshot("reports-proposal-value-de");
        choose("Freigaben je Monat");
        assertThat(page.locator(approvals + " #report-table")).containsText("Freigabe");
        screenshot("reports-proposal-approvals-de");
    }

    @Test
    void theClientPromisesReportsShowChartAndTableInEnglishAndGermanAndABarOpensTheListBehindIt() {
        signIn("/reports", "manager", "manager");
        assertThat(page.locator("#report-kind")).isVisible();
        date("#report-from", "1/1/2025");
        date("#report-to", "12/31/2025");
        page.locator("#report-tag input").fill(data.tag);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(data.tag)).click();

        choose(ReportKind.ACCEPTANCE_OUTCOMES);
        String acceptances = "#report-result[data-report=ACCEPTANCE_OUTCOMES]";
        assertThat(page.locator(acceptances + " #report-chart svg")).isVisible();
        // February: 2 sent, 2 accepted (after 14 and 1 days: median 7.5), 1 expired
        assertThat(page.locator(acceptances + " #report-table")).containsText("Feb 2025");
        assertThat(page.locator(acceptances + " #report-table")).containsText("7.5");
        assertThat(page.locator("#report-range-hint")).containsText("Median days: from sending to the client");
        screenshot("reports-acceptances-en");

        // a click on January's Sent bar lists the three acceptances sent that month
        clickBar(0, 0);
        assertThat(page.locator("#report-drill-title")).hasText("Jan 2025: Sent");
        Locator drill = page.locator("#report-drill-grid");
        for (String title : new String[] {"Contract A1 v1", "Contract A2 v1", "Contract A5 v1"}) {
            assertThat(drill).containsText(title);
        }
        assertThat(drill).not().containsText("Contract B3");
        screenshot("reports-acceptances-drill-en");

        choose(ReportKind.REQUEST_SLA_GROUPS);
        String groups = "#report-result[data-report=REQUEST_SLA_GROUPS]";
        assertThat(page.locator(groups + " #report-chart svg")).isVisible();
        assertThat(page.locator(groups + " #report-table")).containsText("Not triaged");
        assertThat(page.locator(groups + " #report-table")).containsText("SLA breached");
        // the groups by the names people know them by, not the triage table's codes
        assertThat(page.locator(groups + " #report-table")).containsText("Team members");
        // a click on the manager group's Breached bar lists requests 2 and 4
        clickBar(1, 0);
        assertThat(page.locator("#report-drill-title")).hasText("Managers: SLA breached");
        assertThat(page.locator("#report-drill-grid")).containsText("Ask 2");
        assertThat(page.locator("#report-drill-grid")).containsText("Ask 4");
        assertThat(page.locator("#report-drill-grid")).not().containsText("Ask 1");
        screenshot("reports-sla-groups-drill-en");

        // the same in German: short column headers, the definitions in the description above
        context.close();
        context = browser().newContext(new Browser.NewContextOptions().setLocale("de-DE").setViewportSize(1440, 900));
        context.setDefaultTimeout(20_000);
        watchPolicy(context);
        page = context.newPage();
        signIn("/reports", "manager", "manager");
        assertThat(page.locator("#report-kind")).isVisible();
        date("#report-from", "01.01.2025");
        date("#report-to", "31.12.2025");
        page.locator("#report-tag input").fill(data.tag);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(data.tag)).click();
        choose("Abnahmen je Monat");
        assertThat(page.locator(acceptances + " #report-chart svg")).isVisible();
        Locator table = page.locator(acceptances + " #report-table");
        for (String header : new String[] {"Gesendet", "Angenommen", "Abgelaufen", "Median Tage"}) {
            assertThat(table).containsText(header);
        }
        assertThat(page.locator("#report-range-hint")).containsText("Median Tage: vom Senden bis zur Abnahme");
        screenshot("reports-acceptances-de");
        choose("SLA der Kundenanfragen nach Gruppe");
        table = page.locator(groups + " #report-table");
        for (String header : new String[] {"Gruppe", "Erfüllt", "Verletzt", "Offen", "Nicht eingestuft"}) {
            assertThat(table).containsText(header);
        }
        screenshot("reports-sla-groups-de");
        choose("Informationsanfragen je Monat");
        assertThat(page.locator("#report-result[data-report=INFO_REQUEST_OUTCOMES] #report-table"))
                .containsText("Nacharbeit");
        screenshot("reports-info-requests-de");
    }

    private void choose(ReportKind kind) {
        choose(LABELS.get(kind));
    }

    /** The selected value is rendered as an item too: only the overlay's options are candidates. */
    private void choose(String label) {
        page.locator("#report-kind").click();
        page.locator("vaadin-select-item[role='option']").filter(new Locator.FilterOptions().setHasText(label))
                .click();
        assertThat(page.locator("#report-range-hint")).isVisible();
        // the list fades out for a moment after the choice; a click meant for the chart must not land on it
        assertThat(page.locator("vaadin-select-overlay[opened], vaadin-select-overlay[closing]")).hasCount(0);
    }

    /**
     * Clicks the middle of one bar as a user would. The chart draws into an SVG without a node per bar that a locator
     * could name, so the chart says where the bar is; the click goes through the chart's locator, which waits until
     * nothing else (such as a closing list) covers that point.
     */
    private void clickBar(int series, int item) {
        String where = "chart => { const c = chart.itemCenter(" + series + ", " + item + "); if (!c) return null;"
                + " const r = chart.getBoundingClientRect(); return {x: c.x - r.left, y: c.y - r.top}; }";
        Locator chart = page.locator("#report-chart");
        page.waitForFunction("() => document.querySelector('#report-chart').itemCenter(" + series + ", " + item
                + ") !== null");
        Map<?, ?> bar = (Map<?, ?>) chart.evaluate(where);
        chart.click(new Locator.ClickOptions().setPosition(((Number) bar.get("x")).doubleValue(),
                ((Number) bar.get("y")).doubleValue()));
    }

    private void date(String id, String value) {
        page.locator(id + " input").fill(value);
        page.locator(id + " input").press("Enter");
    }
}
