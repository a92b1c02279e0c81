package io.clientspace.deal.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.deal.DealStage;
import io.clientspace.deal.DealStagesWithALegalReview;
import java.io.File;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.junit.jupiter.api.Test;

/** The deal stages are what the model says (DD015): its order, its names, and the gate's checks for a new stage. */
class DealStagesFromTheModelTests {

    @Test
    void theShippedModelHasFourStagesInTheOrderOfItsFlow() {
        assertThat(DealStagesProcess.stages(Bpmn.readModelFromFile(new File(DealStagesProcess.RESOURCE))))
                .containsExactly(DealStage.NEW, DealStage.QUALIFIED, DealStage.PROPOSAL, DealStage.NEGOTIATION)
                .extracting(DealStage::label).containsExactly("New", "Qualified", "Proposal", "Negotiation");
    }

    @Test
    void aStageAddedInTheModelIsReadInItsPlaceWithItsName() {
        assertThat(DealStagesProcess.stages(DealStagesWithALegalReview.model()))
                .extracting(DealStage::code, DealStage::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("StageNew", "New"),
                        org.assertj.core.groups.Tuple.tuple("StageQualified", "Qualified"),
                        org.assertj.core.groups.Tuple.tuple("StageProposal", "Proposal"),
                        org.assertj.core.groups.Tuple.tuple(DealStagesWithALegalReview.STAGE,
                                DealStagesWithALegalReview.NAME),
                        org.assertj.core.groups.Tuple.tuple("StageNegotiation", "Negotiation"));
    }

    @Test
    void aCompleteAddedStagePassesTheContractChecks() {
        assertThat(contractProblems(DealStagesWithALegalReview.model())).isEmpty();
    }

    @Test
    void anAddedStageThatCannotMoveBackIsNamed() {
        BpmnModelInstance model = DealStagesWithALegalReview.model();
        BoundaryEvent back = model.getModelElementById("LegalReviewMovedBack");
        back.setAttachedTo(model.getModelElementById("StageNegotiation"));

        assertThat(contractProblems(model)).containsExactly("deal-stages.bpmn: user task " + DealStagesWithALegalReview.STAGE
                + " has no interrupting message boundary event DealMovedBack leading to user task StageProposal, so"
                + " a deal in that stage cannot move back");
    }

    /** The checks' findings but the layout ones: the added elements have no shapes, as in a hand-edited file. */
    private static java.util.List<String> contractProblems(BpmnModelInstance model) {
        return ProcessModelContractTests.check(ProcessModelContractTests.DEAL_STAGES_FILE, model).stream()
                .filter(problem -> !problem.endsWith("in the diagram; lay it out in Camunda Modeler")).toList();
    }
}
