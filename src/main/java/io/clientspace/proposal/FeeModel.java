package io.clientspace.proposal;

/** How the fee is charged; each model needs its own fields (see {@link ProposalRules}). */
public enum FeeModel {
    /** One amount for the whole scope. */
    FIXED_FEE,
    /** A rate per hour times the estimated hours. */
    HOURLY_RATE,
    /** A monthly amount for a term in months. */
    RETAINER,
    /** Amounts due at milestones; the fee is their sum. */
    MILESTONE
}
