package io.clientspace.acceptance;

/**
 * The answer to an accept: the acceptance as it now stands and whether it had already been accepted (by this
 * contact in another tab, or by a colleague of theirs), which is a normal answer, not an error.
 */
public record AcceptOutcome(CustomerAcceptance acceptance, boolean alreadyAccepted) {
}
