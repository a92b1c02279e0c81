package io.clientspace.extranet;

/** What a contact does for the customer; proposals and acceptances will go to the right people by it. */
public enum PortalRole {
    DECISION_MAKER, REVIEWER, APPROVER, BILLING, OTHER
}
