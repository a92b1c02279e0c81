package io.clientspace.proposal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rows of processes/proposal-approval-rules.dmn as a process owner reads them, evaluated by Camunda's DMN
 * engine from the file itself: each row, its edges, and that the first matching row wins.
 */
class ProposalApprovalRulesTests {

    static DmnDecision decision;
    static DmnEngine dmn;

    @BeforeAll
    static void parse() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(Path.of(ProposalApprovalProcess.DECISION_RESOURCE))) {
            decision = dmn.parseDecision(ProposalApprovalProcess.DECISION_ID, in);
        }
    }

    @ParameterizedTest(name = "fee {0}, discount {1} %, {2}: required {3} ({4})")
    @CsvSource({
            // DiscountOver15: more than 15 % off needs approval, whatever the fee
            "1000, 15.01, FIXED_FEE, true, DISCOUNT",
            "1000, 15, FIXED_FEE, false, NONE",
            // AmountFrom50000
            "50000, 0, HOURLY_RATE, true, AMOUNT",
            "49999.99, 0, MILESTONE, false, NONE",
            // the first matching row wins: a big discount on a big fee is named for its discount
            "90000, 20, FIXED_FEE, true, DISCOUNT",
            // RetainerFrom24000: only retainers
            "24000, 0, RETAINER, true, RETAINER",
            "23999.99, 0, RETAINER, false, NONE",
            "24000, 0, FIXED_FEE, false, NONE",
            // NoApproval: everything else
            "0, 0, MILESTONE, false, NONE",
    })
    void eachRowDecides(double fee, double discount, String feeModel, boolean required, String reason) {
        DmnDecisionResult result = dmn.evaluateDecision(decision, Variables.createVariables()
                .putValue(ProposalApprovalProcess.VAR_FEE_AMOUNT, fee)
                .putValue(ProposalApprovalProcess.VAR_DISCOUNT_PERCENT, discount)
                .putValue(ProposalApprovalProcess.VAR_FEE_MODEL, feeModel));
        Map<String, Object> row = result.getSingleResult().getEntryMap();
        assertThat(row).containsEntry(ProposalApprovalProcess.OUT_APPROVAL_REQUIRED, required)
                .containsEntry(ProposalApprovalProcess.OUT_APPROVAL_REASON, reason);
    }
}
