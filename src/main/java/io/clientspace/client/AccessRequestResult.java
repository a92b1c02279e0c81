package io.clientspace.client;

/** What became of a request for access. */
public enum AccessRequestResult {
    /** The owner is told now. */
    SENT,
    /** The same person asked within the last day; the owner is not told twice. */
    ALREADY_ASKED,
    /** The person can open the client already. */
    HAS_ACCESS
}
