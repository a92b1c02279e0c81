package io.clientspace.modeling.process;

import io.clientspace.modeling.Problem;
import io.clientspace.proposal.process.ProposalApprovalProcess;
import io.clientspace.request.process.ClientRequestProcess;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * DMN tables the engine can evaluate and the code can read: the file holds a decision with its file name as id,
 * the engine parses it (hit policy, aggregation, expressions), only FEEL is used (JUEL in a table would run as the
 * application), and the two tables the code evaluates keep the inputs it sets and the outputs it reads.
 */
public final class DmnCheck {

    static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/FEEL/20140401",
            "https://www.omg.org/spec/DMN/20191111/FEEL/", "http://www.omg.org/spec/DMN/20180521/FEEL/");

    /** Inputs the code sets and outputs it reads, by decision id. */
    static final Map<String, List<Set<String>>> CONTRACTS = Map.of(
            ProposalApprovalProcess.DECISION_ID, List.of(
                    Set.of(ProposalApprovalProcess.VAR_FEE_AMOUNT, ProposalApprovalProcess.VAR_DISCOUNT_PERCENT,
                            ProposalApprovalProcess.VAR_FEE_MODEL),
                    Set.of(ProposalApprovalProcess.OUT_APPROVAL_REQUIRED, ProposalApprovalProcess.OUT_APPROVAL_REASON)),
            ClientRequestProcess.DECISION_ID, List.of(
                    Set.of(ClientRequestProcess.VAR_CATEGORY, ClientRequestProcess.VAR_CLIENT_TAGS,
                            ClientRequestProcess.VAR_SUBJECT_WORDS, ClientRequestProcess.VAR_NEEDED_IN_DAYS),
                    Set.of(ClientRequestProcess.OUT_PRIORITY, ClientRequestProcess.OUT_HANDLING_GROUP,
                            ClientRequestProcess.OUT_RESPONSE_TARGET, ClientRequestProcess.OUT_RESOLUTION_TARGET,
                            ClientRequestProcess.OUT_RULE)));

    /** Outputs the code reads as ISO-8601 durations. */
    static final Set<String> DURATION_OUTPUTS = Set.of(ClientRequestProcess.OUT_RESPONSE_TARGET,
            ClientRequestProcess.OUT_RESOLUTION_TARGET);

    private DmnCheck() {
    }

    public static List<Problem> check(String decisionId, DmnModelInstance model, byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        Decision decision = model.getModelElementById(decisionId) instanceof Decision d ? d : null;
        if (decision == null) {
            problems.add(Problem.of(null, null, "modeling.dmn.fileNameIsDecision", decisionId));
        }
        for (ModelElementInstance e : model.getModelElementsByType(
                model.getModel().getType(DmnElement.class))) {
            String language = e.getAttributeValue("expressionLanguage");
            if (language != null && !FEEL.contains(language.strip().toLowerCase(java.util.Locale.ROOT))
                    && !FEEL.contains(language.strip())) {
                problems.add(Problem.of(((DmnElement) e).getId(), null, "modeling.dmn.language", language));
            }
        }
        String language = model.getDefinitions().getExpressionLanguage();
        if (language != null && !FEEL.contains(language.strip())) {
            problems.add(Problem.of(model.getDefinitions().getId(), null, "modeling.dmn.language", language));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        try {
            ENGINE.parseDecisions(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
            problems.add(Problem.of(decisionId, decision.getName(), "modeling.dmn.invalid", message(e)));
            return problems;
        }
        List<Set<String>> contract = CONTRACTS.get(decisionId);
        DecisionTable table = decision.getExpression() instanceof DecisionTable t ? t : null;
        if (contract != null && table == null) {
            problems.add(Problem.of(decisionId, decision.getName(), "modeling.dmn.notATable"));
        } else if (contract != null) {
            Set<String> inputs = new java.util.HashSet<>();
            for (Input input : table.getInputs()) {
                if (input.getInputExpression() != null && input.getInputExpression().getText() != null) {
                    inputs.add(input.getInputExpression().getText().getTextContent().strip());
                }
            }
            contract.get(0).stream().sorted().filter(v -> !inputs.contains(v)).forEach(v -> problems.add(
                    Problem.of(table.getId(), decision.getName(), "modeling.dmn.missingInput", v)));
            Set<String> outputs = new java.util.HashSet<>();
            table.getOutputs().forEach(o -> outputs.add(o.getName()));
            contract.get(1).stream().sorted().filter(v -> !outputs.contains(v)).forEach(v -> problems.add(
                    Problem.of(table.getId(), decision.getName(), "modeling.dmn.missingOutput", v)));
            if (ProposalApprovalProcess.DECISION_ID.equals(decisionId)) {
                Rule last = table.getRules().stream().reduce((a, b) -> b).orElse(null);
                if (last == null || !last.getInputEntries().stream().allMatch(entry -> entry.getText() == null
                        || List.of("-", "").contains(entry.getText().getTextContent().strip()))) {
                    problems.add(Problem.of(table.getId(), decision.getName(), "modeling.dmn.noCatchAll"));
                }
            }
            List<Output> outputList = new ArrayList<>(table.getOutputs());
            for (Rule rule : table.getRules()) {
                List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
                for (int i = 0; i < Math.min(entries.size(), outputList.size()); i++) {
                    if (!DURATION_OUTPUTS.contains(outputList.get(i).getName()) || entries.get(i).getText() == null) {
                        continue;
                    }
                    String text = entries.get(i).getText().getTextContent().strip();
                    if (text.startsWith("\"") && text.endsWith("\"") && text.length() >= 2
                            && !TimerCheck.isDuration(text.substring(1, text.length() - 1))) {
                        problems.add(Problem.of(rule.getId(), null, "modeling.timer.badDuration", text));
                    }
                }
            }
        }
        return problems;
    }

    static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
