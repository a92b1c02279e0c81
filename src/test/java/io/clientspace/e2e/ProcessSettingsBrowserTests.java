package io.clientspace.e2e;

import io.clientspace.modeling.LeavesTheEngineAsFound;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.clientspace.support.Actors.asManager;

import com.microsoft.playwright.Browser;
import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealDraft;
import io.clientspace.deal.DealService;
import io.clientspace.deal.DealStages;
import io.clientspace.deal.process.DealStagesProcess;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A process owner (the demo user "process", who holds the process-owner role and nothing else) changes how long a
 * deal may sit before it counts as stalled, in the firm settings form: a bad period is refused with the typed text kept, a good one becomes a new
 * version, and a new deal waits the new period. The gate's problems show in the user's language.
 */
@ExtendWith(LeavesTheEngineAsFound.class)
class ProcessSettingsBrowserTests extends BrowserTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ClientService clients;
    @Autowired
    DealService deals;


    @Test
    void aProcessOwnerChangesStallAfterAndANewDealUsesTheNewPeriod() {
        int v1 = repository.createProcessDefinitionQuery().processDefinitionKey(DealStagesProcess.PROCESS_ID)
                .latestVersion().singleResult().getVersion();
        signIn("/processes", "process", "process");
        assertThat(page.locator("#model-grid")).containsText("deal-stages");
        screenshot("processes-list");
        page.locator("#model-grid .model-link", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText(dealStagesName())).first().click();
        assertThat(page.locator("#model-latest")).containsText("version " + v1);
        assertThat(page.locator("#setting-stallAfter input")).hasValue("P14D");
        assertThat(page.locator("#setting-stallAfter")).containsText("after 14 days");

        // a period that is no ISO-8601 duration: refused, what was typed stays
        page.locator("#setting-stallAfter input").fill("three weeks");
        assertThat(page.locator("#setting-stallAfter")).containsText("Not an ISO-8601 duration");
        page.locator("#settings-save").click();
        assertThat(page.locator("#model-problems")).containsText("Correct the highlighted periods first");
        assertThat(page.locator("#setting-stallAfter input")).hasValue("three weeks");

        page.locator("#setting-stallAfter input").fill("P3W");
        assertThat(page.locator("#setting-stallAfter")).containsText("after 3 weeks");
        page.locator("#settings-note input").fill("Deals move slower over the holidays");
        page.locator("#settings-save").click();

        assertThat(page.locator("#model-latest")).containsText("version " + (v1 + 1));
        assertThat(page.locator("#model-versions")).containsText("Deals move slower over the holidays");
        assertThat(page.locator("#setting-stallAfter input")).hasValue("P3W");
        screenshot("process-settings-saved");

        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        DealDraft draft = new DealDraft();
        draft.setTitle("Holiday campaign");
        draft.setAmount(new BigDecimal("4000"));
        draft.setExpectedClose(LocalDate.now().plusMonths(1));
        draft.setOwner("manager");
        Deal deal = asManager(() -> deals.create(client.id(), draft));
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(deal.id().toString())
                .processDefinitionKey(DealStagesProcess.PROCESS_ID).singleResult();
        org.assertj.core.api.Assertions.assertThat(runtime.getVariable(instance.getId(),
                DealStagesProcess.VAR_STALL_AFTER)).isEqualTo("P3W");
    }

    @Test
    void theGatesProblemsAreListedByElementInGerman() {
        context.close();
        context = browser().newContext(new Browser.NewContextOptions().setLocale("de-DE").setViewportSize(1440, 900));
        watchPolicy(context);
        page = context.newPage();
        long versions = repository.createProcessDefinitionQuery().processDefinitionKey(DealStagesProcess.PROCESS_ID)
                .count();
        signIn("/processes/edit/" + DealStagesProcess.PROCESS_ID, "process", "process");
        // the diagram editor opens first (DD024); the XML is one tab away
        page.locator("#editor-mode-xml").click();
        String xml = page.locator("#model-xml textarea").inputValue();
        page.locator("#model-xml textarea").fill(xml
                .replace("${outcome == 'lost'}", "${jdbcTemplate.execute('drop table deal') == null}")
                .replace("P14D", "14 Tage")
                .replace(" camunda:dueDate=\"${nextStepDue}\"", ""));
        page.locator("#editor-deploy").click();

        assertThat(page.locator("#editor-problems")).containsText("Nicht bereitgestellt");
        assertThat(page.locator("#editor-problems")).containsText("Ausdrücke dürfen „jdbcTemplate“ nicht erreichen");
        assertThat(page.locator("#editor-problems")).containsText("„14 Tage“, ist keine ISO-8601-Dauer");
        // the contract the code relies on, in German too, the "(none)" included
        assertThat(page.locator("#editor-problems")).containsText("Benutzeraufgabe StageNew muss zum Zeitpunkt"
                + " ${nextStepDue} fällig sein, ihr Fälligkeitsdatum ist aber (keine Angabe)");
        assertThat(page.locator("#editor-problems")).not().containsText("user task");
        screenshot("process-gate-problems-de");
        org.assertj.core.api.Assertions.assertThat(repository.createProcessDefinitionQuery()
                .processDefinitionKey(DealStagesProcess.PROCESS_ID).count()).as("nothing deployed").isEqualTo(versions);
    }

    String dealStagesName() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(DealStagesProcess.PROCESS_ID)
                .latestVersion().singleResult().getName();
    }
}
