package io.clientspace.acceptance;

/** Where an acceptance stands. Pending until a contact accepts it, its deadline passes or the team withdraws it. */
public enum AcceptanceStatus {
    PENDING, ACCEPTED, EXPIRED, WITHDRAWN
}
