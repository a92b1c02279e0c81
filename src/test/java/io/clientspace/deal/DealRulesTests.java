package io.clientspace.deal;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.deal.process.DealStagesProcess;
import io.clientspace.shared.FieldProblem;
import java.io.File;
import org.camunda.bpm.model.bpmn.Bpmn;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the deal forms tell a user; {@link DealService} applies the same rules before it saves or moves a deal. */
class DealRulesTests {

    /** A fixed "today", so the tests mean the same thing on every day they run. */
    static final LocalDate TODAY = LocalDate.of(2025, 3, 14);
    static final LocalDate YESTERDAY = TODAY.minusDays(1);

    private static DealDraft validDraft() {
        DealDraft d = new DealDraft();
        d.setTitle("Website relaunch");
        d.setAmount(new BigDecimal("12500.00"));
        d.setCurrency("EUR");
        d.setExpectedClose(TODAY.plusMonths(2));
        d.setOwner("jonas");
        d.setNextStep("Call the buyer");
        d.setNextStepDue(TODAY.plusDays(3));
        return d;
    }

    private static List<FieldProblem> check(DealDraft d) {
        return DealRules.check(d, TODAY);
    }

    /** The stages processes/deal-stages.bpmn ships with, in the order it reads them. */
    static final List<DealStage> SHIPPED = DealStagesProcess.stages(
            Bpmn.readModelFromFile(new File(DealStagesProcess.RESOURCE)));

    private static List<FieldProblem> check(StageMove move, DealStage from) {
        int i = SHIPPED.indexOf(from);
        return DealRules.check(move, from, i + 1 < SHIPPED.size() ? SHIPPED.get(i + 1) : null, TODAY);
    }

    static List<DealStage> beforeTheLast() {
        return SHIPPED.subList(0, SHIPPED.size() - 1);
    }

    static List<DealStage> open() {
        return SHIPPED;
    }

    @Test
    void theShippedModelHasItsFourStagesInOrder() {
        assertThat(SHIPPED).containsExactly(DealStage.NEW, DealStage.QUALIFIED, DealStage.PROPOSAL,
                DealStage.NEGOTIATION);
        assertThat(SHIPPED).extracting(DealStage::label).containsExactly("New", "Qualified", "Proposal", "Negotiation");
    }

    // ---------------------------------------------------------------- new deal

    @Test
    void aCompleteDraftHasNoProblems() {
        assertThat(check(validDraft())).isEmpty();
    }

    @Test
    void aDraftWithoutNextStepAndDueDateIsFine() {
        DealDraft d = validDraft();
        d.setNextStep(null);
        d.setNextStepDue(null);
        assertThat(check(d)).isEmpty();
    }

    @Test
    void theTitleIsRequired() {
        DealDraft d = validDraft();
        d.setTitle("  ");
        assertThat(check(d)).containsExactly(FieldProblem.of("title", "deal.error.title-required"));
    }

    @Test
    void theTitleTakesAtMost200Characters() {
        DealDraft d = validDraft();
        d.setTitle("t".repeat(DealRules.TITLE_MAX));
        assertThat(check(d)).isEmpty();
        d.setTitle("t".repeat(DealRules.TITLE_MAX + 1));
        assertThat(check(d)).containsExactly(FieldProblem.of("title", "validation.too-long", DealRules.TITLE_MAX));
    }

    @Test
    void theAmountIsRequired() {
        DealDraft d = validDraft();
        d.setAmount(null);
        assertThat(check(d)).containsExactly(FieldProblem.of("amount", "deal.error.amount-required"));
    }

    @Test
    void aNegativeAmountIsRefused() {
        DealDraft d = validDraft();
        d.setAmount(new BigDecimal("-0.01"));
        assertThat(check(d)).containsExactly(FieldProblem.of("amount", "deal.error.amount-negative"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.5", "12500", "12500.99", "999999999999.99"})
    void amountsFromZeroToTheMaximumWithUpToTwoDecimalsPass(String amount) {
        DealDraft d = validDraft();
        d.setAmount(new BigDecimal(amount));
        assertThat(check(d)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.345", "0.001", "1000000000000", "999999999999.991"})
    void anAmountWithMoreThanTwoDecimalsOrAboveTheMaximumIsRefused(String amount) {
        DealDraft d = validDraft();
        d.setAmount(new BigDecimal(amount));
        assertThat(check(d)).containsExactly(FieldProblem.of("amount", "deal.error.amount-format"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EUR", "USD", "GBP", "CHF", "RUB"})
    void theOfferedCurrenciesPass(String currency) {
        DealDraft d = validDraft();
        d.setCurrency(currency);
        assertThat(check(d)).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"JPY", "eur", "", "EURO"})
    void anyOtherCurrencyIsRefused(String currency) {
        DealDraft d = validDraft();
        d.setCurrency(currency);
        assertThat(check(d)).containsExactly(FieldProblem.of("currency", "deal.error.currency"));
    }

    @Test
    void theExpectedCloseIsRequiredAndMayBeTodayButNotInThePast() {
        DealDraft d = validDraft();
        d.setExpectedClose(null);
        assertThat(check(d)).containsExactly(FieldProblem.of("expectedClose", "deal.error.close-required"));
        d.setExpectedClose(TODAY);
        assertThat(check(d)).isEmpty();
        d.setExpectedClose(YESTERDAY);
        assertThat(check(d)).containsExactly(FieldProblem.of("expectedClose", "deal.error.close-past"));
    }

    @Test
    void theOwnerIsRequired() {
        DealDraft d = validDraft();
        d.setOwner(null);
        assertThat(check(d)).containsExactly(FieldProblem.of("owner", "deal.error.owner-required"));
    }

    @Test
    void aDueDateWithoutANextStepAsksWhatTheNextStepIs() {
        DealDraft d = validDraft();
        d.setNextStep("   ");
        assertThat(check(d)).containsExactly(FieldProblem.of("nextStep", "deal.error.next-step-required"));
    }

    @Test
    void theNextStepMayBeDueTodayButNotInThePast() {
        DealDraft d = validDraft();
        d.setNextStepDue(TODAY);
        assertThat(check(d)).isEmpty();
        d.setNextStepDue(YESTERDAY);
        assertThat(check(d)).containsExactly(FieldProblem.of("nextStepDue", "deal.error.due-past"));
    }

    @Test
    void theNextStepTakesAtMost300Characters() {
        DealDraft d = validDraft();
        d.setNextStep("n".repeat(DealRules.NEXT_STEP_MAX));
        assertThat(check(d)).isEmpty();
        d.setNextStep("n".repeat(DealRules.NEXT_STEP_MAX + 1));
        assertThat(check(d)).containsExactly(FieldProblem.of("nextStep", "validation.too-long", DealRules.NEXT_STEP_MAX));
    }

    // ------------------------------------------------------------- stage moves

    @ParameterizedTest
    @MethodSource("beforeTheLast")
    void advancingWithANextStepDueTodayOrLaterIsFine(DealStage from) {
        assertThat(check(StageMove.advance("Send the proposal", TODAY), from)).isEmpty();
        assertThat(check(StageMove.advance("Send the proposal", TODAY.plusWeeks(1)), from)).isEmpty();
    }

    @Test
    void advancingNeedsANextStepAndADueDate() {
        assertThat(check(StageMove.advance(" ", null), DealStage.NEW)).containsExactly(
                FieldProblem.of("nextStep", "deal.error.next-step-required"),
                FieldProblem.of("nextStepDue", "deal.error.due-required"));
    }

    @Test
    void advancingWithADueDateInThePastIsRefused() {
        assertThat(check(StageMove.advance("Send the proposal", YESTERDAY), DealStage.QUALIFIED))
                .containsExactly(FieldProblem.of("nextStepDue", "deal.error.due-past"));
    }

    @Test
    void advancingWithANextStepOfExactly300CharactersIsFine() {
        assertThat(check(StageMove.advance("n".repeat(DealRules.NEXT_STEP_MAX), TODAY), DealStage.NEW)).isEmpty();
    }

    @Test
    void advancingWithANextStepOver300CharactersIsRefused() {
        assertThat(check(StageMove.advance("n".repeat(DealRules.NEXT_STEP_MAX + 1), TODAY), DealStage.NEW))
                .containsExactly(FieldProblem.of("nextStep", "validation.too-long", DealRules.NEXT_STEP_MAX));
    }

    @Test
    void thereIsNoStageAfterNegotiationToAdvanceTo() {
        assertThat(check(StageMove.advance("Sign", TODAY), DealStage.NEGOTIATION))
                .containsExactly(FieldProblem.of("outcome", "deal.error.no-next-stage"));
    }

    @Test
    void aDealIsWonFromNegotiation() {
        assertThat(check(StageMove.won("Fastest delivery"), DealStage.NEGOTIATION)).isEmpty();
        assertThat(check(StageMove.won("  "), DealStage.NEGOTIATION))
                .containsExactly(FieldProblem.of("reason", "deal.error.won-reason-required"));
    }

    @ParameterizedTest
    @MethodSource("beforeTheLast")
    void aDealCannotBeWonBeforeNegotiation(DealStage from) {
        assertThat(check(StageMove.won("Fastest delivery"), from))
                .containsExactly(FieldProblem.of("outcome", "deal.error.won-only-last-stage"));
    }

    @ParameterizedTest
    @MethodSource("open")
    void aDealCanBeLostFromEveryOpenStageWithAReason(DealStage from) {
        assertThat(check(StageMove.lost("Budget was cut"), from)).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void losingADealNeedsAReason(String reason) {
        assertThat(check(StageMove.lost(reason), DealStage.PROPOSAL))
                .containsExactly(FieldProblem.of("reason", "deal.error.reason-required"));
    }

    @Test
    void theLostReasonTakesAtMost1000Characters() {
        assertThat(check(StageMove.lost("r".repeat(DealRules.REASON_MAX)), DealStage.NEW)).isEmpty();
        assertThat(check(StageMove.lost("r".repeat(DealRules.REASON_MAX + 1)), DealStage.NEW))
                .containsExactly(FieldProblem.of("reason", "validation.too-long", DealRules.REASON_MAX));
    }

    @Test
    void aMoveWithoutAnOutcomeAsksWhatHappened() {
        assertThat(check(new StageMove(null, "x", TODAY, null), DealStage.NEW))
                .containsExactly(FieldProblem.of("outcome", "deal.error.outcome-required"));
    }
}
