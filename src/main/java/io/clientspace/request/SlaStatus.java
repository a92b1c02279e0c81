package io.clientspace.request;

/** The SLA status a queue filters by. */
public enum SlaStatus {
    ON_TRACK,
    /** Less than an hour left on the target that runs. */
    BREACHING_SOON,
    BREACHED,
    /** The client has the turn: no clock runs. */
    PAUSED,
    /** Closed or cancelled: no clock. */
    NONE
}
