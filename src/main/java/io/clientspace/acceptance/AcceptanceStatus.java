package io.clientspace.acceptance;

/** Where an acceptance stands. Pending until a contact accepts it or its deadline passes. */
public enum AcceptanceStatus {
    PENDING, ACCEPTED, EXPIRED
}
