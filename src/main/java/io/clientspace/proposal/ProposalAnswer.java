package io.clientspace.proposal;

/**
 * What came of a customer's accept or decline. "Already" answers are normal: a double click, a second tab or a
 * colleague on the customer's side got there first; nothing changed.
 */
public enum ProposalAnswer {
    /** This call accepted it. */
    ACCEPTED,
    /** This call declined it. */
    DECLINED,
    ALREADY_ACCEPTED,
    ALREADY_DECLINED,
    /** Past its valid-until date: nothing can be answered any more. */
    EXPIRED,
    /** The team withdrew it before this answer: nothing can be answered any more. */
    WITHDRAWN;

    /** Whether this call changed the proposal. */
    public boolean changed() {
        return this == ACCEPTED || this == DECLINED;
    }
}
