package io.clientspace.e2e;

import io.clientspace.modeling.LeavesTheEngineAsFound;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The BPMN and DMN components of the process owners' area (modeling/ui/diagram, docs/decisions/DD024) in real
 * Chromium, on the test-only page DiagramTestView: badges on deal-stages, the error state, a rename through the
 * Camunda properties panel that comes back in the XML, and DMN tables that open as tables and save back without
 * losing any rule.
 */
@ExtendWith(LeavesTheEngineAsFound.class)
class DiagramBrowserTests extends BrowserTest {

    static final String PAGE = "/test/diagrams?model=";
    static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @Test
    void viewerShowsActiveInstancesAndIncidentsOnTheirActivities() {
        signIn(PAGE + "viewer", "admin", "admin");
        assertThat(page.locator("#import-state")).hasText("shown");

        // load time of a deal-stages page once signed in: navigation until the badges are drawn
        long start = System.nanoTime();
        page.navigate(url(PAGE + "viewer"));
        Locator proposal = badge("active", "StageProposal");
        assertThat(proposal).hasText("12");
        long millis = (System.nanoTime() - start) / 1_000_000;
        Object module = page.evaluate("() => { const e = performance.getEntriesByType('resource')"
                + ".find(r => r.name.includes('cs-bpmn-viewer.js')); return e ? Math.round(e.duration) : -1; }");
        System.out.printf("DD024 viewer: deal-stages page to badges %d ms; cs-bpmn-viewer.js fetched in %s ms%n",
                millis, module);

        assertThat(badge("active", "StageNew")).hasText("3");
        assertThat(badge("active", "StageNegotiation")).hasText("1");
        assertThat(badge("active", "StageNew")).hasAttribute("title", "Active instances: 3");
        assertThat(badge("incidents", "StageNegotiation")).hasText("1");
        assertThat(page.locator("cs-bpmn-viewer .cs-badge-active")).hasCount(3);
        assertThat(page.locator("cs-bpmn-viewer .cs-badge[data-element-id='NoSuchActivity']")).hasCount(0);
        assertThat(page.locator("cs-bpmn-viewer g.djs-element[data-element-id='StageNegotiation']"))
                .hasClass(java.util.regex.Pattern.compile(".*cs-has-incident.*"));
        assertThat(page.locator("cs-bpmn-viewer .bjs-powered-by")).isVisible();
        assertThat(page.locator(".cs-diagram-status")).isHidden();

        // readable at 1440 px: a wide model opens at 75 % or more, not shrunk to fit
        double zoom = ((Number) page.evaluate("() => document.querySelector('cs-bpmn-viewer')._viewer"
                + ".get('canvas').zoom()")).doubleValue();
        assertThat(zoom).as("zoom of deal-stages at 1440 px").isBetween(0.75, 1.0);
        screenshot("diagram-viewer-deal-stages");

        page.locator("cs-bpmn-viewer .cs-zoom-fit").click();
        assertThat(badge("active", "StageProposal")).isVisible();
        screenshot("diagram-viewer-deal-stages-fit");
    }

    @Test
    void aModelThatCannotBeOpenedShowsWhyInTheUsersLanguage() {
        context.close();
        context = browser().newContext(new Browser.NewContextOptions().setLocale("de-DE").setViewportSize(1440, 900));
        watchPolicy(context);
        page = context.newPage();
        signIn(PAGE + "broken", "admin", "admin");

        assertThat(page.locator("#import-state")).hasText("failed");
        Locator status = page.locator(".cs-diagram-status");
        assertThat(status).containsText("Dieses Modell kann nicht angezeigt werden");
        assertThat(status).containsText("Die Datei ist kein BPMN-Modell, das sich öffnen lässt.");
        assertThat(status).containsText("Meldung der Bibliothek:");
        screenshot("diagram-viewer-error-de");
    }

    @Test
    void aTaskRenamedInThePropertiesPanelComesBackInTheXml() {
        signIn(PAGE + "modeler", "admin", "admin");
        assertThat(page.locator("#import-state")).hasText("shown");
        assertThat(page.locator("#dirty-state")).hasText("clean");
        assertThat(page.locator("cs-bpmn-modeler .djs-palette")).isVisible();
        assertThat(page.locator("cs-bpmn-modeler .bjs-powered-by")).isVisible();

        page.locator("cs-bpmn-modeler g.djs-shape[data-element-id='StageNew']").click();
        assertThat(page.locator("cs-bpmn-modeler .bio-properties-panel-header")).containsText("New");
        page.locator("cs-bpmn-modeler [data-group-id='group-general'] .bio-properties-panel-group-header").click();
        Locator name = page.locator("cs-bpmn-modeler #bio-properties-panel-name");
        assertThat(name).hasValue("New");
        name.fill("New lead");
        assertThat(page.locator("#dirty-state")).hasText("dirty");
        screenshot("diagram-modeler-rename");

        page.locator("#get-xml").click();
        assertThat(page.locator("#xml-out")).containsText("name=\"New lead\"");
        String xml = page.locator("#xml-out").textContent();
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(
                StandardCharsets.UTF_8)));
        UserTask task = model.getModelElementById("StageNew");
        assertThat(task.getName()).isEqualTo("New lead");
        // the Camunda 7 attributes survive the editor
        assertThat(task.getCamundaAssignee()).isEqualTo("${owner}");
        assertThat(task.getCamundaDueDate()).isEqualTo("${nextStepDue}");
        assertThat(((UserTask) model.getModelElementById("StageProposal")).getName()).isEqualTo("Proposal");

        page.locator("#mark-clean").click();
        assertThat(page.locator("#dirty-state")).hasText("clean");
    }

    @ParameterizedTest
    @ValueSource(strings = { "proposal-approval-rules", "client-request-triage" })
    void decisionTablesOpenAsTablesAndSaveBackWithoutLoss(String name) throws IOException {
        signIn(PAGE + "dmn-" + name, "admin", "admin");
        assertThat(page.locator("#import-state")).hasText("shown");
        assertThat(page.locator("cs-dmn-editor .tjs-table")).isVisible();
        assertThat(page.locator("cs-dmn-editor .djs-container")).isHidden();

        page.locator("#get-xml").click();
        assertThat(page.locator("#xml-out")).containsText("<rule");
        String saved = page.locator("#xml-out").textContent();
        String original = Files.readString(Path.of("processes", name + ".dmn"));
        assertThat(logic(saved)).isEqualTo(logic(original));
        List<DmnDecision> parsed = DMN.parseDecisions(new ByteArrayInputStream(saved.getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed).extracting(DmnDecision::getKey).containsExactly(name);
        screenshot("diagram-dmn-" + name);
    }

    @Test
    void aRuleCellEditedInTheTableComesBackInTheXml() {
        signIn(PAGE + "dmn-proposal-approval-rules", "admin", "admin");
        assertThat(page.locator("#import-state")).hasText("shown");
        Locator cell = page.locator("cs-dmn-editor td[data-row-id='DiscountOver15'][data-col-id='DiscountInput']");
        assertThat(cell).hasText("> 15");

        // a click opens the cell's FEEL editor (CodeMirror); leaving the cell puts the text into the rule
        cell.click();
        Locator feel = cell.locator(".cm-content");
        feel.fill("> 20");
        page.locator("cs-dmn-editor td[data-row-id='NoApproval'][data-col-id='FeeAmountInput']").click();
        assertThat(cell).hasText("> 20");
        assertThat(page.locator("#dirty-state")).hasText("dirty");
        screenshot("diagram-dmn-edited-cell");

        page.locator("#get-xml").click();
        assertThat(page.locator("#xml-out")).containsText("&gt; 20");
        String saved = page.locator("#xml-out").textContent();
        DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(saved.getBytes(
                StandardCharsets.UTF_8)));
        Rule rule = model.getModelElementById("DiscountOver15");
        assertThat(rule.getInputEntries()).extracting(e -> e.getText().getTextContent())
                .containsExactly("-", "> 20", "-");

        // and the engine decides by the new rule: 18 % off no longer needs approval
        DmnDecision decision = DMN.parseDecision("proposal-approval-rules",
                new ByteArrayInputStream(saved.getBytes(StandardCharsets.UTF_8)));
        var result = DMN.evaluateDecisionTable(decision, Variables.createVariables().putValue("feeAmount", 1000.0)
                .putValue("discountPercent", 18.0).putValue("feeModel", "FIXED_FEE"));
        assertThat(result.getSingleResult().getEntryMap()).containsEntry("approvalRequired", false)
                .containsEntry("approvalReason", "NONE");
        result = DMN.evaluateDecisionTable(decision, Variables.createVariables().putValue("feeAmount", 1000.0)
                .putValue("discountPercent", 21.0).putValue("feeModel", "FIXED_FEE"));
        assertThat(result.getSingleResult().getEntryMap()).containsEntry("approvalReason", "DISCOUNT");
    }

    @Test
    void anAnnotationTypedAndSavedAtOnceIsInTheXml() {
        signIn(PAGE + "dmn-proposal-approval-rules", "admin", "admin");
        assertThat(page.locator("#import-state")).hasText("shown");
        Locator annotation = page.locator(
                "cs-dmn-editor td.annotation[data-row-id='DiscountOver15'] [contenteditable='true']");
        annotation.click();
        annotation.fill("A partner approves from 15 % off");
        // saved at once, inside dmn-js's 300 ms input debounce: saving must commit what was typed
        page.locator("#get-xml").click();
        assertThat(page.locator("#xml-out")).containsText("A partner approves from 15 % off");
        String saved = page.locator("#xml-out").textContent();
        DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(saved.getBytes(
                StandardCharsets.UTF_8)));
        Rule rule = model.getModelElementById("DiscountOver15");
        assertThat(rule.getDescription().getTextContent()).isEqualTo("A partner approves from 15 % off");
    }

    @Test
    void aProcessPageShowsItsDiagram() {
        signIn("/processes/model/deal-stages", "admin", "admin");
        assertThat(page.locator("#model-viewer g.djs-element[data-element-id='StageNegotiation']")).isVisible();
        assertThat(page.locator("#model-viewer .cs-diagram-status")).isHidden();
        assertThat(page.locator("#model-viewer .bjs-powered-by")).isVisible();
        screenshot("processes-model-diagram");
    }

    @Test
    void aDecisionEditedAsATableIsDeployedThroughTheGate(@Autowired RepositoryService repository) {
        int before = repository.createDecisionDefinitionQuery().decisionDefinitionKey("proposal-approval-rules")
                .latestVersion().singleResult().getVersion();
        signIn("/processes/edit/proposal-approval-rules", "admin", "admin");
        assertThat(page.locator("#model-diagram-editor .tjs-table")).isVisible();
        // a rule's condition, edited in its cell: more than 20 % off needs approval, no longer more than 15 %
        Locator cell = page.locator(
                "#model-diagram-editor td[data-row-id='DiscountOver15'][data-col-id='DiscountInput']");
        cell.click();
        cell.locator(".cm-content").fill("> 20");
        page.locator("#model-diagram-editor td[data-row-id='NoApproval'][data-col-id='FeeAmountInput']").click();
        assertThat(cell).hasText("> 20");
        page.locator("#editor-note input").fill("Approval from 20 % off");
        screenshot("processes-edit-decision-table");
        page.locator("#editor-deploy").click();

        assertThat(page.locator("#model-latest")).containsText(String.valueOf(before + 1));
        var latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey("proposal-approval-rules")
                .latestVersion().singleResult();
        assertThat(latest.getVersion()).isEqualTo(before + 1);
        try (var in = repository.getDecisionModel(latest.getId())) {
            String deployed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(deployed).contains("&gt; 20");
            // the edited condition is the only change to the rules
            assertThat(logic(deployed.replace("&gt; 20", "&gt; 15"))).isEqualTo(
                    logic(Files.readString(Path.of("processes", "proposal-approval-rules.dmn"))));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Locator badge(String kind, String elementId) {
        return page.locator("cs-bpmn-viewer .cs-badge-" + kind + "[data-element-id='" + elementId + "']");
    }

    /** Everything a decision decides by, one line each: what must survive the editor unchanged. */
    static List<String> logic(String xml) {
        DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(
                StandardCharsets.UTF_8)));
        List<String> lines = new ArrayList<>();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            lines.add(String.join(" | ", "decision", decision.getId(), decision.getName(),
                    decision.getCamundaHistoryTimeToLiveString(), text(decision.getDescription())));
            DecisionTable table = (DecisionTable) decision.getExpression();
            lines.add(String.join(" | ", "table", table.getId(), String.valueOf(table.getHitPolicy()),
                    String.valueOf(table.getAggregation())));
            for (Input input : table.getInputs()) {
                lines.add(String.join(" | ", "input", input.getId(), input.getLabel(),
                        input.getInputExpression().getTypeRef(), text(input.getInputExpression().getText()),
                        input.getInputValues() == null ? "" : text(input.getInputValues().getText())));
            }
            for (Output output : table.getOutputs()) {
                lines.add(String.join(" | ", "output", output.getId(), output.getLabel(), output.getName(),
                        output.getTypeRef(),
                        output.getOutputValues() == null ? "" : text(output.getOutputValues().getText())));
            }
            for (Rule rule : table.getRules()) {
                lines.add(String.join(" | ", "rule", rule.getId(), text(rule.getDescription()),
                        rule.getInputEntries().stream().map(UnaryTests::getText).map(DiagramBrowserTests::text)
                                .toList().toString(),
                        rule.getOutputEntries().stream().map(e -> text(e.getText())).toList().toString()));
            }
        }
        return lines;
    }

    private static String text(org.camunda.bpm.model.xml.instance.ModelElementInstance element) {
        return element == null ? "" : element.getTextContent().strip();
    }

}
