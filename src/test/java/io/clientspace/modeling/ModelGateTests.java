package io.clientspace.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.clientspace.deal.process.DealStagesProcess;
import io.clientspace.extranet.process.ExtranetInvitationProcess;
import io.clientspace.modeling.process.ExpressionSafety;
import io.clientspace.proposal.process.ProposalApprovalProcess;
import io.clientspace.task.process.AdHocTaskProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gate refuses what the issue lists, each named with its element, and lets every shipped model through. Outside
 * the app, "which names are beans" is a small stand-in list; ModelDeploymentIntegrationTests asks the real context.
 */
class ModelGateTests {

    static final Path PROCESSES = Path.of("processes");
    static final Set<String> SOME_BEANS = Set.of("jdbcTemplate", "dataSource", "dealService", "runtimeService");
    final ModelGate gate = ModelGate.outsideTheApp(SOME_BEANS::contains);

    static Stream<Path> shippedModels() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(f -> ModelKind.of(f.getFileName().toString()).isPresent()).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedModels")
    void everyShippedModelPasses(Path file) throws IOException {
        assertThat(gate.check(file.getFileName().toString(), Files.readAllBytes(file))).isEmpty();
    }

    @Test
    void theAllowedBeansAreExactlyWhatTheShippedModelsCall() throws IOException {
        Set<String> called = new TreeSet<>();
        Pattern delegate = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
        for (Path file : shippedModels().toList()) {
            Matcher m = delegate.matcher(Files.readString(file));
            while (m.find()) {
                called.add(m.group(1));
            }
        }
        called.add("acceptanceTimes"); // the one helper, in document-acceptance's reminder timer
        assertThat(new TreeSet<>(ExpressionSafety.ALLOWED_BEANS)).isEqualTo(called);
    }

    @Test
    void aRemovedMessageIsRefusedAtItsEvent() {
        BpmnModelInstance model = read(ExtranetInvitationProcess.PROCESS_ID);
        IntermediateCatchEvent resent = model.getModelElementById(ExtranetInvitationProcess.RESENT);
        MessageEventDefinition definition = resent.getEventDefinitions().stream()
                .filter(MessageEventDefinition.class::isInstance).map(MessageEventDefinition.class::cast)
                .findFirst().orElseThrow();
        Message message = definition.getMessage();
        definition.removeAttribute("messageRef");
        message.getParentElement().removeChildElement(message);

        List<Problem> problems = check(ExtranetInvitationProcess.PROCESS_ID, model);
        assertThat(problems).extracting(Problem::elementId, Problem::key).containsExactly(
                tuple(ExtranetInvitationProcess.RESENT, "modeling.contract.catchMessage"));
        assertThat(problems.get(0).elementName()).isEqualTo(resent.getName());
        assertThat(problems.get(0).text(Locale.ENGLISH)).contains("must wait for message InvitationResent")
                .endsWith("but it waits for (none)");
    }

    @Test
    void aRenamedUserTaskIsRefused() {
        BpmnModelInstance model = read(AdHocTaskProcess.PROCESS_ID);
        model.<UserTask>getModelElementById(AdHocTaskProcess.TASK).setId("DoTheTask");

        assertThat(check(AdHocTaskProcess.PROCESS_ID, model)).extracting(Problem::elementId, Problem::key)
                .contains(tuple(AdHocTaskProcess.TASK, "modeling.contract.missing.userTask"));
    }

    @Test
    void aScriptTaskIsRefused() {
        BpmnModelInstance model = read(AdHocTaskProcess.PROCESS_ID);
        Process process = model.getModelElementById(AdHocTaskProcess.PROCESS_ID);
        ScriptTask script = model.newInstance(ScriptTask.class);
        script.setId("CleanUp");
        script.setName("Clean up");
        script.setScriptFormat("groovy");
        process.addChildElement(script);

        assertThat(check(AdHocTaskProcess.PROCESS_ID, model)).extracting(Problem::elementId, Problem::elementName,
                Problem::key).contains(tuple("CleanUp", "Clean up", "modeling.safety.script"));
    }

    @Test
    void anExpressionReachingTheJdbcTemplateIsRefused() {
        BpmnModelInstance model = read(DealStagesProcess.PROCESS_ID);
        SequenceFlow lost = model.getModelElementsByType(SequenceFlow.class).stream()
                .filter(f -> f.getConditionExpression() != null).findFirst().orElseThrow();
        lost.getConditionExpression().setTextContent("${jdbcTemplate.execute('drop table deal') == null}");

        assertThat(check(DealStagesProcess.PROCESS_ID, model)).extracting(Problem::elementId, Problem::key,
                Problem::args).contains(tuple(lost.getId(), "modeling.safety.otherBean",
                        List.of("jdbcTemplate")));
    }

    @Test
    void aJavaClassIsRefused() {
        BpmnModelInstance model = read(ExtranetInvitationProcess.PROCESS_ID);
        ServiceTask send = model.getModelElementById(ExtranetInvitationProcess.SEND_INVITATION);
        send.setCamundaDelegateExpression(null);
        send.setCamundaClass("java.lang.Runtime");

        assertThat(check(ExtranetInvitationProcess.PROCESS_ID, model)).extracting(Problem::elementId, Problem::key)
                .contains(tuple(ExtranetInvitationProcess.SEND_INVITATION, "modeling.safety.javaClass"));
    }

    @Test
    void aBadDurationIsRefusedInATimerAndInASettingsDefault() {
        BpmnModelInstance model = read(ProposalApprovalProcess.PROCESS_ID);
        String bpmn = Bpmn.convertToString(read(DealStagesProcess.PROCESS_ID))
                .replace("'stallAfter', 'P14D'", "'stallAfter', '14 days'");
        assertThat(gate.check(DealStagesProcess.PROCESS_ID + ".bpmn", bpmn.getBytes(StandardCharsets.UTF_8)))
                .extracting(Problem::key, Problem::args)
                .contains(tuple("modeling.timer.badDefault", List.of("stallAfter", "14 days")));

        IntermediateCatchEvent timer = model.getModelElementsByType(IntermediateCatchEvent.class).stream()
                .filter(e -> e.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance))
                .findFirst().orElseThrow();
        TimerEventDefinition definition = (TimerEventDefinition) timer.getEventDefinitions().iterator().next();
        definition.getTimeDate().setTextContent("next tuesday");
        assertThat(check(ProposalApprovalProcess.PROCESS_ID, model)).extracting(Problem::elementId, Problem::key)
                .contains(tuple(timer.getId(), "modeling.timer.badDate"));
    }

    @Test
    void theEnginesServicesAndReflectionAreRefused() {
        BpmnModelInstance model = read(DealStagesProcess.PROCESS_ID);
        List<SequenceFlow> conditional = model.getModelElementsByType(SequenceFlow.class).stream()
                .filter(f -> f.getConditionExpression() != null).toList();
        conditional.get(0).getConditionExpression()
                .setTextContent("${execution.processEngineServices.runtimeService != null}");
        conditional.get(1).getConditionExpression().setTextContent("${outcome.getClass().forName('x') != null}");
        conditional.get(2).getConditionExpression().setTextContent("${outcome['class'] != null}");

        assertThat(check(DealStagesProcess.PROCESS_ID, model)).extracting(Problem::elementId, Problem::args)
                .contains(tuple(conditional.get(0).getId(), List.of("execution.processEngineServices")),
                        tuple(conditional.get(1).getId(), List.of("outcome.getClass")),
                        tuple(conditional.get(2).getId(), List.of("[class]")));
    }

    @Test
    void anUnknownDelegateAndAnExternalTopicAreRefused() {
        BpmnModelInstance model = read(ExtranetInvitationProcess.PROCESS_ID);
        model.<ServiceTask>getModelElementById(ExtranetInvitationProcess.SEND_INVITATION)
                .setCamundaDelegateExpression("${sendInvitationSms}");
        ServiceTask mark = model.getModelElementById(ExtranetInvitationProcess.MARK_ACTIVE);
        mark.setCamundaDelegateExpression(null);
        mark.setCamundaType("external");
        mark.setCamundaTopic("mark-active");

        assertThat(check(ExtranetInvitationProcess.PROCESS_ID, model)).extracting(Problem::elementId, Problem::key,
                Problem::args).contains(
                        tuple(ExtranetInvitationProcess.SEND_INVITATION, "modeling.safety.unknownBean",
                                List.of("sendInvitationSms")),
                        tuple(ExtranetInvitationProcess.MARK_ACTIVE, "modeling.safety.externalTopic",
                                List.of("mark-active")));
    }

    @Test
    void bpmnlintsStructuralRulesAreChecked() {
        BpmnModelInstance model = read(AdHocTaskProcess.PROCESS_ID);
        Process process = model.getModelElementById(AdHocTaskProcess.PROCESS_ID);
        UserTask lonely = model.newInstance(UserTask.class);
        lonely.setId("Forgotten");
        process.addChildElement(lonely);

        assertThat(check(AdHocTaskProcess.PROCESS_ID, model)).extracting(Problem::elementId, Problem::key)
                .contains(tuple("Forgotten", "modeling.lint.disconnected"),
                        tuple("Forgotten", "modeling.lint.labelRequired"));
    }

    @Test
    void aFileThatIsNoModelIsRefused() {
        assertThat(gate.check("notes.txt", "hello".getBytes())).extracting(Problem::key)
                .containsExactly("modeling.problem.fileType");
        assertThat(gate.check("deal-stages.bpmn", "hello".getBytes())).extracting(Problem::key)
                .containsExactly("modeling.problem.notXml");
        assertThat(gate.check("deal-stages.bpmn", "<html xmlns='http://www.w3.org/1999/xhtml'/>".getBytes()))
                .extracting(Problem::key).containsExactly("modeling.problem.notModel");
        assertThat(gate.check("x.bpmn", ("<?xml version='1.0'?><!DOCTYPE d [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
                + "<d>&e;</d>").getBytes())).extracting(Problem::key).containsExactly("modeling.problem.notXml");
    }

    @Test
    void aDecisionTableThatLostAnInputTheCodeSetsIsRefused() throws IOException {
        String dmn = Files.readString(PROCESSES.resolve(ProposalApprovalProcess.DECISION_ID + ".dmn"))
                .replace(">" + ProposalApprovalProcess.VAR_DISCOUNT_PERCENT + "<", ">discount<");
        assertThat(gate.check(ProposalApprovalProcess.DECISION_ID + ".dmn", dmn.getBytes(StandardCharsets.UTF_8)))
                .extracting(Problem::key, Problem::args)
                .contains(tuple("modeling.dmn.missingInput", List.of(ProposalApprovalProcess.VAR_DISCOUNT_PERCENT)));
    }

    List<Problem> check(String processId, BpmnModelInstance model) {
        return gate.check(processId + ".bpmn", Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
    }

    static BpmnModelInstance read(String processId) {
        return Bpmn.readModelFromFile(PROCESSES.resolve(processId + ".bpmn").toFile());
    }
}
