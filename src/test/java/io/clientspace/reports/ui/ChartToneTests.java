package io.clientspace.reports.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Series that mean good or bad get Lumo's success or error colour and a mark; the rest stay neutral. */
class ChartToneTests {

    @Test
    void breachedExpiredAndLostReadAsBadMetAcceptedAndWonAsGood() {
        assertThat(ReportsView.tone("sla-breached", null)).isEqualTo(ReportsView.Tone.BAD);
        assertThat(ReportsView.tone("expired", null)).isEqualTo(ReportsView.Tone.BAD);
        assertThat(ReportsView.tone("outcome", "LOST")).isEqualTo(ReportsView.Tone.BAD);
        assertThat(ReportsView.tone("sla-met", null)).isEqualTo(ReportsView.Tone.GOOD);
        assertThat(ReportsView.tone("accepted", null)).isEqualTo(ReportsView.Tone.GOOD);
        assertThat(ReportsView.tone("outcome", "WON")).isEqualTo(ReportsView.Tone.GOOD);
        assertThat(ReportsView.tone("sent", null)).isEqualTo(ReportsView.Tone.NEUTRAL);
        assertThat(ReportsView.tone("currency", "EUR")).isEqualTo(ReportsView.Tone.NEUTRAL);
        assertThat(ReportsView.Tone.BAD.color).isEqualTo("--lumo-error-color");
        assertThat(ReportsView.Tone.GOOD.color).isEqualTo("--lumo-success-color");
        assertThat(ReportsView.Tone.BAD.mark).isNotBlank();
    }
}
