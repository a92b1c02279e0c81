package io.clientspace.acceptance;

/** What verifying a piece of acceptance evidence found. */
public enum EvidenceCheck {
    /** The signature matches every signed field: nothing changed since the acceptance. */
    VALID,
    /** The signature does not match: a field or the signature was changed. */
    TAMPERED,
    /** There is no signature to check (an acceptance from before evidence was sealed). */
    UNSIGNED,
    /** Not an evidence export at all. */
    UNREADABLE
}
