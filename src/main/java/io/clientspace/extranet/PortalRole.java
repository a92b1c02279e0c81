package io.clientspace.extranet;

/**
 * What a contact does for the customer, and so what the portal lets them do by default: decision makers and approvers
 * accept and decline proposals and acceptances; billing contacts also see the client's invoices and acts; everyone
 * active reads what is shared. A contact's {@link ContactPolicy} can narrow it (docs/decisions/DD035).
 */
public enum PortalRole {
    DECISION_MAKER, APPROVER, BILLING, COMMUNICATION_OWNER, OTHER;

    /** Whether the role may accept or decline proposals and acceptances. */
    public boolean decides() {
        return this == DECISION_MAKER || this == APPROVER;
    }
}
