package io.clientspace.acceptance.process;

import io.clientspace.shared.IsoDurations;
import java.time.Duration;
import java.util.Date;

/**
 * Date arithmetic for the model's timers ({@code ${acceptanceTimes.reminderAt(expiresAt, remindBefore)}}), which
 * the expression language cannot do itself.
 */
public class AcceptanceTimes {

    /** When the reminder is due: {@code remindBefore} (ISO-8601: PT48H, P2D) ahead of the deadline. */
    public Date reminderAt(Date expiresAt, String remindBefore) {
        return Date.from(expiresAt.toInstant().minus(duration(remindBefore)));
    }

    static Duration duration(String iso) {
        return IsoDurations.parse(iso);
    }
}
