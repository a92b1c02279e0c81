package io.clientspace.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** The durations process owners write on models, read as the engine's timers read them. */
class IsoDurationsTests {

    @Test
    void daysAndTimesAreExact() {
        assertThat(IsoDurations.parse("P7D")).isEqualTo(Duration.ofDays(7));
        assertThat(IsoDurations.parse("PT48H")).isEqualTo(Duration.ofHours(48));
        assertThat(IsoDurations.parse("P2DT30M")).isEqualTo(Duration.ofDays(2).plusMinutes(30));
    }

    @Test
    void monthsAndYearsCountFromNow() {
        assertThat(IsoDurations.parse("P1M")).isBetween(Duration.ofDays(28), Duration.ofDays(31));
        assertThat(IsoDurations.parse("P1Y")).isBetween(Duration.ofDays(365), Duration.ofDays(366));
        assertThat(IsoDurations.parse("P1Y2M")).isBetween(Duration.ofDays(365 + 59), Duration.ofDays(366 + 62));
    }

    @Test
    void anythingElseIsRefused() {
        assertThatThrownBy(() -> IsoDurations.parse("three days")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoDurations.parse("P")).isInstanceOf(DateTimeParseException.class);
    }
}
