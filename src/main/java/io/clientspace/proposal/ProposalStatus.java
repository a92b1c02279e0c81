package io.clientspace.proposal;

/**
 * Where a proposal stands. Draft and awaiting approval are internal; the customer sees a proposal from its sending
 * on, where {@link #SENT} reads "Pending".
 */
public enum ProposalStatus {
    DRAFT, AWAITING_APPROVAL, SENT, ACCEPTED, DECLINED, EXPIRED;

    /** Whether the customer has seen it (sent, and maybe answered or expired since). */
    public boolean isVisibleToCustomer() {
        return this == SENT || this == ACCEPTED || this == DECLINED || this == EXPIRED;
    }

    /** Whether the customer's answer or the expiry has closed it. */
    public boolean isClosed() {
        return this == ACCEPTED || this == DECLINED || this == EXPIRED;
    }
}
