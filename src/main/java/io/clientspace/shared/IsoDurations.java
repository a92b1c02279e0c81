package io.clientspace.shared;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/** The ISO-8601 durations process owners write in models: days and times (P7D, PT48H) or months and years (P1M). */
public final class IsoDurations {

    private IsoDurations() {
    }

    /**
     * Reads it as the engine's timers do; months and years count from now.
     *
     * @throws DateTimeParseException when it is neither
     */
    public static Duration parse(String iso) {
        try {
            return Duration.parse(iso);
        } catch (DateTimeParseException e) {
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            return Duration.between(now, now.plus(Period.parse(iso)));
        }
    }
}
