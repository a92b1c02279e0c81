package io.clientspace.modeling.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.deal.DealStagesWithALegalReview;
import io.clientspace.deal.process.DealStagesProcess;
import io.clientspace.modeling.ModelDiff;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** A version's diff names what a process owner changed, not how the tool that saved it writes XML. */
class ModelDiffsTests {

    static final Path DEAL_STAGES = Path.of(DealStagesProcess.RESOURCE);

    @Test
    void theSameModelWrittenByTheModelApiIsNoChange() throws IOException {
        byte[] file = Files.readAllBytes(DEAL_STAGES);
        byte[] rewritten = Bpmn.convertToString(Bpmn.readModelFromFile(DEAL_STAGES.toFile()))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(ModelDiffs.between(file, rewritten).isEmpty()).isTrue();
    }

    @Test
    void aNewSettingChangesTheStartEventsThatSetIt() throws IOException {
        byte[] file = Files.readAllBytes(DEAL_STAGES);
        BpmnModelInstance model = Bpmn.readModelFromFile(DEAL_STAGES.toFile());
        TimerSettings.apply(model, Map.of(DealStagesProcess.VAR_STALL_AFTER, "P21D"));

        ModelDiff diff = ModelDiffs.between(file, Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.changed()).isNotEmpty().allSatisfy(id -> assertThat(
                model.<org.camunda.bpm.model.bpmn.instance.BaseElement>getModelElementById(id))
                .isInstanceOf(org.camunda.bpm.model.bpmn.instance.StartEvent.class));
    }

    @Test
    void anAddedStageIsAddedAndTheFlowsItReroutesAreChanged() throws IOException {
        byte[] file = Files.readAllBytes(DEAL_STAGES);
        ModelDiff diff = ModelDiffs.between(file, Bpmn.convertToString(DealStagesWithALegalReview.model())
                .getBytes(StandardCharsets.UTF_8));
        assertThat(diff.added()).contains(DealStagesWithALegalReview.STAGE, "LegalReviewJoin", "AfterLegalReview");
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.changed()).contains("AfterProposalAdvance");
    }
}
