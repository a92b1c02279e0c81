package io.clientspace.proposal;

/**
 * Where a proposal stands. Draft and awaiting approval are internal; the customer sees a proposal from its sending
 * on, where {@link #SENT} reads "Pending".
 */
public enum ProposalStatus {
    DRAFT, AWAITING_APPROVAL, SENT, ACCEPTED, DECLINED, EXPIRED,
    /** The team took it back after sending, with a reason; it can no longer be answered, and may be revised. */
    WITHDRAWN;

    /** Whether the customer has seen it (sent, and maybe answered, expired or withdrawn since). */
    public boolean isVisibleToCustomer() {
        return this == SENT || this == ACCEPTED || this == DECLINED || this == EXPIRED || this == WITHDRAWN;
    }

    /** Whether the customer's answer, the expiry or a withdrawal has closed it. */
    public boolean isClosed() {
        return this == ACCEPTED || this == DECLINED || this == EXPIRED || this == WITHDRAWN;
    }
}
