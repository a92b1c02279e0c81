package io.clientspace.inforequest;

/** Whose turn it is in an open request; the process decides what to wait for by it. */
public enum WaitingOn {
    /** Some item is open or returned. */
    CUSTOMER,
    /** Every item is answered or accepted, and some still wait for review. */
    TEAM,
    /** Every item is accepted. */
    NOBODY
}
