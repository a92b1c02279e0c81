package io.clientspace.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.shared.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the proposal form tells a user; {@link ProposalService} applies the same rules before it saves or sends. */
class ProposalRulesTests {

    static final LocalDate TODAY = LocalDate.of(2027, 5, 3);

    static ProposalDraft fixed() {
        return ProposalTestData.fixedFee("Website relaunch", "12000", TODAY.plusDays(30));
    }

    static List<FieldProblem> check(ProposalDraft d) {
        return ProposalRules.check(d, TODAY);
    }

    static Milestone milestone(String title, String amount) {
        return new Milestone(title, amount == null ? null : new BigDecimal(amount));
    }

    // ------------------------------------------------------------------------------------------- every model

    @Test
    void aCompleteDraftOfEachFeeModelHasNoProblems() {
        assertThat(check(fixed())).isEmpty();
        assertThat(check(ProposalTestData.hourly("Support", "95", "40", TODAY))).isEmpty();
        assertThat(check(ProposalTestData.retainer("Care", "800", 12, TODAY))).isEmpty();
        assertThat(check(ProposalTestData.milestones("Build", TODAY, milestone("Design", "5000"),
                milestone("Build", "7000.50")))).isEmpty();
    }

    @Test
    void theTitleIsRequiredAndAtMost200Characters() {
        ProposalDraft d = fixed();
        d.setTitle("  ");
        assertThat(check(d)).containsExactly(FieldProblem.of("title", "proposal.error.title-required"));
        d.setTitle("t".repeat(ProposalRules.TITLE_MAX));
        assertThat(check(d)).isEmpty();
        d.setTitle("t".repeat(ProposalRules.TITLE_MAX + 1));
        assertThat(check(d)).containsExactly(FieldProblem.of("title", "validation.too-long", 200));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EUR", "USD", "GBP", "CHF", "RUB"})
    void theseCurrenciesAreOffered(String currency) {
        ProposalDraft d = fixed();
        d.setCurrency(currency);
        assertThat(check(d)).isEmpty();
    }

    @Test
    void anyOtherCurrencyOrNoneIsRefused() {
        ProposalDraft d = fixed();
        d.setCurrency("JPY");
        assertThat(check(d)).containsExactly(FieldProblem.of("currency", "proposal.error.currency"));
        d.setCurrency(null);
        assertThat(check(d)).containsExactly(FieldProblem.of("currency", "proposal.error.currency"));
    }

    @Test
    void theFeeModelIsRequired() {
        ProposalDraft d = fixed();
        d.setFeeModel(null);
        assertThat(check(d)).containsExactly(FieldProblem.of("feeModel", "proposal.error.fee-model-required"));
    }

    // -------------------------------------------------------------------------------------------- amounts

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "none, proposal.error.amount-required",
            "0, proposal.error.amount-positive",
            "-5, proposal.error.amount-positive",
            "1000000000.00, proposal.error.amount-format",
            "10.001, proposal.error.amount-format"})
    void anAmountIsPositiveWithCentsAtMostAndBelowAMillionThousand(String amount, String key) {
        ProposalDraft d = fixed();
        d.setFixedAmount(amount == null ? null : new BigDecimal(amount));
        assertThat(check(d)).containsExactly(FieldProblem.of("fixedAmount", key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.01", "10.10", "10.000", "999999999.99"})
    void theseAmountsAreFine(String amount) {
        ProposalDraft d = fixed();
        d.setFixedAmount(new BigDecimal(amount));
        assertThat(check(d)).isEmpty();
    }

    @Test
    void anHourlyRateNeedsARateAndHours() {
        ProposalDraft d = ProposalTestData.hourly("Support", "95", "40", TODAY);
        d.setHourlyRate(null);
        d.setEstimatedHours(null);
        assertThat(check(d)).containsExactly(FieldProblem.of("hourlyRate", "proposal.error.amount-required"),
                FieldProblem.of("estimatedHours", "proposal.error.hours-required"));
    }

    @ParameterizedTest
    @CsvSource({"0, false", "-1, false", "0.01, true", "99999.99, true", "100000, false", "1.005, false",
            "1.50, true"})
    void estimatedHoursArePositiveWithCentsAtMost(String hours, boolean fine) {
        ProposalDraft d = ProposalTestData.hourly("Support", "95", hours, TODAY);
        assertThat(check(d)).isEqualTo(fine ? List.of()
                : List.of(FieldProblem.of("estimatedHours", "proposal.error.hours-format")));
    }

    @Test
    void aRetainerNeedsAMonthlyAmountAndATermOf1To60Months() {
        ProposalDraft d = ProposalTestData.retainer("Care", "800", 12, TODAY);
        d.setMonthlyAmount(BigDecimal.ZERO);
        d.setTermMonths(null);
        assertThat(check(d)).containsExactly(FieldProblem.of("monthlyAmount", "proposal.error.amount-positive"),
                FieldProblem.of("termMonths", "proposal.error.term-required"));
        for (int fine : new int[] {1, 60}) {
            assertThat(check(ProposalTestData.retainer("Care", "800", fine, TODAY))).isEmpty();
        }
        for (int wrong : new int[] {0, 61}) {
            assertThat(check(ProposalTestData.retainer("Care", "800", wrong, TODAY)))
                    .containsExactly(FieldProblem.of("termMonths", "proposal.error.term-range", 60));
        }
    }

    // ------------------------------------------------------------------------------------------ milestones

    @Test
    void milestonesAreRequiredAndAtMost20() {
        ProposalDraft d = ProposalTestData.milestones("Build", TODAY);
        assertThat(check(d)).containsExactly(FieldProblem.of("milestones", "proposal.error.milestones-required"));
        d.setMilestones(null);
        assertThat(check(d)).containsExactly(FieldProblem.of("milestones", "proposal.error.milestones-required"));
        d.setMilestones(Collections.nCopies(ProposalRules.MILESTONES_MAX, milestone("Step", "100")));
        assertThat(check(d)).isEmpty();
        d.setMilestones(Collections.nCopies(ProposalRules.MILESTONES_MAX + 1, milestone("Step", "100")));
        assertThat(check(d)).containsExactly(FieldProblem.of("milestones", "proposal.error.milestones-max", 20));
    }

    @Test
    void theFirstWrongMilestoneIsNamedByItsPosition() {
        List<Milestone> list = new ArrayList<>();
        list.add(milestone("Design", "100"));
        list.add(null);
        list.add(milestone(" ", "100"));
        ProposalDraft d = ProposalTestData.milestones("Build", TODAY);
        d.setMilestones(list);
        assertThat(check(d)).containsExactly(FieldProblem.of("milestones", "proposal.error.milestone-title", 2));
        list.set(1, milestone("t".repeat(ProposalRules.MILESTONE_TITLE_MAX + 1), "100"));
        d.setMilestones(list);
        assertThat(check(d)).containsExactly(FieldProblem.of("milestones", "proposal.error.milestone-title", 2));
        list.set(1, milestone("t".repeat(ProposalRules.MILESTONE_TITLE_MAX), "100"));
        d.setMilestones(list);
        assertThat(check(d)).containsExactly(FieldProblem.of("milestones", "proposal.error.milestone-title", 3));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"none", "0", "-1", "1000000000", "0.001"})
    void aMilestoneAmountIsPositiveWithCentsAtMost(String amount) {
        // the third is wrong too, but only the first wrong one is named
        ProposalDraft d = ProposalTestData.milestones("Build", TODAY, milestone("Design", "100"),
                milestone("Build", amount), milestone("Launch", "-1"));
        assertThat(check(d)).containsExactly(FieldProblem.of("milestones", "proposal.error.milestone-amount", 2));
    }

    @Test
    void aMilestoneOfTheLargestAmountIsFine() {
        assertThat(check(ProposalTestData.milestones("Build", TODAY, milestone("All", "999999999.99")))).isEmpty();
    }

    // ------------------------------------------------------------------------ discount, scope, dates, files

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"none, true", "0, true", "12.5, true", "99.99, true", "100, false",
            "-0.01, false", "10.005, false"})
    void aDiscountIsFrom0ToBelow100PercentWithCentsAtMost(String percent, boolean fine) {
        ProposalDraft d = fixed();
        d.setDiscountPercent(percent == null ? null : new BigDecimal(percent));
        assertThat(check(d)).isEqualTo(fine ? List.of()
                : List.of(FieldProblem.of("discountPercent", "proposal.error.discount-range")));
    }

    @Test
    void theScopeIsRequiredAndAtMost20000Characters() {
        ProposalDraft d = fixed();
        d.setScope(null);
        assertThat(check(d)).containsExactly(FieldProblem.of("scope", "proposal.error.scope-required"));
        d.setScope("s".repeat(ProposalRules.SCOPE_MAX));
        assertThat(check(d)).isEmpty();
        d.setScope("s".repeat(ProposalRules.SCOPE_MAX + 1));
        assertThat(check(d)).containsExactly(FieldProblem.of("scope", "validation.too-long", 20000));
    }

    @Test
    void aProposalIsValidFromTodayForAtMostAYear() {
        ProposalDraft d = fixed();
        d.setValidUntil(null);
        assertThat(check(d)).containsExactly(FieldProblem.of("validUntil", "proposal.error.valid-until-required"));
        d.setValidUntil(TODAY);
        assertThat(check(d)).isEmpty();
        d.setValidUntil(TODAY.minusDays(1));
        assertThat(check(d)).containsExactly(FieldProblem.of("validUntil", "proposal.error.valid-until-past"));
        d.setValidUntil(TODAY.plusDays(365));
        assertThat(check(d)).isEmpty();
        d.setValidUntil(TODAY.plusDays(366));
        assertThat(check(d)).containsExactly(FieldProblem.of("validUntil", "proposal.error.valid-until-far", 365));
    }

    @Test
    void atMostTenAttachments() {
        ProposalDraft d = fixed();
        List<UUID> files = new ArrayList<>();
        for (int i = 0; i < ProposalRules.ATTACHMENTS_MAX; i++) {
            files.add(UUID.randomUUID());
        }
        d.setAttachmentIds(files);
        assertThat(check(d)).isEmpty();
        files.add(UUID.randomUUID());
        d.setAttachmentIds(files);
        assertThat(check(d)).containsExactly(FieldProblem.of("attachments", "proposal.error.attachments-max", 10));
    }

    // ----------------------------------------------------------------------------------------------- the fee

    @Test
    void theGrossFeeFollowsFromTheFeeModel() {
        assertThat(ProposalRules.grossFee(fixed())).isEqualByComparingTo("12000");
        assertThat(ProposalRules.grossFee(ProposalTestData.hourly("S", "95.50", "40", TODAY)))
                .isEqualByComparingTo("3820");
        assertThat(ProposalRules.grossFee(ProposalTestData.retainer("C", "800", 12, TODAY)))
                .isEqualByComparingTo("9600");
        assertThat(ProposalRules.grossFee(ProposalTestData.milestones("B", TODAY, milestone("A", "5000"),
                milestone("B", "7000.50")))).isEqualByComparingTo("12000.50");
    }

    @Test
    void theFeeIsTheGrossLessTheDiscountRoundedHalfUpToTheCent() {
        ProposalDraft d = ProposalTestData.fixedFee("F", "100.01", TODAY);
        d.setDiscountPercent(new BigDecimal("50"));
        assertThat(ProposalRules.fee(d)).isEqualTo(new BigDecimal("50.01"));
        d.setDiscountPercent(null);
        assertThat(ProposalRules.fee(d)).isEqualTo(new BigDecimal("100.01"));
        d.setDiscountPercent(BigDecimal.ZERO);
        assertThat(ProposalRules.fee(d)).isEqualTo(new BigDecimal("100.01"));
        d.setFixedAmount(new BigDecimal("0.05"));
        d.setDiscountPercent(new BigDecimal("10"));
        assertThat(ProposalRules.fee(d)).as("0.045 rounds up").isEqualTo(new BigDecimal("0.05"));
    }

    // ------------------------------------------------------------------------------------ signature, reason

    @Test
    void theTypedNameMustBeTheContactsOwn() {
        assertThat(ProposalRules.checkSignature("lena hoffmann", "Lena Hoffmann")).isNull();
        assertThat(ProposalRules.checkSignature(" ", "Lena Hoffmann"))
                .isEqualTo(FieldProblem.of("name", "proposal.error.name-required"));
        assertThat(ProposalRules.checkSignature(null, "Lena Hoffmann"))
                .isEqualTo(FieldProblem.of("name", "proposal.error.name-required"));
        assertThat(ProposalRules.checkSignature("Jan Vogel", "Lena Hoffmann"))
                .isEqualTo(FieldProblem.of("name", "proposal.error.name-mismatch", "Lena Hoffmann"));
        assertThat(ProposalRules.checkSignature("Jan Vogel", null))
                .isEqualTo(FieldProblem.of("name", "proposal.error.name-mismatch", ""));
    }

    @Test
    void aTypedNameOverTheLimitIsRefusedEvenWhenItMatches() {
        String longest = "a".repeat(ProposalRules.NAME_MAX);
        assertThat(ProposalRules.checkSignature(longest, longest)).isNull();
        String tooLong = "a".repeat(ProposalRules.NAME_MAX + 1);
        assertThat(ProposalRules.checkSignature(tooLong, tooLong))
                .isEqualTo(FieldProblem.of("name", "proposal.error.name-mismatch", tooLong));
    }

    @Test
    void aReasonIsRequiredAndAtMost2000Characters() {
        assertThat(ProposalRules.checkReason(" ", "reason", "proposal.error.reason-required"))
                .isEqualTo(FieldProblem.of("reason", "proposal.error.reason-required"));
        assertThat(ProposalRules.checkReason("r".repeat(ProposalRules.COMMENT_MAX), "reason", "k")).isNull();
        assertThat(ProposalRules.checkReason("r".repeat(ProposalRules.COMMENT_MAX + 1), "comment", "k"))
                .isEqualTo(FieldProblem.of("comment", "validation.too-long", 2000));
    }

    @ParameterizedTest
    @EnumSource(FeeModel.class)
    void everyFeeModelIsChecked(FeeModel model) {
        ProposalDraft d = fixed();
        d.setFeeModel(model);
        d.setFixedAmount(null);
        assertThat(check(d)).as("a %s draft without its own fields", model).isNotEmpty();
    }
}
