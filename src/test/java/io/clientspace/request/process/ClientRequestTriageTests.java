package io.clientspace.request.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rows of processes/client-request-triage.dmn as a process owner reads them, evaluated by Camunda's DMN engine
 * from the file itself: each rule, its edges, that the first matching rule wins, and the catch-all.
 */
class ClientRequestTriageTests {

    static DmnDecision decision;
    static DmnEngine dmn;

    @BeforeAll
    static void parse() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(Path.of(ClientRequestProcess.DECISION_RESOURCE))) {
            decision = dmn.parseDecision(ClientRequestProcess.DECISION_ID, in);
        }
    }

    @ParameterizedTest(name = "{0} / tags [{1}] / \"{2}\" / needed in {3}: {5} {6} {7}/{8} by {4}")
    @CsvSource(nullValues = "null", delimiter = '|', value = {
            // OutageReported: the words down, outage, broken, not working, whatever else
            "GENERAL   | null        | the staging site is down         | null | OutageReported  | P1 | manager | PT1H | PT8H",
            "BILLING   | key account | outage on the invoice portal     | 0    | OutageReported  | P1 | manager | PT1H | PT8H",
            "TECHNICAL | null        | contact form not working         | null | OutageReported  | P1 | manager | PT1H | PT8H",
            "TECHNICAL | null        | broken link on the home page     | null | OutageReported  | P1 | manager | PT1H | PT8H",
            // a word, not a part of one
            "TECHNICAL | null        | the download is slow             | null | TechnicalIssue  | P3 | member  | PT8H | P3D",
            // KeyAccount: before the category rules
            "BILLING   | key account | change the invoice address       | null | KeyAccount      | P2 | manager | PT4H | P2D",
            "GENERAL   | vip,key account | a question                   | 10   | KeyAccount      | P2 | manager | PT4H | P2D",
            // NeededSoon: within two days
            "QUOTE     | null        | brochure quote                   | 2    | NeededSoon      | P2 | member  | PT4H | P2D",
            "QUOTE     | null        | brochure quote                   | 3    | QuoteRequest    | P3 | manager | P1D  | P10D",
            // the category rules
            "TECHNICAL | null        | how do I reset my password       | null | TechnicalIssue  | P3 | member  | PT8H | P3D",
            "BILLING   | vip         | change the invoice address       | null | BillingQuestion | P3 | manager | P1D  | P5D",
            "QUOTE     | null        | can you quote a brochure         | null | QuoteRequest    | P3 | manager | P1D  | P10D",
            // AnythingElse: the catch-all
            "GENERAL   | null        | a question about our contract    | null | AnythingElse    | P4 | member  | P2D  | P10D",
            "ACCOUNT   | null        | new colleague needs access       | 30   | AnythingElse    | P4 | member  | P2D  | P10D",
            "null      | null        | null                             | null | AnythingElse    | P4 | member  | P2D  | P10D",
    })
    void eachRuleDecides(String category, String tags, String subject, Integer neededInDays, String rule,
                         String priority, String group, String response, String resolution) {
        List<String> tagList = tags == null ? List.of() : Arrays.stream(tags.split(",")).map(String::trim).toList();
        DmnDecisionResult result = dmn.evaluateDecision(decision, Variables.createVariables()
                .putValue(ClientRequestProcess.VAR_CATEGORY, category)
                .putValue(ClientRequestProcess.VAR_CLIENT_TAGS, tagList)
                .putValue(ClientRequestProcess.VAR_SUBJECT_WORDS, subject == null ? null : " " + subject + " ")
                .putValue(ClientRequestProcess.VAR_NEEDED_IN_DAYS, neededInDays));
        Map<String, Object> row = result.getSingleResult().getEntryMap();
        assertThat(row).containsEntry(ClientRequestProcess.OUT_RULE, rule)
                .containsEntry(ClientRequestProcess.OUT_PRIORITY, priority)
                .containsEntry(ClientRequestProcess.OUT_HANDLING_GROUP, group)
                .containsEntry(ClientRequestProcess.OUT_RESPONSE_TARGET, response)
                .containsEntry(ClientRequestProcess.OUT_RESOLUTION_TARGET, resolution);
    }

    @Test
    void theTableIsFirstHitEndsWithTheCatchAllAndNamesEachRuleAfterItself() {
        DmnModelInstance model = Dmn.readModelFromFile(Path.of(ClientRequestProcess.DECISION_RESOURCE).toFile());
        DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
        List<Rule> rules = List.copyOf(table.getRules());
        Rule last = rules.get(rules.size() - 1);
        assertThat(last.getId()).isEqualTo(ClientRequestProcess.CATCH_ALL_RULE);
        assertThat(last.getInputEntries()).allSatisfy(e -> assertThat(e.getTextContent().trim()).isEqualTo("-"));
        // the rule output is what the request's page shows as "the rule that fired": it must name its own rule
        assertThat(rules).allSatisfy(r -> assertThat(r.getOutputEntries().stream()
                .map(o -> o.getTextContent().trim()).toList()).contains("\"" + r.getId() + "\""));
        Input category = model.getModelElementById(ClientRequestProcess.CATEGORY_INPUT);
        assertThat(category.getInputValues().getTextContent()).contains("\"GENERAL\"");
    }
}
