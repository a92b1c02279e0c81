package io.clientspace.request;

/** Where a client request stands; the process decides the moves, the service records them. */
public enum RequestState {
    /** In the handling group's queue: nobody has taken it yet. */
    QUEUED,
    /** Someone works on it. */
    IN_PROGRESS,
    /** The team asked the client a question; the SLA clock is stopped. */
    WAITING_CLIENT,
    /** Resolved; waits for the client to confirm or reopen it, or closes itself. */
    RESOLVED,
    CLOSED,
    CANCELLED;

    public boolean isOpen() {
        return this != CLOSED && this != CANCELLED;
    }

    /** Whose turn it is: true when the client has to do something (answer, confirm). */
    public boolean waitsOnClient() {
        return this == WAITING_CLIENT || this == RESOLVED;
    }
}
