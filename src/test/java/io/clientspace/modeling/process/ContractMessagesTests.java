package io.clientspace.modeling.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.modeling.ModelGate;
import io.clientspace.modeling.Problem;
import io.clientspace.deal.process.DealStagesProcess;
import io.clientspace.task.process.AdHocTaskProcess;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gate lists a broken contract in the reader's language (issue 12): every sentence the contract code can say
 * exists in English, German and Russian, and a real breach reads in German and Russian, element kinds and "(none)"
 * included, while the build keeps reading it in English.
 */
class ContractMessagesTests {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    static final Path BUNDLES = Path.of("src", "main", "resources", "vaadin-i18n");
    static final List<Path> CONTRACT_SOURCES = List.of(
            Path.of("src/main/java/io/clientspace/modeling/process/ProcessContracts.java"),
            Path.of("src/main/java/io/clientspace/modeling/process/ClientRequestContract.java"));
    static final Map<String, Properties> BUNDLE = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws IOException {
        for (String file : List.of("translations.properties", "translations_de.properties",
                "translations_ru.properties")) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
                p.load(r);
            }
            BUNDLE.put(file, p);
        }
    }

    /** Every full key the two contract classes name, every element kind, and "(none)". */
    static Set<String> contractKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        Pattern literal = Pattern.compile("\"(modeling\\.contract\\.[A-Za-z.]*[A-Za-z])\"");
        for (Path source : CONTRACT_SOURCES) {
            Matcher m = literal.matcher(Files.readString(source, StandardCharsets.UTF_8));
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        ProcessContracts.KINDS.forEach(kind -> keys.add("modeling.contract.kind." + kind));
        return keys;
    }

    @Test
    void everySentenceAndWordTheContractsUseIsInAllThreeLanguages() throws IOException {
        Set<String> keys = contractKeys();
        assertThat(keys).as("the scan finds the contract's sentences").hasSizeGreaterThan(80)
                .contains("modeling.contract.missing.userTask", "modeling.contract.request.slaDate",
                        "modeling.contract.none", "modeling.contract.kind.userTask");
        List<String> missing = new ArrayList<>();
        List<String> untranslated = new ArrayList<>();
        Properties english = BUNDLE.get("translations.properties");
        BUNDLE.forEach((file, bundle) -> keys.forEach(key -> {
            if (!bundle.containsKey(key)) {
                missing.add(file + ": " + key);
            } else if (bundle != english && bundle.getProperty(key).equals(english.getProperty(key))) {
                untranslated.add(file + ": " + key);
            }
        }));
        assertThat(missing).isEmpty();
        assertThat(untranslated).as("German and Russian say it in their own words").isEmpty();
    }

    @Test
    void aMissingUserTaskReadsInTheReadersLanguageAndInEnglishForTheBuild() {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of(AdHocTaskProcess.RESOURCE).toFile());
        model.<UserTask>getModelElementById(AdHocTaskProcess.TASK).setId("DoTheTask");

        ProcessContracts.Breach breach = ProcessContracts.breaches("ad-hoc-task.bpmn", model).stream()
                .filter(b -> b.key().equals("modeling.contract.missing.userTask")).findFirst().orElseThrow();

        assertThat(breach.elementId()).isEqualTo(AdHocTaskProcess.TASK);
        assertThat(breach.args()).containsExactly(AdHocTaskProcess.TASK);
        assertThat(breach.message()).isEqualTo("user task DoTask is missing");
        assertThat(breach.message(Locale.GERMAN)).isEqualTo("Benutzeraufgabe DoTask fehlt");
        assertThat(breach.message(RUSSIAN)).isEqualTo("Нет пользовательской задачи DoTask");
        assertThat(breach.message(Locale.FRENCH)).as("unsupported: English").isEqualTo(breach.message());
    }

    @Test
    void elementKindsAndNoneAreTranslatedToo() {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of(DealStagesProcess.RESOURCE).toFile());
        UserTask proposal = model.getModelElementById("StageProposal");
        BpmnShape shape = (BpmnShape) proposal.getDiagramElement();
        shape.getParentElement().removeChildElement(shape);
        proposal.setCamundaAssignee(null);

        List<ProcessContracts.Breach> breaches = ProcessContracts.breaches("deal-stages.bpmn", model);
        ProcessContracts.Breach noShape = breaches.stream().filter(b -> b.key().equals("modeling.contract.noShape"))
                .findFirst().orElseThrow();
        ProcessContracts.Breach assignee = breaches.stream()
                .filter(b -> b.key().equals("modeling.contract.assignee")).findFirst().orElseThrow();

        assertThat(noShape.elementId()).as("the kind is a word, not the element").isEqualTo("StageProposal");
        assertThat(noShape.message())
                .isEqualTo("user task StageProposal has no shape in the diagram; lay it out in Camunda Modeler");
        assertThat(noShape.message(Locale.GERMAN)).startsWith("Element StageProposal (Benutzeraufgabe) hat keine")
                .doesNotContain("user task");
        assertThat(noShape.message(RUSSIAN)).startsWith("У элемента StageProposal (пользовательская задача)")
                .doesNotContain("user task");
        assertThat(assignee.message()).endsWith("but its assignee is (none)");
        assertThat(assignee.message(Locale.GERMAN)).endsWith("ist aber (keine Angabe) zugewiesen");
        assertThat(assignee.message(RUSSIAN)).endsWith("но назначена на (не задано)");
    }

    @Test
    void theGateHandsTheKeyAndArgumentsOnSoThePageTranslatesThem() throws IOException {
        byte[] bytes = Files.readString(Path.of(AdHocTaskProcess.RESOURCE), StandardCharsets.UTF_8)
                .replace("\"" + AdHocTaskProcess.TASK + "\"", "\"DoTheTask\"") // the id and every reference
                .getBytes(StandardCharsets.UTF_8);

        List<Problem> problems = ModelGate.outsideTheApp(name -> true).check("ad-hoc-task.bpmn", bytes);

        Problem missing = problems.stream().filter(p -> p.key().equals("modeling.contract.missing.userTask"))
                .findFirst().orElseThrow(() -> new AssertionError(problems.toString()));
        assertThat(missing.elementId()).isEqualTo(AdHocTaskProcess.TASK);
        assertThat(missing.text(Locale.GERMAN)).isEqualTo("Benutzeraufgabe DoTask fehlt");
        assertThat(missing.text(RUSSIAN)).isEqualTo("Нет пользовательской задачи DoTask");
        assertThat(problems).extracting(Problem::key).doesNotContain("modeling.problem.contract");
    }
}
