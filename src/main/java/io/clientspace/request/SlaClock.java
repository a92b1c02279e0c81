package io.clientspace.request;

import java.time.Duration;
import java.time.Instant;

/**
 * The arithmetic of the SLA clock (DD018): a target is counted from the moment the request was raised, and every
 * wait on the client moves the resolution target on by the time waited. Pure, so that plain unit tests pin it.
 */
public final class SlaClock {

    /** How close to a target counts as "breaching in less than an hour". */
    public static final Duration SOON = Duration.ofHours(1);

    private SlaClock() {
    }

    /** When a target counted from {@code from} passes. */
    public static Instant due(Instant from, Duration target) {
        return from.plus(target);
    }

    /** The due date once the client gives the turn back at {@code now}, after waiting since {@code pausedSince}. */
    public static Instant resumed(Instant due, Instant pausedSince, Instant now) {
        if (due == null || pausedSince == null || !now.isAfter(pausedSince)) {
            return due;
        }
        return due.plus(Duration.between(pausedSince, now));
    }

    /** Seconds waited so far, for the running total. */
    public static long waited(Instant pausedSince, Instant now) {
        return pausedSince == null || !now.isAfter(pausedSince) ? 0 : Duration.between(pausedSince, now).toSeconds();
    }

    /**
     * The status of the clock that runs: the response target while nobody has taken it, then the resolution target.
     */
    public static SlaStatus status(RequestState state, Instant responseDue, Instant respondedAt, Instant resolutionDue,
                                   Instant now) {
        if (!state.isOpen()) {
            return SlaStatus.NONE;
        }
        if (state.waitsOnClient()) {
            return SlaStatus.PAUSED;
        }
        Instant due = respondedAt == null && responseDue != null ? responseDue : resolutionDue;
        if (due == null) {
            return SlaStatus.ON_TRACK;
        }
        if (!now.isBefore(due)) {
            return SlaStatus.BREACHED;
        }
        return Duration.between(now, due).compareTo(SOON) < 0 ? SlaStatus.BREACHING_SOON : SlaStatus.ON_TRACK;
    }
}
