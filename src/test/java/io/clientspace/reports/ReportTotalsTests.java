package io.clientspace.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The totals row: counts and hours add up, money per currency, medians never, the ratio from the totals. */
class ReportTotalsTests {

    @Test
    void countsAndValuesPerCurrencyAddUp() {
        ReportTable table = new ReportTable(ReportKind.PIPELINE_STAGES.columns(), List.of(
                List.of("StageNew", "EUR", 2L, new BigDecimal("1500.00")),
                List.of("StageProposal", "USD", 1L, new BigDecimal("2000.00")),
                List.of("StageNegotiation", "EUR", 1L, new BigDecimal("4000.00"))), false);
        assertThat(ReportTotals.of(table)).get().extracting(ReportTotals::values).isEqualTo(Arrays.asList(null, null,
                4L, Map.of("EUR", new BigDecimal("5500.00"), "USD", new BigDecimal("2000.00"))));
    }

    @Test
    void hoursAddUpAndTheRatioIsWorkedOutFromTheTotals() {
        LocalDate jan = LocalDate.of(2025, 1, 1);
        ReportTable table = new ReportTable(ReportKind.HOURS_PEOPLE.columns(), List.of(
                List.of(jan, "ann", new BigDecimal("10.00"), new BigDecimal("10.00"), new BigDecimal("1.0000")),
                List.of(jan, "bob", new BigDecimal("30.00"), new BigDecimal("0.00"), new BigDecimal("0.0000"))),
                false);
        // 10 of 40 hours billable: 25 %, not the 50 % an average of the rows would say
        assertThat(ReportTotals.of(table)).get().extracting(ReportTotals::values).isEqualTo(Arrays.asList(null, null,
                new BigDecimal("40.00"), new BigDecimal("10.00"), new BigDecimal("0.2500")));
    }

    @Test
    void mediansHaveNoTotalAndOneRowNeedsNone() {
        ReportTable sla = new ReportTable(ReportKind.REQUEST_SLA_PRIORITY.columns(), List.of(
                List.of("P1", 2L, 1L, 1L, 0L, new BigDecimal("2.00")),
                List.of("P2", 2L, 1L, 1L, 0L, new BigDecimal("5.00"))), false);
        assertThat(ReportTotals.of(sla)).get().extracting(ReportTotals::values)
                .isEqualTo(Arrays.asList(null, 4L, 2L, 2L, 0L, null));
        ReportTable one = new ReportTable(ReportKind.ACCEPTANCES_DUE.columns(), List.of(
                List.of(UUID.randomUUID(), "Alpha", 1L)), false);
        assertThat(ReportTotals.of(one)).isEmpty();
    }
}
